using System;
using System.Collections.Generic;
using System.Threading;
using GoSharp.Runtime.Tests.Faults;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary>
/// Sysmon takes the P from an M stuck in a goroutine's plain code (an unannounced blocking call, a loop with no
/// preemption check) when the P's work would otherwise wait (Runtime/Scheduler/PlainCodeRetake.cs). On one P
/// the others can only run on a retaken P, so "they make progress while it is stuck" is the assertion: the stuck
/// code waits for what only their progress does, and a hang guard turns a stall into a failure (no timing is
/// asserted).
/// </summary>
public class PlainCodeRetakeTests
{
    private static readonly TimeSpan Guard = BlockingTests.Guard;

    private static bool Finishes(Action action) => BlockingTests.Finishes(action);

    [Fact]
    public void An_unannounced_blocking_call_lets_the_others_run_on_one_P()
    {
        long retakes = BlockingTests.OthersRunWhileOneBlocks(gate => gate.Wait(), procs: 1);
        Assert.True(retakes > 0, "the others ran on the only P while its M was blocked, so sysmon must have taken it");
    }

    /// <summary>
    /// A thread blocked in a managed wait is not computing: its P is taken after a sysmon round or two, as Go
    /// takes one from a system call, without waiting out the time slices (here an hour, so only that rule can act).
    /// </summary>
    [Theory, InlineData(1), InlineData(2)]
    public void A_thread_seen_blocked_in_a_managed_wait_loses_its_P_before_the_time_slice_ends(int procs)
    {
        var options = new GoRuntimeOptions { MaxProcs = procs, PreemptAfter = TimeSpan.FromHours(1) };
        var (retakes, ofBlocked) = BlockingTests.OthersRunWhileOneBlocks(gate => gate.Wait(), options);
        if (procs == 1) Assert.True(ofBlocked > 0, "the others ran on the only P, so sysmon must have taken it from the blocked thread");
        Assert.Equal(retakes, ofBlocked);
    }

    [Fact]
    public void An_unannounced_blocking_call_lets_the_others_run_on_two_Ps() =>
        BlockingTests.OthersRunWhileOneBlocks(gate => gate.Wait(), procs: 2);

