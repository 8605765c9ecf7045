using System;
using System.Threading;

namespace GoSharp.Waiting;

// Cancelling a queued wait (a CancellationToken passed to Send, Recv, WaitGroup.Wait, Semaphore.Acquire, ...).
//
// The token's callback races with two other parties: the waker that completes the operation (dequeues the
// waiter under the owner's lock) and, for a goroutine, the park's commit step (which queues the waiter under
// the same lock, after the frames returned). Everything is decided under the owner's lock, so exactly one
// outcome happens:
//   - The callback (CancelWait, under the lock): sets CancelRequested; if the waiter is queued it unlinks it and
//     sets Canceled, and then (after unlocking) wakes it, as a waker would. If a waker dequeued it first, the
//     callback does nothing: the operation completed (a value was taken or delivered), and it is reported
//     as done, not cancelled, so no value is lost.
//   - The commit step (under the lock): if the operation can complete now, it completes; else, if
//     CancelRequested is set, it sets Canceled and does not queue the waiter (the goroutine resumes at once);
//     else it queues the waiter.
//   - A blocked thread queues its waiter itself, then registers: a callback that runs at once finds it queued.
//
// The registration is made before the waiter can be seen by a waker (a goroutine registers in Suspend, a
// thread before it sleeps), so the sleeper always finds it when it wakes and disposes it (EndCancel): the
// token keeps nothing per operation. Dispose waits for a callback that is running, so the pooled waiter is
// never reused under a late callback.
internal abstract partial class Waiter
{
    /// <summary>The token's callback ran (guarded by the queue owner's lock).</summary>
    public bool CancelRequested;
    /// <summary>The wait ended by cancellation: the operation did not happen (set under the owner's lock).</summary>
    public bool Canceled;
    // The token's registration and the queue to cancel on are out of line (Parker.SleeperBox, in the sleeper's
    // slot: no field of their own): every parked goroutine carries a wait record, few waits have a token. Made
    // on the waiter's first cancellable wait and kept while it is pooled.

    private static readonly Action<object?> s_onCancel = static s => ((Waiter)s!).OnCancel();

    /// <summary>
    /// Registers <paramref name="cancellationToken"/> for this wait on <paramref name="owner"/>'s queue. Call it
    /// before a waker can dequeue this waiter, and call <see cref="EndCancel"/> once the wait is over.
    /// </summary>
    public void RegisterCancel(CancellationToken cancellationToken, ICancelableWaitQueue owner)
    {
        if (!cancellationToken.CanBeCanceled) return;
        if (Box is not SleeperBox r)
        {
            r = new SleeperBox();
            InstallBox(r);
        }
        r.Owner = owner;
        // Unsafe: the callback only touches the runtime's own state; no ExecutionContext to flow.
        r.Token = cancellationToken.UnsafeRegister(s_onCancel, this);
    }

    private void OnCancel()
    {
        if (Box!.Owner!.CancelWait(this)) Wake();
    }

    /// <summary>
    /// Drops the registration (waiting for a callback that is running) and returns whether the wait was
    /// cancelled. The sleeper calls it after it woke, before it returns the waiter to the pool.
    /// </summary>
    public bool EndCancel()
    {
        if (Box is not SleeperBox r || r.Owner is null) return false;
        r.Token.Dispose();
        r.Token = default;
        r.Owner = null;
        return Canceled;
    }

    /// <summary>Under the owner's lock: the commit step's check; true if the wait must end as cancelled.</summary>
    public bool CommitCanceled()
    {
        if (!CancelRequested) return false;
        Canceled = true;
        return true;
    }
}
