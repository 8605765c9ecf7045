using System;
using System.Collections.Generic;
using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

// Changing GOMAXPROCS: stop the world, resize the P array, start the world.
// Go: stopTheWorldWithSema, procresize, startTheWorldWithSema.
internal sealed partial class Sched
{
    public int StopTheWorldAndResize(int n)
    {
        // Never wait for the sema while holding a P: the stop-the-world of whoever holds the sema needs
        // that P (Go: semacquire(&worldsema) parks the G). Two goroutines resizing at once deadlocked.
        if (!Monitor.TryEnter(_worldSema))
        {
            using (EnterBlocking()) Monitor.Enter(_worldSema);
        }
        try
        {
            int old = _gomaxprocs;
            M? self = M.Current is M cur && cur.Sched == this ? cur : null;
            StopTheWorld(self);
            List<P> runnable;
            lock (_lock)
            {
                runnable = ProcResize(n, self);
                _stopTheWorld = false;
            }
            StartTheWorld(runnable);
            return old;
        }
        finally
        {
            Monitor.Exit(_worldSema);
        }
    }

    /// <summary>Takes every P: idle ones now, running ones as their Ms reach the scheduler. Go: stopTheWorldWithSema.</summary>
    private void StopTheWorld(M? self)
    {
        lock (_lock)
        {
            _stopwait = _gomaxprocs;
            _stopTheWorld = true;
            PreemptAll();
            if (self?.P is P own)
            {
                own.Status = PStatus.Stopped; // the caller's P stops in place; it keeps holding it
                _stopwait--;
            }
            while (PIdleGetLocked() is P p)
            {
                p.Status = PStatus.Stopped;
                _stopwait--;
            }
            // Ps kept for blocking sections stop where they are; their Ms find them gone on return and
            // wait for a P (Go: stopTheWorldWithSema's _Psyscall -> _Pgcstop).
            foreach (P p in _allp)
            {
                if (p.CasStatus(PStatus.Syscall, PStatus.Stopped)) _stopwait--;
            }
        }
        while (true)
        {
            lock (_lock)
            {
                if (_stopwait == 0) break;
                if (_stopping)
                {
                    // Dispose won: Ms exit without stopping for us, so _stopwait never reaches 0.
                    _stopTheWorld = false;
                    throw new ObjectDisposedException(nameof(GoRuntime), $"The GoSharp runtime '{Name}' was disposed during SetMaxProcs.");
                }
            }
            // Goroutines stop at their next preemption check; ask again in case one missed the flag.
            if (!_stopNote.Sleep(1, spinFirst: false)) PreemptAll();
        }
    }

    private void PreemptAll()
    {
        foreach (P p in _allp)
        {
            if (p.M?.CurG is G g) g.Preempt = true;
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

        // Every P is stopped now (or new, or the caller's): none is on the idle list.
        var runnable = new List<P>();
        for (int i = n - 1; i >= 0; i--)
        {
            P p = allp[i];
            if (self is not null && self.P == p) continue;
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
