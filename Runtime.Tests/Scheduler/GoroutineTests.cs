using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GoSharp.CompilerServices;
using GoSharp.Runtime.Tests.Frames;
using Xunit;

namespace GoSharp.Runtime.Tests.Scheduler;

public class GoroutineTests
{
    public static TheoryData<int> Procs => new() { 1, 2, 3, 4 };

    [Theory]
    [MemberData(nameof(Procs))]
    public void HundredThousandGoroutinesYieldManyTimesAndAllComplete(int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        const int n = 100_000;
        const int yields = 10;
        var frames = new YieldingFrame[n];
        var handles = new Goroutine<long>[n];
        for (int i = 0; i < n; i++)
        {
            frames[i] = new YieldingFrame(yields, i);
            handles[i] = rt.Spawn(frames[i]);
        }
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(YieldingFrame.Expected(yields, i), handles[i].Join());
            Assert.Equal(yields + 1, frames[i].Resumptions); // never resumed twice, never skipped
        }
        // A joiner may return while the last goroutine's M is still recycling its G (as in Go).
        Assert.True(SpinWait.SpinUntil(() => rt.NumGoroutine == 0, TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [MemberData(nameof(Procs))]
    public void GoroutinesSpawnedFromGoroutinesAreRecycledAndAllRun(int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        const int parents = 200, children = 50;
        var results = new ConcurrentBag<long>();
        var parentHandles = Enumerable.Range(0, parents).Select(p => rt.Spawn(new ActionFrame(() =>
        {
            // Plain code on an M: spawn and do not join (fire and forget, like `go f()`).
            for (int c = 0; c < children; c++)
            {
                int id = p * children + c;
                GoRuntime.Current.Spawn(new ActionFrame(() => results.Add(id)));
            }
        }))).ToArray();
        foreach (var h in parentHandles) h.Join();
        // Nobody joins the children: wait for their effect (hang guard), then check it exactly.
        Assert.True(SpinWait.SpinUntil(() => results.Count >= parents * children, TimeSpan.FromSeconds(60)), $"{results.Count} children ran");
        Assert.Equal(Enumerable.Range(0, parents * children).Select(i => (long)i), results.OrderBy(x => x));
    }

    [Theory]
    [MemberData(nameof(Procs))]
    public void ParkReadyStormsLoseNoWakeUpAndNeverResumeTwice(int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        const int pairs = 64, rounds = 2_000;
        var handles = new (Goroutine<int> A, Goroutine<int> B)[pairs];
        for (int i = 0; i < pairs; i++)
        {
            var ping = new Signal();
            var pong = new Signal();
            handles[i] = (rt.Spawn(new PingPongFrame(ping, pong, rounds, first: true)),
                          rt.Spawn(new PingPongFrame(pong, ping, rounds, first: false)));
        }
        foreach (var (a, b) in handles)
        {
            Assert.Equal(rounds, a.Join());
            Assert.Equal(rounds, b.Join());
        }
    }

    [Theory]
    [MemberData(nameof(Procs))]
    public void PlainThreadsReadyParkedGoroutines(int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        const int n = 2_000;
        var signals = Enumerable.Range(0, n).Select(_ => new Signal()).ToArray();
        var handles = signals.Select(s => rt.Spawn(new WaitOnceFrame(s))).ToArray();
        var setters = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            for (int i = t; i < n; i += 4) signals[i].Set();
        })).ToList();
        setters.ForEach(t => t.Start());
        setters.ForEach(t => t.Join());
        foreach (var h in handles) h.Join();
        Assert.All(handles, h => Assert.True(h.IsCompleted));
    }

    [Fact]
    public void ReadyingAGoroutineTwiceFailsLoudly()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        var captured = new BlockingCollection<G>();
        var release = new Signal();
        var h = rt.Spawn(new CapturingWaitFrame(release, captured));
        G g = captured.Take();
        release.Set(); // the one legal Ready
        h.Join();
        // The G is dead (or recycled) now: a second Ready must throw, not resume a frame again.
        Assert.Throws<InvalidOperationException>(() => g.Ready());
    }

    private sealed class CapturingWaitFrame : Frame
    {
        private readonly Signal _s;
        private readonly BlockingCollection<G> _tcs;
        private Signal.Awaiter _aw;
        public CapturingWaitFrame(Signal s, BlockingCollection<G> tcs) { _s = s; _tcs = tcs; }
        public override FrameResult Resume(G g)
        {
            switch (State) { case 0: goto resume0; }
            _tcs.Add(g);
            _aw = _s.GetAwaiter2();
            if (!_aw.IsCompleted) { State = 0; return _aw.Suspend(g, this); }
        resume0:
            State = -1;
            return FrameResult.Completed;
        }
    }

    [Theory]
    [InlineData(InnerMode.SyncReturn, 111)]
    [InlineData(InnerMode.YieldThenReturn, 111)]
    [InlineData(InnerMode.YieldThenThrow, -1)]
    [InlineData(InnerMode.SyncThrow, -1)]
    public void NestedCallsCompleteSuspendAndUnwindThroughThreeFrames(InnerMode mode, int expected)
    {
        foreach (int procs in new[] { 1, 2 })
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
            var log = new ConcurrentQueue<string>();
            var outer = new OuterFrame(mode, log);
            Assert.Equal(expected, rt.Spawn(outer).Join());
            bool throws = mode is InnerMode.YieldThenThrow or InnerMode.SyncThrow;
            var expectedLog = throws
                ? new[] { "middle finally", "outer caught inner failed" }
                : new[] { "middle finally" };
            Assert.Equal(expectedLog, log); // the finally ran exactly once, before the catch
            if (throws)
            {
                // The original throw site survives every rethrow on the way up.
                Assert.Contains("ThrowFromInner", outer.Caught!.StackTrace);
                Assert.Contains(nameof(InnerFrame), outer.Caught.StackTrace);
            }
        }
    }

    [Fact]
    public void AnExceptionReachesTheJoinerWithItsStackTrace()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2 });
        var h = rt.Spawn(new OuterFrameWithoutCatch());
        var ex = Assert.Throws<InvalidOperationException>(() => h.Join());
        Assert.Equal("inner failed", ex.Message);
        Assert.Contains("ThrowFromInner", ex.StackTrace);
        Assert.Same(ex, h.Exception);
    }

    private sealed class OuterFrameWithoutCatch : Frame<int>
    {
        private InnerFrame? _call;
        public override FrameResult Resume(G g)
        {
            switch (State) { case 0: goto resume0; }
            _call = new InnerFrame(InnerMode.YieldThenThrow);
            var r = g.Invoke(this, _call);
            if (r != FrameResult.Completed) { State = 0; return r; }
        resume0:
            State = -1;
            Result = _call!.GetResult();
            return FrameResult.Completed;
        }
    }

    [Theory]
    [MemberData(nameof(Procs))]
    public void AGoroutineJoiningAnotherSuspendsAndGetsTheResult(int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        const int n = 2_000;
        var joiners = Enumerable.Range(0, n).Select(i =>
        {
            var target = rt.Spawn(new YieldingFrame(5, i));
            return rt.Spawn(new JoinFrame<long>(target));
        }).ToArray();
        for (int i = 0; i < n; i++) Assert.Equal(YieldingFrame.Expected(5, i), joiners[i].Join());
    }

    [Fact]
    public void AJoinerSeesTheJoinedGoroutinesException()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2 });
        var target = rt.Spawn(new ThrowingFrame(new FormatException("bad")));
        var joiner = rt.Spawn(new JoinFrame<int>(target));
        Assert.Equal("bad", Assert.Throws<FormatException>(() => joiner.Join()).Message);
    }

    [Fact]
    public async Task AsyncCodeCanAwaitAHandle()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2 });
        long r = await rt.Spawn(new YieldingFrame(50, 3));
        Assert.Equal(YieldingFrame.Expected(50, 3), r);
        await Assert.ThrowsAsync<FormatException>(async () => await rt.Spawn(new ThrowingFrame(new FormatException("x"))));
    }

    [Fact]
    public void AnUnobservedExceptionReachesTheRuntimeHandler()
    {
        var reported = new BlockingCollection<UnhandledGoroutineException>();
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, UnhandledException = reported.Add });
        var (id, holder) = SpawnFailingAndForget(rt);
        CollectUntilDead(holder);
        Assert.True(reported.TryTake(out var ex, TimeSpan.FromSeconds(30)));
        Assert.Equal(id, ex!.GoroutineId);
        Assert.IsType<ArithmeticException>(ex.InnerException);
        Assert.Empty(reported); // reported once
    }

    [Fact]
    public void AnObservedExceptionIsNotReported()
    {
        var reported = new BlockingCollection<UnhandledGoroutineException>();
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, UnhandledException = reported.Add });
        var holder = SpawnFailingAndObserve(rt);
        // Only once the holder is gone (a long weak reference dies after its finaliser, if one is still
        // registered, has run) does "nothing reported" mean anything: before that it is merely not yet.
        CollectUntilDead(holder);
        Assert.Empty(reported);
    }

    private static void CollectUntilDead(WeakReference holder)
    {
        for (int i = 0; i < 100 && holder.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(holder.IsAlive, "the unobserved-exception holder was never collected");
        GC.WaitForPendingFinalizers();
    }

    /// <summary>Spawns a failing goroutine, waits for it to end and drops its handle; not inlined, so no local keeps the handle alive.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (long Id, WeakReference Holder) SpawnFailingAndForget(GoRuntime rt)
    {
        var h = rt.Spawn(new ThrowingFrame(new ArithmeticException("lost")));
        Assert.True(SpinWait.SpinUntil(() => h.IsCompleted, TimeSpan.FromSeconds(30)));
        return (h.Id, HolderOf(h));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference SpawnFailingAndObserve(GoRuntime rt)
    {
        var h = rt.Spawn(new ThrowingFrame(new ArithmeticException("seen")));
        Assert.True(SpinWait.SpinUntil(() => h.IsCompleted, TimeSpan.FromSeconds(30)));
        var holder = HolderOf(h);
        Assert.IsType<ArithmeticException>(h.Exception);
        return holder;
    }

    /// <summary>The finalizable holder the runtime attached (a failure with no one waiting must have one).</summary>
    private static WeakReference HolderOf(Goroutine h)
    {
        var holder = h.Root!.Joins?.Unobserved;
        Assert.NotNull(holder);
        return new WeakReference(holder, trackResurrection: true);
    }

    [Fact]
    public void DeadGsAreRecycled()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        // 10,000 short goroutines one after another, each spawned by the previous one's parent loop:
        // with free lists the runtime allocates a handful of Gs, not one per goroutine.
        rt.Spawn(new ActionFrame(() => { })).Join();
        for (int round = 0; round < 100; round++)
        {
            var hs = Enumerable.Range(0, 100).Select(i => rt.Spawn(new YieldingFrame(1, i))).ToArray();
            foreach (var h in hs) h.Join();
        }
        Assert.InRange(rt.Sched.AllGCount, 1, 400);
    }

    [Fact]
    public void AFrameCannotStartTwoGoroutines()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        var f = new YieldingFrame(1, 1);
        rt.Spawn(f).Join();
        Assert.Throws<InvalidOperationException>(() => rt.Spawn(f));
    }

    [Fact]
    public void InvalidOptionsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GoRuntime(new GoRuntimeOptions { MaxProcs = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GoRuntime(new GoRuntimeOptions { PreemptAfter = TimeSpan.Zero }));
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => rt.SetMaxProcs(GoRuntime.MaxProcsLimit + 1));
        // Go's GOMAXPROCS(n < 1): a query that changes nothing.
        Assert.Equal(1, rt.SetMaxProcs(0));
        Assert.Equal(1, rt.SetMaxProcs(-5));
        Assert.Equal(1, rt.MaxProcs);
        Assert.Throws<InvalidOperationException>(() => default(Goroutine).Join());
    }
}