    [Fact]
    public void A_plain_loop_without_preemption_checks_lets_the_others_run_on_one_P()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        int flag = 0;
        long spins = 0;
        var spinner = rt.Spawn(new PlainFrame(() =>
        {
            // Plain code: the generator puts no preemption check here, and nothing blocks the thread.
            while (Volatile.Read(ref flag) == 0) spins++;
        }));
        var setter = rt.Spawn(new PlainFrame(() => Volatile.Write(ref flag, 1)));
        bool done = Finishes(() => { setter.Join(); spinner.Join(); });
        Volatile.Write(ref flag, 1);
        Assert.True(done, "the setter never ran while the spinner held the only P");
        Assert.True(spins > 0);
        Assert.True(Interlocked.Read(ref rt.Sched.RetakesFromPlainCode) > 0);
    }

    /// <summary>
    /// The retaken goroutine goes on without a P, then takes one again: afterwards it exchanges values with
    /// another goroutine and spawns, all exact, and the thread-limit count of blocked Ms is back to zero.
    /// </summary>
    [Fact]
    public void A_retaken_goroutine_gets_a_P_back_and_the_runtime_stays_exact()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        using var gate = new ManualResetEventSlim();
        var c = new Chan<int>();
        long sum = 0;
        var blocker = rt.Spawn(new PlainFrame(() => gate.Wait()));
        IEnumerable<Op> Opener()
        {
            gate.Set(); // runs only on a retaken P
            for (int i = 1; i <= 100; i++) yield return Send(c, i);
        }
        IEnumerable<Op> Receiver()
        {
            for (int i = 0; i < 100; i++)
            {
                var r = Recv(c);
                yield return r;
                sum += r.Result;
            }
        }
        var opener = rt.Go(Opener());
        var receiver = rt.Go(Receiver());
        Assert.True(Finishes(() => { blocker.Join(); opener.Join(); receiver.Join(); }));
        Assert.Equal(5050, sum);
        Assert.True(Interlocked.Read(ref rt.Sched.RetakesFromPlainCode) > 0);
        // The retaken M counted as blocked while it had no P, and no longer does.
        Assert.True(Finishes(() => { while (rt.Sched.BlockedMs != 0) Thread.Yield(); }));
        // Healthy afterwards, on its one P.
        IEnumerable<Op> Sender() { yield return Send(c, 9); }
        rt.Go(Sender());
        Assert.Equal(9, c.Recv());
    }

    [Fact]
    public void SetMaxProcs_while_a_goroutine_is_stuck_in_plain_code_does_not_wait_for_it()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        using var gate = new ManualResetEventSlim();
        var inside = new ManualResetEventSlim();
        var blocker = rt.Spawn(new PlainFrame(() => { inside.Set(); gate.Wait(); }));
        Assert.True(inside.Wait(Guard));
        // Stop-the-world needs the stuck M's P: sysmon takes it and the stop completes.
        bool resized = Finishes(() => { rt.SetMaxProcs(2); rt.SetMaxProcs(1); });
        gate.Set();
        Assert.True(resized, "SetMaxProcs waited for a goroutine stuck in plain code");
        Assert.True(Finishes(() => blocker.Join()));
        var c = new Chan<int>();
        IEnumerable<Op> Sender() { yield return Send(c, 4); }
        rt.Go(Sender());
        Assert.Equal(4, c.Recv());
    }

    /// <summary>
    /// Stress for the handshake between sysmon and the runtime entries of goroutine code: on 1 and 2 Ps,
    /// goroutines ping-pong, spawn children that report to a collector, and now and then block their thread
    /// unannounced for longer than sysmon's retake threshold, so retakes land while the others send, ready
    /// and spawn. Every value and every child is accounted for.
    /// </summary>
    [Theory, InlineData(1), InlineData(2)]
    public void Retakes_racing_sends_readies_and_spawns_lose_nothing(int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        const int Pairs = 4, Rounds = 300;
        var collector = new Chan<int>(64);
        long pingSum = 0;
        var wg = new WaitGroup();
        wg.Add(2 * Pairs);
        for (int k = 0; k < Pairs; k++)
        {
            var ping = new Chan<int>();
            var pong = new Chan<int>();
            int pair = k;
            IEnumerable<Op> Pinger()
            {
                using var nap = new ManualResetEventSlim();
                for (int i = 0; i < Rounds; i++)
                {
                    yield return Send(ping, i);
                    var r = Recv(pong);
                    yield return r;
                    Interlocked.Add(ref pingSum, r.Result);
                    int child = i;
                    rt.Spawn(new PlainFrame(() => collector.Send(child))); // a plain send: blocks the thread if full
                    // Unannounced: the thread blocks 30 ms, past the 20 ms retake threshold (the wait times out).
                    if (i % 50 == pair) nap.Wait(30);
                }
                wg.Done();
            }
            IEnumerable<Op> Ponger()
            {
                for (int i = 0; i < Rounds; i++)
                {
                    var r = Recv(ping);
                    yield return r;
                    yield return Send(pong, r.Result * 2);
                }
                wg.Done();
            }
            rt.Go(Pinger());
            rt.Go(Ponger());
        }
        long collected = 0, count = 0;
        bool drained = Finishes(() =>
        {
            for (int i = 0; i < Pairs * Rounds; i++)
            {
                collected += collector.Recv();
                count++;
            }
        });
        Assert.True(drained, $"stalled: {count} of {Pairs * Rounds} children reported");
        Assert.True(Finishes(() => wg.Wait()), "the pairs stalled");
        Assert.Equal((long)Pairs * Rounds * (Rounds - 1), pingSum); // each pair: sum of 2i
        Assert.Equal((long)Pairs * Rounds * (Rounds - 1) / 2, collected);
        Assert.True(Finishes(() => { while (rt.Sched.BlockedMs != 0) Thread.Yield(); }));
    }

    /// <summary>
    /// Red team: a goroutine back from a retake waits for a P (an exit waiter) and is in no run queue. If the one
    /// P is then stuck in another goroutine's plain code, that waiter must count as work for the next retake.
    /// </summary>
    [Fact]
    public void An_M_waiting_for_its_P_back_gets_one_from_the_next_stuck_goroutine()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        using var first = new ManualResetEventSlim();
        using var second = new ManualResetEventSlim();
        IEnumerable<Op> First()
        {
            first.Wait();          // retaken here, so that Second runs
            yield return Yield();  // back without a P: waits for one
            second.Set();
        }
        var a = rt.Go(First());
        var b = rt.Spawn(new PlainFrame(() => { first.Set(); second.Wait(); })); // the only P stuck again
        bool done = Finishes(() => { a.Join(); b.Join(); });
        first.Set();
        second.Set();
        Assert.True(done, "the goroutine waiting for a P never got one back");
    }

    /// <summary>
    /// Red team: a loop that stays plain code (it holds a lambda) calls G.PreemptPlainCode at its back-edge. Once
    /// retaken it must take a P back there, not run on without one (and counted as blocked) until the loop ends.
    /// </summary>
    [Fact]
    public void A_retaken_plain_loop_takes_a_P_back_at_its_preemption_check()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        int flag = 0;
        var loop = rt.Spawn(new PlainFrame(() =>
        {
            var g = GoSharp.CompilerServices.G.Current!;
            // No preemption check here: only a retake lets the setter run on the one P.
            while (Volatile.Read(ref flag) == 0) { }
            // Then a loop with the check the generator emits in a plain-code loop: it ends once this M holds a P
            // again (no longer counted as blocked).
            while (rt.Sched.BlockedMs != 0)
            {
                if (g.Preempt) g.PreemptPlainCode();
            }
        }));
        var setter = rt.Spawn(new PlainFrame(() => Volatile.Write(ref flag, 1)));
        bool done = Finishes(() => { setter.Join(); loop.Join(); });
        Volatile.Write(ref flag, 1);
        Assert.True(done, "the retaken loop never took a P back");
        Assert.True(Interlocked.Read(ref rt.Sched.RetakesFromPlainCode) > 0);
    }

    /// <summary>
    /// Red team: a timer added from goroutine code must land on a live heap even when sysmon retakes the P and
    /// SetMaxProcs retires it meanwhile (the P is read and the heap added to in one runtime section). Every
    /// timer fires: each is received from.
    /// </summary>
    [Fact]
    public void Timers_made_by_goroutines_fire_while_Ps_are_retaken_and_retired()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2 });
        const int Makers = 3, Timers = 2000;
        long fired = 0;
        var wg = new WaitGroup();
        wg.Add(Makers);
        for (int k = 0; k < Makers; k++)
        {
            rt.Spawn(new PlainFrame(() =>
            {
                // Plain code, long enough to be retaken while it adds timers.
                var made = new List<Go.Timer>(Timers);
                for (int i = 0; i < Timers; i++) made.Add(Go.NewTimer(TimeSpan.Zero));
                foreach (var t in made)
                {
                    t.C.Recv();
                    Interlocked.Increment(ref fired);
                }
                wg.Done();
            }));
        }
        var stop = new ManualResetEventSlim();
        var churn = new Thread(() =>
        {
            for (int n = 0; !stop.IsSet; n++) rt.SetMaxProcs(n % 2 + 1);
        }) { IsBackground = true };
        churn.Start();
        bool done = Finishes(() => wg.Wait());
        stop.Set();
        Assert.True(churn.Join(Guard));
        Assert.True(done, $"{Interlocked.Read(ref fired)} of {Makers * Timers} timers fired");
    }
}
