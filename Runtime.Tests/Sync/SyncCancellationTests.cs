using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;
using static GoSharp.Runtime.Tests.SyncOps;

namespace GoSharp.Runtime.Tests;

/// <summary>
/// <c>Mutex.Lock</c>, <c>Semaphore.Acquire</c> and <c>WaitGroup.Wait</c> with a CancellationToken: a cancelled
/// wait holds nothing and leaves the primitive consistent, even when cancellation races an unlock or a release.
/// </summary>
public class SyncCancellationTests
{
    public static TheoryData<int> Procs => new() { 1, 2, 4 };

    private static CancellationToken Cancelled()
    {
        var cts = new CancellationTokenSource();
        cts.Cancel();
        return cts.Token;
    }

    [Fact]
    public void Already_cancelled_token_throws_even_when_the_primitive_is_free()
    {
        var ct = Cancelled();
        var mu = new Sync.Mutex();
        var sem = new Sync.Semaphore(1);
        var wg = new WaitGroup();
        Assert.Throws<OperationCanceledException>(() => mu.Lock(ct));
        Assert.Throws<OperationCanceledException>(() => sem.Acquire(ct));
        Assert.Throws<OperationCanceledException>(() => wg.Wait(ct));
        Assert.True(mu.TryLock());                               // nothing was taken
        Assert.Equal(0, sem.Held);
    }

    [Theory, MemberData(nameof(Procs))]
    public void Cancelling_blocked_waits_on_threads_and_goroutines(int procs) => Rt.With(procs, rt =>
    {
        var mu = new Sync.Mutex();
        var sem = new Sync.Semaphore(1);
        var wg = new WaitGroup();
        mu.Lock();
        sem.Acquire();
        wg.Add(1);
        using var cts = new CancellationTokenSource();
        var errors = new List<Exception?>();
        IEnumerable<Op> Goroutine()
        {
            var l = Lock(mu, cts.Token).Catch(); yield return l; lock (errors) errors.Add(l.Error);
            var a = Acquire(sem, cts.Token).Catch(); yield return a; lock (errors) errors.Add(a.Error);
            var w = Wait(wg, cts.Token).Catch(); yield return w; lock (errors) errors.Add(w.Error);
        }
        void Record(Action a)
        {
            try { a(); lock (errors) errors.Add(null); }
            catch (Exception ex) { lock (errors) errors.Add(ex); }
        }
        var threads = new[]
        {
            new Thread(() => Record(() => mu.Lock(cts.Token))),
            new Thread(() => Record(() => sem.Acquire(cts.Token))),
            new Thread(() => Record(() => wg.Wait(cts.Token))),
        };
        var h = rt.Go(Goroutine());
        foreach (var t in threads) t.Start();
        // The mutex's two waiters are queued (the goroutine waits on it first). The other waits may or may not
        // have started: cancelled before, they throw at entry, and the outcome is the same.
        SpinWait.SpinUntil(() => Volatile.Read(ref mu.State) >> Sync.Mutex.WaiterShift == 2);
        cts.Cancel();
        h.Join();
        foreach (var t in threads) t.Join();
        Assert.Equal(6, errors.Count);
        Assert.All(errors, e => Assert.IsType<OperationCanceledException>(e));
        Assert.Equal(Sync.Mutex.Locked, Volatile.Read(ref mu.State)); // still held once, no waiter counted
        mu.Unlock();
        Assert.True(mu.TryLock());
        mu.Unlock();
        Assert.Equal(1, sem.Held);
        sem.Release();
        Assert.True(sem.TryAcquire());
        wg.Done();
        wg.Wait();
    });

