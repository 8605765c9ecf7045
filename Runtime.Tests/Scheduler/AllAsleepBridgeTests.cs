using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoSharp.Scheduler;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary>
/// Go's all-asleep rule (GoRuntimeOptions.DeadlockOnAllAsleep) next to Task awaits: a goroutine parked in
/// <c>Go.Await</c> is woken by whoever completes the Task, so while one waits nothing is deadlocked, and the
/// goroutines it will wake must not be written off, not even in the instant its Task completes. The same holds for a
/// goroutine waiting for a socket.
/// </summary>
public class AllAsleepBridgeTests
{
    private static readonly TimeSpan Guard = BlockingTests.Guard; // a hang guard, never a timing assert

    /// <summary>
    /// The M has made its deadlock check and sleeps: on its note (a managed wait), or in the network poller, which
    /// it enters after the check (a native wait, which .NET reports as running).
    /// </summary>
    private static bool HasGoneIdle(M m) => (m.Thread.ThreadState & ThreadState.WaitSleepJoin) != 0 || Volatile.Read(ref m.InPoll);

    /// <summary>
    /// The instant made exact: the Task completes on a plain thread, and between the moment its await stops counting
    /// as a wait for the outside world and the moment the awaiting goroutine is queued (a test hook holds the thread
    /// there), a second goroutine parks on the channel the first will send on and its M goes idle. The all-asleep
    /// check that M makes saw no outside wait and the awaiting goroutine still parked, and wrote the receiver off as
    /// deadlocked: its joiner got a DeadlockException although the value was on its way.
    /// </summary>
    [Fact]
    public void AGoroutineWhoseTaskHasJustCompletedIsNotAsleep()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, DetectDeadlocks = true, DeadlockOnAllAsleep = true });
        var tcs = new TaskCompletionSource<int>(); // continuations run inline: the completing thread readies the awaiter
        var ch = new Chan<int>();
        IEnumerable<Op> Awaiter(Action<M> started)
        {
            started(M.Current!);
            var got = AwaitOps.Await(tcs.Task);
            yield return got;
            yield return Send(ch, got.Result);
        }
        Assert.Equal(42, ReceivedWhileTheWaitEnds(rt, ch, Awaiter, () => tcs.SetResult(42), "the await did not park"));
    }

    /// <summary>
    /// Under load, without a hook: workers await Tasks the thread pool completes (inline and through the pool) and send
    /// the results to a main goroutine that receives them all; with Go's rule on, no round may be reported.
    /// </summary>
    [Theory, InlineData(1), InlineData(2), InlineData(4)]
    public void WorkersAwaitingTasksAreNeverReportedAsleep(int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs, DetectDeadlocks = true, DeadlockOnAllAsleep = true });
        const int Workers = 8, Awaits = 3;
        for (int round = 0; round < 100; round++)
        {
            int sum = 0;
            IEnumerable<Op> Worker(int k, Chan<int> results)
            {
                int total = 0;
                for (int i = 0; i < Awaits; i++)
                {
                    int v = k * 10 + i;
                    var a = AwaitOps.Await(i % 2 == 0 ? Task.Run(() => v) : Task.FromResult(v).ContinueWith(t => t.Result, TaskScheduler.Default));
                    yield return a;
                    total += a.Result;
                }
                yield return Send(results, total);
            }
            IEnumerable<Op> Main()
            {
                var results = new Chan<int>();
                for (int k = 0; k < Workers; k++) GoRuntime.Current.Go(Worker(k, results));
                for (int k = 0; k < Workers; k++)
                {
                    var r = Recv(results);
                    yield return r;
                    sum += r.Result;
                }
            }
            rt.Go(Main()).Join(); // threw DeadlockException if a round was reported
            Assert.Equal(Enumerable.Range(0, Workers).Sum(k => Enumerable.Range(0, Awaits).Sum(i => k * 10 + i)), sum);
        }
    }

    /// <summary>
    /// The same instant for a socket wait, which counts as an outside wait too: a plain thread moves a parked read's
    /// deadline into the past, and the interrupt readies the reader, which then sends on a channel. The count used
    /// to drop before the reader was marked runnable (PollWaiter.OnPollReady).
    /// </summary>
    [Fact]
    public void AGoroutineWhoseSocketWaitHasJustEndedIsNotAsleep()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, DetectDeadlocks = true, DeadlockOnAllAsleep = true });
        var (a, b) = Net.NetTestKit.Pair();
        using (a)
        using (b)
        {
            var ch = new Chan<int>();
            IEnumerable<Op> Reader(Action<M> started)
            {
                started(M.Current!);
                var r = Net.NetOps.Read(a, new byte[16]).Catch(); // the peer never writes
                yield return r;
                yield return Send(ch, r.Error is GoSharp.Net.DeadlineExceededException ? 1 : -1);
            }
            // Counted, and published in the socket's descriptor (the commit step, before the M looks for other work):
            // the deadline's interrupt finds it there.
            Assert.Equal(1, ReceivedWhileTheWaitEnds(rt, ch, Reader, () => a.SetReadDeadline(DateTime.UtcNow.AddMinutes(-1)), "the read did not park"));
        }
    }

    /// <summary>
    /// Both halves of the instant: <paramref name="waiter"/> parks in an outside wait (counted, and registered by the
    /// commit step before its M looks for other work) and will send on <paramref name="ch"/>; <paramref name="end"/>
    /// ends the wait from a plain thread (one without a SynchronizationContext, which would send the continuation to
    /// the pool), and the test hook holds that thread where the wait stops counting while a receiver parks on
    /// <paramref name="ch"/> and its M makes its deadlock check and sleeps. The receiver's join threw
    /// DeadlockException; what it received is returned.
    /// </summary>
    private static int ReceivedWhileTheWaitEnds(GoRuntime rt, Chan<int> ch, Func<Action<M>, IEnumerable<Op>> waiter, ThreadStart end, string parked)
    {
        M? waiterM = null;
        M? receiverM = null;
        int received = 0;
        IEnumerable<Op> Receiver()
        {
            receiverM = M.Current;
            var r = Recv(ch);
            yield return r;
            received = r.Result;
        }
        var waiting = rt.Go(waiter(m => waiterM = m));
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref rt.Sched.ExternalWaits) == 1
            && Volatile.Read(ref waiterM) is { } m && HasGoneIdle(m), Guard), parked);

        Goroutine receiver = default;
        bool receiverParkedAndMIdle = false;
        rt.Sched.ExternalWaitEnded = () =>
        {
            rt.Sched.ExternalWaitEnded = null;
            receiver = rt.Go(Receiver());
            receiverParkedAndMIdle = SpinWait.SpinUntil(() => receiver.IsCompleted
                || rt.Sched.IdleProcs == 1 && Volatile.Read(ref receiverM) is { } m
                   && HasGoneIdle(m), Guard);
        };
        var ender = new Thread(end);
        ender.Start();
        ender.Join();
        Assert.True(receiverParkedAndMIdle, "the interleaving was not reached");
        receiver.Join(); // threw DeadlockException
        waiting.Join();
        return received;
    }
}
