using System;
using System.ComponentModel;
using System.Threading;
using GoSharp.CompilerServices;
using GoSharp.Time;

using GoSharp.Waiting;

using GoSharp.Scheduler;

namespace GoSharp;

public static partial class Go
{
    /// <summary>
    /// Pauses the goroutine for at least <paramref name="duration"/> (Go: time.Sleep). Inside a
    /// <c>[Goroutine]</c> method it parks the goroutine on its P's timer heap (no thread is held); on an
    /// ordinary thread it is <see cref="Thread.Sleep(TimeSpan)"/>. Zero or negative returns at once.
    /// </summary>
    [SuspensionPoint(nameof(GetSleepAwaiter))]
    public static void Sleep(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero) return;
        using var blocking = Sched.EnterBlocking();
        // Thread.Sleep takes at most int.MaxValue ms (24.8 days), where Go sleeps for any duration.
        while (duration > LongestThreadWait) { Thread.Sleep(LongestThreadWait); duration -= LongestThreadWait; }
        Thread.Sleep(duration);
    }

    /// <summary>The longest wait Thread.Sleep and WaitHandle.WaitOne take in one call.</summary>
    private static readonly TimeSpan LongestThreadWait = TimeSpan.FromMilliseconds(int.MaxValue - 1);

    /// <summary>The awaiter behind <see cref="Sleep(TimeSpan)"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static SleepAwaiter GetSleepAwaiter(TimeSpan duration) => new(duration, default);

    /// <summary>
    /// Sleeps for <paramref name="duration"/>, or until <paramref name="cancellationToken"/> is cancelled, which
    /// throws <see cref="OperationCanceledException"/> (an already cancelled token throws at once, even for a
    /// zero duration). Go: <c>select { case &lt;-time.After(d): case &lt;-ctx.Done(): }</c>.
    /// </summary>
    [SuspensionPoint(nameof(GetSleepAwaiter))]
    public static void Sleep(TimeSpan duration, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (duration <= TimeSpan.Zero) return;
        if (!cancellationToken.CanBeCanceled)
        {
            Sleep(duration);
            return;
        }
        bool cancelled;
        using (Sched.EnterBlocking())
        {
            while (!(cancelled = cancellationToken.WaitHandle.WaitOne(duration > LongestThreadWait ? LongestThreadWait : duration))
                && duration > LongestThreadWait)
                duration -= LongestThreadWait;
        }
        if (cancelled) throw new OperationCanceledException(cancellationToken);
    }

    /// <summary>The awaiter behind <see cref="Sleep(TimeSpan, CancellationToken)"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static SleepAwaiter GetSleepAwaiter(TimeSpan duration, CancellationToken cancellationToken) => new(duration, cancellationToken);

    /// <summary>
    /// A channel that receives the current UTC time once, after <paramref name="duration"/> (Go: time.After).
    /// Use it as a timeout case: <c>Go.Select(ch.RecvCase(), Go.After(d).RecvCase())</c>.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The current runtime has been disposed.</exception>
    public static RecvChan<DateTime> After(TimeSpan duration) => NewTimer(duration).C;

    /// <summary>A channel that receives the time every <paramref name="period"/> (Go: time.Tick); it never stops.</summary>
    /// <exception cref="ObjectDisposedException">The current runtime has been disposed.</exception>
    public static RecvChan<DateTime> Tick(TimeSpan period) => NewTicker(period).C;

    /// <summary>A timer that sends the time on <see cref="Timer.C"/> after <paramref name="duration"/> (Go: time.NewTimer).</summary>
    /// <exception cref="ObjectDisposedException">The current runtime has been disposed.</exception>
    public static Timer NewTimer(TimeSpan duration)
    {
        var t = new Timer(GoRuntime.Current, new Chan<DateTime>(1), null);
        t.Start(duration, 0);
        return t;
    }

    /// <summary>
    /// Runs <paramref name="action"/> in a goroutine of its own after <paramref name="duration"/> (Go: time.AfterFunc),
    /// in the ExecutionContext of the code that called AfterFunc (AsyncLocal values, Activity.Current, culture), as a
    /// <see cref="System.Threading.Timer"/> flows it, unless the runtime's flow is off.
    /// The returned timer's <see cref="Timer.C"/> is nil; <see cref="Timer.Stop"/> cancels the call.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The current runtime has been disposed.</exception>
    public static Timer AfterFunc(TimeSpan duration, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var t = new Timer(GoRuntime.Current, default, action);
        t.Start(duration, 0);
        return t;
    }

    /// <summary>A ticker that sends the time on <see cref="Ticker.C"/> every <paramref name="period"/> (Go: time.NewTicker).</summary>
    /// <exception cref="ObjectDisposedException">The current runtime has been disposed.</exception>
    public static Ticker NewTicker(TimeSpan period)
    {
        if (period <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(period), period, "A ticker's period must be positive.");
        var t = new Ticker(GoRuntime.Current);
        t.Start(period, Sched.StopwatchTicks(period));
        return t;
    }

    /// <summary>
    /// A one-shot timer (Go: time.Timer), on the runtime's per-P timer heaps. Named <c>Go.Timer</c> so it
    /// never clashes with <see cref="System.Threading.Timer"/>. As in Go 1.23, once <see cref="Stop"/> or
    /// <see cref="Reset"/> returns, no stale value is left in <see cref="C"/>.
    /// </summary>
    public sealed class Timer : ChannelTimer
    {
        internal Timer(GoRuntime rt, Chan<DateTime> c, Action? action) : base(rt, c, action) { }

        /// <summary>
        /// The channel the time is sent on (buffer of one); nil for <see cref="AfterFunc"/> timers. Receive-only
        /// (Go: <c>&lt;-chan Time</c>): the timer owns it, and a user's close would make its send throw.
        /// </summary>
        public RecvChan<DateTime> C => Channel;

        /// <summary>Stops the timer; true if that prevented it from firing, false if it had fired or was stopped.</summary>
        public bool Stop() => StopCore();

        /// <summary>Makes the timer fire after <paramref name="duration"/> from now; true if it was active before.</summary>
        public bool Reset(TimeSpan duration) => ResetCore(duration, 0);
    }

    /// <summary>
    /// Sends the time on <see cref="C"/> every period (Go: time.Ticker); a slow receiver misses ticks
    /// (the buffer holds one). Named <c>Go.Ticker</c> for symmetry with <see cref="Timer"/>.
    /// </summary>
    public sealed class Ticker : ChannelTimer
    {
        internal Ticker(GoRuntime rt) : base(rt, new Chan<DateTime>(1), null) { }

        /// <summary>The channel the ticks arrive on; receive-only (Go: <c>&lt;-chan Time</c>), as the ticker owns it.</summary>
        public RecvChan<DateTime> C => Channel;

        /// <summary>Stops the ticks; no tick is delivered after it returns. Does not close <see cref="C"/>.</summary>
        public void Stop() => StopCore();

        /// <summary>Stops and restarts the ticker with a new period; the next tick comes one period from now.</summary>
        public void Reset(TimeSpan period)
        {
            if (period <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(period), period, "A ticker's period must be positive.");
            ResetCore(period, Sched.StopwatchTicks(period));
        }
    }
}

