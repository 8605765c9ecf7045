using System;
using System.Collections.Generic;
using System.Threading;
using Xunit;
using static GoSharp.Runtime.Tests.SyncOps;

namespace GoSharp.Runtime.Tests.SyncPrimitives;

/// <summary>
/// A Done without its Add throws (Go panics with "sync: negative WaitGroup counter"), and the group stays usable for
/// every other goroutine: the counter never passes below zero, where a concurrent Wait would park for a zero that no
/// one announces.
/// </summary>
public class WaitGroupMisuseTests
{
    /// <summary>
    /// Two threads call Done on a zero counter over and over while the test thread reads the counter. The decrement
    /// used to be made and then undone: the reader saw -1, and so did a Wait, which then parked for good.
    /// </summary>
    [Fact]
    public void AMisusedDoneNeverShowsANegativeCounter() => Rt.With(2, rt =>
    {
        var wg = new WaitGroup();
        const int Misusers = 2, Each = 200_000;
        int running = Misusers, thrown = 0;
        var misusers = new Thread[Misusers];
        for (int m = 0; m < Misusers; m++)
        {
            misusers[m] = new Thread(() =>
            {
                for (int i = 0; i < Each; i++)
                {
                    try { wg.Done(); }
                    catch (InvalidOperationException) { Interlocked.Increment(ref thrown); }
                }
                Interlocked.Decrement(ref running);
            });
            misusers[m].Start();
        }
        long lowest = 0;
        while (Volatile.Read(ref running) != 0) lowest = Math.Min(lowest, wg.Count);
        foreach (var t in misusers) t.Join();
        Assert.Equal(0, lowest);
        Assert.Equal(Misusers * Each, thrown);

        // The group still works: a goroutine waits for one Add and its Done.
        wg.Add(1);
        var waiter = rt.Go(WaitOnce(wg));
        wg.Done();
        waiter.Join();
        Assert.Equal(0, wg.Count);
    });

    /// <summary>A Done that would go below zero changes nothing: the goroutines of the current round still wait for theirs.</summary>
    [Theory, InlineData(1), InlineData(4)]
    public void ADoneTooManyLeavesTheRoundItFailedIn(int procs) => Rt.With(procs, rt =>
    {
        var wg = new WaitGroup();
        wg.Add(2);
        Assert.Throws<InvalidOperationException>(() => wg.Add(-3));
        Assert.Equal(2, wg.Count);
        var waiter = rt.Go(WaitOnce(wg));
        wg.Done();
        Assert.False(waiter.IsCompleted || wg.Count != 1);
        wg.Done();
        waiter.Join();
        Assert.Throws<InvalidOperationException>(() => wg.Done());
        Assert.Equal(0, wg.Count);
    });

    private static IEnumerable<Op> WaitOnce(WaitGroup wg)
    {
        yield return Wait(wg);
    }
}
