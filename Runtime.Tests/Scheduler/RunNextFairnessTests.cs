using System;
using System.Collections.Generic;
using GoSharp.Scheduler;
using Xunit;
using Xunit.Abstractions;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary>
/// Two goroutines that hand one P to each other through a channel (each send readies the other into runnext,
/// which inherits the time slice, so the P's schedtick stands still) must not starve a third goroutine. Go's
/// bounds (proc.go): sysmon's retake sees the same schedtick for forcePreemptNS and preempts whichever of the
/// pair runs; the preempted one goes to the global queue (gopreempt_m -> goschedImpl), its partner parks, and
/// the P runs its local queue, then the global queue when the local one is empty. So a goroutine in the local
/// queue, and one that called Gosched (global queue), runs at the pair's first preemption.
/// The bound is stated in preemptions of the pair, counted where the generated back-edge check yields, not in
/// time: nothing here reads a clock, and a slow machine only makes each slice longer. The count can be 0: sysmon
/// also takes the P from an M that stays in goroutine code for two slices while work waits (PlainCodeRetake.cs),
/// which happens when the OS deschedules the pair's thread mid-slice. One preemption can also make both of the
/// pair yield: after the first yields, its partner runs from runnext in the same slice (the schedtick has not
/// moved), and sysmon may ask it too before its own check. So the bound is "within a round trip of the pair's
/// first yield", which two yields in a row still meet and a starving pair (thousands of round trips per slice)
/// does not.
/// </summary>
public class RunNextFairnessTests(ITestOutputHelper output)
{
    /// <summary>Gives up after this many preemptions of the pair, so that a starved goroutine fails the test instead of hanging it.</summary>
    private const int GiveUpAfter = 200;

    private sealed class PingPong
    {
        public readonly Chan<int> Ping = new(), Pong = new();
        public int Preemptions, Rounds;
        public bool Stop;
        /// <summary>The pair's preemptions and rounds when the third goroutine ran; -1 while it has not.</summary>
        public int PreemptionsWhenThirdRan = -1, RoundsWhenThirdRan = -1;
        /// <summary>The pair's round trips when one of it first yielded to a preemption; -1 while none has.</summary>
        public int RoundsAtFirstPreemption = -1;
        public bool BParked;

        /// <summary>
        /// True when the third goroutine ran with no preemption at all (sysmon took the P instead) or within a round
        /// trip of the pair's first yield.
        /// </summary>
        public bool ThirdRanAtTheFirstPreemption =>
            PreemptionsWhenThirdRan == 0 || RoundsWhenThirdRan <= RoundsAtFirstPreemption + 1;

        public void ThirdRuns()
        {
            PreemptionsWhenThirdRan = Preemptions;
            RoundsWhenThirdRan = Rounds;
            Stop = true;
        }

        /// <summary>The back-edge preemption check as the generator emits it: yield when sysmon asked.</summary>
        public bool Preempted()
        {
            if (!GoSharp.CompilerServices.G.Current!.Preempt) return false;
            if (Preemptions == 0) RoundsAtFirstPreemption = Rounds;
            if (++Preemptions >= GiveUpAfter) Stop = true;
            return true;
        }

        /// <summary>Waits for a ping, answers it, until a zero ping.</summary>
        public IEnumerable<Op> B()
        {
            while (true)
            {
                BParked = true;
                var v = Recv(Ping);
                yield return v;
                if (v.Result == 0) yield break;
                yield return Send(Pong, 1);
                if (Preempted()) yield return Yield();
            }
        }

        /// <summary>Pings and waits for the answer until told to stop, then stops B.</summary>
        public IEnumerable<Op> A(Chan<int> first)
        {
            // Ready the third goroutine into runnext; the first ping below pushes it to the local queue's tail.
            yield return Send(first, 1);
            while (!Stop)
            {
                yield return Send(Ping, 1);
                yield return Recv(Pong);
                Rounds++;
                if (Preempted()) yield return Yield();
            }
            yield return Send(Ping, 0);
        }
    }

