using System;
using System.Collections.Generic;
using GoSharp.CompilerServices;
using Xunit;
using Xunit.Abstractions;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary>
/// Goroutines that hand one P on without ever reaching a preemption check: a chain where each link spawns the
/// next and ends (Go's newproc puts the new G in runnext, where it inherits the time slice), or a ping-pong pair
/// whose loops have no check. Go's preemption reaches every function call, so sysmon's request (preemptone, once
/// the P's schedtick has stood still for forcePreemptNS) lands at the next call, newproc's or chanrecv's, and the
/// goroutine goes to the global queue before it readies anyone into runnext; the local queue, then the global
/// queue, run. GoSharp checks at back-edges only, so the request lands where such a goroutine stops running: when
/// it parks or ends asked to yield, whatever is in runnext loses the slice and goes to the global queue's tail
/// (Sched.SpendSlice). Before that, only sysmon taking the P from the chain's M after two slices
/// (PlainCodeRetake.cs) let the local queue in, and a yielder waited as long.
/// The first tests make sysmon's request themselves (the same write to <see cref="G.Preempt"/> as its
/// preemptone) at a chosen link, with a one-hour time slice so that sysmon never asks: how many links or rounds
/// ran before the waiting goroutine is then exact, on any machine.
/// </summary>
public class SpawnChainPreemptionTests(ITestOutputHelper output)
{
    /// <summary>The link or round whose goroutine is asked to yield.</summary>
    private const int AskedAt = 1_000;

    /// <summary>Gives up after this many links or rounds, so that a starved goroutine fails the test instead of hanging it.</summary>
    private const int GivesUpAfter = 200_000;

    private static GoRuntime OneP(TimeSpan slice) => new(new GoRuntimeOptions { MaxProcs = 1, PreemptAfter = slice });

    /// <summary>
    /// Under sysmon the chain may run long before its thread gets a sysmon round on a loaded machine: a bound
    /// far past any slice (before SpendSlice, without the retake, the chain ran all of these).
    /// </summary>
    private const int GivesUpUnderSysmon = 20_000_000;

    private sealed class Chain(int givesUpAfter = GivesUpAfter)
    {
        public bool Stop;
        public long Links, LinksWhenRan = -1;

        /// <summary>Spawns the next link and ends; link <see cref="AskedAt"/> is asked to yield first.</summary>
        public IEnumerable<Op> Link(bool ask)
        {
            Links++;
            if (ask && Links == AskedAt) G.Current!.Preempt = true; // what sysmon's preemptone writes
            if (!Stop && Links < givesUpAfter) GoRuntime.Current.Go(Link(ask));
            yield break;
        }

        public void WaiterRuns()
        {
            LinksWhenRan = Links;
            Stop = true;
        }
    }

    /// <summary>
    /// A goroutine in the local queue (readied, then pushed out of runnext by the chain's first link) runs as soon
    /// as the link that was asked to yield ends: the next link goes to the global queue, and the local queue is first.
    /// </summary>
    [Fact]
    public void A_local_queue_goroutine_runs_when_the_asked_link_ends()
    {
        using var rt = OneP(TimeSpan.FromHours(1));
        var chain = new Chain();
        bool waiterParked = false;
        var wake = new Chan<int>();
        IEnumerable<Op> Waiter()
        {
            waiterParked = true;
            yield return Recv(wake);
            chain.WaiterRuns();
        }
        IEnumerable<Op> Starter()
        {
            yield return Send(wake, 1);            // the waiter into runnext
            GoRuntime.Current.Go(chain.Link(true)); // the chain into runnext, the waiter to the local queue
        }
        IEnumerable<Op> Main()
        {
            var waiter = GoRuntime.Current.Go(Waiter());
            while (!waiterParked) yield return Yield();
            GoRuntime.Current.Go(Starter());
            yield return Join(waiter);
        }
        Assert.True(BlockingTests.Finishes(() => rt.Go(Main()).Join()), "the waiter did not end");
        output.WriteLine($"the waiter ran after {chain.LinksWhenRan} links of {chain.Links}");
        Assert.Equal(AskedAt, chain.LinksWhenRan); // it ran after the whole chain (GivesUpAfter) before
    }