    /// <summary>
    /// The narrow race of a cancelled mutex waiter, replayed by hand: the waiter is counted, its semaphore wait
    /// is cancelled, and an Unlock takes it off the count and sends its wake-up to the semaphore before it
    /// leaves. Leaving must consume that wake-up and clear Woken (else the next waiter gets a stale wake-up);
    /// with the lock free it locks and unlocks once, with the lock held it registers again and leaves.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_cancelled_waiter_the_unlock_already_counted_takes_its_wakeup(bool lockHeldWhenLeaving)
    {
        var mu = new Sync.Mutex();
        mu.Lock();
        var waiter = new Sync.Mutex.LockSlow(mu);
        Assert.False(waiter.Step());                             // counted as a waiter; its semaphore wait is "cancelled"
        Assert.Equal(Sync.Mutex.Locked | 1 << Sync.Mutex.WaiterShift, Volatile.Read(ref mu.State));
        mu.Unlock();                                             // takes the waiter off the count, sets Woken, releases a unit
        Assert.Equal(Sync.Mutex.Woken, Volatile.Read(ref mu.State));
        Assert.Equal(1, mu.Sema.Count);
        if (lockHeldWhenLeaving) Assert.True(mu.TryLock());
        waiter.Leave();
        Assert.Equal(0, mu.Sema.Count);                          // the wake-up was consumed
        Assert.Equal(lockHeldWhenLeaving ? Sync.Mutex.Locked : 0, Volatile.Read(ref mu.State));
        if (lockHeldWhenLeaving) mu.Unlock();
        Assert.Equal(0, Volatile.Read(ref mu.State));
    }

