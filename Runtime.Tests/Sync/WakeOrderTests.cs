using System;
using System.Collections.Generic;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;
using static GoSharp.Runtime.Tests.SyncOps;

namespace GoSharp.Runtime.Tests.SyncPrimitives;

/// <summary>
/// The order in which a primitive that wakes all its waiters at once readies them, seen through the run order
/// on one P, compared with what Go 1.19 prints for the same program (bench/gosemantics): each readied
/// goroutine goes to runnext and pushes the one before it to the local queue, so the last one readied runs
/// first and the others follow in the order they were readied. Go readies a Cond's and a WaitGroup's waiters
/// oldest first (notifyListNotifyAll, one semrelease per waiter), and a closed channel's newest first
/// (closechan's gList is a stack). One P, no time slices (sysmon's preemption is kept out), waiters parked one
/// by one in spawn order: the order is deterministic.
/// </summary>
public class WakeOrderTests
{
    private static List<int> RunOnOneP(Func<GoRuntime, List<int>, IEnumerable<Op>> main)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, PreemptAfter = TimeSpan.FromHours(1) });
        var order = new List<int>();
        rt.Go(main(rt, order)).Join();
        return order;
    }

    /// <summary>A waiter on <paramref name="c"/>: records its number once woken and says it is done.</summary>
    private static IEnumerable<Op> Waiter(GoSharp.Sync.Mutex m, Cond c, List<int> order, Chan<int> done, int i)
    {
        yield return Lock(m);
        yield return Wait(c);
        m.Unlock();
        order.Add(i);
        yield return Send(done, i);
    }

    [Fact]
    public void Cond_broadcast_readies_its_waiters_oldest_first_as_Go_does()
    {
        // Go prints [3 1 2]. Until 2026-11-29 the waiters were readied newest first: [1 3 2].
        var order = RunOnOneP((rt, order) => Main(rt, order));
        Assert.Equal(new[] { 3, 1, 2 }, order);

        static IEnumerable<Op> Main(GoRuntime rt, List<int> order)
        {
            var m = new GoSharp.Sync.Mutex();
            var c = new Cond(m);
            var done = new Chan<int>(3);
            for (int i = 1; i <= 3; i++)
            {
                rt.Go(Waiter(m, c, order, done, i));
                yield return Yield(); // the waiter runs until it parks in Wait
            }
            yield return Lock(m);
            c.Broadcast();
            m.Unlock();
            for (int i = 0; i < 3; i++) yield return Recv(done);
        }
    }

    [Fact]
    public void Signals_then_a_broadcast_ready_in_the_order_Go_does()
    {
        // Five waiters; Signal, Signal, Broadcast. Go 1.19 prints [5 1 2 3 4]: the two signals ready 1 then 2,
        // the broadcast 3, 4, 5 oldest first, each pushing the one before it out of runnext. A broadcast that
        // readied the rest newest first ran [3 1 2 5 4].
        var order = RunOnOneP((rt, order) => Main(rt, order));
        Assert.Equal(new[] { 5, 1, 2, 3, 4 }, order);

        static IEnumerable<Op> Main(GoRuntime rt, List<int> order)
        {
            var m = new GoSharp.Sync.Mutex();
            var c = new Cond(m);
            var done = new Chan<int>(5);
            for (int i = 1; i <= 5; i++)
            {
                rt.Go(Waiter(m, c, order, done, i));
                yield return Yield();
            }
            yield return Lock(m);
            c.Signal();
            c.Signal();
            c.Broadcast();
            m.Unlock();
            for (int i = 0; i < 5; i++) yield return Recv(done);
        }
    }

    [Fact]
    public void WaitGroup_readies_its_waiters_oldest_first_as_Go_does()
    {
        // Go prints [3 1 2]. Until 2026-11-29 the waiters were readied newest first: [1 3 2].
        var order = RunOnOneP((rt, order) => Main(rt, order));
        Assert.Equal(new[] { 3, 1, 2 }, order);

        static IEnumerable<Op> Main(GoRuntime rt, List<int> order)
        {
            var wg = new WaitGroup();
            wg.Add(1);
            var done = new Chan<int>(3);
            for (int i = 1; i <= 3; i++)
            {
                rt.Go(Waiter(wg, order, done, i));
                yield return Yield();
            }
            wg.Done();
            for (int i = 0; i < 3; i++) yield return Recv(done);
        }

        static IEnumerable<Op> Waiter(WaitGroup wg, List<int> order, Chan<int> done, int i)
        {
            yield return Wait(wg);
            order.Add(i);
            yield return Send(done, i);
        }
    }

    [Fact]
    public void Close_readies_the_receivers_newest_first_as_Go_does()
    {
        // Go prints [1 3 2]: closechan pops its stack of readers, the newest first.
        var order = RunOnOneP((rt, order) => Main(rt, order));
        Assert.Equal(new[] { 1, 3, 2 }, order);

        static IEnumerable<Op> Main(GoRuntime rt, List<int> order)
        {
            var ch = new Chan<int>();
            var done = new Chan<int>(3);
            for (int i = 1; i <= 3; i++)
            {
                rt.Go(Receiver(ch, order, done, i));
                yield return Yield();
            }
            ch.Close();
            for (int i = 0; i < 3; i++) yield return Recv(done);
        }

        static IEnumerable<Op> Receiver(Chan<int> ch, List<int> order, Chan<int> done, int i)
        {
            yield return RecvOk(ch);
            order.Add(i);
            yield return Send(done, i);
        }
    }
}