/// <summary>The common part of <see cref="Go.Timer"/> and <see cref="Go.Ticker"/>.</summary>
public abstract class ChannelTimer
{
    private readonly Entry _entry;
    private readonly GoRuntime _rt;
    private readonly Action? _action;
    private readonly ExecutionContext? _context; // AfterFunc: the caller's, for the action's goroutine
    private readonly object _gate = new();
    private bool _pending;
    internal readonly Chan<DateTime> Channel;

    private protected ChannelTimer(GoRuntime rt, Chan<DateTime> c, Action? action)
    {
        rt.Sched.ThrowIfDisposed(); // as a spawn does: a disposed runtime runs no timer, so this one would never fire
        _rt = rt;
        Channel = c;
        _action = action;
        if (action is not null) _context = rt.Sched.CaptureContext();
        _entry = new Entry(this);
    }

    private sealed class Entry : TimerEntry
    {
        private readonly ChannelTimer _owner;
        public Entry(ChannelTimer owner) => _owner = owner;
        internal override void Fire(long now, int seq) => _owner.Fire(seq);
        // A ticker's tick into a full buffer is dropped (a one-shot's channel was drained by Stop/Reset).
        internal override bool FireIsNoOp => Period > 0 && _owner._action is null && _owner.Channel.H!.SendWouldBlock();
    }

    internal void Start(TimeSpan d, long period)
    {
        lock (_gate)
        {
            _pending = true;
            _entry.Period = period;
            _rt.Sched.AddTimer(_entry, _rt.Sched.WhenAfter(d));
        }
    }

