using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using GoSharp.CompilerServices;

using GoSharp.Waiting;

using static GoSharp.Sync;

namespace GoSharp;

/// <summary>
/// A condition variable (Go: sync.Cond): goroutines or threads wait for an event while holding
/// <see cref="L"/>. <see cref="Wait"/> unlocks L, waits for <see cref="Signal"/> or <see cref="Broadcast"/>,
/// and locks L again before returning; call it in a loop that re-checks the condition. Wait is a
/// suspension point. Built on Go's ticket-based notify list: a signal is never lost between the unlock and the wait.
/// </summary>
public sealed class Cond : IWaitQueueOwner
{
    private int _wait;   // next ticket
    private int _notify; // next ticket to notify
    private readonly Lock _lock = new();
    private WaitQueue _waiters;
    private List<int>? _cancelled; // tickets of waits that threw before waiting (guarded by _lock)

    /// <summary>Creates a condition variable over <paramref name="l"/>.</summary>
    public Cond(ILocker l)
    {
        ArgumentNullException.ThrowIfNull(l);
        L = l;
    }

    /// <summary>The locker held while observing or changing the condition.</summary>
    public ILocker L { get; }

    /// <summary>Unlocks <see cref="L"/>, waits for a signal, locks <see cref="L"/> again.</summary>
    [SuspensionPoint(nameof(GetWaitAwaiter))]
    public void Wait()
    {
        int t = TakeTicketAndUnlock();
        var w = TicketWaiter.Rent();
        if (Enqueue(w, t)) w.WaitThread(refuseAtLimit: false); // the locker is unlocked already: never refused
        TicketWaiter.Return(w);
        L.Lock();
    }

    /// <summary>The awaiter behind <see cref="Wait"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public CondWaitAwaiter GetWaitAwaiter() => new(this);

    /// <summary>Wakes one waiter, if any.</summary>
    public void Signal()
    {
        if (Volatile.Read(ref _wait) == Volatile.Read(ref _notify)) return;
        _lock.Enter();
        if (_wait == _notify)
        {
            _lock.Exit();
            return;
        }
        int t = NextNotifyTicketLocked();
        TicketWaiter? found = null;
        for (Waiter? w = _waiters.First; w is not null; w = w.Next)
        {
            var tw = (TicketWaiter)w;
            if (tw.Ticket == t)
            {
                found = tw;
                _waiters.Remove(w, this);
                break;
            }
        }
        _lock.Exit();
        found?.Wake(); // not found: that waiter has not queued yet and will see its ticket was notified
    }

    /// <summary>
    /// The ticket a Signal wakes: the oldest one not notified yet, skipping tickets whose Wait threw
    /// (a Signal must never be spent on a wait that did not happen). Caller holds the lock.
    /// </summary>
    private int NextNotifyTicketLocked()
    {
        while (true)
        {
            int t = _notify++;
            if (_cancelled is null || !_cancelled.Remove(t) || _wait == _notify) return t;
        }
    }

    /// <summary>Wakes every waiter.</summary>
    public void Broadcast()
    {
        if (Volatile.Read(ref _wait) == Volatile.Read(ref _notify)) return;
        _lock.Enter();
        _notify = _wait;
        _cancelled = null;
        Waiter? wake = _waiters.TakeAllOldestFirst(this);
        _lock.Exit();
        Waiter.WakeAll(wake);
    }

    /// <summary>Queues a waiter with ticket <paramref name="t"/>; false if that ticket was notified already.</summary>
    internal bool Enqueue(TicketWaiter w, int t)
    {
        _lock.Enter();
        if (t - _notify < 0)
        {
            _lock.Exit();
            return false;
        }
        w.Ticket = t;
        _waiters.Enqueue(w, this);
        _lock.Exit();
        return true;
    }

