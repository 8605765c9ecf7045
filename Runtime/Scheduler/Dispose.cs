using System;
using System.Collections.Generic;
using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

// Shutting a runtime down.
internal sealed partial class Sched
{
    /// <summary>
    /// Stops the scheduler (see <see cref="GoRuntime.Dispose()"/>): every M is told to exit, idle and
    /// waiting ones are woken, the caller waits up to <paramref name="timeout"/> for their threads, and
    /// every goroutine that has not ended is abandoned (its joiners get ObjectDisposedException).
    /// </summary>
    public void Dispose(TimeSpan timeout)
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Runtime.DisposingForTest?.Invoke();
        if (_detectDeadlocks && !_dl.OnAllAsleep) RegisterProver(add: false);
        List<M> ms;
        lock (_lock)
        {
            _stopping = true;
            _dl.Retry?.Dispose();
            ms = new List<M>(_allm);
            PreemptAll();
            // Wake idle Ms and Ms waiting for a P, with no P: they see _stopping and exit.
            while (MGetLocked() is M idle) { idle.NextP = null; WakeIdleM(idle, idle.InPoll); }
            while (_exitWaiters is M waiter)
            {
                _exitWaiters = waiter.Link;
                waiter.NextP = null;
                waiter.Park.Wakeup();
            }
        }
        _sysmonWake.Wakeup();
        // Ms blocked in plain code on a GoSharp primitive would otherwise hold Dispose for its whole
        // timeout: their waits end with ObjectDisposedException (withdrawn first, so no value is lost).
        foreach (M m in ms)
        {
            m.Abandoned = true;
            switch (m.BlockedOn)
            {
                case Waiting.Parker p: p.AbandonThreadWait(); break;
                case Net.NetWait w: w.AbandonThreadWait(); break;
                case ThreadJoiner j: j.Pulse(); break;
            }
        }
        var deadline = DateTime.UtcNow + timeout;
        foreach (M m in ms)
        {
            // StartM adds an M under the lock but starts its thread after: one may not have started yet
            // (it will find _stopping and exit at once).
            if (m == M.Current || m.Thread.ThreadState.HasFlag(ThreadState.Unstarted)) continue;
            // In slices, asking every running goroutine to yield between them: an M that was already past its
            // _stopping check when the one PreemptAll above ran starts its G after it (red team: the G then ran
            // on, and Dispose waited out its whole timeout).
            while (true)
            {
                var left = deadline - DateTime.UtcNow;
                if (left < TimeSpan.Zero) left = TimeSpan.Zero;
                if (m.Thread.Join(left < DisposeSlice ? left : DisposeSlice) || left == TimeSpan.Zero) break;
                lock (_lock) PreemptAll();
            }
        }
        AbandonAll();
    }

    private static readonly TimeSpan DisposeSlice = TimeSpan.FromMilliseconds(5);

    /// <summary>For tests: true once every M thread has exited.</summary>
    internal bool AllMsExited
    {
        get
        {
            lock (_lock) return _allm.TrueForAll(m => !m.Thread.IsAlive);
        }
    }

    /// <summary>
    /// Every goroutine that has not ended is written off: parked ones have their waits withdrawn first (so a
    /// later send does not hand its value to a goroutine that will never run), then each root frame is
    /// finished with ObjectDisposedException for its joiners. Runs after the Ms have exited, so no park is
    /// half-committed while its wait is withdrawn.
    /// </summary>
    private void AbandonAll()
    {
        G[] gs = AllGs();
        foreach (G g in gs) TryWriteOff(g, Disposed);
        foreach (G g in gs)
        {
            if (g.GetStatus() is GStatus.Dead or GStatus.Idle) continue;
            if (g.Root is Frame root) JoinState.Finish(this, root, g.Goid, Disposed(g));
        }
    }

    private ObjectDisposedException Disposed(G g) => new(nameof(GoRuntime),
        $"The GoSharp runtime '{Name}' was disposed before goroutine {g.Goid} ({g.Root?.MethodName ?? "?"}) ended.");
}
