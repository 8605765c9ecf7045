using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;
using static GoSharp.Runtime.Tests.SyncOps;

namespace GoSharp.Runtime.Tests.SyncPrimitives;

public class SyncTests
{
    public static TheoryData<int> Procs => new() { 1, 2, 4 };

    [Theory, MemberData(nameof(Procs))]
    public void Mutex_excludes_goroutines_and_threads(int procs) => Rt.With(procs, rt =>
    {
        var m = new GoSharp.Sync.Mutex();
        int inside = 0, counter = 0, violations = 0;
        const int K = 2000;
        IEnumerable<Op> Worker()
        {
            for (int i = 0; i < K; i++)
            {
                yield return Lock(m);
                if (Interlocked.Increment(ref inside) != 1) violations++;
                counter++;
                if (i % 7 == 0) yield return Yield(); // suspend while holding the lock
                Interlocked.Decrement(ref inside);
                m.Unlock();
            }
        }
        var gs = Enumerable.Range(0, 8).Select(_ => rt.Go(Worker())).ToList();
        var ts = Enumerable.Range(0, 2).Select(_ => new Thread(() =>
        {
            for (int i = 0; i < K; i++)
            {
                m.Lock();
                if (Interlocked.Increment(ref inside) != 1) violations++;
                counter++;
                Interlocked.Decrement(ref inside);
                m.Unlock();
            }
        })).ToList();
        ts.ForEach(t => t.Start());
        gs.ForEach(g => g.Join());
        ts.ForEach(t => t.Join());
        Assert.Equal(0, violations);
        Assert.Equal(10 * K, counter);
        Assert.Equal(0, m.State);
        Assert.Throws<SynchronizationLockException>(() => m.Unlock());
        Assert.True(m.TryLock());
        Assert.False(m.TryLock());
        m.Unlock();
    });

    [Fact]
    public void Mutex_starvation_mode_bounds_the_wait()
    {
        // A hog relocks the mutex right after unlocking it, forever; in normal mode a woken waiter keeps
        // losing that race, starvation mode (after 1 ms) hands it the lock directly.
        var m = new GoSharp.Sync.Mutex();
        var stop = new Chan<Empty>();
        var hog = new Thread(() =>
        {
            while (!stop.TryRecvOk(out _, out _))
            {
                m.Lock();
                Thread.SpinWait(200);
                m.Unlock();
            }
        });
        hog.Start();
        long worst = 0;
        var sw = new Stopwatch();
        for (int i = 0; i < 50; i++)
        {
            sw.Restart();
            m.Lock();
            worst = Math.Max(worst, sw.ElapsedTicks);
            m.Unlock();
        }
        stop.Close();
        hog.Join();
        double worstMs = worst * 1000.0 / Stopwatch.Frequency;
        Assert.True(worstMs < 100, $"worst wait {worstMs:F1} ms");
        Assert.Equal(0, m.State);
    }

    [Fact]
    public void Mutex_enters_starvation_mode_after_1ms_and_hands_off()
    {
        // Deterministic: hold the lock while a waiter queues, keep it > 1 ms, then barge back in right
        // after unlocking. The waiter, woken and beaten, marks the mutex starving; the next unlock hands
        // it the lock directly, and a TryLock meanwhile fails.
        var m = new GoSharp.Sync.Mutex();
        bool sawStarving = false;
        for (int attempt = 0; attempt < 400 && !sawStarving; attempt++) // barging needs the waiter to be slow to wake: retry until it is
        {
            m.Lock();
            var got = new Chan<Empty>(1);
            var release = new Chan<Empty>();
            var t = new Thread(() => { m.Lock(); got.Send(default); release.Recv(); m.Unlock(); });
            t.Start();
            while ((Volatile.Read(ref m.State) >> GoSharp.Sync.Mutex.WaiterShift) == 0) Thread.Yield(); // queued
            var sw = Stopwatch.StartNew();
            while (sw.Elapsed.TotalMilliseconds < 3) Thread.SpinWait(100);
            m.Unlock();
            bool barged = m.TryLock(); // usually beats the waiter, which has to wake up first
            if (barged)
            {
                // Wait until the waiter has run and either marked the mutex starving or queued again.
                sw.Restart();
                while ((Volatile.Read(ref m.State) & GoSharp.Sync.Mutex.Starving) == 0 && sw.Elapsed.TotalMilliseconds < 5000) Thread.Yield();
                sawStarving = (Volatile.Read(ref m.State) & GoSharp.Sync.Mutex.Starving) != 0;
                long handoffs = m.StarvationHandoffs;
                m.Unlock();
                got.Recv(); // the waiter owns it now
                if (sawStarving)
                {
                    Assert.Equal(handoffs + 1, m.StarvationHandoffs);
                    Assert.False(m.TryLock()); // held by the waiter
                }
            }
            else
            {
                got.Recv();
            }
            release.Send(default);
            t.Join();
        }
        Assert.True(sawStarving, "the mutex never entered starvation mode");
        Assert.Equal(0, m.State);
    }

