using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.ExceptionServices;
using System.Threading;
using GoSharp.CompilerServices;
using GoSharp.Structured;

namespace GoSharp;

public static partial class Go
{
    /// <summary>
    /// A group of goroutines working on one task (Go: golang.org/x/sync/errgroup with <c>WithContext</c>;
    /// Kotlin: <c>coroutineScope</c>). <see cref="Go(Action)"/> starts a goroutine in the group; the first
    /// exception any of them throws cancels <see cref="Token"/>, so the others can stop; <see cref="Wait"/>
    /// waits for all of them and rethrows that first exception. <see cref="SetLimit"/> bounds how many run
    /// at once. <see cref="Go(Action)"/> (when limited) and <see cref="Wait"/> are suspension points inside
    /// <c>[Goroutine]</c> methods and block elsewhere. One task per group: after <see cref="Wait"/> returns
    /// (or <see cref="Dispose"/>), starting another goroutine throws. See docs/structured.md.
    /// </summary>
    public sealed class Group : IDisposable
    {
        // Counts goroutines started or about to start (a Go waiting for a slot counts: Wait cannot return
        // between that Go's slot hand-over and its spawn).
        private readonly WaitGroup _running = new();
        // Our own source, linked to the parent by a registration we can drop without disposing anything:
        // the source is never disposed, so the token stays usable (Register, WaitHandle) after Wait.
        private readonly CancellationTokenSource _cts = new();
        private CancellationTokenRegistration _parent;
        private readonly object _gate = new();
        private Sync.Semaphore? _limit;          // null: no limit; replaced only while nothing runs
        private ExceptionDispatchInfo? _first;   // guarded by _gate
        private List<Exception>? _exceptions;    // guarded by _gate
        private bool _finished;                  // guarded by _gate

        /// <summary>Creates a group whose <see cref="Token"/> is also cancelled when <paramref name="cancellationToken"/> is.</summary>
        public Group(CancellationToken cancellationToken = default)
        {
            if (cancellationToken.CanBeCanceled)
                _parent = cancellationToken.UnsafeRegister(static s => ((Group)s!).CancelToken(), this);
        }

        /// <summary>
        /// Cancelled when a goroutine of the group throws, when the parent token is cancelled, when
        /// <see cref="Wait"/> returns and on <see cref="Dispose"/> (Go: the context of <c>errgroup.WithContext</c>).
        /// Goroutines select on <c>Token.DoneCase()</c> (one channel per token: cheap in loops), pass it to the token overloads, or check it.
        /// </summary>
        public CancellationToken Token => _cts.Token;

        /// <summary>
        /// Every exception the group's goroutines threw, first one first (a snapshot). <see cref="Wait"/>
        /// rethrows only the first; the others (often <see cref="OperationCanceledException"/>s caused by the
        /// cancellation) are kept here rather than dropped.
        /// </summary>
        public IReadOnlyList<Exception> Exceptions
        {
            get { lock (_gate) return _exceptions is null ? Array.Empty<Exception>() : _exceptions.ToArray(); }
        }

        /// <summary>
        /// Runs at most <paramref name="limit"/> of the group's goroutines at once (Go: <c>errgroup.SetLimit</c>);
        /// a negative value removes the limit. A <see cref="Go(Action)"/> over the limit waits for a slot.
        /// Throws <see cref="InvalidOperationException"/> while goroutines of the group are active, and
        /// <see cref="ArgumentOutOfRangeException"/> for 0 (nothing could ever run).
        /// </summary>
        public void SetLimit(int limit)
        {
            if (limit == 0) throw new ArgumentOutOfRangeException(nameof(limit), limit, "A group limit of 0 would never run anything; use a negative limit for none.");
            lock (_gate)
            {
                if (_running.Count != 0) throw new InvalidOperationException("errgroup: modify limit while goroutines in the group are still active");
                _limit = limit < 0 ? null : new Sync.Semaphore(limit);
            }
        }

        /// <summary>
        /// Starts <paramref name="action"/> in a new goroutine of the group (Go: <c>g.Go(f)</c>), after waiting
        /// for a slot if a limit is set. The action is plain code: its blocking calls block the goroutine's
        /// thread (handing off the P). For a <c>[Goroutine]</c> method use <see cref="Go(Func{Goroutine})"/>.
        /// </summary>
        [SuspensionPoint(nameof(GetGoAwaiter))]
        public void Go(Action action)
        {
            ArgumentNullException.ThrowIfNull(action);
            var slot = Reserve();
            slot?.Acquire();
            Spawn(new GroupFrame(this, slot, action, null, default));
        }

