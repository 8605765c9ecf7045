using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using GoSharp.Runtime.Tests.Frames;
using GoSharp.Scheduler;
using Xunit;

namespace GoSharp.Runtime.Tests.Scheduler;

public class LifecycleTests
{
    [Fact]
    public void SysmonPreemptsATightLoopSoOthersRunOnOneP()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, PreemptAfter = TimeSpan.FromMilliseconds(2) });
        var stop = new SpinFrame.Box();
        var spinner = new SpinFrame(stop);
        var h = rt.Spawn(spinner);
        // Queued behind the spinner on the only P: it runs only if the spinner is preempted.
        var setter = rt.Spawn(new ActionFrame(() => stop.Value = true));
        setter.Join();
        Assert.True(h.Join() > 0);
        // Preempted at a back-edge, or, where the machine did not run the spinner's thread for a time slice, its P
        // retaken from it (the retake sets Preempt too, but the spinner may see the setter's stop first and end).
        Assert.True(spinner.Preemptions >= 1 || Interlocked.Read(ref rt.Sched.RetakesFromPlainCode) >= 1,
            "the spinner was neither preempted nor had its P retaken");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void SetMaxProcsUpAndDownWhileThousandsRunLosesNothing(int start)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = start });
        const int n = 5_000, yields = 100;
        var frames = Enumerable.Range(0, n).Select(i => new YieldingFrame(yields, i)).ToArray();
        var handles = frames.Select(f => rt.Spawn(f)).ToArray();
        int[] sizes = { 1, 4, 2, 3, 1, 4, 2 };
        // At least one resize, then more while any goroutine is left: on a loaded machine the 5,000 may all finish
        // before this thread runs again, and the first resize then meets none (that, too, must lose nothing).
        int k = 0;
        do
        {
            int size = sizes[k++ % sizes.Length];
            rt.SetMaxProcs(size);
            Assert.Equal(size, rt.MaxProcs);
        }
        while (!handles.All(h => h.IsCompleted) && k < 200);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(YieldingFrame.Expected(yields, i), handles[i].Join());
            Assert.Equal(yields + 1, frames[i].Resumptions);
        }
    }

    [Fact]
    public void AGoroutineCanResizeItsOwnRuntime()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 4 });
        var others = Enumerable.Range(0, 500).Select(i => rt.Spawn(new YieldingFrame(50, i))).ToArray();
        int previous = 0;
        rt.Spawn(new ActionFrame(() =>
        {
            previous = GoRuntime.Current.SetMaxProcs(1);
            GoRuntime.Current.SetMaxProcs(3);
        })).Join();
        Assert.Equal(4, previous);
        Assert.Equal(3, rt.MaxProcs);
        for (int i = 0; i < others.Length; i++) Assert.Equal(YieldingFrame.Expected(50, i), others[i].Join());
    }

    [Fact]
    public void AGoroutineThatResizesItsRuntimeIsNotAskedToYield()
    {
        // The stop-the-world asks every running goroutine to yield, but the resizer keeps its P and goes on:
        // Go's preemptone skips the calling M. A request left on it made its next loop back-edge yield, so
        // `SetMaxProcs(1); for (...) spawn` ran the first goroutine it spawned before the loop ended (Go runs
        // the last one first, from runnext). Sysmon's own requests are kept out by a long PreemptAfter.
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2, PreemptAfter = TimeSpan.FromHours(1) });
        var asked = new bool[3];
        rt.Spawn(new ActionFrame(() =>
        {
            GoRuntime.Current.SetMaxProcs(1);
            asked[0] = M.Current!.CurG!.Preempt;
            GoRuntime.Current.SetMaxProcs(3);
            asked[1] = M.Current!.CurG!.Preempt;
            GoRuntime.Current.SetMaxProcs(2);
            asked[2] = M.Current!.CurG!.Preempt;
        })).Join();
        Assert.Equal(new[] { false, false, false }, asked);
    }

    [Fact]
    public void AStaleRequestToYieldIsDroppedWhenAParkedGoroutineRunsAgain()
    {
        // Sysmon asks whichever goroutine it sees running; one that parks before its check keeps the request.
        // Go's execute clears gp.preempt on every run, inherited slice or not, so a goroutine readied into
        // runnext later does not yield for a slice it never ran in. GoSharp cleared it only with a new slice, so
        // both of a ping-pong pair could yield to one preemption (RunNextFairnessTests counted two). Sysmon's own
        // requests are kept out by a long PreemptAfter; the request here is the one a late sysmon leaves.
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, PreemptAfter = TimeSpan.FromHours(1) });
        var wake = new Chan<int>();
        var done = new Chan<int>();
        GoSharp.CompilerServices.G? parked = null;
        bool askedWhenResumed = true;
        System.Collections.Generic.IEnumerable<Op> Parker()
        {
            parked = M.Current!.CurG;
            yield return Ops.Recv(wake);
            askedWhenResumed = M.Current!.CurG!.Preempt;
            yield return Ops.Send(done, 1);
        }
        System.Collections.Generic.IEnumerable<Op> Waker()
        {
            parked!.Preempt = true; // the request that arrived as the parker parked
            yield return Ops.Send(wake, 1); // the parker into runnext: it inherits this slice
            yield return Ops.Recv(done);
        }
        System.Collections.Generic.IEnumerable<Op> Main()
        {
            var p = GoRuntime.Current.Go(Parker());
            while (parked is null) yield return Ops.Yield();
            yield return Ops.Yield(); // one P: the parker reached its receive before Main runs again
            var w = GoRuntime.Current.Go(Waker());
            yield return Ops.Join(w);
            yield return Ops.Join(p);
        }
        Assert.True(BlockingTests.Finishes(() => rt.Go(Main()).Join()), "the parker and the waker did not end");
        Assert.False(askedWhenResumed, "the parked goroutine resumed still asked to yield");
    }

    [Fact]
    public void PlainCodeThatBlocksInAGoroutineHandsItsPOff()
    {
        // One P. The first goroutine blocks its thread in a plain Join on the second, which can only run
        // if the blocked M gives the P away (Go: entersyscallblock / handoffp).
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        var signal = new Signal();
        var waiter = rt.Spawn(new WaitOnceFrame(signal));
        var blocker = rt.Spawn(new ActionFrame(() =>
        {
            GoRuntime.Current.Spawn(new ActionFrame(signal.Set));
            waiter.Join(); // plain blocking call on the M
        }));
        blocker.Join();
        Assert.True(waiter.IsCompleted);
        Assert.True(rt.ThreadCount >= 2);
    }

    [Fact]
    public void DisposeStopsAGoroutineThatStartsRunningAsItBegins()
    {
        // A spinning goroutine spawned just before Dispose: its M may be past its _stopping check when Dispose's
        // first PreemptAll runs, and start the G after it. Dispose asks again until the M exits (red team: before,
        // the G ran on and Dispose waited out its timeout, in 24 of 30 rounds on a loaded machine).
        for (int round = 0; round < 30; round++)
        {
            var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2 });
            rt.Spawn(new SpinFrame(new SpinFrame.Box()));
            rt.Dispose(TimeSpan.FromMinutes(2)); // a hang guard; Dispose returns as soon as the Ms are gone
            Assert.True(rt.Sched.AllMsExited, $"round {round}: an M kept running its goroutine after Dispose");
        }
    }

    [Fact]
    public void DisposingWithParkedGoroutinesAbandonsThemWithoutHanging()
    {
        // Nothing can wake them: the default detection would report them before Dispose abandons them.
        var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2, DetectDeadlocks = false });
        var never = new Signal();
        var parked = Enumerable.Range(0, 100).Select(_ => rt.Spawn(new WaitOnceFrame(never))).ToArray();
        var done = rt.Spawn(new YieldingFrame(3, 1));
        Assert.Equal(YieldingFrame.Expected(3, 1), done.Join());

        // A plain thread already blocked on a parked goroutine must be released too.
        Exception? joinerSaw = null;
        var joiner = new Thread(() =>
        {
            try { parked[0].Join(); }
            catch (Exception e) { joinerSaw = e; }
        });
        joiner.Start();
        // Really blocked in Join (waiting on the frame), not about to call it after Dispose.
        var root = parked[0].Root!;
        Assert.True(SpinWait.SpinUntil(() => { lock (root) return root.Joins?.Threads?.Count > 0; }, TimeSpan.FromSeconds(30)),
            "the joiner never blocked");

        var disposing = new Thread(() => rt.Dispose());
        disposing.Start();
        Assert.True(disposing.Join(TimeSpan.FromSeconds(30)), "Dispose hung");
        Assert.True(rt.Sched.AllMsExited, "an M thread outlived Dispose");
        Assert.True(joiner.Join(TimeSpan.FromSeconds(30)), "a joiner of an abandoned goroutine hung");
        Assert.IsType<ObjectDisposedException>(joinerSaw);
        Assert.All(parked, h => Assert.Throws<ObjectDisposedException>(() => h.Join()));
        Assert.Throws<ObjectDisposedException>(() => rt.Spawn(new YieldingFrame(1, 1)));
        rt.Dispose(); // twice is fine
    }

    [Fact]
    public void SeveralRuntimesRunSideBySide()
    {
        using var a = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, Name = "a" });
        using var b = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2, Name = "b" });
        var ha = Enumerable.Range(0, 1000).Select(i => a.Spawn(new YieldingFrame(10, i))).ToArray();
        var hb = Enumerable.Range(0, 1000).Select(i => b.Spawn(new YieldingFrame(10, -i))).ToArray();
        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal(YieldingFrame.Expected(10, i), ha[i].Join());
            Assert.Equal(YieldingFrame.Expected(10, -i), hb[i].Join());
        }
        // Launchers spawn into the runtime of the goroutine that calls them.
        GoRuntime? seen = null;
        a.Spawn(new ActionFrame(() => seen = GoRuntime.Current)).Join();
        Assert.Same(a, seen);
        using (b.Enter()) Assert.Same(b, GoRuntime.Current);
    }

    // Regressions found in review: stop-the-world and Dispose against goroutines that resize or block.

    [Fact]
    public void TwoGoroutinesResizingAtOnceDoNotDeadlock()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2 });
        var a = rt.Spawn(new ActionFrame(() => { for (int i = 0; i < 100; i++) GoRuntime.Current.SetMaxProcs(2); }));
        var b = rt.Spawn(new ActionFrame(() => { for (int i = 0; i < 100; i++) GoRuntime.Current.SetMaxProcs(2); }));
        var joiner = new Thread(() => { a.Join(); b.Join(); });
        joiner.Start();
        Assert.True(joiner.Join(TimeSpan.FromSeconds(60)), "concurrent SetMaxProcs deadlocked");
    }

    [Fact]
    public void SetMaxProcsRacingDisposeThrowsInsteadOfHanging()
    {
        for (int iter = 0; iter < 5; iter++)
        {
            var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2 });
            var stop = new SpinFrame.Box();
            rt.Spawn(new SpinFrame(stop));
            rt.Spawn(new SpinFrame(stop));
            int resized = 0;
            Exception? ended = null;
            var resizer = new Thread(() =>
            {
                try { while (true) { rt.SetMaxProcs(iter % 2 + 1); Interlocked.Increment(ref resized); } }
                catch (Exception e) { ended = e; }
            });
            resizer.Start();
            Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref resized) > 2, TimeSpan.FromSeconds(30)), "SetMaxProcs never returned");
            rt.Dispose(TimeSpan.FromSeconds(5));
            stop.Value = true;
            Assert.True(resizer.Join(TimeSpan.FromSeconds(30)), "SetMaxProcs hung after Dispose");
            Assert.IsType<ObjectDisposedException>(ended);
        }
    }

    [Fact]
    public void DisposeWhileAGoroutineWaitsForAPAfterBlockingDoesNotCrash()
    {
        // One P. A blocks its M in a plain Join on X; X starts a goroutine that keeps the only P busy and
        // ends. A's M then needs a P that never frees up, until Dispose wakes it without one.
        var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, PreemptAfter = TimeSpan.FromMilliseconds(1) });
        var stop = new SpinFrame.Box();
        // Published as one reference: a Goroutine is two words, and a torn read (id without frame)
        // would throw from IsCompleted.
        StrongBox<Goroutine>? x = null;
        var a = rt.Spawn(new ActionFrame(() =>
        {
            var h = GoRuntime.Current.Spawn(new ActionFrame(() => GoRuntime.Current.Spawn(new SpinFrame(stop))));
            Volatile.Write(ref x, new StrongBox<Goroutine>(h));
            h.Join();
        }));
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref x) is { } box && box.Value.IsCompleted, TimeSpan.FromSeconds(30)));
        var disposing = new Thread(() => rt.Dispose(TimeSpan.FromSeconds(5)));
        disposing.Start();
        Assert.True(disposing.Join(TimeSpan.FromSeconds(30)), "Dispose hung");
        stop.Value = true;
        // Usually A's M is still waiting for the P when Dispose starts, and A ends with ObjectDisposedException;
        // but the spinner is preempted every millisecond and hands the P to a waiting M, so on a loaded machine A
        // can get it and finish first (seen twice in full runs). Either is right; a crash, any other exception or
        // a hang is not.
        var ended = Record.Exception(() => a.Join());
        Assert.True(ended is null or ObjectDisposedException, $"A ended with {ended}");
    }

    /// <summary>Resumes an async method on a new thread: a thread switch however the test is scheduled.</summary>
    private readonly struct OnANewThread : INotifyCompletion
    {
        public OnANewThread GetAwaiter() => this;
        public bool IsCompleted => false;
        public void OnCompleted(Action continuation) => new Thread(() => continuation()).Start();
        public void GetResult() { }
    }

    private static async System.Threading.Tasks.Task<(GoRuntime AfterAwait, int ThreadBefore, int ThreadAfter)> SpawnTargetAcrossAnAwait(GoRuntime rt)
    {
        using (rt.Enter())
        {
            int before = Environment.CurrentManagedThreadId;
            await new OnANewThread();
            return (GoRuntime.Current, before, Environment.CurrentManagedThreadId);
        }
    }

    // Enter's scope was thread-static: after an await inside `using (rt.Enter())` the code resumed on another
    // thread and its launchers spawned into GoRuntime.Default; the scope's Dispose ran there, so the first
    // thread stayed entered into rt after the using had ended.
    [Fact]
    public async System.Threading.Tasks.Task AnEnteredRuntimeFollowsTheCodeAcrossAnAwait()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, Name = "entered-across-await" });
        var outside = GoRuntime.Current;
        var (afterAwait, before, after) = await SpawnTargetAcrossAnAwait(rt);
        Assert.NotEqual(before, after);
        Assert.Same(rt, afterAwait);
        Assert.Same(outside, GoRuntime.Current); // the scope ended with the method: its caller is not left entered
    }

    // Each EnterScope restored what was current when it began, whatever was current when it ended: disposing
    // the outer scope first and then the inner one left the outer runtime entered after both had ended.
    [Fact]
    public void EnterScopesDisposedOutOfOrderLeaveNothingEntered()
    {
        using var a = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, Name = "enter-outer" });
        using var b = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, Name = "enter-inner" });
        var outside = GoRuntime.Current;
        var outer = a.Enter();
        var inner = b.Enter();
        Assert.Same(b, GoRuntime.Current);
        outer.Dispose();                      // ends the inner scope too
        Assert.Same(outside, GoRuntime.Current);
        inner.Dispose();                      // already ended: changes nothing
        Assert.Same(outside, GoRuntime.Current);

        // A scope disposed twice does not end the scope entered after its first Dispose.
        using (a.Enter())
        {
            var once = b.Enter();
            once.Dispose();
            using (b.Enter())
            {
                once.Dispose();
                Assert.Same(b, GoRuntime.Current);
            }
            Assert.Same(a, GoRuntime.Current);
        }
        Assert.Same(outside, GoRuntime.Current);
    }
}
