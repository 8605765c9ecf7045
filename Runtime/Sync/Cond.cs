using System;
using System.ComponentModel;
using System.Threading;
using GoSharp.Channels;
using GoSharp.CompilerServices;
using GoSharp.Internal;

namespace GoSharp;

/// <summary>
/// A condition variable (Go: sync.Cond): goroutines or threads wait for an event while holding
/// <see cref="L"/>. <see cref="Wait"/> unlocks L, waits for <see cref="Signal"/> or <see cref="Broadcast"/>,
/// and locks L again before returning; call it in a loop that re-checks the condition. Wait is a
/// suspension point. Built on Go's ticket-based notify list: a signal is never lost between the unlock and the wait.
/// </summary>
public sealed class Cond
{
    private int _wait;   // next ticket
    private int _notify; // next ticket to notify
    private readonly Lock _lock = new();
    private WaitQueue _waiters;

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
        int t = Interlocked.Increment(ref _wait) - 1;
        L.Unlock();
        var w = Waiter<Empty>.Rent();
        if (Enqueue(w, t)) w.WaitThread();
        Waiter<Empty>.Return(w);
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
        int t = _notify++;
        Waiter? found = null;
        for (Waiter? w = _waiters.First; w is not null; w = w.Next)
        {
            if (w.CaseIndex == t)
            {
                found = w;
                _waiters.Remove(w, this);
                break;
            }
        }
        _lock.Exit();
        found?.Wake(); // not found: that waiter has not queued yet and will see its ticket was notified
    }

    /// <summary>Wakes every waiter.</summary>
    public void Broadcast()
    {
        if (Volatile.Read(ref _wait) == Volatile.Read(ref _notify)) return;
        _lock.Enter();
        _notify = _wait;
        Waiter? list = null, w;
        while ((w = _waiters.Dequeue(this)) is not null)
        {
            w.WakeNext = list;
            list = w;
        }
        _lock.Exit();
        while (list is not null)
        {
            w = list;
            list = w.WakeNext;
            w.WakeNext = null;
            w.Wake();
        }
    }

    /// <summary>Queues a waiter with ticket <paramref name="t"/>; false if that ticket was notified already.</summary>
    internal bool Enqueue(Waiter<Empty> w, int t)
    {
        _lock.Enter();
        if (t - _notify < 0)
        {
            _lock.Exit();
            return false;
        }
        w.CaseIndex = t;
        _waiters.Enqueue(w, this);
        _lock.Exit();
        return true;
    }

    internal int TakeTicket() => Interlocked.Increment(ref _wait) - 1;

    internal static readonly IParkCommit Commit = new CommitStep();

    private sealed class CommitStep : IParkCommit
    {
        public bool Commit(G g, object? arg)
        {
            var w = (Waiter<Empty>)arg!;
            var c = (Cond)w.Queue!;
            w.Queue = null;
            return c.Enqueue(w, w.CaseIndex);
        }
    }

    /// <summary>Wait inside a goroutine: take a ticket, unlock, park, relock (possibly parking again).</summary>
    internal sealed class WaitFrame : Frame
    {
        private readonly Cond _c;
        private Waiter<Empty>? _w;
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
            int t = _c.TakeTicket();
            _c.L.Unlock();
            _w = Waiter<Empty>.Rent();
            _w.G = g;
            _w.Queue = _c;
            _w.CaseIndex = t;
            State = 0;
            return g.Park(this, Commit, _w, WaitReason.SyncWait);
        resume0:
            State = -1;
            Waiter<Empty>.Return(_w!);
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
