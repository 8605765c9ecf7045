using System;
using System.Threading;
using GoSharp.CompilerServices;

using GoSharp.Waiting;

using GoSharp.Scheduler;

namespace GoSharp.Channels;

// The channel (Go: runtime/chan.go, hchan).
//
// State, all under Lock: a ring buffer of Cap slots (count, sendx, recvx), the closed flag, and two FIFO
// wait queues of Waiters (Go: sudogs): RecvQ of blocked receivers and SendQ of blocked senders.
//
// Invariants (with the lock held):
//   - count > 0 implies RecvQ holds no plain receiver: a sender hands its value straight to a waiting
//     receiver before it ever touches the buffer.
//   - count < Cap implies SendQ holds no plain sender: a receiver that frees a slot refills it from the
//     first waiting sender (the "full buffer" case of recv: take the head, put the sender's value at the tail).
//   - So at most one queue holds plain waiters at a time. Select waiters may sit in both queues of one
//     channel (a select that sends and receives on it); Dequeue skips those whose select is already won.
//   - Once closed, never open again; a closed channel's queues are empty after Close has run.
//
// The operation's half (Send, Recv, TrySend, TryRecv, and the awaiters' fast paths):
//   1. Lock. *Locked methods decide: hand off to a waiter (direct transfer: the value is written into the
//      waiter's slot, Success set, the waiter returned to the caller), use the buffer, report closed, or
//      report "would block". They never wake anyone themselves.
//   2. Unlock, then wake the returned waiter (WakeOwner: the waiter's select, or the waiter itself). A
//      woken goroutine may run at once on another M and touch this channel again: waking under the lock
//      would make it spin or block on our lock.
//   3. Would block: a goroutine parks through a commit step that locks, retries step 1 (the state may
//      have changed since the fast path), and enqueues its waiter only if it still must wait; a thread
//      enqueues under the same lock acquisition and sleeps on its waiter. A goroutine's fast path first
//      asks without the lock whether it would block (SendWouldBlock, TryRecv's emptiness check: Go's
//      full(c)/empty(c)) and, if so, goes straight to the commit: one lock acquisition on the parking
//      side, as Go's. Either answer may be stale; the commit decides under the lock, so a stale "would
//      block" costs only the trip to the commit.
//
// Why the lock is not held from the fast path through the commit, as Go holds it into gopark: between
// IsCompleted and the commit every suspended frame returns to the scheduler (generated code), the M may
// wait for a P that sysmon retook while the frames ran (ReacquireAfterRetake: blocking, while another M
// with a P would spin on this lock), and the goroutine's ExecutionContext is swapped for the M's
// (AsyncLocal change handlers are user code, which may throw or touch this channel: a non-reentrant spin
// lock would deadlock). Go's mcall switches to g0 with nothing in between. With the lock-free check the
// parking side takes the lock once either way, so holding it would save no acquisition.
//
// The waker's half: whoever dequeues a waiter owns it until it wakes it; the sleeper reads its slot
// (Value, Success) only after waking, so the hand-off needs no further synchronisation than the lock
// the waker held and the wake-up itself (Ready's CAS, or Monitor.Pulse for a thread).
//
// Close takes every waiter of both queues in one lock acquisition (WaitQueue.TakeAll), marks each failed,
// and wakes them after unlocking: receivers see the zero value and ok=false, senders throw.

/// <summary>
/// The channel itself (Go: hchan): a ring buffer, a closed flag and the queues of blocked receivers and
/// senders, under one lock. Invariants: at most one queue holds plain (non-select) waiters of one kind at
/// a time; count &gt; 0 implies no waiting receiver; count &lt; cap implies no waiting sender.
/// Every method named *Locked runs with <see cref="Lock"/> held and never wakes anyone: it returns the
/// waiter to wake, which the caller wakes after unlocking.
/// </summary>
internal sealed class HChan<T> : ChanLock, ICancelableWaitQueue
{
    /// <summary>
    /// A unique, increasing id across every element type (the counter is in a non-generic class: a static
    /// of <c>HChan&lt;T&gt;</c> would number each T from 1, and select would take two channels for one):
    /// select locks its channels in this order.
    /// </summary>
    public readonly long Id = Interlocked.Increment(ref ChanIds.Last);
    /// <summary>The channel's lock: the channel itself (<see cref="ChanLock"/>).</summary>
    public ChanLock Lock => this;
    private readonly T[] _buf;
    public readonly int Cap;
    private int _count, _sendx, _recvx;
    private volatile bool _closed;
    public WaitQueue RecvQ, SendQ;
    /// <summary>Run once after the close (outside the lock); guarded by <see cref="Lock"/>.</summary>
    private Action? _onClose;

    public HChan(int capacity)
    {
        if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A channel's capacity cannot be negative.");
        Cap = capacity;
        _buf = capacity == 0 ? Array.Empty<T>() : new T[capacity];
    }

    public int Count => Volatile.Read(ref _count);
    public bool Closed => _closed;

