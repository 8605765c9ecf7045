using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Threading;
using GoSharp.CompilerServices;

using GoSharp.Scheduler;

namespace GoSharp;

/// <summary>
/// Something that can be locked and unlocked (Go: sync.Locker): <see cref="Sync.Mutex"/>,
/// <see cref="RWMutex"/> and <see cref="RWMutex.RLocker"/>. <see cref="Cond"/> waits with one.
/// </summary>
public interface ILocker
{
    /// <summary>Locks; blocks (or suspends, for the runtime's own lockers inside goroutines) until it can.</summary>
    void Lock();
    /// <summary>Unlocks.</summary>
    void Unlock();
}

/// <summary>
/// Go's sync package types whose names clash with <c>System.Threading</c> under implicit usings:
/// write <c>Sync.Mutex</c> and <c>Sync.Semaphore</c>. (<see cref="WaitGroup"/>, <see cref="Once"/>,
/// <see cref="Cond"/> and <see cref="RWMutex"/> clash with nothing and live in <c>GoSharp</c> directly.)
/// </summary>
public static partial class Sync
{
    /// <summary>
    /// A mutual exclusion lock (Go: sync.Mutex), not reentrant, not tied to a thread or goroutine (any
    /// one may unlock it). Normal mode lets a newcomer barge ahead of woken waiters (throughput); a waiter
    /// that has waited more than 1 ms switches it to starvation mode, where Unlock hands the lock directly
    /// to the first waiter (Go's fairness rule, golang/go#13086). Inside goroutines <see cref="Lock()"/> is a
    /// suspension point; on a thread it blocks.
    /// </summary>
    public sealed class Mutex : ILocker, ISuspendingLocker
    {
        bool ISuspendingLocker.TryLockFast() => Interlocked.CompareExchange(ref State, Locked, 0) == 0;
        Frame ISuspendingLocker.CreateLockFrame() => new Sync.MutexLockFrame(this);

        internal const int Locked = 1, Woken = 2, Starving = 4, WaiterShift = 3;
        internal static readonly long StarvationThreshold = Stopwatch.Frequency / 1000; // 1 ms

        internal int State;
        /// <summary>Unlocks that handed the lock over in starvation mode (diagnostics, tests).</summary>
        internal long StarvationHandoffs;
        internal readonly Sema Sema = new();

        /// <summary>Locks the mutex, waiting if it is locked.</summary>
        [SuspensionPoint(nameof(GetLockAwaiter))]
        public void Lock()
        {
            if (Interlocked.CompareExchange(ref State, Locked, 0) == 0) return;
            var slow = new LockSlow(this);
            while (!slow.Step()) AcquireOrLeave(ref slow, default);
        }

        /// <summary>Waits on the semaphore; a refused wait (the thread limit) leaves the waiter count before it throws.</summary>
        private bool AcquireOrLeave(ref LockSlow slow, CancellationToken cancellationToken)
        {
            try
            {
                return Sema.Acquire(slow.QueueLifo, cancellationToken);
            }
            catch (ThreadExhaustionException)
            {
                slow.Leave();
                throw;
            }
        }

        /// <summary>The awaiter behind <see cref="Lock()"/>.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public MutexLockAwaiter GetLockAwaiter() => new(this, default);

        /// <summary>
        /// Locks the mutex, or gives up when <paramref name="cancellationToken"/> is cancelled: then
        /// <see cref="OperationCanceledException"/> is thrown, the mutex is not held, and the waiter's place is
        /// given up so an unlock meanwhile passes to the next waiter. An already cancelled token throws even if
        /// the mutex is free. (Go's Mutex has no such form; see docs/sync.md.)
        /// </summary>
        [SuspensionPoint(nameof(GetLockAwaiter))]
        public void Lock(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Interlocked.CompareExchange(ref State, Locked, 0) == 0) return;
            var slow = new LockSlow(this);
            while (!slow.Step())
            {
                if (AcquireOrLeave(ref slow, cancellationToken)) continue;
                slow.Leave();
                throw new OperationCanceledException(cancellationToken);
            }
        }

        /// <summary>The awaiter behind <see cref="Lock(CancellationToken)"/>.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public MutexLockAwaiter GetLockAwaiter(CancellationToken cancellationToken) => new(this, cancellationToken);