        /// <summary>
        /// Starts a <c>[Goroutine]</c> method in the group: <paramref name="start"/> calls its launcher, e.g.
        /// <c>group.Go(() =&gt; GoFetch(url, group.Token))</c>. The launcher runs in a small goroutine of the
        /// group, after a slot is free, and that goroutine waits for the one it started.
        /// </summary>
        [SuspensionPoint(nameof(GetGoAwaiter))]
        public void Go(Func<Goroutine> start)
        {
            ArgumentNullException.ThrowIfNull(start);
            var slot = Reserve();
            slot?.Acquire();
            Spawn(new GroupFrame(this, slot, null, start, default));
        }

        /// <summary>The awaiter behind <see cref="Go(Action)"/>.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public GroupGoAwaiter GetGoAwaiter(Action action)
        {
            ArgumentNullException.ThrowIfNull(action);
            return new(this, action, null);
        }

        /// <summary>The awaiter behind <see cref="Go(Func{Goroutine})"/>.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public GroupGoAwaiter GetGoAwaiter(Func<Goroutine> start)
        {
            ArgumentNullException.ThrowIfNull(start);
            return new(this, null, start);
        }

        /// <summary>Starts <paramref name="action"/> only if a slot is free now (Go: <c>g.TryGo(f)</c>); false if the limit is reached.</summary>
        public bool TryGo(Action action)
        {
            ArgumentNullException.ThrowIfNull(action);
            return TryStart(action, null);
        }

        /// <summary>Starts a <c>[Goroutine]</c> method through <paramref name="start"/> only if a slot is free now.</summary>
        public bool TryGo(Func<Goroutine> start)
        {
            ArgumentNullException.ThrowIfNull(start);
            return TryStart(null, start);
        }

        /// <summary>
        /// Adds a goroutine that is already running to the group: <see cref="Wait"/> waits for it and its
        /// exception counts as the group's. It is not subject to <see cref="SetLimit"/> (it is already running).
        /// The form to use in a loop of a <c>[Goroutine]</c> method, where a lambda capturing the loop variable
        /// is refused (GOSH0010): <c>group.Add(GoFetch(url, group.Token))</c>.
        /// </summary>
        public void Add(Goroutine goroutine)
        {
            if (goroutine == default) throw new ArgumentException("This Goroutine handle is default: it refers to no goroutine.", nameof(goroutine));
            Reserve();
            Spawn(new GroupFrame(this, null, null, null, goroutine));
        }

        /// <summary>
        /// Waits for every goroutine of the group, cancels <see cref="Token"/>, then rethrows the first
        /// exception one of them threw, if any (Go: <c>g.Wait()</c> returns the first non-nil error). The
        /// exception is rethrown as itself, not wrapped; the later ones are in <see cref="Exceptions"/>.
        /// A cancelled parent token alone does not make Wait throw. Calling it again gives the same outcome.
        /// </summary>
        [SuspensionPoint(nameof(GetWaitAwaiter))]
        public void Wait()
        {
            _running.Wait();
            Finish();
        }

        /// <summary>The awaiter behind <see cref="Wait"/>.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public GroupWaitAwaiter GetWaitAwaiter() => new(this, _running.GetWaitAwaiter());

        /// <summary>
        /// Cancels <see cref="Token"/>, unlinks the group from its parent token and refuses new goroutines.
        /// It does not wait: goroutines still running finish on their own (call <see cref="Wait"/> for that).
        /// For the paths that leave before <see cref="Wait"/> (an exception in the spawning code).
        /// </summary>
        public void Dispose()
        {
            lock (_gate) _finished = true;
            _parent.Unregister();
            CancelToken();
        }

        /// <summary>Counts a goroutine about to start; throws once the group is finished. Returns the limit to wait on.</summary>
        internal Sync.Semaphore? Reserve()
        {
            lock (_gate)
            {
                if (_finished) throw new InvalidOperationException("This group has finished (Wait returned or it was disposed): start a new group for new work.");
                _running.Add(1);
                return _limit;
            }
        }

