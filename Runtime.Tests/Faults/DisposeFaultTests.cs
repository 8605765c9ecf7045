using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoSharp.CompilerServices;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Faults;

/// <summary>
/// Scenario 3: Dispose while every kind of waiter waits. Every joiner (thread, async, a goroutine of another
/// runtime) gets <see cref="ObjectDisposedException"/>; nothing hangs; channels outlive the runtime: a value
/// is never handed to an abandoned goroutine, and plain threads keep using the channel.
/// </summary>
[Collection(FaultsCollection.Name)]
public class DisposeFaultTests
{
    private static IEnumerable<Op> One(Op op) { yield return op; }

    private static IEnumerable<Op> CondWaiter(Sync.Mutex m, Cond c)
    {
        yield return SyncOps.Lock(m);
        yield return SyncOps.Wait(c);
        m.Unlock();
    }

    private static void AssertDisposed(Exception? e, string who) =>
        Assert.True(e is ObjectDisposedException, $"{who} saw {(e is null ? "no exception" : e.ToString())}, expected ObjectDisposedException");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void EveryKindOfWaiterIsReleasedByDispose(int procs)
    {
        procs = FaultEnv.Procs(procs);
        for (int round = 0; round < 2 * FaultEnv.Rounds; round++) Round(procs);
    }