    [Theory, MemberData(nameof(Procs))]
    public void Mutex_starvation_in_goroutines(int procs) => Rt.With(procs, rt =>
    {
        var m = new GoSharp.Sync.Mutex();
        var stop = new Chan<Empty>();
        IEnumerable<Op> Hog()
        {
            while (!stop.TryRecvOk(out _, out _))
            {
                yield return Lock(m);
                Thread.SpinWait(200);
                m.Unlock();
                yield return Yield();
            }
        }
        long worst = 0;
        IEnumerable<Op> Waiter()
        {
            var sw = new Stopwatch();
            for (int i = 0; i < 50; i++)
            {
                sw.Restart();
                yield return Lock(m);
                worst = Math.Max(worst, sw.ElapsedTicks);
                m.Unlock();
                yield return Yield();
            }
        }
        var hogs = Enumerable.Range(0, 2).Select(_ => rt.Go(Hog())).ToList();
        rt.Go(Waiter()).Join();
        stop.Close();
        hogs.ForEach(h => h.Join());
        double worstMs = worst * 1000.0 / Stopwatch.Frequency;
        Assert.True(worstMs < 200, $"worst wait {worstMs:F1} ms");
    });

    [Theory, MemberData(nameof(Procs))]
    public void RWMutex_readers_share_writers_exclude(int procs) => Rt.With(procs, rt =>
    {
        var rw = new RWMutex();
        Assert.True(rw.TryRLock());
        Assert.True(rw.TryRLock()); // readers share
        Assert.False(rw.TryLock());
        rw.RUnlock();
        rw.RUnlock();
        Assert.True(rw.TryLock());
        Assert.False(rw.TryRLock());
        rw.Unlock();
        Assert.Throws<SynchronizationLockException>(() => rw.Unlock());
        Assert.Throws<SynchronizationLockException>(() => rw.RUnlock());

        // A pending writer keeps new readers out.
        rw.RLock();
        var writerIn = new Chan<Empty>();
        IEnumerable<Op> Writer() { yield return Lock(rw); writerIn.Close(); rw.Unlock(); }
        var w = rt.Go(Writer());
        while (Volatile.Read(ref rw.ReaderCount) >= 0) Thread.Yield(); // the writer has announced itself
        Assert.False(rw.TryRLock());
        Assert.False(writerIn.TryRecvOk(out _, out _));
        rw.RUnlock();
        w.Join();

        // Stress: a writer keeps a == b; readers never see them differ.
        int a = 0, b = 0, bad = 0;
        IEnumerable<Op> W2()
        {
            for (int i = 0; i < 500; i++)
            {
                yield return Lock(rw);
                a++;
                yield return Yield();
                b++;
                rw.Unlock();
            }
        }
        IEnumerable<Op> R()
        {
            for (int i = 0; i < 500; i++)
            {
                yield return RLock(rw);
                if (a != b) Interlocked.Increment(ref bad);
                yield return Yield();
                if (a != b) Interlocked.Increment(ref bad);
                rw.RUnlock();
            }
        }
        var hs = new List<Goroutine> { rt.Go(W2()), rt.Go(W2()) };
        hs.AddRange(Enumerable.Range(0, 4).Select(_ => rt.Go(R())));
        var t = new Thread(() => { for (int i = 0; i < 500; i++) { rw.RLock(); if (a != b) Interlocked.Increment(ref bad); rw.RUnlock(); rw.Lock(); a++; b++; rw.Unlock(); } });
        t.Start();
        hs.ForEach(h => h.Join());
        t.Join();
        Assert.Equal(0, bad);
        Assert.Equal(1500, a);
    });

    [Theory, MemberData(nameof(Procs))]
    public void WaitGroup_wakes_goroutine_and_thread_waiters(int procs) => Rt.With(procs, rt =>
    {
        var wg = new WaitGroup();
        int done = 0;
        const int N = 100;
        wg.Add(N);
        IEnumerable<Op> Worker() { yield return Yield(); Interlocked.Increment(ref done); wg.Done(); }
        int seenByWaiters = 0;
        IEnumerable<Op> GWaiter() { yield return Wait(wg); if (Volatile.Read(ref done) == N) Interlocked.Increment(ref seenByWaiters); }
        var waiters = Enumerable.Range(0, 5).Select(_ => rt.Go(GWaiter())).ToList();
        var tw = new Thread(() => { wg.Wait(); if (Volatile.Read(ref done) == N) Interlocked.Increment(ref seenByWaiters); });
        tw.Start();
        for (int i = 0; i < N; i++) rt.Go(Worker());
        wg.Wait();
        waiters.ForEach(w => w.Join());
        tw.Join();
        Assert.Equal(6, seenByWaiters);
        Assert.Equal(0, wg.Count);
        var ex = Assert.Throws<InvalidOperationException>(() => wg.Done());
        Assert.Contains("negative WaitGroup counter", ex.Message);
        wg.Wait(); // zero: returns at once
    });