    private void Fire(int seq)
    {
        lock (_gate)
        {
            if (seq != _entry.Seq) return; // stopped or reset after it was taken off the heap
            _pending = _entry.Period > 0;
            if (_action is null)
            {
                Channel.TrySend(_rt.Sched.UtcNow());
                return;
            }
        }
        // Fire runs on a scheduler thread, in the M's context: the goroutine gets the AfterFunc caller's.
        try
        {
            _rt.Sched.NewProc(new ActionFrame(_rt.Sched, _action), _context);
        }
        catch (ObjectDisposedException) when (_rt.Sched.IsDisposed)
        {
            // Disposed while the timer fired (its Ms still run until they see the stop): the goroutine would be
            // abandoned at once, so none starts. Thrown on, the exception ended the process from the M's thread.
        }
    }

    private protected bool StopCore()
    {
        lock (_gate)
        {
            bool was = _pending;
            _pending = false;
            // Off the heap first, then invalidate: RunExpired records Seq under the heap lock, so a fire
            // that took the entry before the removal carries the old Seq and is dropped by Fire.
            while (true)
            {
                TimerHeap? h = _entry.Heap;
                if (h is null || h.Remove(_entry)) break;
            }
            _entry.Seq++;
            // Go 1.23: no stale value after Stop, and a value drained here counts as a pending fire, so
            // `if (!t.Stop()) t.C.Recv();` never waits for a value that is gone.
            if (!Channel.IsNil && Channel.TryRecv(out _)) was = true;
            return was;
        }
    }

    private protected bool ResetCore(TimeSpan d, long period)
    {
        lock (_gate)
        {
            bool was = StopCore();
            _pending = true;
            _entry.Period = period;
            _rt.Sched.AddTimer(_entry, _rt.Sched.WhenAfter(d));
            return was;
        }
    }

    /// <summary>
    /// Runs an AfterFunc action as a goroutine. Its exception is reported when it is thrown (Go: a panic in the
    /// AfterFunc goroutine ends the program at once). A spawned goroutine's exception waits for its handle to be
    /// collected, since whoever holds the handle may still read it; this goroutine has no handle, so nobody ever
    /// can, and waiting for a collection only delayed the report, or lost it when the process ended first.
    /// </summary>
    private sealed class ActionFrame : Frame
    {
        private readonly Sched _sched;
        private readonly Action _action;

        public ActionFrame(Sched sched, Action action)
        {
            _sched = sched;
            _action = action;
        }

        public override string MethodName => "GoSharp.Go.AfterFunc";

        public override FrameResult Resume(G g)
        {
            try
            {
                _action();
            }
            catch (Exception ex)
            {
                // As for every goroutine, an exception that ends one after its runtime was disposed (a wait that
                // Dispose ended) is not reported: disposing abandons goroutines by design; nor is a deadlock report
                // (Go's rule ends a function asleep in plain code with one: CheckDead.cs), the program's news already.
                if (!_sched.IsDisposed && ex is not DeadlockException) _sched.ReportUnhandled(g.Goid, MethodName, ex);
            }
            return FrameResult.Completed;
        }
    }
}

/// <summary>The awaiter behind <see cref="Go.Sleep(TimeSpan)"/>: parks the goroutine on its P's timer heap.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct SleepAwaiter
{
    private readonly TimeSpan _d;
    private readonly CancellationToken _ct;
    private SleepTimer? _t;

    internal SleepAwaiter(TimeSpan d, CancellationToken cancellationToken)
    {
        _d = d;
        _ct = cancellationToken;
        _t = null;
    }

    /// <summary>True for zero or negative durations; throws if the token is cancelled already.</summary>
    public readonly bool IsCompleted
    {
        get
        {
            _ct.ThrowIfCancellationRequested();
            return _d <= TimeSpan.Zero;
        }
    }

    /// <summary>Parks; the commit step puts the timer on the current P's heap.</summary>
    public FrameResult Suspend(G g, Frame frame)
    {
        var t = SleepTimer.Rent();
        t.G = g;
        t.Due = g.Sched.WhenAfter(_d);
        _t = t;
        t.RegisterCancel(_ct);
        return g.Park(frame, SleepTimer.Commit, t, WaitReason.Sleep);
    }

    /// <summary>Returns after the sleep; throws <see cref="OperationCanceledException"/> if the token ended it.</summary>
    public void GetResult()
    {
        var t = _t;
        if (t is null) return;
        _t = null;
        bool canceled = t.EndCancel();
        SleepTimer.Return(t);
        if (canceled) throw new OperationCanceledException(_ct);
    }
}
