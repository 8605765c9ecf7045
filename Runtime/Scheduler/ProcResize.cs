using System;
using System.Collections.Generic;
using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

// Changing GOMAXPROCS: stop the world, resize the P array, start the world.
// Go: stopTheWorldWithSema, procresize, startTheWorldWithSema.
//
// One stopper at a time holds the world semaphore (a goroutine waits for it in a blocking section, without
// its P: the holder's stop needs that P). The stop is the flag _stopTheWorld, written only under the
// scheduler lock, and both halves of the protocol meet there:
//   - The stopper sets the flag, then collects every P: idle ones and Ps kept for blocking sections it stops
//     itself, its own P stops in place, and each running P is stopped by its M when that M next reaches the
//     scheduler (StopMForStopTheWorld, Go: gcstopm). It waits until every P reads Stopped.
//   - An M that holds a P reads the flag without the lock in FindRunnable; if it reads true it stops its P,
//     deciding again under the lock: a stop that has ended since (the flag is false there) leaves the P with
//     its M. While the flag is true no M takes an idle P by itself (AcquirePAfterBlocking, StopM's timed
//     wake-up, HandPToExitWaiter and CheckQueuesNoP look at it under the lock), HandoffP stops a P it would
//     leave idle, and a P that still reaches an M (StartM) is not Stopped: the stopper waits for that M.
//   - The stopper clears the flag, under the lock, BEFORE ProcResize hands out a single P. ProcResize gives
//     Ps to Ms waiting to leave a blocking section (PutIdlePLocked wakes them at once), and such an M runs
//     its goroutine and then reaches FindRunnable. Had it still read the flag as true there (it was cleared
//     only after ProcResize, so this M could read it while the stopper still held the lock), it stopped a P
//     for a stop that was over: that P was lost with no M, and with GOMAXPROCS=1 every goroutine waited for
//     it, a goroutine's own SetMaxProcs among them, holding the semaphore in ExitBlocking so that no later
//     stop could collect the lost P. Go orders it the same way: startTheWorldWithSema clears
//     sched.gcwaiting under the lock that procresize ran under, before it wakes any M with a P.
// The invariant: a P handed to an M (through NextP or the idle list) while the flag is true is collected by
// the same stop (it is not Stopped, so the stopper waits for its M); a P handed out after the flag cleared
// is never stopped by an M that read the flag before it cleared.
internal sealed partial class Sched
{
    public int StopTheWorldAndResize(int n)
    {
        M? cur = M.Current is M c && c.Sched == this ? c : null;
        using var section = new RuntimeSection(cur);
        // An M without a P (in a blocking section, or retaken by sysmon) resizes as a plain thread does.
        return StopTheWorldAndResize(n, cur?.P is null ? null : cur);
    }

    private int StopTheWorldAndResize(int n, M? self)
    {
        // Never wait for the sema while holding a P: the stop-the-world of whoever holds the sema needs
        // that P (Go: semacquire(&worldsema) parks the G). Two goroutines resizing at once deadlocked.
        if (!Monitor.TryEnter(_worldSema))
        {
            using (EnterBlocking(refuseAtLimit: false)) Monitor.Enter(_worldSema); // short: counted, never refused
            // The stop that held the sema asked this goroutine to yield while it still ran. Go parks it on the
            // sema instead, and execute clears the request when it runs again; carried over, the request made it
            // yield at its next loop back-edge for nothing once its own resize returned.
            if (self?.P is not null && self.CurG is G g) g.Preempt = false; // (without a P, a retake's request stays)
        }
        try
        {
            int old = _gomaxprocs;
            StopTheWorld(self);
            List<P> runnable;
            lock (_lock)
            {
                // First: ProcResize wakes Ms waiting for a P, and they must see the world started (the header).
                _stopTheWorld = false;
                runnable = ProcResize(n, self);
                AfterProcResizeLocked?.Invoke();
            }
            StartTheWorld(runnable);
            return old;
        }
        finally
        {
            Monitor.Exit(_worldSema);
        }
    }

    /// <summary>
    /// For tests: runs under the scheduler lock once ProcResize has handed out the Ps, before the lock is
    /// released (an M woken with a P can get as far as the lock meanwhile).
    /// </summary>
    internal Action? AfterProcResizeLocked;

