using System;
using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

// Idle M and P lists, starting and stopping Ms, handing Ps around.
// Go: proc.go, mget/mput, pidleget/pidleput, startm, newm, wakep, handoffp, stopm, acquirep, releasep.
internal sealed partial class Sched
{
    /// <summary>Go: acquirep.</summary>
    private static void AcquireP(M m, P p)
    {
        if (p.M is not null || p.Status == PStatus.Running)
            throw new InvalidOperationException($"GoSharp scheduler: {p} acquired by {m} while held by {p.M}");
        m.P = p;
        p.M = m;
        p.Status = PStatus.Running;
    }

    /// <summary>Go: releasep.</summary>
    private static P ReleaseP(M m)
    {
        P p = m.P ?? throw new InvalidOperationException($"GoSharp scheduler: {m} releases no P");
        p.M = null;
        p.Status = PStatus.Idle;
        m.P = null;
        return p;
    }

    /// <summary>
    /// An idle P goes to an M waiting to leave a blocking call if there is one, else on the idle list.
    /// Go: pidleput (plus exitsyscall's wait for a P, which Go does not need: it can park the G instead).
    /// </summary>
    private void PutIdlePLocked(P p)
    {
        if (_exitWaiters is M waiter)
        {
            _exitWaiters = waiter.Link;
            waiter.Link = null;
            waiter.WaitingForP = false;
            waiter.NextP = p;
            waiter.Park.Wakeup();
            return;
        }
        p.RunQueue.ClearTaken();
        p.Status = PStatus.Idle;
        p.Link = _pidle;
        _pidle = p;
        _npidle++;
    }

    /// <summary>Go: pidleget.</summary>
    private P? PIdleGetLocked()
    {
        P? p = _pidle;
        if (p is not null)
        {
            _pidle = p.Link;
            p.Link = null;
            _npidle--;
        }
        return p;
    }

    /// <summary>Go: mput.</summary>
    private void MPutLocked(M m)
    {
        m.Link = _midle;
        _midle = m;
        _nmidle++;
    }

    /// <summary>Go: mget.</summary>
    private M? MGetLocked()
    {
        M? m = _midle;
        if (m is not null)
        {
            _midle = m.Link;
            m.Link = null;
            _nmidle--;
        }
        return m;
    }

    /// <summary>
    /// Runs <paramref name="p"/> (or an idle P) on an idle M, or on a new one. A spinning start that finds
    /// no P undoes its nmspinning increment. Go: startm.
    /// </summary>
    private void StartM(P? p, bool spinning)
    {
        M? m;
        bool fresh = false, inPoll;
        lock (_lock)
        {
            if (_stopping) p = null;
            else p ??= PIdleGetLocked();
            if (p is null)
            {
                if (spinning) Interlocked.Decrement(ref _nmspinning);
                return;
            }
            m = MGetLocked();
            if (m is null)
            {
                m = new M(this, _allm.Count);
                _allm.Add(m);
                fresh = true;
            }
            m.Spinning = spinning;
            m.NextP = p;
            inPoll = m.InPoll;
        }
        // UnsafeStart: a thread started with Start runs in its starter's ExecutionContext, and the starter may
        // be a goroutine or a request thread whose AsyncLocals would then show in every goroutine this M runs.
        if (fresh) m.Thread.UnsafeStart(); // Go: newm -> newosproc
        else WakeIdleM(m, inPoll);
    }

    /// <summary>
    /// Wakes an M taken off the idle list (its NextP set under the lock): through the poller when it blocks
    /// there (<paramref name="inPoll"/>, read under the same lock), else its note.
    /// </summary>
    private static void WakeIdleM(M m, bool inPoll)
    {
        if (inPoll) Net.Poll.NetPoller.Break();
        else m.Park.Wakeup();
    }

    /// <summary>
    /// Wakes an idle P to run new work, but only if no M is already spinning (that one will find the work
    /// and wake the next: the ramp-up of golang/go#18237). Go: wakep.
    /// </summary>
    /// <remarks>
    /// The submitter's half of the spinning protocol (the spinner's half is in FindRunnable; both are
    /// described at the top of Schedule.cs): enqueue, StoreLoad barrier, read npidle and nmspinning.
    /// Every caller has already published its work in a way that is that barrier: a readied or new G
    /// goes into runnext by CompareExchange (a full fence), and the global queue is changed under
    /// <see cref="_lock"/>, which the spinner also takes (PutIdlePLocked) before its re-check. So if we
    /// read nmspinning != 0, that spinner has not yet decremented it, and its re-check of every queue
    /// after the decrement will see our work; if we read it as 0, we start a spinner ourselves.
    /// A caller that publishes with a plain release store must add Interlocked.MemoryBarrier() first.
    /// </remarks>
    internal void WakeP()
    {
        if (_npidle == 0) return;
        if (Volatile.Read(ref _nmspinning) != 0 || Interlocked.CompareExchange(ref _nmspinning, 1, 0) != 0) return;
        StartM(null, spinning: true);
    }

