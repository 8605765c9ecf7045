using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using GoSharp.CompilerServices;
using GoSharp.Diagnostics;

namespace GoSharp.Scheduler;

// The deadlock proof (no Go counterpart: Go's checkdead counts Ms, and Go 1.26's goroutine leak profile
// uses the same idea as this file, reachability, inside its own GC).
//
// A parked goroutine can be woken only through an object: the channel, mutex, WaitGroup or join list it
// waits on, the Task whose continuation readies it, the timer that fires for it, the M that runs its
// blocking call. Whoever wakes it must hold that object, and holding it keeps the goroutine reachable.
// So if, for a moment, the runtime holds a parked G only weakly and a full garbage collection frees it,
// no thread, timer, Task or finalizer holds any way to it, and none ever will: a deadlock, proven.
//
// What the runtime holds strongly and why (each is a way to wake a goroutine, so it must stay strong):
// run queues (runnable Gs), M.CurG (running and blocking Gs), the P timer heaps (a pending timer's G),
// the idle and exit-waiter lists (a P going idle clears its ring's slots of Gs already taken, so a
// stale slot keeps nothing alive: RunQueue.ClearTaken). What it holds only for bookkeeping is allgs, which the probe takes the
// parked Gs out of while it collects. Anything else that keeps a parked G alive (a stale local of an M, a
// handle held by a thread that will never join) only loses a detection, never reports falsely.
//
// Both halves of the protocol:
//   - The probe (a thread-pool thread, one at a time): under the allgs lock it moves every parked G from
//     allgs to _dl.Probed as a long weak handle (tracking resurrection: a chain that a finalizable object
//     reaches stays alive, since its finalizer might revive a channel), with a long weak handle to its first frame and, strongly, the list of
//     threads joining it (ThreadJoiners holds only what wakes those threads). It snapshots the dump,
//     runs one full collection (in the background where the GC allows, waited for), and under the lock moves every G that
//     survived back into allgs. A G that did not survive is reported: if its first frame is still alive
//     (a thread holds the handle) it is finished with a DeadlockException as a written-off goroutine is,
//     so later joins throw too; otherwise its listed thread joiners are failed directly.
//   - Everyone else while G's are probed: a waker that reaches a probed G holds it, so it survives and
//     runs as usual (status changes need no allgs); AllGs and NumGoroutine add the probed Gs still alive;
//     ForgetGs and the write-off paths see AllGsIndex = ProbedIndex and leave allgs alone (the restore
//     step then skips a G they forgot).
//
// Soundness does not rest on the runtime being quiescent: being idle is only when a proof is worth its
// collection. A thread's stack holds whatever its JIT-compiled code reports: optimized code drops a local
// after its last use, tier-0 and Debug code keep every local of a method alive until it returns. That
// loses detections (the joiner's own locals keep the channel), never adds one.
//
// Cost: nothing while any P is busy (CheckDead returns on the idle-P count); when the runtime goes idle,
// a scan of allgs at most once a millisecond, and with a goroutine parked a probe: a dump, a weak handle
// per parked goroutine and one full background collection (its pauses are short however large the heap;
// its marking costs CPU on another core), then a wait that doubles from 16 ms to 2 minutes after each
// probe that found nothing, and is at least 50 times what the probe took (reset by one that found a deadlock): while the runtime stays idle the probes go
// on at that pace (at most Go's own idle rate of forced collections); while it is busy none runs.
internal sealed partial class Sched
{
    /// <summary>AllGsIndex of a G that a probe holds weakly.</summary>
    internal const int ProbedIndex = -2;
    private const int ProbeBackoffFirstMs = 16;
    private const int ProbeBackoffMaxMs = 120_000; // Go's sysmon forces a collection as often (forcegcperiod)
    private const int ProbeCostFactor = 50;

    // The runtimes that prove deadlocks, for threads that start a plain Join (copy on write).
    private static volatile Sched[] s_proving = Array.Empty<Sched>();
    private static readonly Lock s_provingLock = new();

    private void RegisterProver(bool add)
    {
        lock (s_provingLock)
        {
            var list = new List<Sched>(s_proving);
            if (add) list.Add(this); else list.Remove(this);
            s_proving = list.ToArray();
        }
    }

    /// <summary>
    /// A thread has started a plain Join: it may be what completes a deadlock (its stack no longer holds the
    /// goroutine once it sleeps), and an idle runtime has no M going idle to notice, so each proving runtime
    /// checks now (cheap unless it is quiescent; its backoff applies). Go's checkdead runs when an M blocks.
    /// </summary>
    internal static void ThreadStartsWaiting()
    {
        foreach (Sched s in s_proving) s.CheckDead(s._allp);
    }

    /// <summary>The probe; see the header. Runs on the thread pool, one at a time (<see cref="DeadlockProbeState.Probing"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Probe()
    {
        int dead = 0;
        bool ran = false;
        long took = 0;
        try
        {
            if (!_stopping && WeakenParked() > 0)
            {
                ran = true;
                long start = Environment.TickCount64;
                string dump = GoroutineDump.Format(this); // before the collection takes the deadlocked ones
                Collect();
                dead = RestoreSurvivors(dump);
                took = Environment.TickCount64 - start;
            }
        }
        finally
        {
            lock (_lock)
            {
                long now = Environment.TickCount64;
                if (!ran) _dl.NextAt = now + 1;
                else
                {
                    // Doubling, and never under ProbeCostFactor times what this probe took (a large heap's
                    // collection takes longer): probes use at most about 2% of the time the runtime idles.
                    _dl.BackoffMs = dead > 0 ? 0 : (int)Math.Min(ProbeBackoffMaxMs,
                        Math.Max(Math.Max(ProbeBackoffFirstMs, 2 * _dl.BackoffMs), ProbeCostFactor * took));
                    _dl.NextAt = now + _dl.BackoffMs;
                    // Look again while the runtime stays idle: what kept a goroutine reachable (a plain thread
                    // that held its channel) may let go without waking anything. The retry does nothing once
                    // the runtime is busy; the next idle spell starts the chain again.
                    if (!_stopping) ArmProbeRetryLocked(Math.Max(ProbeBackoffFirstMs, _dl.BackoffMs));
                }
            }
            Interlocked.Exchange(ref _dl.Probing, 0);
            _dl.Finished?.Invoke(dead);
            if (Interlocked.Exchange(ref _dl.Again, 0) != 0) CheckDead(_allp);
        }
    }