    /// <summary>
    /// A yielder (Go: Gosched) waits in the global queue while the chain it started inherits its slice. When the
    /// asked link ends, the next link queues behind the yielder, the local queue is empty, and the yielder runs.
    /// </summary>
    [Fact]
    public void A_yielder_runs_when_the_asked_link_ends()
    {
        using var rt = OneP(TimeSpan.FromHours(1));
        var chain = new Chain();
        IEnumerable<Op> Yielder()
        {
            GoRuntime.Current.Go(chain.Link(true)); // runnext: inherits this slice once the yielder is gone
            yield return Yield();
            chain.WaiterRuns();
        }
        IEnumerable<Op> Main()
        {
            var y = GoRuntime.Current.Go(Yielder());
            yield return Join(y);
        }
        Assert.True(BlockingTests.Finishes(() => rt.Go(Main()).Join()), "the yielder did not end");
        output.WriteLine($"the yielder ran after {chain.LinksWhenRan} links of {chain.Links}");
        Assert.Equal(AskedAt, chain.LinksWhenRan); // it ran after the whole chain (GivesUpAfter) before
    }

    /// <summary>
    /// A ping-pong pair whose loops have no preemption check: the request lands where the asked member parks
    /// on its receive, its partner (in runnext) goes to the global queue, and the goroutine in the local queue runs.
    /// </summary>
    [Fact]
    public void A_local_queue_goroutine_runs_when_an_asked_pair_member_parks()
    {
        using var rt = OneP(TimeSpan.FromHours(1));
        var ping = new Chan<int>();
        var pong = new Chan<int>();
        var wake = new Chan<int>();
        bool stop = false, thirdParked = false, bParked = false;
        int rounds = 0, roundsWhenRan = -1;
        IEnumerable<Op> B()
        {
            while (true)
            {
                bParked = true;
                var v = Recv(ping);
                yield return v;
                if (v.Result == 0) yield break;
                yield return Send(pong, 1);
            }
        }
        IEnumerable<Op> A()
        {
            yield return Send(wake, 1); // the third into runnext; the first ping pushes it to the local queue
            while (!stop && rounds < GivesUpAfter)
            {
                rounds++;
                if (rounds == AskedAt) G.Current!.Preempt = true; // what sysmon's preemptone writes
                yield return Send(ping, 1); // B into runnext
                yield return Recv(pong);    // parks: asked, this is where the request lands
            }
            yield return Send(ping, 0);
        }
        IEnumerable<Op> Third()
        {
            thirdParked = true;
            yield return Recv(wake);
            roundsWhenRan = rounds;
            stop = true;
        }
        IEnumerable<Op> Main()
        {
            var third = GoRuntime.Current.Go(Third());
            var b = GoRuntime.Current.Go(B());
            while (!thirdParked || !bParked) yield return Yield();
            var a = GoRuntime.Current.Go(A());
            yield return Join(a);
            yield return Join(b);
            yield return Join(third);
        }
        Assert.True(BlockingTests.Finishes(() => rt.Go(Main()).Join()), "the pair and the third goroutine did not end");
        output.WriteLine($"the third ran after {roundsWhenRan} rounds of {rounds}");
        Assert.Equal(AskedAt, roundsWhenRan); // it ran after the pair gave up (GivesUpAfter) before
    }

    /// <summary>
    /// The same chain under sysmon, with a 2 ms slice: its request lands on whichever link runs then, and the
    /// local queue runs when that link ends. Time decides which link that is, so only an end is asserted: the
    /// waiter runs before the chain gives up (before SpendSlice, sysmon's taking the P from the chain's M two
    /// slices on was what let it in).
    /// </summary>
    [Theory, InlineData(1), InlineData(2), InlineData(3)]
    public void A_local_queue_goroutine_runs_behind_a_chain_under_sysmon(int run)
    {
        _ = run;
        using var rt = OneP(TimeSpan.FromMilliseconds(2));
        var chain = new Chain(GivesUpUnderSysmon);
        bool waiterParked = false;
        var wake = new Chan<int>();
        IEnumerable<Op> Waiter()
        {
            waiterParked = true;
            yield return Recv(wake);
            chain.WaiterRuns();
        }
        IEnumerable<Op> Starter()
        {
            yield return Send(wake, 1);
            GoRuntime.Current.Go(chain.Link(false));
        }
        IEnumerable<Op> Main()
        {
            var waiter = GoRuntime.Current.Go(Waiter());
            while (!waiterParked) yield return Yield();
            GoRuntime.Current.Go(Starter());
            yield return Join(waiter);
        }
        Assert.True(BlockingTests.Finishes(() => rt.Go(Main()).Join()), "the waiter did not end");
        output.WriteLine($"the waiter ran after {chain.LinksWhenRan} links of {chain.Links}; sysmon took the P from plain code {rt.Sched.RetakesFromPlainCode} times");
        Assert.True(chain.LinksWhenRan >= 0 && chain.Links < GivesUpUnderSysmon, $"the waiter ran only when the chain of {chain.Links} spawns gave up");
    }
}
