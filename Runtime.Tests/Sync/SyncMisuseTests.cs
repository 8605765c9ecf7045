using System;
using System.Collections.Generic;
using System.Threading;
using Xunit;
using static GoSharp.Runtime.Tests.SyncOps;

namespace GoSharp.Runtime.Tests.SyncPrimitives;

/// <summary>
/// Misuse that Go makes a panic or a fatal error (a Done without its Add, an unlock of an unlocked mutex, an RUnlock
/// without its RLock) throws here, and the primitive stays usable for every other goroutine: the misuse changes
/// nothing, not even for an instant. Each used to make the change and undo it, and a concurrent Wait, Lock or RLock
/// that read the passing state parked for a wake-up nobody would give. The tests let two threads misuse the primitive
/// over and over while the test thread reads its state; without the fixes they saw the passing state in most runs.
/// </summary>
public class SyncMisuseTests
{
    private const int Misusers = 2, Each = 200_000;

    [Fact]
    public void AMisusedDoneNeverShowsANegativeCounter() => Rt.With(2, rt =>
    {
        var wg = new WaitGroup();
        AssertNeverSeen(() => wg.Done(), typeof(InvalidOperationException), () => wg.Count < 0);

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

    [Fact]
    public void AnUnlockOfAnUnlockedMutexNeverShowsAnotherState() => Rt.With(2, rt =>
    {
        var mu = new Sync.Mutex();
        AssertNeverSeen(() => mu.Unlock(), typeof(SynchronizationLockException), () => Volatile.Read(ref mu.State) != 0);
        AssertLockable(rt, mu);
    });

    [Fact]
    public void AnRUnlockOfAnUnlockedRWMutexNeverShowsAnotherCount() => Rt.With(2, rt =>
    {
        var rw = new RWMutex();
        AssertNeverSeen(() => rw.RUnlock(), typeof(SynchronizationLockException), () => Volatile.Read(ref rw.ReaderCount) != 0);
        AssertLockable(rt, rw);
        rw.RLock();
        rw.RUnlock();
        Assert.Equal(0, rw.ReaderCount);
    });

    /// <summary>
    /// A writer's Unlock of an RWMutex no writer holds used to add the pending writer's count back and then undo it:
    /// an RLock in between was let in, and the undo left its count looking like a pending writer's (-MaxReaders + 1).
    /// </summary>
    [Fact]
    public void AnUnlockOfAnUnlockedRWMutexNeverShowsAnotherCount() => Rt.With(2, rt =>
    {
        var rw = new RWMutex();
        AssertNeverSeen(() => rw.Unlock(), typeof(SynchronizationLockException), () => Volatile.Read(ref rw.ReaderCount) != 0);
        AssertLockable(rt, rw);
    });

    /// <summary>
    /// <paramref name="misuse"/> throws <paramref name="thrown"/> every time, from two threads, while the test thread
    /// checks that <paramref name="changed"/> never holds.
    /// </summary>
    private static void AssertNeverSeen(Action misuse, Type thrown, Func<bool> changed)
    {
        int running = Misusers, throws = 0;
        var threads = new Thread[Misusers];
        for (int m = 0; m < Misusers; m++)
        {
            threads[m] = new Thread(() =>
            {
                for (int i = 0; i < Each; i++)
                {
                    try { misuse(); }
                    catch (Exception e) when (e.GetType() == thrown) { Interlocked.Increment(ref throws); }
                }
                Interlocked.Decrement(ref running);
            });
            threads[m].Start();
        }
        int seen = 0;
        while (Volatile.Read(ref running) != 0) if (changed()) seen++;
        foreach (var t in threads) t.Join();
        Assert.Equal(0, seen);
        Assert.Equal(Misusers * Each, throws);
    }

    /// <summary>Goroutines still lock and unlock <paramref name="locker"/> after the misuse, with mutual exclusion.</summary>
    private static void AssertLockable(GoRuntime rt, ILocker locker)
    {
        int inside = 0, overlaps = 0;
        IEnumerable<Op> Worker()
        {
            for (int i = 0; i < 50; i++)
            {
                yield return LockOp(locker);
                if (Interlocked.Increment(ref inside) != 1) Interlocked.Increment(ref overlaps);
                yield return Ops.Yield();
                Interlocked.Decrement(ref inside);
                locker.Unlock();
            }
        }
        var workers = new List<Goroutine>();
        for (int w = 0; w < 4; w++) workers.Add(rt.Go(Worker()));
        workers.ForEach(w => w.Join());
        Assert.Equal(0, overlaps);
    }

    private static Op LockOp(ILocker locker) => locker switch
    {
        Sync.Mutex m => Lock(m),
        RWMutex rw => Lock(rw),
        _ => throw new ArgumentException("a Mutex or an RWMutex", nameof(locker)),
    };

    private static IEnumerable<Op> WaitOnce(WaitGroup wg)
    {
        yield return Wait(wg);
    }
}
