using System;
using System.ComponentModel;
using System.Threading;
using GoSharp.CompilerServices;

using static GoSharp.Sync;

namespace GoSharp;

/// <summary>
/// A reader/writer mutual exclusion lock (Go: sync.RWMutex): any number of readers or one writer. A
/// blocked <see cref="Lock"/> call keeps new readers out, so writers are not starved. Not reentrant
/// (a reader must not RLock again while a writer may be waiting). Lock and RLock are suspension points.
/// </summary>
public sealed class RWMutex : ILocker, ISuspendingLocker
{
    internal const int MaxReaders = 1 << 30;
    internal readonly Sync.Mutex W = new();   // held by a writer while it waits for and holds the lock
    internal readonly Sema WriterSem = new(); // the writer waits here for departing readers
    internal readonly Sema ReaderSem = new(); // readers wait here for the writer
    internal int ReaderCount;                 // readers holding the lock; negative while a writer is pending
    internal int ReaderWait;                  // readers the pending writer still waits for

    /// <summary>Locks for reading.</summary>
    [SuspensionPoint(nameof(GetRLockAwaiter))]
    public void RLock()
    {
        if (Interlocked.Increment(ref ReaderCount) < 0) ReaderSem.Acquire(refuseAtLimit: false); // a writer is pending: wait for it (counted: never refused, see ThreadLimit.cs)
    }

    /// <summary>The awaiter behind <see cref="RLock"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public RWMutexRLockAwaiter GetRLockAwaiter() => new(this);

    /// <summary>Locks for reading if that needs no wait.</summary>
    public bool TryRLock()
    {
        while (true)
        {
            int c = Volatile.Read(ref ReaderCount);
            if (c < 0) return false;
            if (Interlocked.CompareExchange(ref ReaderCount, c + 1, c) == c) return true;
        }
    }

    /// <summary>Undoes one <see cref="RLock"/>.</summary>
    public void RUnlock()
    {
        // A reader leaves only where one is counted (a compare-and-swap): an RUnlock of an unlocked RWMutex used to
        // decrement and then undo, and an RLock that read the passing -1 took it for a pending writer and parked for
        // good, its count then keeping every writer out.
        int old = Volatile.Read(ref ReaderCount);
        while (true)
        {
            if (old == 0 || old == -MaxReaders) throw new SynchronizationLockException("sync: RUnlock of unlocked RWMutex");
            int seen = Interlocked.CompareExchange(ref ReaderCount, old - 1, old);
            if (seen == old) break;
            old = seen;
        }
        // A writer is pending: the last departing reader lets it in.
        if (old - 1 < 0 && Interlocked.Decrement(ref ReaderWait) == 0) WriterSem.Release();
    }

    /// <summary>Locks for writing: waits for other writers, then for the readers to leave.</summary>
    [SuspensionPoint(nameof(GetLockAwaiter))]
    public void Lock()
    {
        W.Lock();
        if (AnnounceWriter()) WriterSem.Acquire(refuseAtLimit: false);
    }

    /// <summary>The awaiter behind <see cref="Lock"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public RWMutexLockAwaiter GetLockAwaiter() => new(this);

    /// <summary>Locks for writing if that needs no wait.</summary>
    public bool TryLock()
    {
        if (!W.TryLock()) return false;
        if (Interlocked.CompareExchange(ref ReaderCount, -MaxReaders, 0) != 0)
        {
            W.Unlock();
            return false;
        }
        return true;
    }

    /// <summary>With <see cref="W"/> held: keeps new readers out; true if active readers must leave first.</summary>
    internal bool AnnounceWriter()
    {
        int r = Interlocked.Add(ref ReaderCount, -MaxReaders) + MaxReaders;
        return r != 0 && Interlocked.Add(ref ReaderWait, r) != 0;
    }

    /// <summary>Unlocks for writing: lets the waiting readers in, then other writers.</summary>
    public void Unlock()
    {
        // Only a pending writer's count is given back (a compare-and-swap, as in RUnlock): the add-then-undo it replaced
        // let an RLock in during the passing count, and the undo then left that reader looking like a pending writer's.
        int old = Volatile.Read(ref ReaderCount);
        while (true)
        {
            if (old >= 0) throw new SynchronizationLockException("sync: Unlock of unlocked RWMutex");
            int seen = Interlocked.CompareExchange(ref ReaderCount, old + MaxReaders, old);
            if (seen == old) break;
            old = seen;
        }
        int r = old + MaxReaders;
        for (int i = 0; i < r; i++) ReaderSem.Release();
        W.Unlock();
    }