    /// <summary>
    /// Goroutines and threads lock a mutex with tokens that a canceller keeps cancelling. Each lock that
    /// returns holds the mutex alone (the counter is incremented without atomics); afterwards the mutex is
    /// free with no waiter counted, whichever of the Leave paths the cancelled waiters took.
    /// </summary>
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(2, true)]
    [InlineData(4, true)]
    public void Mutex_cancellation_racing_unlocks_keeps_it_consistent(int procs, bool threads) => Rt.With(procs, rt =>
    {
        const int Workers = 6, Attempts = 2000;
        var mu = new Sync.Mutex();
        var current = new CancellationTokenSource();
        long counter = 0, locked = 0, cancelled = 0;
        int running = Workers;
        void Critical()
        {
            long c = counter;
            for (int s = 0; s < 20; s++) Thread.SpinWait(1);
            counter = c + 1;
        }
        IEnumerable<Op> Worker()
        {
            for (int i = 0; i < Attempts; i++)
            {
                var l = Lock(mu, Volatile.Read(ref current).Token).Catch();
                yield return l;
                if (l.Error is OperationCanceledException) { Interlocked.Increment(ref cancelled); continue; }
                if (l.Error is not null) throw l.Error;
                if (i % 3 == 0) yield return Ops.Yield();      // hold the lock across a reschedule: others queue
                Critical();
                Interlocked.Increment(ref locked);
                mu.Unlock();
            }
            Interlocked.Decrement(ref running);
        }
        var hs = new List<Goroutine>();
        var starters = new List<Func<Goroutine>>();
        var ts = new List<Thread>();
        for (int w = 0; w < Workers; w++)
        {
            if (threads && w % 2 == 0)
                ts.Add(new Thread(() =>
                {
                    for (int i = 0; i < Attempts; i++)
                    {
                        try { mu.Lock(Volatile.Read(ref current).Token); }
                        catch (OperationCanceledException) { Interlocked.Increment(ref cancelled); continue; }
                        Critical();
                        Interlocked.Increment(ref locked);
                        mu.Unlock();
                    }
                    Interlocked.Decrement(ref running);
                }));
            else hs.Add(rt.Go(Worker()));
        }
        // The canceller holds the mutex until a waiter is counted, then cancels the token in use: every round
        // cancels at least one queued (or queuing) waiter while unlocks race it. It locks before any worker
        // starts, so the first round always happens.
        bool started = false;
        while (true)
        {
            mu.Lock();
            if (!started)
            {
                started = true;
                hs.AddRange(starters.Select(start => start()));
                ts.ForEach(t => t.Start());
            }
            SpinWait.SpinUntil(() => Volatile.Read(ref mu.State) >> Sync.Mutex.WaiterShift > 0 || Volatile.Read(ref running) == 0);
            Interlocked.Exchange(ref current, new CancellationTokenSource()).Cancel();
            mu.Unlock();
            if (Volatile.Read(ref running) == 0) break;
            Thread.Yield();
        }
        hs.ForEach(h => h.Join());
        ts.ForEach(t => t.Join());
        Assert.Equal(Workers * Attempts, locked + cancelled);
        Assert.Equal(locked, counter);
        Assert.True(cancelled > 0, "the canceller never won a race");
        Assert.Equal(0, Volatile.Read(ref mu.State) & ~Sync.Mutex.Woken); // free, no waiter counted (a wake-up may wait in the semaphore)
        Assert.True(mu.TryLock());
        mu.Unlock();
    });

    [Theory, MemberData(nameof(Procs))]
    public void Semaphore_cancellation_racing_releases_loses_no_slot(int procs) => Rt.With(procs, rt =>
    {
        const int Workers = 6, Attempts = 2000, Slots = 2;
        var sem = new Sync.Semaphore(Slots);
        var current = new CancellationTokenSource();
        int inside = 0, maxInside = 0, running = Workers;
        long acquired = 0, cancelled = 0;
        IEnumerable<Op> Worker()
        {
            for (int i = 0; i < Attempts; i++)
            {
                var a = Acquire(sem, Volatile.Read(ref current).Token).Catch();
                yield return a;
                if (a.Error is OperationCanceledException) { Interlocked.Increment(ref cancelled); continue; }
                if (a.Error is not null) throw a.Error;
                int n = Interlocked.Increment(ref inside);
                int m;
                while (n > (m = Volatile.Read(ref maxInside)) && Interlocked.CompareExchange(ref maxInside, n, m) != m) { }
                Interlocked.Decrement(ref inside);
                Interlocked.Increment(ref acquired);
                sem.Release();
                if (i % 5 == 0) yield return Ops.Yield();
            }
            Interlocked.Decrement(ref running);
        }
        var hs = Enumerable.Range(0, Workers).Select(_ => rt.Go(Worker())).ToList();
        while (Volatile.Read(ref running) > 0)
        {
            Interlocked.Exchange(ref current, new CancellationTokenSource()).Cancel();
            Thread.Yield();
        }
        hs.ForEach(h => h.Join());
        Assert.Equal(Workers * Attempts, acquired + cancelled);
        Assert.True(maxInside <= Slots);
        Assert.Equal(0, sem.Held);
        Assert.Equal(Slots, sem.Sema.Count);                     // every slot came back
    });

    /// <summary>Mutex and semaphore cancellation under the deterministic scheduler, one interleaving per seed.</summary>
    [Fact]
    public void Mutex_and_semaphore_cancellation_under_many_seeds()
    {
        for (int seed = 1; seed <= 300; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            var rnd = new Random(seed);
            var mu = new Sync.Mutex();
            var sem = new Sync.Semaphore(1);
            var sources = Enumerable.Range(0, 3).Select(_ => new CancellationTokenSource()).ToArray();
            int counter = 0, locked = 0, cancelled = 0, inSem = 0;
            IEnumerable<Op> Worker(int id)
            {
                for (int i = 0; i < 8; i++)
                {
                    var ct = sources[(id + i) % sources.Length].Token;
                    var l = Lock(mu, ct).Catch();
                    yield return l;
                    if (l.Error is OperationCanceledException) cancelled++;
                    else
                    {
                        int c = counter;
                        yield return Ops.Yield();                 // hold the lock across a reschedule
                        counter = c + 1;
                        locked++;
                        mu.Unlock();
                    }
                    var a = Acquire(sem, ct).Catch();
                    yield return a;
                    if (a.Error is null)
                    {
                        Assert.Equal(1, ++inSem);
                        yield return Ops.Yield();
                        inSem--;
                        sem.Release();
                    }
                }
            }
            var yields = sources.Select(_ => rnd.Next(0, 25)).ToArray();
            IEnumerable<Op> Canceller()
            {
                for (int k = 0; k < sources.Length; k++)
                {
                    for (int i = 0; i < yields[k]; i++) yield return Ops.Yield();
                    sources[k].Cancel();
                }
            }
            var hs = Enumerable.Range(0, 4).Select(id => rt.Go(Worker(id))).Append(rt.Go(Canceller())).ToList();
            try
            {
                hs.ForEach(h => h.Join());
                Assert.Equal(32, locked + cancelled);
                Assert.Equal(locked, counter);
                Assert.Equal(0, Volatile.Read(ref mu.State) & ~Sync.Mutex.Woken);
                Assert.Equal(1, sem.Sema.Count);
            }
            catch (Exception ex)
            {
                throw new Exception($"seed {seed}", ex);
            }
        }
    }
}
