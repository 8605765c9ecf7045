using System;
using System.ComponentModel;
using System.Threading;
using GoSharp.CompilerServices;

using GoSharp.Waiting;

namespace GoSharp;

/// <summary>
/// Waits for a collection of goroutines (or threads) to finish (Go: sync.WaitGroup): <see cref="Add"/>
/// before starting each, <see cref="Done"/> when each ends, <see cref="Wait()"/> until the counter is zero.
/// A negative counter throws. Inside goroutines <see cref="Wait()"/> suspends; on a thread it blocks.
/// </summary>
public sealed class WaitGroup : ICancelableWaitQueue
{
    private long _counter;
    private readonly Lock _lock = new();
    private WaitQueue _waiters;

    /// <summary>The current counter (for diagnostics).</summary>
    public long Count => Volatile.Read(ref _counter);

    /// <summary>Adds <paramref name="delta"/> (may be negative) to the counter; at zero every waiter wakes.</summary>
    public void Add(int delta)
    {
        long v;
        if (delta >= 0) v = Interlocked.Add(ref _counter, delta);
        else
        {
            // A decrement is made only if it leaves the counter non-negative, so no one ever sees it below zero.
            // It used to be made and then undone: a Wait that read the passing negative count parked, and the undo
            // back to zero woke no one (the other goroutines' Wait hung after one misused Done).
            long old = Volatile.Read(ref _counter);
            while (true)
            {
                v = old + delta;
                if (v < 0)
                    throw new InvalidOperationException("sync: negative WaitGroup counter. Every Done must match an Add made before it (call Add before starting the goroutine).");
                long seen = Interlocked.CompareExchange(ref _counter, v, old);
                if (seen == old) break;
                old = seen;
            }
        }
        if (v != 0) return;
        _lock.Enter();
        if (Volatile.Read(ref _counter) != 0)
        {
            // The group was reused (a new Add) between our decrement to zero and the lock: the waiters
            // queued now wait for the new round, not for us.
            _lock.Exit();
            return;
        }
        Waiter? wake = _waiters.TakeAllOldestFirst(this);
        _lock.Exit();
        Waiter.WakeAll(wake);
    }

    /// <summary>Decrements the counter by one (Go: wg.Done()).</summary>
    public void Done() => Add(-1);

    /// <summary>Waits until the counter is zero.</summary>
    [SuspensionPoint(nameof(GetWaitAwaiter))]
    public void Wait()
    {
        if (Volatile.Read(ref _counter) == 0) return;
        var w = Waiter<Empty>.Rent();
        _lock.Enter();
        if (Volatile.Read(ref _counter) == 0)
        {
            _lock.Exit();
            Waiter<Empty>.Return(w);
            return;
        }
        _waiters.Enqueue(w, this);
        _lock.Exit();
        w.WaitThread();
        Waiter<Empty>.Return(w);
    }

    /// <summary>The awaiter behind <see cref="Wait()"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public WaitGroupAwaiter GetWaitAwaiter() => new(this, default);

    /// <summary>
    /// Waits until the counter is zero, or gives up when <paramref name="cancellationToken"/> is cancelled
    /// (<see cref="OperationCanceledException"/>; the group is unchanged). An already cancelled token throws
    /// even if the counter is zero.
    /// </summary>
    [SuspensionPoint(nameof(GetWaitAwaiter))]
    public void Wait(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Volatile.Read(ref _counter) == 0) return;
        var w = Waiter<Empty>.Rent();
        _lock.Enter();
        if (Volatile.Read(ref _counter) == 0)
        {
            _lock.Exit();
            Waiter<Empty>.Return(w);
            return;
        }
        _waiters.Enqueue(w, this);
        _lock.Exit();
        w.RegisterCancel(cancellationToken, this);
        try { w.WaitThread(); }
        finally { w.EndCancel(); }
        bool canceled = w.Canceled;
        Waiter<Empty>.Return(w);
        if (canceled) throw new OperationCanceledException(cancellationToken);
    }

    /// <summary>The awaiter behind <see cref="Wait(CancellationToken)"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public WaitGroupAwaiter GetWaitAwaiter(CancellationToken cancellationToken) => new(this, cancellationToken);

    bool ICancelableWaitQueue.CancelWait(Waiter w)
    {
        _lock.Enter();
        w.CancelRequested = true;
        bool removed = _waiters.RemoveIfQueued(w, this);
        if (removed) w.Canceled = true;
        _lock.Exit();
        return removed;
    }

    internal bool CommitWait(Waiter<Empty> w)
    {
        _lock.Enter();
        if (Volatile.Read(ref _counter) == 0 || w.CommitCanceled())
        {
            _lock.Exit();
            return false;
        }
        _waiters.Enqueue(w, this);
        _lock.Exit();
        return true;
    }

    bool IWaitQueueOwner.Unlink(Waiter w)
    {
        _lock.Enter();
        bool removed = _waiters.RemoveIfQueued(w, this);
        _lock.Exit();
        return removed;
    }

    internal static readonly IParkCommit Commit = new CommitStep();

    private sealed class CommitStep : IParkCommit
    {
        public bool Commit(G g, object? arg)
        {
            var w = (Waiter<Empty>)arg!;
            var wg = (WaitGroup)w.Queue!;
            w.Queue = null;
            return wg.CommitWait(w);
        }
    }
}

/// <summary>The awaiter behind <see cref="WaitGroup.Wait()"/> and its cancellable form.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct WaitGroupAwaiter
{
    private readonly WaitGroup _wg;
    private readonly CancellationToken _ct;
    private Waiter<Empty>? _w;

    internal WaitGroupAwaiter(WaitGroup wg, CancellationToken cancellationToken)
    {
        _wg = wg;
        _ct = cancellationToken;
        _w = null;
    }

    /// <summary>True if the counter is zero; throws if the token is cancelled already.</summary>
    public readonly bool IsCompleted
    {
        get
        {
            _ct.ThrowIfCancellationRequested();
            return _wg.Count == 0;
        }
    }

    /// <summary>Parks until the counter reaches zero.</summary>
    public FrameResult Suspend(G g, Frame frame)
    {
        var w = Waiter<Empty>.Rent();
        w.G = g;
        w.Queue = _wg;
        _w = w;
        w.RegisterCancel(_ct, _wg);
        return g.Park(frame, WaitGroup.Commit, w, WaitReason.SyncWaitGroupWait);
    }

    /// <summary>Returns once the counter reached zero; throws <see cref="OperationCanceledException"/> if the token ended the wait.</summary>
    public void GetResult()
    {
        var w = _w;
        if (w is null) return;
        _w = null;
        bool canceled = w.EndCancel();
        Waiter<Empty>.Return(w);
        if (canceled) throw new OperationCanceledException(_ct);
    }
}