    /// <summary>
    /// The third goroutine waits in the P's local run queue (readied, then displaced from runnext by the pair's
    /// first hand-off). Go runs it at the pair's first preemption: the preempted one goes to the global queue,
    /// the other parks, and runqget takes the local queue.
    /// </summary>
    [Theory, InlineData(1), InlineData(2), InlineData(3)]
    public void A_local_queue_goroutine_runs_at_the_first_preemption_of_a_runnext_pair(int run)
    {
        _ = run;
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, PreemptAfter = TimeSpan.FromMilliseconds(2) });
        var s = new PingPong();
        var wake = new Chan<int>();
        bool thirdParked = false;
        IEnumerable<Op> Third()
        {
            thirdParked = true;
            yield return Recv(wake);
            s.ThirdRuns();
        }
        IEnumerable<Op> Main()
        {
            var third = GoRuntime.Current.Go(Third());
            var b = GoRuntime.Current.Go(s.B());
            // One P: each ran to its park before the main goroutine, on the global queue, runs again.
            while (!thirdParked || !s.BParked) yield return Yield();
            var a = GoRuntime.Current.Go(s.A(wake));
            yield return Join(a);
            yield return Join(b);
            yield return Join(third);
        }
        Assert.True(BlockingTests.Finishes(() => rt.Go(Main()).Join()), "the pair and the third goroutine did not end");
        output.WriteLine($"third ran after {s.PreemptionsWhenThirdRan} preemptions, {s.RoundsWhenThirdRan} rounds, first {s.RoundsAtFirstPreemption}");
        Assert.True(s.PreemptionsWhenThirdRan >= 0, $"the third goroutine never ran while the pair was preempted {s.Preemptions} times");
        Assert.True(s.ThirdRanAtTheFirstPreemption,
            $"the third goroutine ran only after {s.PreemptionsWhenThirdRan} yields of the pair, at round {s.RoundsWhenThirdRan} (the first yield at round {s.RoundsAtFirstPreemption}); Go runs it at the first");
    }

    /// <summary>
    /// The third goroutine starts the pair, then calls Go.Yield (Go: Gosched), so it waits in the global queue
    /// while the pair owns runnext. Go runs it at the pair's first preemption: the preempted one queues behind it
    /// in the global queue, the other parks, the local queue is empty and findRunnable takes the global queue.
    /// </summary>
    [Theory, InlineData(1), InlineData(2), InlineData(3)]
    public void A_yielder_runs_at_the_first_preemption_of_a_runnext_pair(int run)
    {
        _ = run;
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, PreemptAfter = TimeSpan.FromMilliseconds(2) });
        var s = new PingPong();
        IEnumerable<Op> Yielder()
        {
            yield return Send(s.Ping, 1); // B into runnext: the pair is going
            yield return Yield();
            s.ThirdRuns();
        }
        IEnumerable<Op> Main()
        {
            var b = GoRuntime.Current.Go(s.B());
            while (!s.BParked) yield return Yield();
            // A answers B's pong, then pings on; the yielder sent the first ping.
            var a = GoRuntime.Current.Go(ARespondingFirst(s));
            yield return Yield(); // A waits on Pong before the yielder pings
            var y = GoRuntime.Current.Go(Yielder());
            yield return Join(y);
            yield return Join(a);
            yield return Join(b);
        }
        Assert.True(BlockingTests.Finishes(() => rt.Go(Main()).Join()), "the pair and the yielder did not end");
        output.WriteLine($"yielder ran after {s.PreemptionsWhenThirdRan} preemptions, {s.RoundsWhenThirdRan} rounds, first {s.RoundsAtFirstPreemption}");
        Assert.True(s.PreemptionsWhenThirdRan >= 0, $"the yielder never ran while the pair was preempted {s.Preemptions} times");
        Assert.True(s.ThirdRanAtTheFirstPreemption,
            $"the yielder ran only after {s.PreemptionsWhenThirdRan} yields of the pair, at round {s.RoundsWhenThirdRan} (the first yield at round {s.RoundsAtFirstPreemption}); Go runs it at the first");
    }

    /// <summary>A's loop entered at its receive: the first ping came from someone else.</summary>
    private static IEnumerable<Op> ARespondingFirst(PingPong s)
    {
        while (true)
        {
            yield return Recv(s.Pong);
            s.Rounds++;
            if (s.Preempted()) yield return Yield();
            if (s.Stop) break;
            yield return Send(s.Ping, 1);
        }
        yield return Send(s.Ping, 0);
    }

    /// <summary>
    /// Go's other bound: a goroutine in the global queue waits at most 61 schedticks while the local queue never
    /// empties (schedule's <c>schedtick%61 == 0</c> check, golang/go#13546). Each round a fan goroutine wakes two
    /// workers: the second takes runnext and pushes the first to the local queue, so when the fan parks for the
    /// answers the local queue holds a worker, which starts a new schedtick; its answer readies the fan into runnext.
    /// The local queue is never empty when the P looks for work, and the time slice is an hour, so only the
    /// schedtick rule can let the yielder in. Counted in the P's schedticks, not in time.
    /// </summary>
    [Theory, InlineData(1), InlineData(2), InlineData(3)]
    public void A_yielder_runs_within_61_schedticks_while_the_local_queue_never_empties(int run)
    {
        _ = run;
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, PreemptAfter = TimeSpan.FromHours(1) });
        var work = new[] { new Chan<int>(), new Chan<int>() };
        var done = new Chan<int>();
        bool stop = false;
        int parked = 0, rounds = 0;
        uint tickAtYield = 0, tickWhenRan = 0;
        IEnumerable<Op> Worker(Chan<int> mine)
        {
            while (true)
            {
                parked++;
                var r = Recv(mine);
                yield return r;
                if (r.Result == 0) yield break;
                yield return Send(done, 1);
            }
        }
        IEnumerable<Op> Fan()
        {
            // Gives up after many rounds, so that a starved yielder fails the test instead of hanging it.
            while (!stop && rounds < 100_000)
            {
                yield return Send(work[0], 1);
                yield return Send(work[1], 1);
                yield return Recv(done);
                yield return Recv(done);
                rounds++;
            }
            yield return Send(work[0], 0);
            yield return Send(work[1], 0);
        }
        IEnumerable<Op> Yielder()
        {
            tickAtYield = M.Current!.P!.SchedTick;
            yield return Yield();
            tickWhenRan = M.Current!.P!.SchedTick;
            stop = true;
        }
        IEnumerable<Op> Main()
        {
            var w0 = GoRuntime.Current.Go(Worker(work[0]));
            var w1 = GoRuntime.Current.Go(Worker(work[1]));
            while (parked < 2) yield return Yield();
            var fan = GoRuntime.Current.Go(Fan());
            var y = GoRuntime.Current.Go(Yielder()); // runnext; the fan waits in the local queue
            yield return Join(y);
            yield return Join(fan);
            yield return Join(w0);
            yield return Join(w1);
        }
        Assert.True(BlockingTests.Finishes(() => rt.Go(Main()).Join()), "the fan, its workers and the yielder did not end");
        uint waited = tickWhenRan - tickAtYield;
        output.WriteLine($"yielder waited {waited} schedticks, {rounds} rounds");
        Assert.True(stop, $"the yielder never ran in {rounds} rounds");
        Assert.True(waited <= 61, $"the yielder waited {waited} schedticks in the global queue; Go takes it within 61");
    }
}