        /// <summary>Locks the mutex if it is free; never waits (Go: TryLock).</summary>
        public bool TryLock()
        {
            int old = Volatile.Read(ref State);
            if ((old & (Locked | Starving)) != 0) return false;
            return Interlocked.CompareExchange(ref State, old | Locked, old) == old;
        }

        /// <summary>Unlocks; throws <see cref="SynchronizationLockException"/> if it was not locked.</summary>
        public void Unlock()
        {
            // The lock bit is cleared only where it is set (a compare-and-swap; uncontended, as cheap as Go's add): an
            // unlock of an unlocked mutex used to subtract and then undo, and a Lock that read the passing state (-1:
            // locked, starving, waiters) queued itself and parked with nobody to wake it.
            int old = Volatile.Read(ref State);
            while (true)
            {
                if ((old & Locked) == 0) ThrowUnlocked();
                int seen = Interlocked.CompareExchange(ref State, old - Locked, old);
                if (seen == old) break;
                old = seen;
            }
            if (old != Locked) UnlockSlow(old - Locked);
        }

        private static void ThrowUnlocked() =>
            throw new SynchronizationLockException("unlock of unlocked mutex (Go: fatal error: sync: unlock of unlocked mutex)");

        private void UnlockSlow(int n)
        {
            if ((n & Starving) == 0)
            {
                int old = n;
                while (true)
                {
                    // No waiters, or someone already locked, woke or took over: nothing to do.
                    if ((old >> WaiterShift) == 0 || (old & (Locked | Woken | Starving)) != 0) return;
                    int nw = (old - (1 << WaiterShift)) | Woken;
                    if (Interlocked.CompareExchange(ref State, nw, old) == old)
                    {
                        Sema.Release();
                        return;
                    }
                    old = Volatile.Read(ref State);
                }
            }
            // Starvation mode: hand the lock to the first waiter (it sets Locked itself).
            Interlocked.Increment(ref StarvationHandoffs);
            Sema.Release();
        }

        /// <summary>
        /// Go's lockSlow as a resumable loop: <see cref="Step"/> returns true once locked, false when the
        /// caller must acquire the semaphore (with <see cref="QueueLifo"/>) and call it again.
        /// </summary>
        internal struct LockSlow
        {
            private readonly Mutex _m;
            private long _waitStart;
            private bool _starving, _awoke, _waited, _leaving;
            private int _old;
            public bool QueueLifo;

            public LockSlow(Mutex m)
            {
                _m = m;
                _waitStart = 0;
                _starving = _awoke = _waited = _leaving = false;
                _old = Volatile.Read(ref m.State);
                QueueLifo = false;
            }

            public bool Step()
            {
                if (_waited)
                {
                    _waited = false;
                    _starving = !_leaving && (_starving || Sched.NowForCurrentThread() - _waitStart > StarvationThreshold);
                    _old = Volatile.Read(ref _m.State);
                    if ((_old & Starving) != 0)
                    {
                        // Handed off in starvation mode: the lock is ours, fix the state.
                        if ((_old & (Locked | Woken)) != 0 || (_old >> WaiterShift) == 0)
                            throw new InvalidOperationException("sync: inconsistent mutex state");
                        int delta = Locked - (1 << WaiterShift);
                        if (!_starving || (_old >> WaiterShift) == 1) delta -= Starving; // leave starvation mode
                        Interlocked.Add(ref _m.State, delta);
                        return true;
                    }
                    _awoke = true;
                }
                while (true)
                {
                    int old = _old;
                    int nw = old;
                    if ((old & Starving) == 0) nw |= Locked;             // don't barge in starvation mode
                    if ((old & (Locked | Starving)) != 0) nw += 1 << WaiterShift;
                    if (_starving && (old & Locked) != 0) nw |= Starving;
                    if (_awoke)
                    {
                        if ((nw & Woken) == 0) throw new InvalidOperationException("sync: inconsistent mutex state");
                        nw &= ~Woken;
                    }
                    if (Interlocked.CompareExchange(ref _m.State, nw, old) == old)
                    {
                        if ((old & (Locked | Starving)) == 0) return true; // locked with the CAS
                        QueueLifo = _waitStart != 0;
                        if (_waitStart == 0) _waitStart = Sched.NowForCurrentThread();
                        _waited = true;
                        return false;
                    }
                    _old = Volatile.Read(ref _m.State);
                }
            }