        private bool TryStart(Action? action, Func<Goroutine>? start)
        {
            Sync.Semaphore? slot;
            lock (_gate)
            {
                if (_finished) throw new InvalidOperationException("This group has finished (Wait returned or it was disposed): start a new group for new work.");
                slot = _limit;
                if (slot is not null && !slot.TryAcquire()) return false;
                _running.Add(1);
            }
            Spawn(new GroupFrame(this, slot, action, start, default));
            return true;
        }

        internal static void Spawn(GroupFrame frame) => GoRuntime.Current.Spawn(frame);

        /// <summary>Records a goroutine's exception; the first one cancels the token.</summary>
        internal void Fail(Exception exception)
        {
            bool first;
            lock (_gate)
            {
                first = _first is null;
                if (first) _first = ExceptionDispatchInfo.Capture(exception);
                (_exceptions ??= new List<Exception>()).Add(exception);
            }
            if (first) CancelToken();
        }

        /// <summary>A goroutine of the group ended: free its slot, then uncount it (in that order, see <see cref="_running"/>).</summary>
        internal void Exit(Sync.Semaphore? slot)
        {
            slot?.Release();
            _running.Done();
        }

        internal void Finish()
        {
            ExceptionDispatchInfo? first;
            lock (_gate)
            {
                _finished = true;
                first = _first;
            }
            _parent.Unregister();
            CancelToken();
            first?.Throw();
        }

        private void CancelToken()
        {
            // Cancel runs the token's callbacks here, synchronously, as Go's context cancel closes Done at
            // once. A throwing callback must not break the group's bookkeeping: its exceptions are the
            // callback owner's, reported as one more group exception.
            try { _cts.Cancel(); }
            catch (AggregateException e)
            {
                lock (_gate) (_exceptions ??= new List<Exception>()).Add(e);
            }
        }
    }
}

/// <summary>The awaiter behind <see cref="Go.Group.Go(Action)"/>: waits for a slot when the group is limited, then starts the goroutine.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct GroupGoAwaiter
{
    private readonly Go.Group _group;
    private readonly Action? _action;
    private readonly Func<Goroutine>? _start;
    private Sync.Semaphore? _slot;
    private SemaphoreAcquireAwaiter _acquire;
    private int _step; // 0: not counted yet; 1: counted, waiting for a slot; 2: started

    internal GroupGoAwaiter(Go.Group group, Action? action, Func<Goroutine>? start)
    {
        _group = group;
        _action = action;
        _start = start;
        _slot = null;
        _acquire = default;
        _step = 0;
    }

    /// <summary>True once the goroutine is started: at once without a limit or with a free slot.</summary>
    public bool IsCompleted
    {
        get
        {
            if (_step == 0)
            {
                _slot = _group.Reserve();
                _step = 1;
                if (_slot is not null) _acquire = _slot.GetAcquireAwaiter();
            }
            if (_step == 2) return true;
            if (_slot is not null && !_acquire.IsCompleted) return false;
            Start();
            return true;
        }
    }

    /// <summary>Parks until the limit hands a slot over.</summary>
    public FrameResult Suspend(G g, Frame frame) => _acquire.Suspend(g, frame);

    /// <summary>Starts the goroutine once the slot is held.</summary>
    public void GetResult()
    {
        if (_step == 2) return;
        _acquire.GetResult();
        Start();
    }

    private void Start()
    {
        _step = 2;
        _acquire = default;
        Go.Group.Spawn(new GroupFrame(_group, _slot, _action, _start, default));
    }
}

/// <summary>The awaiter behind <see cref="Go.Group.Wait"/>: the group's wait-group wait, then its outcome.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct GroupWaitAwaiter
{
    private readonly Go.Group _group;
    private WaitGroupAwaiter _wait;

    internal GroupWaitAwaiter(Go.Group group, WaitGroupAwaiter wait)
    {
        _group = group;
        _wait = wait;
    }

    /// <summary>True once every goroutine of the group has ended.</summary>
    public readonly bool IsCompleted => _wait.IsCompleted;

    /// <summary>Parks until the last goroutine of the group ends.</summary>
    public FrameResult Suspend(G g, Frame frame) => _wait.Suspend(g, frame);

    /// <summary>Cancels the group's token and rethrows its first exception, if any.</summary>
    public void GetResult()
    {
        _wait.GetResult();
        _group.Finish();
    }
}