    /// <summary>1: sent; 0: would block; -1: the channel is closed.</summary>
    public int SendLocked(T value, out Waiter? wake)
    {
        wake = null;
        if (_closed) return -1;
        Waiter? w = RecvQ.Dequeue(this);
        if (w is not null)
        {
            // Direct hand-off to a waiting receiver (Go: send -> sendDirect).
            ((Waiter<T>)w).Value = value;
            w.Success = true;
            wake = w;
            return 1;
        }
        if (_count < Cap)
        {
            _buf[_sendx] = value;
            if (++_sendx == Cap) _sendx = 0;
            Volatile.Write(ref _count, _count + 1);
            return 1;
        }
        return 0;
    }

    /// <summary>1: received a value; 2: closed and drained (value default); 0: would block.</summary>
    public int RecvLocked(out T value, out Waiter? wake)
    {
        wake = null;
        if (_closed && _count == 0)
        {
            value = default!;
            return 2;
        }
        Waiter? w = SendQ.Dequeue(this);
        if (w is not null)
        {
            var ws = (Waiter<T>)w;
            if (Cap == 0)
            {
                value = ws.Value; // unbuffered: straight from the sender
            }
            else
            {
                // Full buffer: take the head, put the sender's value at the tail (Go: recv).
                value = _buf[_recvx];
                _buf[_recvx] = ws.Value;
                if (++_recvx == Cap) _recvx = 0;
                _sendx = _recvx;
            }
            ws.Value = default!;
            w.Success = true;
            wake = w;
            return 1;
        }
        if (_count > 0)
        {
            value = _buf[_recvx];
            _buf[_recvx] = default!;
            if (++_recvx == Cap) _recvx = 0;
            Volatile.Write(ref _count, _count - 1);
            return 1;
        }
        value = default!;
        return 0;
    }

    /// <summary>Closes the channel and wakes every waiter (receivers get default/false, senders throw).</summary>
    public void Close()
    {
        Lock.Enter();
        if (_closed)
        {
            Lock.Exit();
            throw ChannelClosedException.CloseOfClosed();
        }
        _closed = true;
        // Receivers get the zero value and ok=false; senders throw when they wake (Go: closechan).
        Waiter? wakeList = RecvQ.TakeAll(this);
        for (Waiter? w = wakeList; w is not null; w = w.WakeNext)
        {
            ((Waiter<T>)w).Value = default!;
            w.Success = false;
        }
        Waiter? senders = SendQ.TakeAll(this);
        for (Waiter? w = senders; w is not null; w = w.WakeNext) w.Success = false;
        Action? onClose = _onClose;
        _onClose = null;
        Lock.Exit();
        Waiter.WakeAll(wakeList);
        Waiter.WakeAll(senders);
        onClose?.Invoke();
    }

    /// <summary>Runs <paramref name="action"/> when the channel is closed (at once if it is).</summary>
    public void OnClose(Action action)
    {
        Lock.Enter();
        if (!_closed)
        {
            _onClose += action;
            Lock.Exit();
            return;
        }
        Lock.Exit();
        action();
    }

    /// <summary>Closes unless already closed (for runtime-owned channels).</summary>
    public void CloseIfOpen()
    {
        try { Close(); }
        catch (ChannelClosedException) { }
    }

    /// <summary>Removes an abandoned sleeper's waiter from whichever queue holds it; false if a waker took it.</summary>
    public bool Unlink(Waiter w)
    {
        Lock.Enter();
        bool removed = RecvQ.RemoveIfQueued(w, this) || SendQ.RemoveIfQueued(w, this);
        Lock.Exit();
        return removed;
    }

    /// <summary>A token cancelled a blocked send or receive: unlink it unless a waker took it (Waiter.Cancellation.cs).</summary>
    public bool CancelWait(Waiter w)
    {
        Lock.Enter();
        w.CancelRequested = true;
        bool removed = RecvQ.RemoveIfQueued(w, this) || SendQ.RemoveIfQueued(w, this);
        if (removed) w.Canceled = true;
        Lock.Exit();
        return removed;
    }

    /// <summary>Removes an async waiter that is still queued; false if a waker took it already.</summary>
    public bool CancelWaiter(Waiter w, bool send)
    {
        Lock.Enter();
        bool queued = w.Queue == this;
        if (queued)
        {
            if (send) SendQ.Remove(w, this); else RecvQ.Remove(w, this);
        }
        Lock.Exit();
        return queued;
    }

    // ---- thread (blocking) operations ----

    public void Send(T value, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Lock.Enter();
        int r = SendLocked(value, out Waiter? wake);
        if (r == 0)
        {
            var w = Waiter<T>.Rent();
            w.Value = value;
            SendQ.Enqueue(w, this);
            Lock.Exit();
            w.RegisterCancel(cancellationToken, this);
            try { w.WaitThread(); }
            finally { w.EndCancel(); }
            bool ok = w.Success, canceled = w.Canceled;
            Waiter<T>.Return(w);
            if (canceled) throw new OperationCanceledException(cancellationToken);
            if (!ok) throw ChannelClosedException.SendOnClosed();
            return;
        }
        Lock.Exit();
        wake?.WakeOwner();
        if (r < 0) throw ChannelClosedException.SendOnClosed();
    }

