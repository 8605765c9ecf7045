using System.Threading;
using GoSharp.CompilerServices;

using GoSharp.Diagnostics;

namespace GoSharp.Scheduler;

// Deadlock detection (Go: checkdead), opt-in: GoRuntimeOptions.DetectDeadlocks.
internal sealed partial class Sched
{
    /// <summary>
    /// Called by an M about to sleep. If every P is idle, no goroutine is runnable, no timer is pending,
    /// no goroutine waits for a Task or runs blocking plain code, and some goroutine is parked, nothing
    /// inside the runtime can ever wake anything: every joiner gets a <see cref="DeadlockException"/>
    /// with the dump. Go can be sure of this; .NET code on other threads could still send on a channel,
    /// which is why it is opt-in. Go: checkdead.
    /// </summary>
    private void CheckDead(P[] allp)
    {
        if (!_detectDeadlocks || Volatile.Read(ref _deadlockReported) != 0) return;
        lock (_lock)
        {
            if (_stopping || _stopTheWorld || _npidle != _gomaxprocs || _runqsize != 0 || _exitWaiters is not null) return;
            if (Volatile.Read(ref ExternalWaits) != 0 || EarliestTimer(allp) != long.MaxValue) return;
            foreach (P p in allp)
                if (!p.RunQueue.IsEmpty) return;
        }
        G[] gs;
        lock (_allgsLock) gs = _allgs.ToArray();
        bool anyWaiting = false;
        foreach (G g in gs)
        {
            switch (g.GetStatus())
            {
                case GStatus.Waiting: anyWaiting = true; break;
                case GStatus.Running or GStatus.Runnable or GStatus.Syscall: return;
            }
        }
        if (!anyWaiting || Interlocked.Exchange(ref _deadlockReported, 1) != 0) return;
        ReportDeadlock(gs);
    }

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
            // A wait on a primitive outside the runtime cannot be withdrawn: its joiners are still told,
            // as they always were; the goroutine stays parked (a completed frame is never resumed).
            if (g.GetStatus() == GStatus.Waiting && !IsWithdrawable(g) && g.Root is Frame root)
                JoinState.Finish(this, root, g.Goid, new DeadlockException(dump));
        }
    }
}
