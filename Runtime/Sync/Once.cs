using System;
using System.ComponentModel;
using System.Threading;
using GoSharp.CompilerServices;

using static GoSharp.Sync;

namespace GoSharp;

/// <summary>
/// Runs an action exactly once (Go: sync.Once). Concurrent callers wait until the first call has
/// returned; a call that threw still counts as done (as in Go, where a panicking f counts).
/// Inside goroutines <see cref="Do"/> suspends while it waits; the action itself runs synchronously.
/// A <see cref="Do"/> of the same Once from inside its action throws <see cref="InvalidOperationException"/>
/// (as <c>Lazy&lt;T&gt;</c> does for a factory that reads its own value); in Go it deadlocks.
/// </summary>
public sealed class Once
{
    private volatile bool _done;
    private readonly Sync.Mutex _m = new();

    // The thread running the action, null otherwise. The action is plain code: it cannot suspend, so from its
    // first line to its last it runs on this one thread, and nothing else runs there meanwhile (a plain wait
    // inside it blocks the thread). A Do on that thread while it is set is therefore a Do from inside the
    // action, which would wait on _m for itself forever: a wait that deadlock detection cannot see, because
    // the thread is blocked in plain code. Only the runner writes it, so a read that finds the current thread
    // is exact, and a stale read on another thread can never find it.
    private Thread? _runner;

    /// <summary>True once the action has run.</summary>
    public bool IsDone => _done;

    /// <summary>Calls <paramref name="action"/> if and only if no call of Do on this Once has called one before.</summary>
    [SuspensionPoint(nameof(GetDoAwaiter))]
    public void Do(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (_done) return;
        ThrowIfRecursive();
        _m.Lock();
        DoLocked(action);
    }

    /// <summary>The awaiter behind <see cref="Do"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public OnceAwaiter GetDoAwaiter(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new(this, action);
    }

    internal bool TryFast(Action action)
    {
        if (_done) return true;
        ThrowIfRecursive();
        if (!((ISuspendingLocker)_m).TryLockFast()) return false;
        DoLocked(action);
        return true;
    }

    /// <summary>Runs the action if still needed, then unlocks (the mutex is held).</summary>
    internal void DoLocked(Action action)
    {
        try
        {
            if (!_done)
            {
                _runner = Thread.CurrentThread;
                try { action(); }
                finally
                {
                    _runner = null;
                    _done = true;
                }
            }
        }
        finally
        {
            _m.Unlock();
        }
    }

    private void ThrowIfRecursive()
    {
        if (_runner == Thread.CurrentThread)
            throw new InvalidOperationException(
                "Once.Do was called from inside the action of the same Once, which would wait for itself forever " +
                "(Go: a deadlock). Do the work of the inner call directly, or use a second Once for it.");
    }

    internal Frame CreateFrame(Action action) => new OnceFrame(this, action);

    private sealed class OnceFrame : Frame
    {
        private readonly Once _o;
        private readonly Action _action;
        private MutexLockAwaiter _aw;

        public OnceFrame(Once o, Action action)
        {
            _o = o;
            _action = action;
        }

        public override string MethodName => "GoSharp.Once.Do";

        public override FrameResult Resume(G g)
        {
            if (State == 0) goto resume0;
            _aw = _o._m.GetLockAwaiter();
            if (!_aw.IsCompleted)
            {
                State = 0;
                return _aw.Suspend(g, this);
            }
        resume0:
            State = -1;
            _aw.GetResult();
            _o.DoLocked(_action);
            return FrameResult.Completed;
        }
    }
}

/// <summary>The awaiter behind <see cref="Once.Do"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct OnceAwaiter
{
    private readonly Once _o;
    private readonly Action _action;
    private Frame? _f;

    internal OnceAwaiter(Once o, Action action)
    {
        _o = o;
        _action = action;
        _f = null;
    }

    /// <summary>True if the action has run, or ran now without waiting.</summary>
    public readonly bool IsCompleted => _o.TryFast(_action);

    /// <summary>Waits for the lock in a helper frame, then runs the action if still needed.</summary>
    public FrameResult Suspend(G g, Frame frame)
    {
        _f = _o.CreateFrame(_action);
        return g.Call(frame, _f);
    }

    /// <summary>Rethrows the action's exception for the caller that ran it.</summary>
    public void GetResult()
    {
        var f = _f;
        _f = null;
        f?.ThrowIfFailed();
    }
}