    /// <summary>
    /// Takes every P: idle ones and Ps kept for blocking sections now, running ones as their Ms reach the
    /// scheduler. Go: stopTheWorldWithSema.
    /// </summary>
    /// <remarks>
    /// Done when every P is <see cref="PStatus.Stopped"/>, checked on each wake-up, rather than by counting
    /// stops down from GOMAXPROCS as Go does: a P can enter a blocking section after the first sweep (its
    /// goroutine was between statements) and be stopped later by whoever retakes it, and a predicate
    /// cannot be miscounted. Stopped means only "stopped for this stop-the-world": ProcResize hands Ps out
    /// as Idle.
    /// </remarks>
    private void StopTheWorld(M? self)
    {
        lock (_lock)
        {
            _stopTheWorld = true;
            PreemptAll(except: self);
            if (self?.P is P own) own.Status = PStatus.Stopped; // the caller's P stops in place; it keeps holding it
        }
        while (true)
        {
            lock (_lock)
            {
                if (_stopping)
                {
                    // Dispose won: Ms exit without stopping for us.
                    _stopTheWorld = false;
                    throw new ObjectDisposedException(nameof(GoRuntime), $"The GoSharp runtime '{Name}' was disposed during SetMaxProcs.");
                }
                if (StopIdleAndSyscallPsLocked()) break;
            }
            // Goroutines stop at their next preemption check; ask again in case one missed the flag.
            if (!_stopNote.Sleep(1)) PreemptAll(except: self);
        }
    }

    /// <summary>
    /// Stops the idle Ps and the Ps kept for blocking sections (their Ms find them gone on return and wait
    /// for a P: Go's _Psyscall -> _Pgcstop); true once every P is stopped. Caller holds the lock.
    /// </summary>
    private bool StopIdleAndSyscallPsLocked()
    {
        while (PIdleGetLocked() is P idle) idle.Status = PStatus.Stopped;
        bool all = true;
        foreach (P p in _allp)
        {
            p.CasStatus(PStatus.Syscall, PStatus.Stopped);
            if (p.Status != PStatus.Stopped) all = false;
        }
        return all;
    }

    /// <summary>
    /// Asks the goroutine running on every P to yield, except the one on <paramref name="except"/>: a
    /// goroutine resizing its own runtime keeps its P through the stop and goes on running after it, so a
    /// request left on it would make it yield at its next loop back-edge for nothing (Go's preemptone skips
    /// the calling M). Until 2026-11-29 it did, and a goroutine that called SetMaxProcs then spawned others
    /// saw the first one run before its loop ended, unlike Go.
    /// </summary>
    private void PreemptAll(M? except = null)
    {
        foreach (P p in _allp)
        {
            if (p.M is M m && m != except && m.CurG is G g) g.Preempt = true;
        }
    }

    /// <summary>
    /// Sets the number of Ps to <paramref name="n"/>: creates new ones, retires extra ones (their queues
    /// and free Gs go to the global lists). Returns the Ps that have local work, each with an M to run it;
    /// the others go idle. The caller's P is kept if it survives, else it gets P0. Caller holds the lock.
    /// Go: procresize.
    /// </summary>
    private List<P> ProcResize(int n, M? self = null)
    {
        P[] old = _allp;
        var allp = new P[n];
        for (int i = 0; i < n; i++) allp[i] = i < old.Length ? old[i] : new P(i) { Status = PStatus.Stopped };
        for (int i = n; i < old.Length; i++)
        {
            P dead = old[i];
            dead.RunQueue.DrainTo(this);
            PurgeFreeGs(dead);
            if (dead.M is M holder) { holder.P = null; dead.M = null; }
            dead.Status = PStatus.Dead;
            dead.Timers.MoveAllTo(allp[0].Timers); // Go: moveTimers
        }
        _allp = allp;
        _gomaxprocs = n;

        if (self is not null)
        {
            if (self.P is P own && own.Id < n) own.Status = PStatus.Running;
            else
            {
                self.P = null;
                allp[0].M = null;
                AcquireP(self, allp[0]);
            }
        }

        // Every P is stopped now (or new, or the caller's): none is on the idle list. Each leaves Stopped
        // here (Idle until an M acquires it), so that Stopped keeps meaning "stopped for a stop-the-world".
        var runnable = new List<P>();
        for (int i = n - 1; i >= 0; i--)
        {
            P p = allp[i];
            if (self is not null && self.P == p) continue;
            p.Status = PStatus.Idle;
            if (p.RunQueue.IsEmpty) PutIdlePLocked(p);
            else runnable.Add(p);
        }
        return runnable;
    }

    /// <summary>Hands each P with work to an M and wakes spare Ps for global work. Go: startTheWorldWithSema.</summary>
    private void StartTheWorld(List<P> runnable)
    {
        foreach (P p in runnable) StartM(p, spinning: false);
        WakeP();
    }
}