    /// <summary>
    /// Gives away a P whose M is about to block: to a new M if there is work, else to the idle list.
    /// Go: handoffp.
    /// </summary>
    private void HandoffP(P p)
    {
        // An M waiting to go on with its goroutine comes first: that goroutine is in no run queue, so nothing
        // else would run it (PutIdlePLocked hands the P to the waiter). Not in deterministic mode while goroutines
        // are runnable: whether the waiter is back yet is up to the real world; it gets the P when they are all blocked.
        if (_exitWaiters is not null)
        {
            lock (_lock)
            {
                if (_exitWaiters is not null && !_stopTheWorld && !_stopping && (_det is null || _runqsize == 0))
                {
                    p.Status = PStatus.Idle;
                    PutIdlePLocked(p);
                    return;
                }
            }
        }
        if (!p.RunQueue.IsEmpty || _runqsize != 0)
        {
            StartM(p, spinning: false);
            return;
        }
        if (Volatile.Read(ref _nmspinning) + _npidle == 0 && Interlocked.CompareExchange(ref _nmspinning, 1, 0) == 0)
        {
            StartM(p, spinning: true);
            return;
        }
        lock (_lock)
        {
            if (_stopTheWorld)
            {
                p.Status = PStatus.Stopped;
                _stopNote.Wakeup(); // the stopper re-checks whether every P is stopped
                return;
            }
            if (_runqsize == 0)
            {
                PutIdlePLocked(p);
                return;
            }
        }
        StartM(p, spinning: false);
    }

    /// <summary>
    /// Parks an M with no P until someone hands it one, or until <paramref name="wakeAt"/> (the earliest
    /// timer) when it takes an idle P itself to run the timers. Go: stopm, and the timed sleep Go does in
    /// netpoll(delay).
    /// </summary>
    private void StopM(M m, long wakeAt = long.MaxValue)
    {
        GOrigin.ForgetLast(); // an idle M keeps no goroutine's ExecutionContext (AsyncLocals) alive (StopM runs on the M's thread)
        lock (_lock)
        {
            if (_stopping) return;
            MPutLocked(m);
        }
        if (wakeAt == long.MaxValue)
        {
            SleepM(m);
        }
        else
        {
            long ms = (wakeAt - Nanotime()) * 1000 / System.Diagnostics.Stopwatch.Frequency;
            if (ms < 0) ms = 0;
            if (ms > int.MaxValue - 1) ms = int.MaxValue - 1;
            if (!SleepM(m, (int)ms + 1))
            {
                lock (_lock)
                {
                    if (RemoveIdleMLocked(m))
                    {
                        // Timed out with no P handed over: take an idle P to run the timers.
                        P? idle = _stopTheWorld || _stopping ? null : PIdleGetLocked();
                        if (idle is not null) AcquireP(m, idle);
                        else MPutLocked(m);
                        if (idle is not null) return;
                    }
                }
                if (m.P is null) m.Park.Sleep();
            }
        }
        P? p = m.NextP;
        m.NextP = null;
        if (p is not null) AcquireP(m, p); // null: woken to stop
    }

    /// <summary>
    /// Parks an M on its note: one M at a time first spins ~20 us (Note.TrySpin), so a wake-up that comes
    /// at once costs its waker no futex wake; every other M blocks at once, as Go's notesleep. The one
    /// slot bounds what idleness burns: at most one core spinning on notes, whatever GOMAXPROCS, on top
    /// of Go's bound on spinning Ms. True if woken (false: timed out).
    /// </summary>
    private bool SleepM(M m, int timeoutMs = Timeout.Infinite)
    {
        if (Interlocked.CompareExchange(ref _noteSpinner, 1, 0) == 0)
        {
            bool woken = m.Park.TrySpin();
            Volatile.Write(ref _noteSpinner, 0);
            if (woken) return true;
        }
        return m.Park.Sleep(timeoutMs);
    }

    private bool RemoveIdleMLocked(M m)
    {
        M? prev = null;
        for (M? cur = _midle; cur is not null; prev = cur, cur = cur.Link)
        {
            if (cur != m) continue;
            if (prev is null) _midle = cur.Link; else prev.Link = cur.Link;
            cur.Link = null;
            _nmidle--;
            return true;
        }
        return false; // someone took it off the list and is handing it a P
    }

    /// <summary>
    /// Stops for a stop-the-world: give the P to the stopper and sleep. Go: gcstopm. The caller read the
    /// flag without the lock; the decision is taken again under it, where the stopper ends the stop, so a
    /// P is never stopped for a stop that is over (ProcResize.cs). Returns with the P if it is.
    /// </summary>
    private void StopMForStopTheWorld(M m)
    {
        if (m.Spinning)
        {
            m.Spinning = false;
            Interlocked.Decrement(ref _nmspinning);
        }
        lock (_lock)
        {
            if (!_stopTheWorld) return;
            P p = ReleaseP(m);
            p.Status = PStatus.Stopped;
            _stopNote.Wakeup(); // the stopper re-checks whether every P is stopped
        }
        StopM(m);
    }
}
