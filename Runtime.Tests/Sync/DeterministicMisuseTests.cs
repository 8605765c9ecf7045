using System;
using System.Collections.Generic;
using System.Threading;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;
using static GoSharp.Runtime.Tests.SyncOps;

namespace GoSharp.Runtime.Tests.SyncPrimitives;

/// <summary>
/// The compare-and-swap unlocks of Mutex, RWMutex and WaitGroup under the deterministic scheduler, over many seeds:
/// each goroutine, right after its own unlock, misuses the primitive wherever the state says nobody holds it that way
/// (the misuse must throw and leave the state exactly as it was, waiters' bits included), and every schedule still
/// ends with mutual exclusion kept, every waiter woken (deadlock detection is on) and the state back at zero.
/// Between a waiter queued on the state and the one that wakes it, the misuse meets the states the old
/// add-then-undo passed through: a held writer's count, a starving mutex, a queue of waiters.
/// </summary>
public class DeterministicMisuseTests
{
    private const int Seeds = 100;

    private static void ForEachSeed(Action<GoRuntime> scenario)
    {
        for (int seed = 0; seed < Seeds; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed, DetectDeadlocks = true, DeadlockOnAllAsleep = true });
            try
            {
                scenario(rt);
            }
            catch (Exception ex)
            {
                throw new Exception($"seed {seed}", ex);
            }
        }
    }

    [Fact]
    public void A_misused_mutex_unlock_throws_and_changes_nothing_while_others_queue() => ForEachSeed(rt =>
    {
        var m = new Sync.Mutex();
        int inside = 0, overlaps = 0, misuses = 0, changed = 0;
        IEnumerable<Op> Worker()
        {
            for (int i = 0; i < 15; i++)
            {
                yield return Lock(m);
                if (++inside != 1) overlaps++;
                yield return Yield();
                inside--;
                m.Unlock();
                // Nothing else runs until this goroutine yields: the state read here is the one the misuse meets.
                int before = Volatile.Read(ref m.State);
                if ((before & Sync.Mutex.Locked) == 0)
                {
                    Assert.Throws<SynchronizationLockException>(() => m.Unlock());
                    misuses++;
                    if (Volatile.Read(ref m.State) != before) changed++;
                }
            }
        }
        Run(rt, Worker, 4);
        Assert.Equal(0, overlaps);
        Assert.Equal(0, changed);
        Assert.True(misuses > 0);
        Assert.Equal(0, m.State);
    });

    [Fact]
    public void A_misused_rwmutex_unlock_throws_and_changes_nothing_while_readers_and_writers_queue() => ForEachSeed(rt =>
    {
        var rw = new RWMutex();
        int a = 0, b = 0, torn = 0, readerMisuses = 0, writerMisuses = 0, changed = 0;
        IEnumerable<Op> Writer()
        {
            for (int i = 0; i < 8; i++)
            {
                yield return Lock(rw);
                // Held for writing and no reader counted behind it: an RUnlock has nobody to let go.
                int held = Volatile.Read(ref rw.ReaderCount);
                if (held == -RWMutex.MaxReaders)
                {
                    Assert.Throws<SynchronizationLockException>(() => rw.RUnlock());
                    readerMisuses++;
                    if (Volatile.Read(ref rw.ReaderCount) != held) changed++;
                }
                a++;
                yield return Yield();
                b++;
                rw.Unlock();
                // No writer pending any more: a second Unlock has no writer's count to give back.
                int after = Volatile.Read(ref rw.ReaderCount);
                if (after >= 0)
                {
                    Assert.Throws<SynchronizationLockException>(() => rw.Unlock());
                    writerMisuses++;
                    if (Volatile.Read(ref rw.ReaderCount) != after) changed++;
                }
            }
        }
        IEnumerable<Op> Reader()
        {
            for (int i = 0; i < 8; i++)
            {
                yield return RLock(rw);
                if (a != b) torn++;
                yield return Yield();
                if (a != b) torn++;
                rw.RUnlock(); // with a writer pending, the last reader out lets it in (the count's negative branch)
                int after = Volatile.Read(ref rw.ReaderCount);
                if (after == 0)
                {
                    Assert.Throws<SynchronizationLockException>(() => rw.RUnlock());
                    readerMisuses++;
                    if (Volatile.Read(ref rw.ReaderCount) != after) changed++;
                }
            }
        }
        IEnumerable<Op> Main()
        {
            var hs = new List<Goroutine>();
            for (int k = 0; k < 2; k++) hs.Add(GoRuntime.Current.Go(Writer()));
            for (int k = 0; k < 3; k++) hs.Add(GoRuntime.Current.Go(Reader()));
            foreach (var h in hs) yield return Join(h);
        }
        rt.Go(Main()).Join();
        Assert.Equal(0, torn);
        Assert.Equal(0, changed);
        Assert.Equal(16, a);
        Assert.Equal(16, b);
        Assert.True(readerMisuses + writerMisuses > 0);
        Assert.Equal(0, rw.ReaderCount);
    });

    [Fact]
    public void A_done_too_many_throws_and_the_next_round_still_wakes_its_waiters() => ForEachSeed(rt =>
    {
        var wg = new WaitGroup();
        int finished = 0, misuses = 0;
        IEnumerable<Op> Worker()
        {
            yield return Yield();
            finished++;
            wg.Done();
            // The counter may have reached zero with this Done: one more would take it below.
            if (wg.Count == 0)
            {
                Assert.Throws<InvalidOperationException>(() => wg.Done());
                misuses++;
                Assert.Equal(0, wg.Count);
            }
        }
        IEnumerable<Op> Waiter()
        {
            yield return Wait(wg);
            Assert.Equal(3 * (finished / 3), finished); // woken only at the end of a round
        }
        IEnumerable<Op> Main()
        {
            for (int round = 0; round < 3; round++)
            {
                wg.Add(3);
                var hs = new List<Goroutine>();
                for (int k = 0; k < 2; k++) hs.Add(GoRuntime.Current.Go(Waiter()));
                for (int k = 0; k < 3; k++) hs.Add(GoRuntime.Current.Go(Worker()));
                foreach (var h in hs) yield return Join(h);
                Assert.Equal(0, wg.Count);
            }
        }
        rt.Go(Main()).Join();
        Assert.Equal(9, finished);
        Assert.Equal(3, misuses);
    });

    private static void Run(GoRuntime rt, Func<IEnumerable<Op>> worker, int count)
    {
        IEnumerable<Op> Main()
        {
            var hs = new List<Goroutine>();
            for (int k = 0; k < count; k++) hs.Add(GoRuntime.Current.Go(worker()));
            foreach (var h in hs) yield return Join(h);
        }
        rt.Go(Main()).Join();
    }
}