    public T Recv(out bool ok, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Lock.Enter();
        int r = RecvLocked(out T value, out Waiter? wake);
        if (r == 0)
        {
            var w = Waiter<T>.Rent();
            RecvQ.Enqueue(w, this);
            Lock.Exit();
            w.RegisterCancel(cancellationToken, this);
            try { w.WaitThread(); }
            finally { w.EndCancel(); }
            ok = w.Success;
            value = w.Value;
            bool canceled = w.Canceled;
            Waiter<T>.Return(w);
            if (canceled) throw new OperationCanceledException(cancellationToken);
            return value;
        }
        Lock.Exit();
        wake?.WakeOwner();
        ok = r == 1;
        return value;
    }

    /// <summary>Non-blocking send: true if sent; throws on a closed channel.</summary>
    public bool TrySend(T value)
    {
        Lock.Enter();
        int r = SendLocked(value, out Waiter? wake);
        Lock.Exit();
        wake?.WakeOwner();
        if (r < 0) throw ChannelClosedException.SendOnClosed();
        return r == 1;
    }

    /// <summary>
    /// True when a send would have to wait, read without the lock (Go: chansend's <c>full(c)</c> fast
    /// path): open, and no receiver waits (unbuffered) or the buffer is full. A stale answer is safe
    /// either way: true only sends the goroutine to its park commit, which decides again under the lock;
    /// false takes the lock as before.
    /// </summary>
    public bool SendWouldBlock()
    {
        bool full = Cap == 0 ? Volatile.Read(ref RecvQ.First) is null : Volatile.Read(ref _count) == Cap;
        return full && !_closed;
    }

    /// <summary>
    /// True when a receive would have to wait, read without the lock (Go: chanrecv's <c>empty(c)</c> fast
    /// path): open, and no sender waits (unbuffered) or the buffer is empty. Stale answers are safe as for
    /// <see cref="SendWouldBlock"/>.
    /// </summary>
    public bool RecvWouldBlock()
    {
        bool empty = Cap == 0 ? Volatile.Read(ref SendQ.First) is null : Volatile.Read(ref _count) == 0;
        return empty && !_closed;
    }

    /// <summary>Non-blocking receive: 1 value, 2 closed, 0 nothing ready.</summary>
    public int TryRecv(out T value)
    {
        // Go's fast path: an open, empty channel with no sender needs no lock.
        if (RecvWouldBlock())
        {
            value = default!;
            return 0;
        }
        Lock.Enter();
        int r = RecvLocked(out value, out Waiter? wake);
        Lock.Exit();
        wake?.WakeOwner();
        return r;
    }

    // ---- goroutine operations: the commit steps ----

    internal sealed class SendCommit : IParkCommit
    {
        public static readonly SendCommit Instance = new();
        bool IParkCommit.Commit(G g, object? arg)
        {
            var w = (Waiter<T>)arg!;
            var h = (HChan<T>)w.Queue!;
            w.Queue = null;
            h.Lock.Enter();
            int r = h.SendLocked(w.Value, out Waiter? wake);
            if (r == 0)
            {
                if (w.CommitCanceled())
                {
                    h.Lock.Exit();
                    return false;
                }
                h.SendQ.Enqueue(w, h);
                h.Lock.Exit();
                return true;
            }
            h.Lock.Exit();
            w.Value = default!;
            w.Success = r > 0;
            wake?.WakeOwner();
            return false;
        }
    }

    internal sealed class RecvCommit : IParkCommit
    {
        public static readonly RecvCommit Instance = new();
        bool IParkCommit.Commit(G g, object? arg)
        {
            var w = (Waiter<T>)arg!;
            var h = (HChan<T>)w.Queue!;
            w.Queue = null;
            h.Lock.Enter();
            int r = h.RecvLocked(out T value, out Waiter? wake);
            if (r == 0)
            {
                if (w.CommitCanceled())
                {
                    h.Lock.Exit();
                    return false;
                }
                h.RecvQ.Enqueue(w, h);
                h.Lock.Exit();
                return true;
            }
            h.Lock.Exit();
            w.Value = value;
            w.Success = r == 1;
            wake?.WakeOwner();
            return false;
        }
    }

    /// <summary>
    /// Blocks the calling thread until <paramref name="cancellationToken"/> is cancelled, then throws
    /// <see cref="OperationCanceledException"/> (a nil channel's operation with a token); forever if it cannot be.
    /// </summary>
    public static void BlockUntilCanceled(CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled) BlockForever();
        cancellationToken.ThrowIfCancellationRequested();
        using (Sched.EnterBlocking()) cancellationToken.WaitHandle.WaitOne();
        throw new OperationCanceledException(cancellationToken);
    }

    /// <summary>Blocks the calling thread forever (a nil channel, an empty select).</summary>
    public static void BlockForever()
    {
        using var blocking = Sched.EnterBlocking();
        Thread.Sleep(Timeout.Infinite);
    }
}

/// <summary>The source of channel ids for every element type.</summary>
internal static class ChanIds
{
    internal static long Last;
}
