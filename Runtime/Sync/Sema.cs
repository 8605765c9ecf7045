using System.ComponentModel;
using System.Threading;
using GoSharp.Waiting;
using GoSharp.CompilerServices;

namespace GoSharp;

public static partial class Sync
{
    /// <summary>
    /// The runtime semaphore under the sync primitives (Go: sema.go, semacquire/semrelease): a count and a
    /// FIFO of waiters. A release hands its unit straight to the first waiter (Go's handoff), so a woken
    /// waiter owns the unit and never has to wait again. Waiters are pooled; goroutines park, threads block.
    /// </summary>
    internal sealed class Sema : ICancelableWaitQueue
    {
        private int _count;
        private readonly Lock _lock = new();
        private WaitQueue _q;

        public Sema(int initial = 0) => _count = initial;

        public int Count => Volatile.Read(ref _count);

        /// <summary>Takes a unit if one is free (Go: cansemacquire).</summary>
        public bool TryAcquire()
        {
            while (true)
            {
                int v = Volatile.Read(ref _count);
                if (v == 0) return false;
                if (Interlocked.CompareExchange(ref _count, v - 1, v) == v) return true;
            }
        }

        /// <summary>
        /// Blocks the thread until a unit is handed over. <paramref name="lifo"/>: queue at the front (a waiter
        /// that waited before). False if <paramref name="cancellationToken"/> ended the wait: no unit was taken.
        /// The caller checks an already cancelled token first.
        /// </summary>
        public bool Acquire(bool lifo = false, CancellationToken cancellationToken = default, bool refuseAtLimit = true)
        {
            if (TryAcquire()) return true;
            var w = Waiter<Empty>.Rent();
            _lock.Enter();
            if (TryAcquire())
            {
                _lock.Exit();
                Waiter<Empty>.Return(w);
                return true;
            }
            if (lifo) _q.PushFront(w, this); else _q.Enqueue(w, this);
            _lock.Exit();
            w.RegisterCancel(cancellationToken, this);
            try { w.WaitThread(refuseAtLimit); }
            finally { w.EndCancel(); }
            bool canceled = w.Canceled;
            Waiter<Empty>.Return(w);
            return !canceled;
        }

        /// <summary>A token cancelled a queued acquire: unlink it unless a release handed it a unit.</summary>
        public bool CancelWait(Waiter w)
        {
            _lock.Enter();
            w.CancelRequested = true;
            bool removed = _q.RemoveIfQueued(w, this);
            if (removed) w.Canceled = true;
            _lock.Exit();
            return removed;
        }

        /// <summary>Takes an abandoned sleeper's waiter out of the queue; false if a release handed it a unit.</summary>
        public bool Unlink(Waiter w)
        {
            _lock.Enter();
            bool removed = _q.RemoveIfQueued(w, this);
            _lock.Exit();
            return removed;
        }

        /// <summary>Releases a unit: to the first waiter if any (woken after the lock is dropped), else to the count.</summary>
        public void Release()
        {
            _lock.Enter();
            Waiter? w = _q.Dequeue(this);
            if (w is null) Interlocked.Increment(ref _count);
            _lock.Exit();
            w?.Wake();
        }

        /// <summary>The awaiter of an acquire inside a goroutine.</summary>
        public SemaAwaiter GetAcquireAwaiter(WaitReason reason, bool lifo = false, CancellationToken cancellationToken = default) => new(this, reason, lifo, cancellationToken);

        internal static readonly IParkCommit CommitFifo = new CommitStep(false);
        internal static readonly IParkCommit CommitLifo = new CommitStep(true);

        private sealed class CommitStep : IParkCommit
        {
            private readonly bool _lifo;
            public CommitStep(bool lifo) => _lifo = lifo;

            public bool Commit(G g, object? arg)
            {
                var w = (Waiter<Empty>)arg!;
                var s = (Sema)w.Queue!;
                w.Queue = null;
                s._lock.Enter();
                if (s.TryAcquire() || w.CommitCanceled())
                {
                    s._lock.Exit();
                    return false;
                }
                if (_lifo) s._q.PushFront(w, s); else s._q.Enqueue(w, s);
                s._lock.Exit();
                return true;
            }
        }
    }

    /// <summary>Acquires a <see cref="Sema"/> unit inside a goroutine.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    internal struct SemaAwaiter
    {
        private readonly Sema _s;
        private readonly WaitReason _reason;
        private readonly bool _lifo;
        private readonly CancellationToken _ct;
        private Waiter<Empty>? _w;
        private bool _acquired;

        public SemaAwaiter(Sema s, WaitReason reason, bool lifo, CancellationToken cancellationToken)
        {
            _s = s;
            _reason = reason;
            _lifo = lifo;
            _ct = cancellationToken;
            _w = null;
            _acquired = false;
        }

        public bool IsCompleted => _acquired || (_acquired = _s.TryAcquire());

        public FrameResult Suspend(G g, Frame frame)
        {
            var w = Waiter<Empty>.Rent();
            w.G = g;
            w.Queue = _s;
            _w = w;
            w.RegisterCancel(_ct, _s);
            return g.Park(frame, _lifo ? Sema.CommitLifo : Sema.CommitFifo, w, _reason);
        }

        /// <summary>True if a unit was taken; false if the token ended the wait (no unit was taken).</summary>
        public bool GetResult()
        {
            var w = _w;
            if (w is null) return true;
            _w = null;
            bool canceled = w.EndCancel();
            Waiter<Empty>.Return(w);
            return !canceled;
        }
    }
}