            /// <summary>
            /// A cancelled waiter gives up its place. Call it after <see cref="Step"/> returned false and the
            /// semaphore wait was cancelled: the waiter was unlinked before any release chose it.
            /// Two cases, told apart by the waiter count (Go counts waiters, not who they are):
            ///   - The count is above zero: take one off. A wake-up an Unlock has sent meanwhile goes to another
            ///     waiter, or waits in the semaphore for the next waiter that registers (which finds Woken set, as
            ///     a woken waiter must).
            ///   - The count is zero: an Unlock already took this waiter off the count (Go: the unlocker's
            ///     decrement) and set Woken, and its semaphore unit is in the semaphore or on its way. Take it
            ///     and be the woken waiter for one step: lock (then unlock at once, which wakes the next waiter)
            ///     or, if someone holds the lock, register again and leave by the first case. Leaving never
            ///     switches the mutex to starvation mode.
            /// </summary>
            public void Leave()
            {
                _leaving = true;
                _starving = false;
                var spin = new SpinWait();
                while (true)
                {
                    int old = Volatile.Read(ref _m.State);
                    if ((old >> WaiterShift) != 0)
                    {
                        int nw = old - (1 << WaiterShift);
                        // The last waiter gives up while the lock is held in starvation mode: nobody is left to
                        // hand it to, so leave starvation mode now (as Go's last woken waiter does), and the
                        // holder's Unlock just unlocks. Left set, Unlock would hand off to no one and TryLock
                        // would fail until the next Lock.
                        if ((nw >> WaiterShift) == 0 && (nw & (Locked | Starving)) == (Locked | Starving)) nw &= ~Starving;
                        if (Interlocked.CompareExchange(ref _m.State, nw, old) == old) return;
                        continue;
                    }
                    if (_m.Sema.TryAcquire())
                    {
                        if (Step())
                        {
                            _m.Unlock();
                            return;
                        }
                        continue;
                    }
                    spin.SpinOnce(sleep1Threshold: -1); // the unlocker is between its state change and its release
                }
            }
        }
    }
}

/// <summary>The awaiter behind <see cref="Sync.Mutex.Lock()"/>: the fast path inline, the slow path as a pushed helper frame.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct MutexLockAwaiter
{
    private readonly Sync.Mutex _m;
    private readonly CancellationToken _ct;
    private Frame? _slow;
    private bool _locked;

    internal MutexLockAwaiter(Sync.Mutex m, CancellationToken cancellationToken)
    {
        _m = m;
        _ct = cancellationToken;
        _slow = null;
        _locked = false;
    }

    /// <summary>True if the lock was free and is now held (idempotent); throws if the token is cancelled already.</summary>
    public bool IsCompleted
    {
        get
        {
            if (_locked) return true;
            _ct.ThrowIfCancellationRequested();
            return _locked = Interlocked.CompareExchange(ref _m.State, Sync.Mutex.Locked, 0) == 0;
        }
    }

    /// <summary>Runs Go's slow path as a helper frame (it may park several times).</summary>
    public FrameResult Suspend(G g, Frame frame)
    {
        _slow = new Sync.MutexLockFrame(_m, _ct);
        return g.Call(frame, _slow);
    }

    /// <summary>The lock is held.</summary>
    public void GetResult()
    {
        var f = _slow;
        _slow = null;
        f?.ThrowIfFailed();
    }
}

public static partial class Sync
{
    /// <summary>Go's Mutex.lockSlow for a goroutine: loops, parking on the semaphore.</summary>
    internal sealed class MutexLockFrame : Frame
    {
        private Sync.Mutex.LockSlow _slow;
        private readonly Sync.Mutex _m;
        private readonly CancellationToken _ct;
        private SemaAwaiter _aw;

        public MutexLockFrame(Sync.Mutex m, CancellationToken cancellationToken = default)
        {
            _m = m;
            _ct = cancellationToken;
            _slow = new Sync.Mutex.LockSlow(m);
        }

        public override string MethodName => "GoSharp.Sync.Mutex.Lock";

        public override FrameResult Resume(G g)
        {
            if (State == 0) goto resume0;
        loop:
            if (_slow.Step()) return FrameResult.Completed;
            _aw = _m.Sema.GetAcquireAwaiter(WaitReason.SyncMutexLock, _slow.QueueLifo, _ct);
            if (!_aw.IsCompleted)
            {
                State = 0;
                return _aw.Suspend(g, this);
            }
        resume0:
            State = -1;
            if (!_aw.GetResult())
            {
                _slow.Leave();
                throw new OperationCanceledException(_ct);
            }
            goto loop;
        }
    }
}