    /// <summary>
    /// Takes a ticket, then unlocks <see cref="L"/> (Go: notifyListAdd before c.L.Unlock, so a Signal
    /// between the unlock and the wait is not lost). If the unlock throws (L was not held), the ticket is
    /// cancelled before the exception leaves: the Cond is as it was.
    /// </summary>
    internal int TakeTicketAndUnlock()
    {
        int t = Interlocked.Increment(ref _wait) - 1;
        try
        {
            L.Unlock();
        }
        catch
        {
            _lock.Enter();
            if (t - _notify >= 0) (_cancelled ??= new List<int>()).Add(t);
            _lock.Exit();
            throw;
        }
        return t;
    }

    /// <summary>A waiter holding its notify ticket (Go: the ticket in notifyList's sudog).</summary>
    internal sealed class TicketWaiter : Waiter
    {
        public int Ticket;

        public static TicketWaiter Rent() => ObjectCache<TicketWaiter>.Rent();

        public static void Return(TicketWaiter w)
        {
            w.ResetWaiter();
            w.Ticket = 0;
            ObjectCache<TicketWaiter>.Return(w);
        }

        public override void ReturnToCache() => ObjectCache<TicketWaiter>.Return(this);
    }

    /// <summary>An abandoned waiter leaves the queue, and its ticket is cancelled so no Signal is spent on it.</summary>
    bool IWaitQueueOwner.Unlink(Waiter w)
    {
        _lock.Enter();
        bool removed = _waiters.RemoveIfQueued(w, this);
        if (removed) (_cancelled ??= new List<int>()).Add(((TicketWaiter)w).Ticket);
        _lock.Exit();
        return removed;
    }

    internal static readonly IParkCommit Commit = new CommitStep();

    private sealed class CommitStep : IParkCommit
    {
        public bool Commit(G g, object? arg)
        {
            var w = (TicketWaiter)arg!;
            var c = (Cond)w.Queue!;
            w.Queue = null;
            return c.Enqueue(w, w.Ticket);
        }
    }

    /// <summary>Wait inside a goroutine: take a ticket, unlock, park, relock (possibly parking again).</summary>
    internal sealed class WaitFrame : Frame
    {
        private readonly Cond _c;
        private TicketWaiter? _w;
        private Frame? _lockFrame;

        public WaitFrame(Cond c) => _c = c;

        public override string MethodName => "GoSharp.Cond.Wait";

        public override FrameResult Resume(G g)
        {
            switch (State)
            {
                case 0: goto resume0;
                case 1: goto resume1;
            }
            int t = _c.TakeTicketAndUnlock();
            _w = TicketWaiter.Rent();
            _w.G = g;
            _w.Queue = _c;
            _w.Ticket = t;
            State = 0;
            return g.Park(this, Commit, _w, WaitReason.SyncCondWait);
        resume0:
            State = -1;
            TicketWaiter.Return(_w!);
            _w = null;
            if (_c.L is ISuspendingLocker sl)
            {
                if (sl.TryLockFast()) return FrameResult.Completed;
                _lockFrame = sl.CreateLockFrame();
                State = 1;
                return g.Call(this, _lockFrame);
            }
            _c.L.Lock();
            return FrameResult.Completed;
        resume1:
            State = -1;
            _lockFrame!.ThrowIfFailed();
            return FrameResult.Completed;
        }
    }
}

/// <summary>The awaiter behind <see cref="Cond.Wait"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct CondWaitAwaiter
{
    private readonly Cond _c;
    private Frame? _f;

    internal CondWaitAwaiter(Cond c)
    {
        _c = c;
        _f = null;
    }

    /// <summary>Always false: a wait always waits.</summary>
    public readonly bool IsCompleted => false;

    /// <summary>Runs the wait in a helper frame.</summary>
    public FrameResult Suspend(G g, Frame frame)
    {
        _f = new Cond.WaitFrame(_c);
        return g.Call(frame, _f);
    }

    /// <summary>Returns with <see cref="Cond.L"/> locked again.</summary>
    public void GetResult()
    {
        var f = _f;
        _f = null;
        f?.ThrowIfFailed();
    }
}
