using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;
using static GoSharp.Runtime.Tests.SyncOps;

namespace GoSharp.Runtime.Tests.SyncPrimitives;

/// <summary>
/// The sync primitives under the deterministic scheduler: one P, the next goroutine picked by a seeded
/// generator, so each seed is one reproducible interleaving and many seeds explore many. Deadlock
/// detection is on: a lost wake-up ends the run with a DeadlockException instead of hanging it.
/// </summary>
public class DeterministicSyncTests
{
    private const int Seeds = 100;

    private static void ForEachSeed(Action<GoRuntime, int> scenario)
    {
        for (int seed = 0; seed < Seeds; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed, DetectDeadlocks = true, DeadlockOnAllAsleep = true });
            try
            {
                scenario(rt, seed);
            }
            catch (Exception ex)
            {
                throw new Exception($"seed {seed}", ex);
            }
        }
    }

    [Fact]
    public void Mutex_RWMutex_and_Semaphore_exclude_under_many_seeded_schedules() => ForEachSeed((rt, seed) =>
    {
        var m = new GoSharp.Sync.Mutex();
        var rw = new RWMutex();
        var sem = new GoSharp.Sync.Semaphore(2);
        int inMutex = 0, mutexViolations = 0, counter = 0;
        int a = 0, b = 0, torn = 0;
        int inSem = 0, maxInSem = 0;
        IEnumerable<Op> MutexWorker()
        {
            for (int i = 0; i < 20; i++)
            {
                yield return Lock(m);
                if (++inMutex != 1) mutexViolations++;
                yield return Yield(); // suspended while holding it: others must queue
                counter++;
                inMutex--;
                m.Unlock();
            }
        }
        IEnumerable<Op> Writer()
        {
            for (int i = 0; i < 10; i++)
            {
                yield return Lock(rw);
                a++;
                yield return Yield();
                b++;
                rw.Unlock();
            }
        }
        IEnumerable<Op> Reader()
        {
            for (int i = 0; i < 10; i++)
            {
                yield return RLock(rw);
                if (a != b) torn++;
                yield return Yield();
                if (a != b) torn++;
                rw.RUnlock();
            }
        }
        IEnumerable<Op> SemWorker()
        {
            for (int i = 0; i < 10; i++)
            {
                yield return Acquire(sem);
                maxInSem = Math.Max(maxInSem, ++inSem);
                yield return Yield();
                inSem--;
                sem.Release();
            }
        }
        IEnumerable<Op> Main()
        {
            var hs = new List<Goroutine>();
            for (int k = 0; k < 4; k++) hs.Add(GoRuntime.Current.Go(MutexWorker()));
            for (int k = 0; k < 2; k++) hs.Add(GoRuntime.Current.Go(Writer()));
            for (int k = 0; k < 3; k++) hs.Add(GoRuntime.Current.Go(Reader()));
            for (int k = 0; k < 5; k++) hs.Add(GoRuntime.Current.Go(SemWorker()));
            foreach (var h in hs) yield return Join(h);
        }
        rt.Go(Main()).Join();
        Assert.Equal(0, mutexViolations);
        Assert.Equal(80, counter);
        Assert.Equal(0, m.State);
        Assert.Equal(0, torn);
        Assert.Equal(20, a);
        Assert.Equal(20, b);
        Assert.Equal(2, maxInSem); // never more than the capacity, and five workers do fill it
        Assert.Equal(0, sem.Held);
    });

    [Fact]
    public void WaitGroup_Cond_and_Once_wake_every_waiter_under_many_seeded_schedules() => ForEachSeed((rt, seed) =>
    {
        var wg = new WaitGroup();
        var m = new GoSharp.Sync.Mutex();
        var cond = new Cond(m);
        var once = new Once();
        var queue = new Queue<int>();
        bool closed = false;
        int done = 0, waitersSawAll = 0, onceRuns = 0, onceSawDone = 0;
        var got = new List<int>();
        const int Workers = 5, Items = 30;
        IEnumerable<Op> Worker()
        {
            yield return Do(once, () => onceRuns++);
            if (once.IsDone) onceSawDone++;
            yield return Yield();
            done++;
            wg.Done();
        }
        IEnumerable<Op> WgWaiter()
        {
            yield return Wait(wg);
            if (done == Workers) waitersSawAll++;
        }
        IEnumerable<Op> Consumer()
        {
            while (true)
            {
                yield return Lock(m);
                while (queue.Count == 0 && !closed) yield return Wait(cond);
                if (queue.Count == 0) { m.Unlock(); yield break; }
                got.Add(queue.Dequeue());
                m.Unlock();
            }
        }
        IEnumerable<Op> Producer()
        {
            for (int i = 0; i < Items; i++)
            {
                yield return Lock(m);
                queue.Enqueue(i);
                m.Unlock();
                cond.Signal();
                if (i % 3 == 0) yield return Yield();
            }
            yield return Lock(m);
            closed = true;
            m.Unlock();
            cond.Broadcast();
        }
        IEnumerable<Op> Main()
        {
            wg.Add(Workers);
            var hs = new List<Goroutine>();
            for (int k = 0; k < 3; k++) hs.Add(GoRuntime.Current.Go(WgWaiter()));
            for (int k = 0; k < 3; k++) hs.Add(GoRuntime.Current.Go(Consumer()));
            for (int k = 0; k < Workers; k++) hs.Add(GoRuntime.Current.Go(Worker()));
            hs.Add(GoRuntime.Current.Go(Producer()));
            foreach (var h in hs) yield return Join(h);
        }
        rt.Go(Main()).Join();
        Assert.Equal(3, waitersSawAll);
        Assert.Equal(0, wg.Count);
        Assert.Equal(1, onceRuns);
        Assert.Equal(Workers, onceSawDone);
        got.Sort();
        Assert.Equal(Enumerable.Range(0, Items), got);
    });
}