    [Theory, MemberData(nameof(Procs))]
    public void Once_runs_once_and_callers_wait_for_it(int procs) => Rt.With(procs, rt =>
    {
        var once = new Once();
        int runs = 0, sawDone = 0;
        var release = new Chan<Empty>();
        void Init()
        {
            Interlocked.Increment(ref runs);
            release.Recv(); // the first caller stays inside until released (blocks its thread)
        }
        IEnumerable<Op> Caller() { yield return Do(once, Init); if (once.IsDone) Interlocked.Increment(ref sawDone); }
        var t = new Thread(() => { once.Do(Init); if (once.IsDone) Interlocked.Increment(ref sawDone); });
        t.Start();
        while (Volatile.Read(ref runs) == 0) Thread.Yield();
        var hs = Enumerable.Range(0, 20).Select(_ => rt.Go(Caller())).ToList();
        release.Close();
        hs.ForEach(h => h.Join());
        t.Join();
        Assert.Equal(1, runs);
        Assert.Equal(21, sawDone);

        var failing = new Once();
        Assert.Throws<InvalidTimeZoneException>(() => failing.Do(() => throw new InvalidTimeZoneException()));
        failing.Do(() => throw new Exception("must not run"));
        Assert.True(failing.IsDone);
    });

    [Theory, MemberData(nameof(Procs))]
    public void Cond_signal_and_broadcast(int procs) => Rt.With(procs, rt =>
    {
        var m = new GoSharp.Sync.Mutex();
        var c = new Cond(m);
        var queue = new Queue<int>();
        var got = new List<int>();
        bool closed = false;
        IEnumerable<Op> Consumer()
        {
            while (true)
            {
                yield return Lock(m);
                while (queue.Count == 0 && !closed) yield return Wait(c);
                if (queue.Count == 0) { m.Unlock(); yield break; }
                got.Add(queue.Dequeue());
                m.Unlock();
            }
        }
        var cs = Enumerable.Range(0, 4).Select(_ => rt.Go(Consumer())).ToList();
        var threadConsumer = new Thread(() =>
        {
            while (true)
            {
                m.Lock();
                while (queue.Count == 0 && !closed) c.Wait();
                if (queue.Count == 0) { m.Unlock(); return; }
                got.Add(queue.Dequeue());
                m.Unlock();
            }
        });
        threadConsumer.Start();
        for (int i = 0; i < 2000; i++)
        {
            m.Lock();
            queue.Enqueue(i);
            m.Unlock();
            c.Signal();
        }
        m.Lock();
        closed = true;
        m.Unlock();
        c.Broadcast();
        cs.ForEach(h => h.Join());
        threadConsumer.Join();
        got.Sort();
        Assert.Equal(Enumerable.Range(0, 2000), got);
    });

    [Theory, MemberData(nameof(Procs))]
    public void Semaphore_bounds_holders(int procs) => Rt.With(procs, rt =>
    {
        var s = new GoSharp.Sync.Semaphore(3);
        int inside = 0, maxInside = 0;
        IEnumerable<Op> Worker()
        {
            for (int i = 0; i < 200; i++)
            {
                yield return Acquire(s);
                int n = Interlocked.Increment(ref inside);
                int seen;
                while ((seen = Volatile.Read(ref maxInside)) < n && Interlocked.CompareExchange(ref maxInside, n, seen) != seen) { }
                yield return Yield();
                Interlocked.Decrement(ref inside);
                s.Release();
            }
        }
        var hs = Enumerable.Range(0, 10).Select(_ => rt.Go(Worker())).ToList();
        var t = new Thread(() => { for (int i = 0; i < 200; i++) { s.Acquire(); Interlocked.Increment(ref inside); Interlocked.Decrement(ref inside); s.Release(); } });
        t.Start();
        hs.ForEach(h => h.Join());
        t.Join();
        Assert.InRange(maxInside, 1, 3);
        Assert.Equal(0, s.Held);
        Assert.Throws<SynchronizationLockException>(() => s.Release());
        Assert.True(s.TryAcquire());
        Assert.True(s.TryAcquire());
        Assert.True(s.TryAcquire());
        Assert.False(s.TryAcquire());
    });
}
