using System;
using System.IO.Pipes;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary>
/// The blocking .NET calls a Go developer reaches for first, made in a goroutine's plain code without Go.Blocking
/// (sync over async included). Each waits for something only the other goroutines' progress brings (a thousand
/// round trips on the only P, BlockingTests.OthersRunWhileOneBlocks), so the runtime must hand the P on as Go does
/// for a system call; a stall is a hang the guard turns into a failure. The managed waits are retaken after a sysmon
/// round or two, the native pipe read after the time slices (docs/blocking.md).
/// </summary>
public class UnannouncedWaitsTests
{
    public static TheoryData<string> Kinds => new() { "Task.Wait", "Task.Result", "SemaphoreSlim.Wait", "Monitor.Wait", "Thread.Join", "pipe read" };

    private static void Block(string kind, ManualResetEventSlim gate)
    {
        switch (kind)
        {
            case "Task.Wait":
                Task.Run(() => gate.Wait()).Wait();
                break;
            case "Task.Result":
                Assert.Equal(1, Task.Run(() => { gate.Wait(); return 1; }).Result);
                break;
            case "SemaphoreSlim.Wait":
            {
                using var s = new SemaphoreSlim(0);
                var released = new ManualResetEventSlim(); // not disposed: a failed assert must not turn Set into a crash
                ThreadPool.QueueUserWorkItem(_ => { gate.Wait(); s.Release(); released.Set(); });
                s.Wait();
                released.Wait(); // Release may still be inside the semaphore when Wait returns: dispose after it
                break;
            }
            case "Monitor.Wait":
            {
                var o = new object();
                bool set = false;
                ThreadPool.QueueUserWorkItem(_ => { gate.Wait(); lock (o) { set = true; Monitor.PulseAll(o); } });
                lock (o) while (!set) Monitor.Wait(o);
                break;
            }
            case "Thread.Join":
            {
                var t = new Thread(() => gate.Wait());
                t.Start();
                t.Join();
                break;
            }
            case "pipe read":
            {
                using var server = new AnonymousPipeServerStream(PipeDirection.Out);
                using var client = new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle);
                var written = new ManualResetEventSlim();
                ThreadPool.QueueUserWorkItem(_ => { gate.Wait(); server.WriteByte(7); server.Flush(); written.Set(); });
                Assert.Equal(7, client.ReadByte()); // a native read: .NET sees a running thread
                // The byte arrives before WriteByte returns to the writer, whose Flush on a disposed pipe would
                // crash the test host from a pool thread: close the pipe only once the writer is done with it.
                written.Wait();
                break;
            }
            default:
                throw new ArgumentException(kind);
        }
    }

    [Theory, MemberData(nameof(Kinds))]
    public void TheOthersRunWhileAGoroutineBlocksUnannouncedOnOneP(string kind) =>
        BlockingTests.OthersRunWhileOneBlocks(gate => Block(kind, gate), procs: 1);

    [Theory, MemberData(nameof(Kinds))]
    public void TheOthersRunWhileAGoroutineBlocksInGoBlockingOnOneP(string kind) =>
        BlockingTests.OthersRunWhileOneBlocks(gate => Go.Blocking(() => Block(kind, gate)), procs: 1);
}
