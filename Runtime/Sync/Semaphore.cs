using System;
using System.ComponentModel;
using System.Threading;
using GoSharp.CompilerServices;

using static GoSharp.Sync;

namespace GoSharp;

public static partial class Sync
{
    /// <summary>
    /// A counting semaphore (Go's idiom: a buffered channel of capacity n, or x/sync/semaphore): at most
    /// <see cref="Capacity"/> holders. Waiters are served first in, first out; a release hands its slot
    /// straight to the first waiter. <see cref="Acquire()"/> is a suspension point.
    /// Named <c>Sync.Semaphore</c> so it never clashes with <see cref="System.Threading.Semaphore"/>.
    /// </summary>
    public sealed class Semaphore
    {
        internal readonly Sema Sema;
        private int _held;

        /// <summary>Creates a semaphore with <paramref name="capacity"/> free slots.</summary>
        public Semaphore(int capacity)
        {
            if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A semaphore needs at least one slot.");
            Capacity = capacity;
            Sema = new Sema(capacity);
        }

        /// <summary>The number of slots.</summary>
        public int Capacity { get; }

        /// <summary>The number of slots held now.</summary>
        public int Held => Volatile.Read(ref _held);

        /// <summary>Takes a slot, waiting for one if none is free.</summary>
        [SuspensionPoint(nameof(GetAcquireAwaiter))]
        public void Acquire()
        {
            Sema.Acquire();
            Interlocked.Increment(ref _held);
        }

        /// <summary>The awaiter behind <see cref="Acquire()"/>.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public SemaphoreAcquireAwaiter GetAcquireAwaiter() => new(this, default);

        /// <summary>
        /// Takes a slot, or gives up when <paramref name="cancellationToken"/> is cancelled: then
        /// <see cref="OperationCanceledException"/> is thrown and no slot is held (one released meanwhile goes to
        /// the next waiter). An already cancelled token throws even if a slot is free.
        /// </summary>
        [SuspensionPoint(nameof(GetAcquireAwaiter))]
        public void Acquire(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!Sema.Acquire(false, cancellationToken)) throw new OperationCanceledException(cancellationToken);
            Interlocked.Increment(ref _held);
        }

        /// <summary>The awaiter behind <see cref="Acquire(CancellationToken)"/>.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public SemaphoreAcquireAwaiter GetAcquireAwaiter(CancellationToken cancellationToken) => new(this, cancellationToken);

        /// <summary>Takes a slot if one is free.</summary>
        public bool TryAcquire()
        {
            if (!Sema.TryAcquire()) return false;
            Interlocked.Increment(ref _held);
            return true;
        }

        /// <summary>Gives a slot back; throws if more slots are released than were acquired.</summary>
        public void Release()
        {
            if (Interlocked.Decrement(ref _held) < 0)
            {
                Interlocked.Increment(ref _held);
                throw new SynchronizationLockException("semaphore: released more than held");
            }
            Sema.Release();
        }

        internal void Acquired() => Interlocked.Increment(ref _held);
    }
}

/// <summary>The awaiter behind <see cref="Sync.Semaphore.Acquire()"/> and its cancellable form.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct SemaphoreAcquireAwaiter
{
    private readonly Sync.Semaphore _s;
    private readonly CancellationToken _ct;
    private SemaAwaiter _aw;
    private bool _done;

    internal SemaphoreAcquireAwaiter(Sync.Semaphore s, CancellationToken cancellationToken)
    {
        _s = s;
        _ct = cancellationToken;
        _aw = s.Sema.GetAcquireAwaiter(WaitReason.SyncWait, false, cancellationToken);
        _done = false;
    }

    /// <summary>True if a slot was free and is now held; throws if the token is cancelled already.</summary>
    public bool IsCompleted
    {
        get
        {
            if (_done) return true;
            _ct.ThrowIfCancellationRequested();
            if (!_aw.IsCompleted) return false;
            _s.Acquired();
            _done = true;
            return true;
        }
    }

    /// <summary>Parks until a slot is handed over.</summary>
    public FrameResult Suspend(G g, Frame frame) => _aw.Suspend(g, frame);

    /// <summary>The slot is held; throws <see cref="OperationCanceledException"/> if the token ended the wait.</summary>
    public void GetResult()
    {
        if (_done) return;
        if (!_aw.GetResult()) throw new OperationCanceledException(_ct);
        _s.Acquired();
        _done = true;
    }
}