    /// <summary>An <see cref="ILocker"/> that read-locks this RWMutex (Go: RLocker).</summary>
    public ILocker RLocker() => new ReadLocker(this);

    bool ISuspendingLocker.TryLockFast() => TryLock();
    Frame ISuspendingLocker.CreateLockFrame() => new LockFrame(this);

    private sealed class ReadLocker : ILocker, ISuspendingLocker
    {
        private readonly RWMutex _rw;
        public ReadLocker(RWMutex rw) => _rw = rw;
        public void Lock() => _rw.RLock();
        public void Unlock() => _rw.RUnlock();
        bool ISuspendingLocker.TryLockFast() => _rw.TryRLock();
        Frame ISuspendingLocker.CreateLockFrame() => new RLockFrame(_rw);
    }

    /// <summary>Write lock inside a goroutine: the writer mutex, then the readers' departure.</summary>
    internal sealed class LockFrame : Frame
    {
        private readonly RWMutex _rw;
        private MutexLockAwaiter _aw0;
        private SemaAwaiter _aw1;

        public LockFrame(RWMutex rw) => _rw = rw;

        public override string MethodName => "GoSharp.RWMutex.Lock";

        public override FrameResult Resume(G g)
        {
            switch (State)
            {
                case 0: goto resume0;
                case 1: goto resume1;
            }
            _aw0 = _rw.W.GetLockAwaiter();
            if (!_aw0.IsCompleted)
            {
                State = 0;
                return _aw0.Suspend(g, this);
            }
        resume0:
            State = -1;
            _aw0.GetResult();
            if (!_rw.AnnounceWriter()) return FrameResult.Completed;
            _aw1 = _rw.WriterSem.GetAcquireAwaiter(WaitReason.SyncRWMutexLock);
            if (!_aw1.IsCompleted)
            {
                State = 1;
                return _aw1.Suspend(g, this);
            }
        resume1:
            State = -1;
            _aw1.GetResult();
            return FrameResult.Completed;
        }
    }

    private sealed class RLockFrame : Frame
    {
        private RWMutexRLockAwaiter _aw;
        public RLockFrame(RWMutex rw) => _aw = rw.GetRLockAwaiter();
        public override string MethodName => "GoSharp.RWMutex.RLock";
        public override FrameResult Resume(G g)
        {
            if (State == 0) goto resume0;
            if (!_aw.IsCompleted)
            {
                State = 0;
                return _aw.Suspend(g, this);
            }
        resume0:
            State = -1;
            _aw.GetResult();
            return FrameResult.Completed;
        }
    }
}

/// <summary>The awaiter behind <see cref="RWMutex.RLock"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct RWMutexRLockAwaiter
{
    private readonly RWMutex _rw;
    private byte _state; // 0 not tried, 1 acquired, 2 must wait
    private SemaAwaiter _sem;

    internal RWMutexRLockAwaiter(RWMutex rw)
    {
        _rw = rw;
        _state = 0;
        _sem = default;
    }

    /// <summary>Registers as a reader; true unless a writer is pending.</summary>
    public bool IsCompleted
    {
        get
        {
            if (_state == 0) _state = Interlocked.Increment(ref _rw.ReaderCount) < 0 ? (byte)2 : (byte)1;
            if (_state == 2 && _rw.ReaderSem.TryAcquire()) _state = 1;
            return _state == 1;
        }
    }

    /// <summary>Parks until the writer lets the readers in.</summary>
    public FrameResult Suspend(G g, Frame frame)
    {
        _sem = _rw.ReaderSem.GetAcquireAwaiter(WaitReason.SyncRWMutexRLock);
        return _sem.Suspend(g, frame);
    }

    /// <summary>The read lock is held.</summary>
    public void GetResult()
    {
        _sem.GetResult();
        _state = 1;
    }
}

/// <summary>The awaiter behind <see cref="RWMutex.Lock"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct RWMutexLockAwaiter
{
    private readonly RWMutex _rw;
    private Frame? _f;
    private bool _locked;

    internal RWMutexLockAwaiter(RWMutex rw)
    {
        _rw = rw;
        _f = null;
        _locked = false;
    }

    /// <summary>True if the lock was free (no writer, no reader) and is now held (idempotent).</summary>
    public bool IsCompleted => _locked || (_locked = _rw.TryLock());

    /// <summary>Locks in a helper frame.</summary>
    public FrameResult Suspend(G g, Frame frame)
    {
        _f = new RWMutex.LockFrame(_rw);
        return g.Call(frame, _f);
    }

    /// <summary>The write lock is held.</summary>
    public void GetResult()
    {
        var f = _f;
        _f = null;
        f?.ThrowIfFailed();
    }
}
