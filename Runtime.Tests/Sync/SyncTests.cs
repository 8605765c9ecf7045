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
                if (Interlocked.Increment(ref inside) != 1) Interlocked.Increment(ref violations);
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
                if (Interlocked.Increment(ref inside) != 1) Interlocked.Increment(ref violations);
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
    public void Mutex_thread_waiter_makes_progress_against_a_barging_thread()
    {
        // Liveness of the thread path (Sema on threads, LIFO requeue, starvation hand-off): a hog relocks
        // right after unlocking until the waiter is done. The bound on the wait itself is proven under
        // virtual time (Mutex_starvation_bounds_the_wait_under_virtual_time); here only a hang fails.
        var m = new GoSharp.Sync.Mutex();
        int stop = 0;
        var hog = new Thread(() =>
        {
            while (Volatile.Read(ref stop) == 0)
            {
                m.Lock();
                Thread.SpinWait(200);
                m.Unlock();
            }
        });
        int acquired = 0;
        var waiter = new Thread(() =>
        {
            for (int i = 0; i < 50; i++)
            {
                m.Lock();
                acquired++;
                m.Unlock();
            }
        });
        hog.Start();
        waiter.Start();
        bool finished = waiter.Join(TimeSpan.FromSeconds(60)); // hang guard, not a timing bound
        Volatile.Write(ref stop, 1);
        hog.Join();
        Assert.True(finished, "the waiter never got the mutex from the barging hog");
        waiter.Join();
        Assert.Equal(50, acquired);
        Assert.Equal(0, m.State);
    }

    /// <summary>
    /// One P, virtual time: the holder keeps the mutex for <paramref name="hold"/> while a waiter queues,
    /// unlocks and barges straight back in (the woken waiter cannot run before the holder parks), then
    /// lets the waiter run. Returns whether the waiter switched the mutex to starvation mode, and what
    /// the holder saw after unlocking again.
    /// </summary>
    private static (bool Barged, bool Starving, long HandoffsDuringUnlock, bool TryLockAfterUnlock, bool WaiterGotIt, int FinalState)
        StarvationScenario(int seed, TimeSpan hold)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
        var m = new GoSharp.Sync.Mutex();
        bool barged = false, starving = false, tryLock = false, waiterGot = false;
        long handoffs = -1;
        IEnumerable<Op> Waiter()
        {
            yield return Lock(m);
            waiterGot = true;
            m.Unlock();
        }
        IEnumerable<Op> Holder()
        {
            yield return Lock(m);
            var w = GoRuntime.Current.Go(Waiter());
            // Bounded, so a broken mutex fails the assertions below instead of spinning forever.
            for (int i = 0; i < 10_000 && (Volatile.Read(ref m.State) >> GoSharp.Sync.Mutex.WaiterShift) == 0; i++) yield return Yield(); // queued
            yield return TimeOps.Sleep(hold); // virtual: exactly `hold` passes for the queued waiter
            m.Unlock();                       // normal mode: wakes the waiter (Woken)...
            barged = m.TryLock();             // ...which has not run yet: one P, no preemption
            if (!barged) yield break;
            // The waiter, once it runs, clears Woken and queues again (marking Starving if it waited > 1 ms).
            for (int i = 0; i < 10_000 && (Volatile.Read(ref m.State) & GoSharp.Sync.Mutex.Woken) != 0; i++) yield return Yield();
            starving = (Volatile.Read(ref m.State) & GoSharp.Sync.Mutex.Starving) != 0;
            long before = m.StarvationHandoffs;
            m.Unlock();
            handoffs = m.StarvationHandoffs - before;
            tryLock = m.TryLock();
            if (tryLock) m.Unlock();
            yield return Join(w);
        }
        rt.Go(Holder()).Join();
        return (barged, starving, handoffs, tryLock, waiterGot, m.State);
    }

    [Fact]
    public void Mutex_leaves_starvation_mode_when_its_last_waiter_gives_up()
    {
        // Red team: the holder barges back in, the waiter queues again in starvation mode, then its token is
        // cancelled. Unlocking must leave the mutex free for TryLock, not in starvation mode with no one to hand to.
        for (int seed = 0; seed < 30; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            var m = new GoSharp.Sync.Mutex();
            using var cts = new CancellationTokenSource();
            bool starving = false, waiterEnded = false, tryLock = false;
            Goroutine waiter = default;
            IEnumerable<Op> Waiter()
            {
                var op = Lock(m, cts.Token);
                yield return op;
                m.Unlock();
            }
            IEnumerable<Op> Holder()
            {
                yield return Lock(m);
                var w = waiter = GoRuntime.Current.Go(Waiter());
                for (int i = 0; i < 10_000 && (Volatile.Read(ref m.State) >> GoSharp.Sync.Mutex.WaiterShift) == 0; i++) yield return Yield();
                yield return TimeOps.Sleep(TimeSpan.FromMilliseconds(1.1));
                m.Unlock();
                if (!m.TryLock()) yield break; // barge back in
                for (int i = 0; i < 10_000 && (Volatile.Read(ref m.State) & GoSharp.Sync.Mutex.Woken) != 0; i++) yield return Yield();
                starving = (Volatile.Read(ref m.State) & GoSharp.Sync.Mutex.Starving) != 0;
                cts.Cancel();
                // Not Join: it would rethrow the waiter's cancellation here; the test thread observes it below.
                for (int i = 0; i < 10_000 && !w.IsCompleted; i++) yield return Yield();
                waiterEnded = w.IsCompleted;
                m.Unlock();
                tryLock = m.TryLock();
                if (tryLock) m.Unlock();
            }
            rt.Go(Holder()).Join();
            Assert.True(starving, $"seed {seed}: the scenario did not reach starvation mode");
            Assert.True(waiterEnded, $"seed {seed}: the waiter did not end after its token was cancelled");
            Assert.Throws<OperationCanceledException>(() => waiter.Join());
            Assert.True(tryLock, $"seed {seed}: TryLock failed after the last waiter gave up (state {m.State})");
            Assert.Equal(0, m.State);
        }
    }

    [Fact]
    public void Mutex_enters_starvation_mode_only_after_a_waiter_waited_over_1ms_and_then_hands_off()
    {
        // Go's rule (starvationThresholdNs = 1 ms), driven exactly by the virtual clock, for many schedules.
        for (int seed = 0; seed < 30; seed++)
        {
            var shortWait = StarvationScenario(seed, TimeSpan.FromMilliseconds(0.9));
            Assert.True(shortWait.Barged, $"seed {seed}: the holder could not barge back in");
            Assert.False(shortWait.Starving, $"seed {seed}: starvation mode after a 0.9 ms wait");
            Assert.Equal(0, shortWait.HandoffsDuringUnlock);
            Assert.True(shortWait.WaiterGotIt);
            Assert.Equal(0, shortWait.FinalState);

            var longWait = StarvationScenario(seed, TimeSpan.FromMilliseconds(1.1));
            Assert.True(longWait.Barged, $"seed {seed}: the holder could not barge back in");
            Assert.True(longWait.Starving, $"seed {seed}: no starvation mode after a 1.1 ms wait");
            Assert.Equal(1, longWait.HandoffsDuringUnlock);       // Unlock handed the mutex over...
            Assert.False(longWait.TryLockAfterUnlock);            // ...so no one can barge in meanwhile
            Assert.True(longWait.WaiterGotIt);
            Assert.Equal(0, longWait.FinalState);                 // the last waiter left starvation mode
        }
    }

    [Fact]
    public void Mutex_starvation_bounds_the_wait_under_virtual_time()
    {
        // Two hogs hold the mutex 0.1 ms at a time and relock at once; on one P a woken waiter always
        // loses that race in normal mode, so without starvation mode it would wait until the hogs give
        // up (their 2,000 rounds: 200 ms of virtual time). With it, the wait is a few hold periods past
        // the 1 ms threshold. Virtual time makes the bound exact, whatever the machine's load.
        for (int seed = 0; seed < 30; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            var m = new GoSharp.Sync.Mutex();
            bool stop = false;
            long worst = 0;
            IEnumerable<Op> Hog()
            {
                for (int i = 0; i < 2000 && !stop; i++)
                {
                    yield return Lock(m);
                    yield return TimeOps.Sleep(TimeSpan.FromMilliseconds(0.1));
                    m.Unlock();
                }
            }
            IEnumerable<Op> Waiter()
            {
                for (int i = 0; i < 20; i++)
                {
                    long start = rt.Sched.Nanotime();
                    yield return Lock(m);
                    worst = Math.Max(worst, rt.Sched.Nanotime() - start);
                    m.Unlock();
                    yield return TimeOps.Sleep(TimeSpan.FromMilliseconds(0.05));
                }
                stop = true;
            }
            IEnumerable<Op> Main()
            {
                var hogs = new[] { GoRuntime.Current.Go(Hog()), GoRuntime.Current.Go(Hog()) };
                yield return Join(GoRuntime.Current.Go(Waiter()));
                foreach (var h in hogs) yield return Join(h);
            }
            rt.Go(Main()).Join();
            double worstMs = worst * 1000.0 / Stopwatch.Frequency;
            Assert.True(worstMs < 5, $"seed {seed}: worst virtual wait {worstMs:F2} ms");
            Assert.True(m.StarvationHandoffs > 0, $"seed {seed}: no starvation hand-off");
            Assert.Equal(0, m.State);
        }
    }

    [Theory, MemberData(nameof(Procs))]
    public void Mutex_goroutine_waiter_makes_progress_against_barging_goroutines(int procs) => Rt.With(procs, rt =>
    {
        // Liveness on real Ps (the bound itself: Mutex_starvation_bounds_the_wait_under_virtual_time).
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
        int acquired = 0;
        IEnumerable<Op> Waiter()
        {
            for (int i = 0; i < 50; i++)
            {
                yield return Lock(m);
                acquired++;
                m.Unlock();
                yield return Yield();
            }
        }
        var hogs = Enumerable.Range(0, 2).Select(_ => rt.Go(Hog())).ToList();
        var waiter = rt.Go(Waiter());
        var joiner = new Thread(() => waiter.Join());
        joiner.Start();
        bool finished = joiner.Join(TimeSpan.FromSeconds(60)); // hang guard, not a timing bound
        stop.Close();
        hogs.ForEach(h => h.Join());
        Assert.True(finished, "the waiter never got the mutex from the barging hogs");
        joiner.Join();
        Assert.Equal(50, acquired);
        Assert.Equal(0, m.State);
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
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref rw.ReaderCount) < 0, TimeSpan.FromSeconds(30)), "the writer never announced itself");
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
        // The workers start once every goroutine waiter is parked, so Done really has waiters to wake.
        Assert.True(SpinWait.SpinUntil(() => Dumps.CountInStatus(rt, "[sync.WaitGroup.Wait]") == 5, TimeSpan.FromSeconds(30)),
            "the waiters never all parked:\n" + rt.DumpGoroutines());
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
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref runs) > 0, TimeSpan.FromSeconds(30)), "Once.Do never started");
        var hs = Enumerable.Range(0, 20).Select(_ => rt.Go(Caller())).ToList();
        // Release only once every caller is parked inside Do: otherwise they could all arrive after the
        // first call finished and never wait for it.
        Assert.True(SpinWait.SpinUntil(() => Dumps.CountInStatus(rt, "[sync.Mutex.Lock]") == 20, TimeSpan.FromSeconds(30)),
            "the callers never all waited in Once.Do:\n" + rt.DumpGoroutines());
        Assert.Equal(0, sawDone);
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
    public void Once_called_from_its_own_action_throws_instead_of_waiting_for_itself(int procs) => Rt.With(procs, rt =>
    {
        // Go deadlocks ("all goroutines are asleep"). Here the inner Do blocked its thread on the Once's mutex
        // forever, in plain code, where deadlock detection cannot see it: the process hung. It throws now, as
        // Lazy<T> does for a factory that reads its own value, on a thread and in a goroutine alike.
        var fromThread = new Once();
        Exception? seenOnThread = null;
        fromThread.Do(() =>
        {
            try { fromThread.Do(() => throw new Exception("must not run")); }
            catch (InvalidOperationException e) { seenOnThread = e; }
        });
        Assert.Contains("inside the action of the same Once", seenOnThread?.Message);
        Assert.True(fromThread.IsDone);

        var fromGoroutine = new Once();
        Exception? seenInGoroutine = null;
        void Recursive()
        {
            try { fromGoroutine.Do(() => throw new Exception("must not run")); }
            catch (InvalidOperationException e) { seenInGoroutine = e; }
        }
        IEnumerable<Op> Caller() { yield return Do(fromGoroutine, Recursive); }
        rt.Go(Caller()).Join();
        Assert.IsType<InvalidOperationException>(seenInGoroutine);

        // Uncaught, the exception leaves through the outer Do, which still counts as done (Go's rule for a
        // panicking action), and other callers go on as usual.
        var uncaught = new Once();
        Assert.Throws<InvalidOperationException>(() => uncaught.Do(() => uncaught.Do(() => { })));
        Assert.True(uncaught.IsDone);
        IEnumerable<Op> Later() { yield return Do(uncaught, () => throw new Exception("must not run")); }
        rt.Go(Later()).Join();
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