    private static void Round(int procs)
    {
        var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        var recvCh = new Chan<int>();          // its only receiver is a goroutine about to be abandoned
        var sendCh = new Chan<int>();
        var selA = new Chan<int>();
        var selB = new Chan<string>(1);
        var mu = new Sync.Mutex();
        mu.Lock();                             // held by this thread: the goroutine parks in Lock
        var wg = new WaitGroup();
        wg.Add(1);
        var condMu = new Sync.Mutex();
        var cond = new Cond(condMu);
        var threadCh = new Chan<int>();        // a plain thread waits here
        var asyncCh = new Chan<int>();         // RecvAsync waits here

        Goroutine[] parked;
        using (rt.Enter())
        {
            parked = new[]
            {
                rt.Go(One(Recv(recvCh))),
                rt.Go(One(Send(sendCh, 1))),
                rt.Go(One(SelectOps.Select(selA.RecvCase(), selB.RecvCase()))),
                rt.Go(One(SyncOps.Lock(mu))),
                rt.Go(One(SyncOps.Wait(wg))),
                rt.Go(CondWaiter(condMu, cond)),
                rt.Go(One(TimeOps.Sleep(TimeSpan.FromHours(1)))),
            };
        }
        FaultEnv.WaitParked(rt, "[chan receive]");
        FaultEnv.WaitParked(rt, "[chan send]");
        FaultEnv.WaitParked(rt, "[select]");
        FaultEnv.WaitParked(rt, "[sync.Mutex.Lock]");
        FaultEnv.WaitParked(rt, "[sync.WaitGroup.Wait]");
        FaultEnv.WaitParked(rt, "[sync.Cond.Wait]");
        FaultEnv.WaitParked(rt, "[sleep]");

        Exception? threadJoinError = null;
        int threadGot = 0;
        var joiner = FaultEnv.Start(() => { try { parked[0].Join(); } catch (Exception ex) { threadJoinError = ex; } }, null, "thread joiner");
        var receiver = FaultEnv.Start(() => threadGot = threadCh.Recv(), null, "thread receiver");
        Task awaiting = Task.Run(async () => await parked[1]);
        Task<int> recvAsync = asyncCh.RecvAsync().AsTask();

        var disposing = FaultEnv.Start(() => rt.Dispose(), null, "dispose");
        FaultEnv.Joined(disposing, "Dispose with waiters of every kind");

        for (int i = 0; i < parked.Length; i++) AssertDisposed(FaultEnv.JoinError(parked[i], $"join parked[{i}]"), $"Join of parked goroutine {i}");
        FaultEnv.Joined(joiner, "plain thread in Join");
        AssertDisposed(threadJoinError, "a plain thread blocked in Join");
        FaultEnv.Done(awaiting, "await handle");
        AssertDisposed(awaiting.Exception?.InnerException, "await handle");
        Assert.Throws<ObjectDisposedException>(() => rt.Spawn(new PlainFrame(() => { })));

        // The channels were not the runtime's: a plain thread and RecvAsync still waiting on one get their values,
        FaultEnv.Guarded("send to the plain thread", () => threadCh.Send(7));
        FaultEnv.Joined(receiver, "plain thread in Recv");
        Assert.Equal(7, threadGot);
        FaultEnv.Guarded("send to RecvAsync", () => asyncCh.Send(8));
        FaultEnv.Done(recvAsync, "RecvAsync");
        Assert.Equal(8, recvAsync.Result);
        mu.Unlock();
        // the abandoned receiver must not take a value, and plain threads go on using its channel.
        Assert.False(recvCh.TrySend(41), "TrySend handed a value to an abandoned goroutine");
        var sender = FaultEnv.Start(() => recvCh.Send(42), null, "sender after dispose");
        int got = 0;
        FaultEnv.Guarded("recv after dispose", () => got = recvCh.Recv());
        Assert.Equal(42, got);
        FaultEnv.Joined(sender, "sender after dispose");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AGoroutineOfAnotherRuntimeJoiningGetsObjectDisposed(int procs)
    {
        procs = FaultEnv.Procs(procs);
        var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        var other = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs, Name = "other" });
        try
        {
            var ch = new Chan<int>();
            var victim = rt.Go(One(Recv(ch)));
            FaultEnv.WaitParked(rt, "[chan receive]");
            var foreignJoiner = other.Go(One(Join(victim)));
            FaultEnv.WaitParked(other, "[join]");
            FaultEnv.Guarded("Dispose", () => rt.Dispose());
            AssertDisposed(FaultEnv.JoinError(foreignJoiner, "goroutine of another runtime joining"), "a goroutine of another runtime joining");
            FaultEnv.AssertHealthy(other);
        }
        finally
        {
            rt.Dispose();
            other.Dispose(TimeSpan.FromSeconds(2));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void AValueIsNeverHandedToAnAbandonedReceiver(int procs)
    {
        procs = FaultEnv.Procs(procs);
        for (int round = 0; round < 5 * FaultEnv.Rounds; round++)
        {
            var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
            var ch = new Chan<int>();
            var sel = new Chan<int>();
            var receivers = new[] { rt.Go(One(Recv(ch))), rt.Go(One(SelectOps.Select(sel.RecvCase(), ch.RecvCase()))) };
            FaultEnv.WaitParked(rt, "[chan receive]");
            FaultEnv.WaitParked(rt, "[select]");
            FaultEnv.Guarded("Dispose", () => rt.Dispose());
            foreach (var h in receivers) AssertDisposed(FaultEnv.JoinError(h, "abandoned receiver"), "the joiner of an abandoned receiver");
            Assert.False(ch.TrySend(1), "TrySend handed a value to an abandoned goroutine (Recv)");
            Assert.False(ch.TrySend(2), "TrySend handed a value to an abandoned goroutine (Select)");
            Assert.False(sel.TrySend(3), "TrySend handed a value to an abandoned goroutine (Select, first case)");
            // Plain threads still use the channel: send+recv pairs, in order.
            for (int i = 0; i < 3; i++)
            {
                int v = 100 + i, got = 0;
                var sender = FaultEnv.Start(() => ch.Send(v), null, "sender");
                FaultEnv.Guarded("recv after dispose", () => got = ch.Recv());
                FaultEnv.Joined(sender, "sender after dispose");
                Assert.Equal(v, got);
            }
        }
    }

    /// <summary>A goroutine blocked in plain (non-generated) code: <c>void F(Chan&lt;int&gt; c) => c.Recv();</c> with no suspension point.</summary>
    private sealed class BlockingRecvFrame : Frame
    {
        private readonly Chan<int> _c;
        private readonly ManualResetEventSlim _entered;
        public BlockingRecvFrame(Chan<int> c, ManualResetEventSlim entered) { _c = c; _entered = entered; }
        public override FrameResult Resume(G g)
        {
            _entered.Set();
            _c.Recv(); // blocks the M, holding its P (the scheduler hands the P off)
            return FrameResult.Completed;
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AGoroutineBlockedInPlainCodeDoesNotHoldDispose(int procs)
    {
        procs = FaultEnv.Procs(procs);
        var c = new Chan<int>();
        var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        try
        {
            using var entered = new ManualResetEventSlim();
            var h = rt.Spawn(new BlockingRecvFrame(c, entered));
            Assert.True(entered.Wait(FaultEnv.Guard), "the goroutine never started");
            Exception? joinError = null;
            var joiner = FaultEnv.Start(() => { try { h.Join(); } catch (Exception ex) { joinError = ex; } }, null, "joiner");
            // A timeout far beyond the hang guard: Dispose must not wait for the blocked goroutine to come back.
            var disposing = FaultEnv.Start(() => rt.Dispose(TimeSpan.FromMinutes(5)), null, "dispose");
            FaultEnv.Joined(disposing, "Dispose waited for a goroutine blocked in plain code");
            FaultEnv.Joined(joiner, "joiner of a goroutine blocked in plain code");
            AssertDisposed(joinError, "the joiner of a goroutine blocked in plain code");
        }
        finally
        {
            c.Close(); // release the blocked thread whatever happened
        }
    }
}