    /// <summary>Moves every parked G from allgs to <see cref="DeadlockProbeState.Probed"/>, held weakly; returns how many.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int WeakenParked()
    {
        lock (_allgsLock)
        {
            // Downwards: a swap-remove moves the last G, which was already looked at, into the hole.
            for (int i = _allgs.Count - 1; i >= 0; i--)
            {
                G g = _allgs[i];
                if (g.GetStatus() != GStatus.Waiting) continue;
                Frame? root = g.Root;
                _dl.Probed.Add(new ProbedG(g, root, root is null ? null : JoinState.ThreadJoinersOf(root)));
                int last = _allgs.Count - 1;
                G moved = _allgs[last];
                _allgs[i] = moved;
                moved.AllGsIndex = i;
                _allgs.RemoveAt(last);
                g.AllGsIndex = ProbedIndex;
            }
            return _dl.Probed.Count;
        }
    }

    /// <summary>
    /// One full collection, in the background where the GC allows it (the application's threads pause only
    /// briefly, however large the heap), waited for until it has ended. Only an ended collection clears weak
    /// handles, so reading them early loses detections, never adds one; likewise a chain that only a
    /// finalizable object reaches stays alive through this collection (it waits for the finalizer), which
    /// can only hide a deadlock.
    /// </summary>
    private static void Collect()
    {
        long before = LastFullCollection();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: false, compacting: false);
        // A blocking collection (concurrent GC off) has ended already; a background one ends on its own thread.
        for (int waited = 0; LastFullCollection() <= before && waited < 30_000; waited += 2)
            Thread.Sleep(2);
    }

    private static long LastFullCollection() =>
        Math.Max(GC.GetGCMemoryInfo(GCKind.Background).Index, GC.GetGCMemoryInfo(GCKind.FullBlocking).Index);

    /// <summary>Puts the surviving Gs back into allgs and reports the others; returns how many were reported.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int RestoreSurvivors(string dump)
    {
        List<ProbedG>? dead = null;
        lock (_allgsLock)
        {
            foreach (ProbedG p in _dl.Probed)
            {
                if (p.Target is G g)
                {
                    if (g.AllGsIndex == ProbedIndex)
                    {
                        g.AllGsIndex = _allgs.Count;
                        _allgs.Add(g);
                    }
                    p.Free();
                }
                else (dead ??= new()).Add(p);
            }
            _dl.Probed.Clear();
        }
        if (dead is null) return 0;
        foreach (ProbedG p in dead)
        {
            if (p.Root is Frame root) JoinState.Finish(this, root, p.Goid, new DeadlockException(dump));
            else if (p.Joiners?.TakeAll() is ThreadJoiner[] threads)
                foreach (ThreadJoiner t in threads) t.Fail(dump);
            p.Free();
        }
        return dead.Count;
    }
}

/// <summary>A parked G while a deadlock probe holds it weakly (see DeadlockProbe.cs).</summary>
internal readonly struct ProbedG
{
    private readonly GCHandle _g, _root;
    /// <summary>The threads joining the goroutine, held strongly: they lead only to what wakes them.</summary>
    public readonly ThreadJoiners? Joiners;
    public readonly long Goid;

    public ProbedG(G g, Frame? root, ThreadJoiners? joiners)
    {
        _g = GCHandle.Alloc(g, GCHandleType.WeakTrackResurrection);
        _root = GCHandle.Alloc(root, GCHandleType.WeakTrackResurrection);
        Joiners = joiners;
        Goid = g.Goid;
    }

    public object? Target => _g.Target;
    public object? Root => _root.Target;

    public void Free()
    {
        _g.Free();
        _root.Free();
    }
}

/// <summary>The deadlock probe's state, one object per runtime, off the scheduler's hot fields (Sched.cs).</summary>
internal sealed class DeadlockProbeState
{
    public DeadlockProbeState(bool onAllAsleep) => OnAllAsleep = onAllAsleep;

    /// <summary>GoRuntimeOptions.DeadlockOnAllAsleep: report without the proof.</summary>
    public readonly bool OnAllAsleep;
    /// <summary>1 while a probe is queued or runs (Interlocked).</summary>
    public int Probing;
    /// <summary>1: a check came while a probe ran (Interlocked).</summary>
    public int Again;
    /// <summary>Environment.TickCount64 before which no probe starts; guarded by the scheduler lock.</summary>
    public long NextAt;
    /// <summary>The wait after a probe that found nothing; guarded by the scheduler lock.</summary>
    public int BackoffMs;
    /// <summary>Re-runs CheckDead when the wait ends; guarded by the scheduler lock.</summary>
    public Timer? Retry;
    /// <summary>Gs a running probe holds only weakly; guarded by the allgs lock.</summary>
    public readonly List<ProbedG> Probed = new();
    /// <summary>For tests: called after every probe with the number of goroutines it proved deadlocked.</summary>
    public Action<int>? Finished;
    /// <summary>For tests: called by the thread that ends a Task await, once the await no longer counts as one.</summary>
    public Action? ExternalWaitEnded;
}
