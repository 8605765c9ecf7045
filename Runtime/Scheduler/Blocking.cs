using System;
using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

// A goroutine's plain (not generated) code that blocks its thread: hand the P off so other goroutines
// keep running, and take one back afterwards. Go: entersyscallblock / exitsyscall. Go can park the G on
// exit if no P is free, because it can switch stacks; the G's frames here are on this thread's stack, so
// the M waits for a P instead.
internal sealed partial class Sched
{
    /// <summary>Ends a blocking section started by <see cref="EnterBlocking"/>.</summary>
    internal readonly struct BlockingScope : IDisposable
    {
        private readonly M? _m;
        internal BlockingScope(M? m) => _m = m;
        public void Dispose()
        {
            if (_m is not null) _m.Sched.ExitBlocking(_m);
        }
    }

    /// <summary>
    /// Call before blocking the current thread. On an ordinary thread it does nothing; on an M running a
    /// goroutine it releases the P to another M. Dispose the result after the block.
    /// </summary>
    public static BlockingScope EnterBlocking()
    {
        M? m = M.Current;
        if (m is null || m.P is null || m.CurG is null) return default;
        m.CurG.CasStatus(GStatus.Running, GStatus.Syscall);
        P p = ReleaseP(m);
        m.Sched.HandoffP(p);
        return new BlockingScope(m);
    }

    /// <summary>Takes an idle P, or waits until one is handed over. Go: exitsyscall.</summary>
    internal void ExitBlocking(M m)
    {
        bool wait = false, disposed = false;
        lock (_lock)
        {
            P? p = _stopTheWorld || _stopping ? null : PIdleGetLocked();
            if (p is not null) AcquireP(m, p);
            else if (_stopping) disposed = true;
            else
            {
                m.WaitingForP = true;
                m.Link = _exitWaiters;
                _exitWaiters = m;
                wait = true;
            }
        }
        if (wait)
        {
            m.Park.Sleep();
            P? p = m.NextP;
            m.NextP = null;
            if (p is not null) AcquireP(m, p);
            else disposed = true; // Dispose woke us without a P
        }
        m.CurG!.CasStatus(GStatus.Syscall, GStatus.Running);
        if (disposed)
        {
            // The goroutine goes on without a P only to unwind: the M's schedule loop sees no P and
            // exits; GoExit0 recycles nothing.
            throw new ObjectDisposedException(nameof(GoRuntime),
                $"The GoSharp runtime '{Name}' was disposed while goroutine {m.CurG.Goid} was blocked.");
        }
    }

    /// <summary>
    /// The running goroutine was asked to yield (<see cref="G.Preempt"/>) but its code cannot suspend here:
    /// a loop that stays plain code because it holds a lambda. Its M hands the P to another M, which runs
    /// the other goroutines, and waits for a P before the loop goes on (Go preempts such a goroutine
    /// asynchronously; a frame-based goroutine cannot be stopped between statements, its thread can).
    /// A yielding goroutine gives its P to a waiting M first (<see cref="HandPToExitWaiter"/>), so the
    /// wait is as fair as the global run queue.
    /// </summary>
    public static void PreemptPlainCode()
    {
        using (EnterBlocking()) { }
    }

    /// <summary>
    /// After a yield: if an M waits for a P to go on with its goroutine (after a blocking call or a plain-
    /// code preemption), it gets this one, and this M looks for a P again (it parks in FindRunnable).
    /// </summary>
    private void HandPToExitWaiter(M m)
    {
        lock (_lock)
        {
            if (_exitWaiters is null || _stopTheWorld || _stopping || m.P is null) return;
            P p = ReleaseP(m);
            PutIdlePLocked(p); // an exit waiter is served first
        }
    }
}
