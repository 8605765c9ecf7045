using System;
using System.Collections.Generic;
using System.Threading;
using GoSharp.CompilerServices;

using GoSharp.Diagnostics;

namespace GoSharp.Scheduler;

// Deadlock detection (Go: checkdead), on unless GoRuntimeOptions.DetectDeadlocks is false. Two rules share
// the trigger, the runtime going quiescent:
//   - the default, sound rule: a probe proves with a garbage collection which parked goroutines nothing
//     outside the runtime can reach (DeadlockProbe.cs, docs/deadlocks.md);
//   - Go's rule (GoRuntimeOptions.DeadlockOnAllAsleep): every parked goroutine is reported at once,
//     whoever holds what it waits on.
internal sealed partial class Sched
{
    /// <summary>
    /// Called by an M about to sleep (and by the probe's retry timer, and by a goroutine's thread that falls
    /// asleep in plain code). If every P is idle, no goroutine is runnable, no timer is pending, no goroutine
    /// waits for a Task or the network or runs blocking plain code other than a sleep on a GoSharp wait
    /// (<see cref="IsAsleepInPlainCode"/>), nothing inside the runtime can ever wake a parked goroutine: the
    /// all-asleep rule reports them now, the default rule starts a probe unless one ran too recently. Cheap when
    /// any P is busy. Go: checkdead.
    /// </summary>
    private void CheckDead(P[] allp)
    {
        if (!_detectDeadlocks || _npidle != _gomaxprocs) return;
        if (_dl.OnAllAsleep)
        {
            if (Volatile.Read(ref _deadlockReported) == 0 && IsQuiescent(allp)) CheckAllAsleep(allp);
            return;
        }
        // A check while a probe runs may see what that probe's collection missed (a joiner that just let
        // go of the goroutine): the probe looks again when it ends. Flag first, then read: either this
        // call sees the probe ended or the probe sees the flag.
        Interlocked.Exchange(ref _dl.Again, 1);
        if (Volatile.Read(ref _dl.Probing) != 0) return;
        Volatile.Write(ref _dl.Again, 0);
        lock (_lock)
        {
            if (!IsQuiescentLocked(allp)) return;
            long now = Environment.TickCount64;
            if (now < _dl.NextAt)
            {
                // Backing off: look again when the wait ends, in case nothing else wakes an M before then.
                ArmProbeRetryLocked(Math.Max(1, _dl.NextAt - now));
                return;
            }
        }
        if (!AnyParkedNoneBusy(threadsCount: false))
        {
            lock (_lock) _dl.NextAt = Environment.TickCount64 + 1; // bounds this scan to once a millisecond
            return;
        }
        if (Interlocked.CompareExchange(ref _dl.Probing, 1, 0) != 0) return;
        ThreadPool.UnsafeQueueUserWorkItem(static s => s.Probe(), this, preferLocal: false);
    }

    /// <summary>Runs <see cref="CheckDead"/> again in <paramref name="delayMs"/>. Caller holds the lock.</summary>
    private void ArmProbeRetryLocked(long delayMs)
    {
        _dl.Retry ??= new Timer(static s => ((Sched)s!).CheckDead(((Sched)s!)._allp), this, Timeout.Infinite, Timeout.Infinite);
        _dl.Retry.Change(delayMs, Timeout.Infinite);
    }

    private bool IsQuiescent(P[] allp)
    {
        lock (_lock) return IsQuiescentLocked(allp);
    }

    /// <summary>Nothing in the runtime runs or is due to: see <see cref="CheckDead"/>. Caller holds the lock.</summary>
    private bool IsQuiescentLocked(P[] allp)
    {
        if (_stopping || _stopTheWorld || _npidle != _gomaxprocs || _runqsize != 0 || _exitWaiters is not null) return false;
        // Deterministic mode: a ticker whose ticks are all dropped cannot wake anyone, as its clock knows
        // (AdvanceVirtualClockLocked); with real time it still counts, as in Go 1.19's checkdead.
        long timer = EarliestTimer(allp, useful: _det is not null);
        if (Volatile.Read(ref ExternalWaits) != 0 || timer != long.MaxValue) return false;
        foreach (P p in allp)
            if (!p.RunQueue.IsEmpty) return false;
        return true;
    }

    /// <summary>
    /// Go's rule: some goroutine parked and none running, runnable or in a blocking call. The scan reads one G
    /// after another, and a goroutine asleep in plain code can wake another and fall asleep itself without a P
    /// (two goroutines trading values through plain helpers do on every hand-off): the first read as asleep,
    /// then woken, the second read as asleep after. So a second look confirms that each G read as asleep is
    /// still in the same sleep (its SleepSeq unchanged) and that no goroutine was started: then all were asleep
    /// together at the moment between the looks. A look that fails loses nothing: the last goroutine to fall
    /// asleep checks again after its mark is set (ThreadWaitAsleep, or its M going idle).
    /// </summary>
    private void CheckAllAsleep(P[] allp)
    {
        long created = Interlocked.Read(ref _goidgen);
        G[] gs;
        lock (_allgsLock) gs = _allgs.ToArray();
        var seqs = new int[gs.Length];
        for (int i = 0; i < gs.Length; i++) seqs[i] = Volatile.Read(ref gs[i].SleepSeq); // before the first look
        if (!AnyParkedNoneBusy(gs, threadsCount: true)) return;
        if (!IsQuiescent(allp) || !StillAsleep(gs, seqs) || Interlocked.Read(ref _goidgen) != created) return;
        if (Interlocked.Exchange(ref _deadlockReported, 1) != 0) return;
        ReportDeadlock(gs);
    }

