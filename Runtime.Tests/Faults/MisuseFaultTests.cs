using System;
using System.Collections.Generic;
using System.Threading;
using GoSharp.CompilerServices;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Faults;

/// <summary>
/// Scenario 5: misuse of every primitive throws, leaves the primitive working, and leaves the runtime running
/// new goroutines normally.
/// </summary>
[Collection(FaultsCollection.Name)]
public class MisuseFaultTests
{
    private static GoRuntime New(int procs) => new(new GoRuntimeOptions { MaxProcs = FaultEnv.Procs(procs) });

    private static IEnumerable<Op> One(Op op) { yield return op; }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void CondWaitWithoutTheLockThrowsAndTheNextSignalWakesARealWaiter(int procs)
    {
        using var rt = New(procs);
        for (int round = 0; round < 3 * FaultEnv.Rounds; round++)
        {
            var m = new Sync.Mutex();
            var cond = new Cond(m);
            // A plain thread and a goroutine each wait without holding L.
            Assert.ThrowsAny<Exception>(() => cond.Wait());
            Assert.NotNull(FaultEnv.JoinError(rt.Go(One(SyncOps.Wait(cond))), "goroutine Cond.Wait without the lock"));
            int woke = 0;
            IEnumerable<Op> Waiter()
            {
                yield return SyncOps.Lock(m);
                yield return SyncOps.Wait(cond);
                woke++;
                m.Unlock();
            }
            var h = rt.Go(Waiter());
            FaultEnv.WaitParked(rt, "[sync.Cond.Wait]");
            m.Lock();
            cond.Signal(); // one signal: must go to the real waiter, not to a failed one
            m.Unlock();
            Assert.Null(FaultEnv.JoinError(h, "the real Cond waiter after one Signal"));
            Assert.Equal(1, woke);

            // The same with a plain thread as the real waiter.
            int threadWoke = 0;
            using var locked = new ManualResetEventSlim();
            var t = FaultEnv.Start(() => { m.Lock(); locked.Set(); cond.Wait(); threadWoke = 1; m.Unlock(); }, null, "thread waiter");
            Assert.True(locked.Wait(FaultEnv.Guard));
            m.Lock(); // the waiter has released L, so it is queued
            cond.Signal();
            m.Unlock();
            FaultEnv.Joined(t, "the real Cond waiter (thread) after one Signal");
            Assert.Equal(1, threadWoke);
        }
        FaultEnv.AssertHealthy(rt);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void MutexUnlockOfUnlockedThrowsAndTheMutexStillWorks(int procs)
    {
        using var rt = New(procs);
        var m = new Sync.Mutex();
        Assert.ThrowsAny<Exception>(() => m.Unlock());
        Assert.True(m.TryLock());
        m.Unlock();
        Assert.ThrowsAny<Exception>(() => m.Unlock());
        int counter = 0, per = 200 * FaultEnv.Rounds;
        IEnumerable<Op> Worker()
        {
            for (int i = 0; i < per; i++)
            {
                yield return SyncOps.Lock(m);
                counter++;
                if (i % 7 == 0) yield return Yield();
                m.Unlock();
            }
        }
        var hs = new List<Goroutine>();
        for (int k = 0; k < 4; k++) hs.Add(rt.Go(Worker()));
        var t = FaultEnv.Start(() => { for (int i = 0; i < per; i++) { m.Lock(); counter++; m.Unlock(); } }, rt, "thread locker");
        foreach (var h in hs) Assert.Null(FaultEnv.JoinError(h, "mutex worker"));
        FaultEnv.Joined(t, "thread locker");
        Assert.Equal(5 * per, counter);
        Assert.True(m.TryLock());
        m.Unlock();
        FaultEnv.AssertHealthy(rt);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void WaitGroupNegativeCounterThrowsAndTheGroupStillWorks(int procs)
    {
        using var rt = New(procs);
        var wg = new WaitGroup();
        Assert.ThrowsAny<Exception>(() => wg.Add(-1));
        Assert.ThrowsAny<Exception>(() => wg.Done());
        const int n = 8;
        wg.Add(n);
        int done = 0;
        var waiter = rt.Go(One(SyncOps.Wait(wg)));
        IEnumerable<Op> Worker() { yield return Yield(); Interlocked.Increment(ref done); wg.Done(); }
        for (int i = 0; i < n; i++) rt.Go(Worker());
        Assert.Null(FaultEnv.JoinError(waiter, "WaitGroup waiter"));
        Assert.Equal(n, Volatile.Read(ref done));
        FaultEnv.Guarded("WaitGroup.Wait on a thread", wg.Wait);
        FaultEnv.AssertHealthy(rt);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ChannelMisuseThrowsAndTheRuntimeGoesOn(int procs)
    {
        using var rt = New(procs);
        foreach (int cap in new[] { 0, 2 })
        {
            var c = new Chan<int>(cap);
            if (cap > 0) c.Send(1);
            c.Close();
            Assert.Throws<ChannelClosedException>(() => c.Close());
            Assert.Throws<ChannelClosedException>(() => c.Send(2));
            var e = FaultEnv.JoinError(rt.Go(One(Send(c, 3))), "goroutine send on closed");
            Assert.IsType<ChannelClosedException>(e);
            Assert.IsType<ChannelClosedException>(FaultEnv.JoinError(rt.Spawn(new PlainFrame(() => c.Close())), "goroutine close of closed"));
            if (cap > 0) Assert.Equal((1, true), c.RecvOk()); // the buffered value survives the misuse
            Assert.Equal((0, false), c.RecvOk());
        }
        FaultEnv.AssertHealthy(rt);
    }

    [Fact]
    public void OnceDoNullThrowsAndTheOnceStillRunsItsActionOnce()
    {
        using var rt = New(2);
        var once = new Once();
        Assert.Throws<ArgumentNullException>(() => once.Do(null!));
        int runs = 0;
        var hs = new List<Goroutine>();
        for (int i = 0; i < 8; i++) hs.Add(rt.Go(One(SyncOps.Do(once, () => Interlocked.Increment(ref runs)))));
        once.Do(() => Interlocked.Increment(ref runs));
        foreach (var h in hs) Assert.Null(FaultEnv.JoinError(h, "Once.Do"));
        Assert.Equal(1, runs);
        Assert.Throws<ArgumentNullException>(() => new Once().Do(null!));
        FaultEnv.AssertHealthy(rt);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void SetMaxProcsBelowOneReturnsTheCurrentValueAndChangesNothing(int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        Assert.Equal(procs, rt.SetMaxProcs(0));
        Assert.Equal(procs, rt.MaxProcs);
        Assert.Equal(procs, rt.SetMaxProcs(-1));
        Assert.Equal(procs, rt.MaxProcs);
        Assert.Equal(procs, rt.SetMaxProcs(int.MinValue));
        Assert.Equal(procs, rt.MaxProcs);
        FaultEnv.AssertHealthy(rt);
        Assert.Equal(procs, rt.SetMaxProcs(2));
        Assert.Equal(2, rt.SetMaxProcs(0));
        FaultEnv.AssertHealthy(rt);
    }

    /// <summary>A hand-written frame that parks once (its commit always parks) and publishes its G.</summary>
    private sealed class ParkOnceFrame : Frame, IParkCommit
    {
        public volatile G? Parked;
        public int Resumes;
        public override FrameResult Resume(G g)
        {
            switch (State) { case 0: goto resume0; }
            State = 0;
            return g.Park(this, this, null, WaitReason.Other);
        resume0:
            State = -1;
            Resumes++;
            return FrameResult.Completed;
        }
        bool IParkCommit.Commit(G g, object? arg) { Parked = g; return true; }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void DoubleReadyThrowsAndTheRuntimeGoesOn(int procs)
    {
        using var rt = New(procs);
        for (int round = 0; round < 3 * FaultEnv.Rounds; round++)
        {
            var f = new ParkOnceFrame();
            var h = rt.Spawn(f);
            Assert.True(SpinWait.SpinUntil(() => f.Parked is not null, FaultEnv.Guard));
            var g = f.Parked!;
            g.Ready();
            Assert.Throws<InvalidOperationException>(() => g.Ready());
            Assert.Null(FaultEnv.JoinError(h, "the readied frame"));
            Assert.Equal(1, f.Resumes);
            FaultEnv.AssertHealthy(rt);
        }
    }
}
