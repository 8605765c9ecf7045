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
        // On another thread, with a bound: a receiver reported falsely is written off, and a send to it would wait for
        // ever, so the test hung instead of failing with the report.
        var finish = Task.Run(() =>
        {
            for (int i = 0; i < receivers; i++) ch.Send(1);
            foreach (var h in handles) h.Join();
        });
        Assert.True(finish.Wait(Guard), $"seed {seed}: the goroutines did not finish ({Volatile.Read(ref reported)} reported deadlocked)");
        Assert.Equal(receivers + (withTask ? 100 : 0), sum);
        Assert.Equal(0, Volatile.Read(ref reported));
        return Volatile.Read(ref probesRun);
    }
    // ---- True deadlocks: reported, with the dump ----
    // Each program runs through GoRuntime.Run, whose waiting thread keeps nothing of the goroutine; its
    // channels are made by a static method that has returned before the join (a handle or a channel in a
    // local of the test method would keep the goroutines reachable: docs/deadlocks.md, Limits).

    /// <summary>Two goroutines, each receiving from the channel the other would send on: both reported.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void TwoGoroutinesWaitingForEachOtherAreReported(int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        var reports = new Chan<int>(16);
        rt.Sched.DeadlockProbeFinished = dead => { if (dead > 0) reports.Send(dead); };
        var ex = Assert.IsType<DeadlockException>(RunGuarded(rt, StartCycle));
        Assert.Equal(2, CountGoroutines(ex.Dump, "chan receive"));
        Assert.Equal(2, reports.Recv()); // one probe found both (the hook runs after the joiners are woken)
        Assert.Equal(0, rt.NumGoroutine);
        AssertRuntimeStillWorks(rt);
    }

    /// <summary>
    /// Go's classic, behind a chain: the main goroutine joins a goroutine that receives from a channel nothing
    /// else holds. Both are reported; the join in the dump and the receive.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void AChainOfJoinsEndingInAnOrphanedReceiveIsReported(int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        var ex = Assert.IsType<DeadlockException>(RunGuarded(rt, StartChain));
        Assert.Equal(1, CountGoroutines(ex.Dump, "chan receive"));
        Assert.Equal(2, CountGoroutines(ex.Dump, ""));
        AssertRuntimeStillWorks(rt);
    }

    /// <summary>
    /// Only the deadlocked part is reported: a goroutine parked on a channel the test keeps survives the
    /// probe that reports the others, and still gets its value afterwards.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void AGoroutineSomethingStillHoldsSurvivesTheProbeThatReportsTheOthers(int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        var kept = new Chan<int>();
        var got = new Chan<int>(1);
        var live = rt.Go(Forward(kept, got));
        Assert.IsType<DeadlockException>(RunGuarded(rt, StartCycle));
        kept.Send(7);
        live.Join();
        Assert.Equal(7, got.Recv());
    }

    /// <summary>
    /// The same shape as the cycle, but a plain thread holds one of the channels and sends once a probe has
    /// looked: nothing is reported and the main goroutine ends normally.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void AMainGoroutineAPlainThreadWillWakeIsNeverReported(int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        var probes = new SemaphoreSlim(0);
        int reported = 0;
        rt.Sched.DeadlockProbeFinished = dead => { Interlocked.Add(ref reported, dead); probes.Release(); };
        var inbox = new Chan<int>();
        var outbox = new Chan<int>(1);
        var sender = new Thread(() =>
        {
            probes.Wait();
            inbox.Send(3);
        }) { IsBackground = true };
        sender.Start();
        Assert.Null(RunGuarded(rt, () => GoRuntime.Current.Go(Crossed(inbox, outbox))));
        Assert.Equal(3, outbox.Recv());
        Assert.Equal(0, Volatile.Read(ref reported));
    }

    /// <summary>
    /// The deadlock forms while the runtime is already idle: a plain thread holds the channel the main
    /// goroutine receives from until a probe has looked, then ends without sending. Nothing wakes an M, so only
    /// the probes that go on while the runtime stays idle can find it.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ADeadlockThatFormsWhileTheRuntimeIsIdleIsFoundByALaterProbe(int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        var probes = new SemaphoreSlim(0);
        rt.Sched.DeadlockProbeFinished = _ => probes.Release();
        var ex = Assert.IsType<DeadlockException>(RunGuarded(rt, () => StartWaitingForAThreadThatLeaves(probes)));
        Assert.Equal(1, CountGoroutines(ex.Dump, "chan receive"));
    }

    private static Goroutine StartWaitingForAThreadThatLeaves(SemaphoreSlim probes)
    {
        var ch = new Chan<int>();
        var holder = new Thread(() =>
        {
            probes.Wait(); // a probe found the receiver reachable through this thread
            GC.KeepAlive(ch);
        }) { IsBackground = true };
        holder.Start();
        return GoRuntime.Current.Go(Forward(ch, new Chan<int>(1)));
    }

    /// <summary>A main delegate that returns a default handle gets an exception that says what to return.</summary>
    [Fact]
    public void RunRejectsADefaultHandle()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        var ex = Assert.Throws<InvalidOperationException>(() => rt.Run(() => default(Goroutine)));
        Assert.Contains("launcher", ex.Message);
    }

    private static IEnumerable<Op> Crossed(Chan<int> inbox, Chan<int> outbox)
    {
        var r = Recv(inbox);
        yield return r;
        yield return Send(outbox, r.Result);
    }

    private static IEnumerable<Op> Forward(Chan<int> from, Chan<int> to)
    {
        var r = Recv(from);
        yield return r;
        yield return Send(to, r.Result);
    }

    private static IEnumerable<Op> JoinOf(Goroutine other)
    {
        yield return Join(other);
    }

    private static Goroutine StartCycle()
    {
        var a = new Chan<int>();
        var b = new Chan<int>();
        GoRuntime.Current.Go(Crossed(b, a));
        return GoRuntime.Current.Go(Crossed(a, b));
    }

    private static Goroutine StartChain()
    {
        var orphan = GoRuntime.Current.Go(Forward(new Chan<int>(), new Chan<int>()));
        return GoRuntime.Current.Go(JoinOf(orphan));
    }

    /// <summary>Runs <c>rt.Run(main)</c> on a thread of its own; returns what it threw (null if nothing).</summary>
    private static Exception? RunGuarded(GoRuntime rt, Func<Goroutine> main)
    {
        Exception? thrown = null;
        var t = new Thread(() =>
        {
            try { rt.Run(main); }
            catch (Exception e) { thrown = e; }
        }) { IsBackground = true };
        t.Start();
        Assert.True(t.Join(Guard), "Run never returned: the deadlock was not reported");
        return thrown;
    }

    private static int CountGoroutines(string dump, string waitReason) =>
        System.Text.RegularExpressions.Regex.Matches(dump, @"^goroutine \d+ \[" + waitReason, System.Text.RegularExpressions.RegexOptions.Multiline).Count;

    private static void AssertRuntimeStillWorks(GoRuntime rt)
    {
        var input = new Chan<int>();
        var output = new Chan<int>(1);
        var h = rt.Go(Forward(input, output));
        input.Send(5);
        h.Join();
        Assert.Equal(5, output.Recv());
    }
}