    /// <summary>
    /// The second look of <see cref="CheckAllAsleep"/>: every G is dead or in the sleep the first look saw (the
    /// status or mark read before the count, which a new sleep bumps before it publishes itself).
    /// </summary>
    private static bool StillAsleep(G[] gs, int[] seqs)
    {
        for (int i = 0; i < gs.Length; i++)
        {
            G g = gs[i];
            switch (g.GetStatus())
            {
                case GStatus.Dead: continue; // only a new goroutine revives it, and none was started
                case GStatus.Waiting: break;
                case GStatus.Syscall when IsAsleepInPlainCode(g): break;
                default: return false;
            }
            if (Volatile.Read(ref g.SleepSeq) != seqs[i]) return false;
        }
        return true;
    }

    private bool AnyParkedNoneBusy(bool threadsCount)
    {
        lock (_allgsLock) return AnyParkedNoneBusy(_allgs, threadsCount);
    }

    /// <summary>
    /// Some G is parked and none is running, runnable or in a blocking call (an M's plain code) other than a
    /// sleep on a GoSharp wait (<see cref="IsAsleepInPlainCode"/>), which is as asleep as a parked G.
    /// <paramref name="threadsCount"/>: such a sleeper is enough (Go's rule reports it); the proof needs a parked
    /// G, the only kind it can hold weakly (a sleeping thread's stack is a root, as any thread's).
    /// </summary>
    private static bool AnyParkedNoneBusy(IReadOnlyList<G> gs, bool threadsCount)
    {
        bool anyWaiting = false;
        for (int i = 0; i < gs.Count; i++)
        {
            G g = gs[i];
            switch (g.GetStatus())
            {
                case GStatus.Waiting: anyWaiting = true; break;
                case GStatus.Syscall when IsAsleepInPlainCode(g): anyWaiting |= threadsCount; break;
                case GStatus.Running or GStatus.Runnable or GStatus.Syscall: return false;
            }
        }
        return anyWaiting;
    }

    /// <summary>
    /// A goroutine in a blocking call whose thread sleeps on a GoSharp wait that only another goroutine's (or
    /// thread's) action on the primitive can end: a channel, select, Mutex, RWMutex, WaitGroup, Cond or Semaphore
    /// wait in plain code (Parker.WaitThread), or a plain Join, without a token. It is asleep as a parked
    /// goroutine is: Go's rule counts it (its thread is what an AfterFunc's function or a Once.Do delegate blocks
    /// in, where Go's goroutine would park), and it does not keep the proof from running. Who can still wake it
    /// (a thread that holds the channel) the proof sees as before: a sleeping thread's stack is a root, so
    /// whatever it can reach survives the collection; the sleeper itself is never reported by the proof. A
    /// wait's waker clears the mark before the thread can run (Parker.Asleep), so a check after the waker is done
    /// sees it busy. Sleeps on timers, Tasks, the network, tokens or .NET's own primitives stay busy.
    /// </summary>
    private static bool IsAsleepInPlainCode(G g)
    {
        if (g.M is not M m) return false;
        object? on = m.BlockedOn;
        bool asleep = on switch
        {
            Waiting.Parker p => p.ThreadAsleep,
            ThreadJoiner j => j.Asleep,
            _ => false,
        };
        // Read again: a wait record is pooled, and one the M has left may be another thread's by now.
        return asleep && m.BlockedOn == on && m.CurG == g && g.GetStatus() == GStatus.Syscall;
    }

    /// <summary>A goroutine's thread fell asleep on a GoSharp wait (<see cref="IsAsleepInPlainCode"/>): check now.</summary>
    internal void ThreadWaitAsleep() => CheckDead(_allp);

    /// <summary>
    /// Writes off every deadlocked goroutine, its wait withdrawn first: a plain thread that later sends on
    /// the channel it waited on finds no receiver (the value is not lost), and its frames never resume.
    /// A method of its own: the lambda's closure would otherwise be allocated on every CheckDead call.
    /// </summary>
    private void ReportDeadlock(G[] gs)
    {
        string dump = GoroutineDump.Format(this);
        foreach (G g in gs)
        {
            if (TryWriteOff(g, _ => new DeadlockException(dump))) continue;
            // Asleep in plain code: its wait is withdrawn and its thread throws the exception, which ends the
            // goroutine (its frames are on that thread's stack; there is nothing to drop).
            if (g.GetStatus() == GStatus.Syscall && g.M is M m && m.CurG == g && m.BlockedOn is Waiting.Parker p && p.ThreadAsleep)
            {
                m.DeadlockDump = dump;
                p.TryWriteOffThreadWait();
                continue;
            }
            // A wait on a primitive outside the runtime cannot be withdrawn: its joiners are still told,
            // as they always were; the goroutine stays parked (a completed frame is never resumed).
            if (g.GetStatus() == GStatus.Waiting && !IsWithdrawable(g) && g.Root is Frame root)
                JoinState.Finish(this, root, g.Goid, new DeadlockException(dump));
        }
    }
}
