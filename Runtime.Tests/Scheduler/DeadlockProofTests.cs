using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary>
/// The default deadlock rule (DeadlockProbe.cs): a goroutine is reported only when a garbage collection
/// proves that nothing outside the runtime can reach what it waits on. The joining helpers are optimized from
/// the first call and hold no try block (tier-0 code, and locals live into an exception handler, stay alive
/// until the method returns: that only loses detections, and these tests assert detections).
/// </summary>
public class DeadlockProofTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2); // a hang guard, never a timing assert

    /// <summary>
    /// A plain thread keeps the channel and sends only after the runtime went quiescent and a probe ran: the
    /// probe must find the receiver reachable, and the receiver then gets the value.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void APlainThreadThatSendsAfterAProbeIsNeverReported(int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        var probes = new SemaphoreSlim(0);
        int reported = 0;
        rt.Sched.DeadlockProbeFinished = dead => { Interlocked.Add(ref reported, dead); probes.Release(); };
        var ch = new Chan<int>();
        int got = 0;
        IEnumerable<Op> Receiver() { var r = Recv(ch); yield return r; got = r.Result; }
        var h = rt.Go(Receiver());
        Assert.True(probes.Wait(Guard), "no probe ran although the runtime went idle with a goroutine parked");
        ch.Send(42);
        h.Join();
        Assert.Equal(42, got);
        Assert.Equal(0, Volatile.Read(ref reported));
    }

    /// <summary>
    /// 1,000 seeded runs (deterministic mode, virtual time) of programs that mix receivers parked on a channel a
    /// plain thread holds, virtual timers, a Task that a plain thread completes later and a blocking call a
    /// plain thread releases. The sender sends only after a probe ran; no run may report a deadlock.
    /// </summary>
    [Fact]
    public void SeededProgramsWithOutsideWakersNeverReportFalsely()
    {
        int probesRun = 0;
        for (int seed = 1; seed <= 1000; seed++) probesRun += RunSeeded(seed);
        Assert.True(probesRun >= 1000, $"only {probesRun} probes ran in 1,000 runs");
    }

    private static int RunSeeded(int seed)
    {
        var rng = new Random(seed);
        int receivers = rng.Next(1, 4);
        bool withTask = rng.Next(2) == 0, withBlocking = rng.Next(2) == 0, withTimer = rng.Next(2) == 0;
        using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
        var probes = new SemaphoreSlim(0);
        int reported = 0, probesRun = 0;
        rt.Sched.DeadlockProbeFinished = dead =>
        {
            Interlocked.Add(ref reported, dead);
            Interlocked.Increment(ref probesRun);
            probes.Release();
        };
        var ch = new Chan<int>();
        var tcs = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var gate = new ManualResetEventSlim();
        int sum = 0;
        IEnumerable<Op> Receiver(int sleepMs)
        {
            var r = Recv(ch);
            yield return r;
            if (sleepMs > 0) yield return TimeOps.Sleep(sleepMs); // a timer after the wake-up
            Interlocked.Add(ref sum, r.Result);
        }
        IEnumerable<Op> Awaiter()
        {
            var a = AwaitOps.Await(tcs.Task);
            yield return a;
            Interlocked.Add(ref sum, a.Result);
        }
        IEnumerable<Op> Blocker()
        {
            Go.Blocking(() => gate.Wait());
            yield break;
        }
        IEnumerable<Op> Sleeper() { yield return TimeOps.Sleep(rng.Next(1, 1000)); }
        var handles = new List<Goroutine>();
        IEnumerable<Op> Main()
        {
            for (int i = 0; i < receivers; i++) handles.Add(GoRuntime.Current.Go(Receiver(withTimer ? 1 + i : 0)));
            if (withTask) handles.Add(GoRuntime.Current.Go(Awaiter()));
            if (withBlocking) handles.Add(GoRuntime.Current.Go(Blocker()));
            if (withTimer) handles.Add(GoRuntime.Current.Go(Sleeper()));
            yield break;
        }
        rt.Go(Main()).Join();
        // The outside world: complete the Task, release the blocking call, then, once a probe has looked at
        // the parked receivers (this thread still holds their channel), send to each.
        tcs.SetResult(100);
        gate.Set();
        Assert.True(probes.Wait(Guard), $"seed {seed}: no probe ran");
        for (int i = 0; i < receivers; i++) ch.Send(1);
        foreach (var h in handles) h.Join();
        Assert.Equal(receivers + (withTask ? 100 : 0), sum);
        Assert.Equal(0, Volatile.Read(ref reported));
        return Volatile.Read(ref probesRun);
    }
}
