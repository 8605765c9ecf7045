using System;
using System.Collections.Generic;
using System.Threading;
using GoSharp.CompilerServices;
using GoSharp.Scheduler;

namespace GoSharp;

// Shutting a runtime down.
public sealed partial class GoRuntime
{
    /// <summary>
    /// Stops the runtime. New spawns throw <see cref="ObjectDisposedException"/>. Running goroutines run
    /// until their next suspension point or preemption check; then every M exits. Goroutines that have not
    /// ended (parked, runnable, or stopped mid-way) are abandoned: their frames are dropped without running
    /// pending <c>finally</c> blocks, and anyone joining them gets an <see cref="ObjectDisposedException"/>.
    /// Waits up to a timeout (default 10 s) for the Ms; an M stuck in user code that
    /// never returns is left behind as a background thread.
    /// </summary>
    public void Dispose() => Dispose(TimeSpan.FromSeconds(10));

    /// <inheritdoc cref="Dispose()"/>
    public void Dispose(TimeSpan timeout)
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        List<M> ms;
        lock (_lock)
        {
            _stopping = true;
            ms = new List<M>(_allm);
            PreemptAll();
            // Wake idle Ms and Ms waiting for a P, with no P: they see _stopping and exit.
            while (MGetLocked() is M idle) { idle.NextP = null; idle.Park.Wakeup(); }
            while (_exitWaiters is M waiter)
            {
                _exitWaiters = waiter.Link;
                waiter.NextP = null;
                waiter.Park.Wakeup();
            }
        }
        _sysmonWake.Wakeup();
        var deadline = DateTime.UtcNow + timeout;
        foreach (M m in ms)
        {
            // StartM adds an M under the lock but starts its thread after: one may not have started yet
            // (it will find _stopping and exit at once).
            if (m == M.Current || m.Thread.ThreadState.HasFlag(ThreadState.Unstarted)) continue;
            var left = deadline - DateTime.UtcNow;
            if (left < TimeSpan.Zero) left = TimeSpan.Zero;
            m.Thread.Join(left);
        }
        AbandonAll();
    }

    /// <summary>For tests: true once every M thread has exited.</summary>
    internal bool AllMsExited
    {
        get
        {
            lock (_lock) return _allm.TrueForAll(m => !m.Thread.IsAlive);
        }
    }

    private void AbandonAll()
    {
        G[] gs;
        lock (_allgsLock) gs = _allgs.ToArray();
        foreach (G g in gs)
        {
            if (g.GetStatus() is GStatus.Dead or GStatus.Idle) continue;
            if (g.Root is Frame root)
            {
                JoinState.Finish(this, root, g.Goid, new ObjectDisposedException(nameof(GoRuntime),
                    $"The GoSharp runtime '{Name}' was disposed before goroutine {g.Goid} ({root.MethodName}) ended."));
            }
        }
    }
}
