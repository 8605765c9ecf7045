using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading;
using GoSharp.Channels;
using GoSharp.CompilerServices;
using GoSharp.Waiting;

namespace GoSharp;

// The awaiters behind the channel's suspension points (docs/frame-contract.md): a frame stores one in a field,
// asks IsCompleted (the operation's fast path), calls Suspend when it would block, and after the resume
// GetResult. Every parked goroutine carries its awaiter in its frame, so their size is memory per goroutine:
// the awaiters of the plain operations hold no CancellationToken (8 bytes each); the operations that take a
// token return the Cancelable variants, which wrap the plain awaiter and pass the token to its core methods.

/// <summary>The awaiter behind <see cref="Chan{T}.Send(T)"/>: call <see cref="Suspend"/> on the stored awaiter (it records its waiter).</summary>
/// <typeparam name="T">The element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ChanSendAwaiter<T>
{
    // Before Suspend: the channel (HChan<T>, or null for a nil channel). After it: the queued Waiter<T>, or a
    // nil channel's TokenPark. One field for both (_parked says which), as in ChanRecvOkAwaiter.
    private object? _chanOrWait;
    private T _value;
    private bool _done;
    private bool _parked;

    internal ChanSendAwaiter(HChan<T>? h, T value)
    {
        _chanOrWait = h;
        _value = value;
        _done = false;
        _parked = false;
    }

    /// <summary>Tries the send without waiting; true if it happened. Throws on a closed channel.</summary>
    public bool IsCompleted => TryComplete(default);

    /// <summary>Parks the goroutine; the commit step queues it as a sender unless a receiver came meanwhile.</summary>
    public FrameResult Suspend(G g, Frame frame) => SuspendCore(g, frame, default);

    /// <summary>Returns after the send; throws <see cref="ChannelClosedException"/> if the channel was closed.</summary>
    public void GetResult() => GetResultCore(default);

    internal bool TryComplete(CancellationToken ct)
    {
        if (_done) return true;
        if (_parked) ChanAwaiterErrors.ThrowMisuse();
        ct.ThrowIfCancellationRequested();
        // Not parked: the field holds the channel (or null), never a wait record.
        HChan<T>? h = Unsafe.As<HChan<T>?>(_chanOrWait);
        if (h is null) return false;
        // Would block: the park commit is the one lock acquisition (HChan essay, step 3).
        if (h.SendWouldBlock()) return false;
        h.Lock.Enter();
        int r = h.SendLocked(_value, out Waiter? wake);
        h.Lock.Exit();
        wake?.WakeOwner();
        if (r < 0) throw ChannelClosedException.SendOnClosed();
        if (r == 0) return false;
        _value = default!;
        _done = true;
        return true;
    }

    internal FrameResult SuspendCore(G g, Frame frame, CancellationToken ct)
    {
        if (_parked) ChanAwaiterErrors.ThrowMisuse();
        HChan<T>? h = Unsafe.As<HChan<T>?>(_chanOrWait);
        if (h is null)
        {
            if (!ct.CanBeCanceled) return g.Park(frame, null, null, WaitReason.ChanSendNil);
            FrameResult parked = TokenPark.Park(g, frame, ct, WaitReason.ChanSendNil, out TokenPark park);
            _chanOrWait = park;
            _parked = true;
            return parked;
        }
        var w = Waiter<T>.Rent(g);
        w.G = g;
        w.Value = _value;
        w.Queue = h;
        _value = default!;
        _chanOrWait = w;
        _parked = true;
        w.RegisterCancel(ct, h);
        return g.Park(frame, HChan<T>.SendCommit.Instance, w, WaitReason.ChanSend);
    }

    internal void GetResultCore(CancellationToken ct)
    {
        if (!_parked) return;
        object? wait = _chanOrWait;
        _chanOrWait = null;
        _parked = false;
        if (wait is TokenPark park)
        {
            park.End();
            throw new OperationCanceledException(ct);
        }
        var w = (Waiter<T>)wait!;
        bool canceled = w.EndCancel();
        bool ok = w.Success;
        Waiter<T>.ReturnOwn(w);
        if (canceled) throw new OperationCanceledException(ct);
        if (!ok) throw ChannelClosedException.SendOnClosed();
    }
}

/// <summary>The awaiter behind <see cref="Chan{T}.Send(T, CancellationToken)"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ChanSendCancelableAwaiter<T>
{
    private ChanSendAwaiter<T> _inner;
    private readonly CancellationToken _ct;

    internal ChanSendCancelableAwaiter(HChan<T>? h, T value, CancellationToken cancellationToken)
    {
        _inner = new ChanSendAwaiter<T>(h, value);
        _ct = cancellationToken;
    }

    /// <summary>
    /// Tries the send without waiting; true if it happened. Throws on a closed channel, and
    /// <see cref="OperationCanceledException"/> if the token is cancelled already.
    /// </summary>
    public bool IsCompleted => _inner.TryComplete(_ct);

    /// <summary>Parks the goroutine until a receiver takes the value, the channel closes or the token is cancelled.</summary>
    public FrameResult Suspend(G g, Frame frame) => _inner.SuspendCore(g, frame, _ct);

    /// <summary>
    /// Returns after the send; throws <see cref="ChannelClosedException"/> if the channel was closed, and
    /// <see cref="OperationCanceledException"/> if the token ended the wait (the value was not delivered).
    /// </summary>
    public void GetResult() => _inner.GetResultCore(_ct);
}

/// <summary>The awaiter behind <see cref="Chan{T}.RecvOk()"/> (and, wrapped, <see cref="Chan{T}.Recv()"/>).</summary>
/// <typeparam name="T">The element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ChanRecvOkAwaiter<T>
{
    // Before Suspend: the channel (HChan<T>, or null for a nil channel). After it: the queued Waiter<T>, or a
    // nil channel's TokenPark. One field for both (_parked says which): a frame holds the awaiter, and a field
    // less is 8 bytes on every goroutine parked in a receive.
    private object? _chanOrWait;
    private T _value;
    private bool _ok;
    private bool _done;
    private bool _parked;

    internal ChanRecvOkAwaiter(HChan<T>? h)
    {
        _chanOrWait = h;
        _value = default!;
        _ok = false;
        _done = false;
        _parked = false;
    }

    /// <summary>Tries the receive without waiting; true if it completed.</summary>
    public bool IsCompleted => TryComplete(default);

    /// <summary>Parks the goroutine; the commit step queues it as a receiver unless a value came meanwhile.</summary>
    public FrameResult Suspend(G g, Frame frame) => SuspendCore(g, frame, default);

    /// <summary>The value and whether it came from a send.</summary>
    public (T Value, bool Ok) GetResult() => GetResultCore(default);

    internal bool TryComplete(CancellationToken ct)
    {
        if (_done) return true;
        if (_parked) ChanAwaiterErrors.ThrowMisuse();
        ct.ThrowIfCancellationRequested();
        // Not parked: the field holds the channel (or null), never a wait record.
        HChan<T>? h = Unsafe.As<HChan<T>?>(_chanOrWait);
        if (h is null) return false;
        int r = h.TryRecv(out _value);
        if (r == 0) return false;
        _ok = r == 1;
        _done = true;
        return true;
    }

    internal FrameResult SuspendCore(G g, Frame frame, CancellationToken ct)
    {
        if (_parked) ChanAwaiterErrors.ThrowMisuse();
        HChan<T>? h = Unsafe.As<HChan<T>?>(_chanOrWait);
        if (h is null)
        {
            if (!ct.CanBeCanceled) return g.Park(frame, null, null, WaitReason.ChanReceiveNil);
            FrameResult parked = TokenPark.Park(g, frame, ct, WaitReason.ChanReceiveNil, out TokenPark park);
            _chanOrWait = park;
            _parked = true;
            return parked;
        }
        var w = Waiter<T>.Rent(g);
        w.G = g;
        w.Queue = h;
        _chanOrWait = w;
        _parked = true;
        w.RegisterCancel(ct, h);
        return g.Park(frame, HChan<T>.RecvCommit.Instance, w, WaitReason.ChanReceive);
    }

    /// <summary>
    /// The value and whether it came from a send; throws <see cref="OperationCanceledException"/> if the token
    /// ended the wait (then no value was taken).
    /// </summary>
    internal (T Value, bool Ok) GetResultCore(CancellationToken ct)
    {
        if (_parked)
        {
            object? wait = _chanOrWait;
            _chanOrWait = null;
            _parked = false;
            if (wait is TokenPark park)
            {
                park.End();
                throw new OperationCanceledException(ct);
            }
            if (wait is not null)
            {
                var w = (Waiter<T>)wait;
                bool canceled = w.EndCancel();
                _value = w.Value;
                _ok = w.Success;
                _done = true;
                Waiter<T>.ReturnOwn(w);
                if (canceled)
                {
                    _value = default!;
                    throw new OperationCanceledException(ct);
                }
            }
        }
        var v = _value;
        _value = default!;
        return (v, _ok);
    }
}

/// <summary>The awaiter behind <see cref="Chan{T}.RecvOk(CancellationToken)"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ChanRecvOkCancelableAwaiter<T>
{
    private ChanRecvOkAwaiter<T> _inner;
    private readonly CancellationToken _ct;

    internal ChanRecvOkCancelableAwaiter(HChan<T>? h, CancellationToken cancellationToken)
    {
        _inner = new ChanRecvOkAwaiter<T>(h);
        _ct = cancellationToken;
    }

    /// <summary>
    /// Tries the receive without waiting; true if it completed. Throws <see cref="OperationCanceledException"/>
    /// if the token is cancelled already.
    /// </summary>
    public bool IsCompleted => _inner.TryComplete(_ct);

    /// <summary>Parks the goroutine until a value, a close or the token's cancellation.</summary>
    public FrameResult Suspend(G g, Frame frame) => _inner.SuspendCore(g, frame, _ct);

    /// <summary>
    /// The value and whether it came from a send; throws <see cref="OperationCanceledException"/> if the token
    /// ended the wait (then no value was taken).
    /// </summary>
    public (T Value, bool Ok) GetResult() => _inner.GetResultCore(_ct);
}

/// <summary>The awaiter behind <see cref="Chan{T}.Recv()"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ChanRecvAwaiter<T>
{
    private ChanRecvOkAwaiter<T> _inner;

    internal ChanRecvAwaiter(HChan<T>? h) => _inner = new ChanRecvOkAwaiter<T>(h);

    /// <summary>Tries the receive without waiting.</summary>
    public bool IsCompleted => _inner.TryComplete(default);

    /// <summary>Parks the goroutine until a value or a close.</summary>
    public FrameResult Suspend(G g, Frame frame) => _inner.SuspendCore(g, frame, default);

    /// <summary>The value received (default if the channel was closed).</summary>
    [return: MaybeNull]
    public T GetResult() => _inner.GetResultCore(default).Value;
}

/// <summary>The awaiter behind <see cref="Chan{T}.Recv(CancellationToken)"/>: the token's receive, its value alone.</summary>
/// <typeparam name="T">The element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ChanRecvCancelableAwaiter<T>
{
    private ChanRecvOkCancelableAwaiter<T> _inner;

    internal ChanRecvCancelableAwaiter(HChan<T>? h, CancellationToken cancellationToken) =>
        _inner = new ChanRecvOkCancelableAwaiter<T>(h, cancellationToken);

    /// <summary>
    /// Tries the receive without waiting. Throws <see cref="OperationCanceledException"/> if the token is
    /// cancelled already.
    /// </summary>
    public bool IsCompleted => _inner.IsCompleted;

    /// <summary>Parks the goroutine until a value, a close or the token's cancellation.</summary>
    public FrameResult Suspend(G g, Frame frame) => _inner.Suspend(g, frame);

    /// <summary>
    /// The value received (default if the channel was closed); throws <see cref="OperationCanceledException"/>
    /// if the token ended the wait (then no value was taken).
    /// </summary>
    [return: MaybeNull]
    public T GetResult() => _inner.GetResult().Value;
}

/// <summary>The awaiter behind <see cref="ChanEnumerator{T}.MoveNext"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ChanMoveNextAwaiter<T>
{
    private readonly ChanEnumerator<T> _e;
    private ChanRecvOkAwaiter<T> _inner;

    internal ChanMoveNextAwaiter(ChanEnumerator<T> e)
    {
        _e = e;
        _inner = new ChanRecvOkAwaiter<T>(e.H);
    }

    /// <summary>Tries the receive without waiting.</summary>
    public bool IsCompleted => _inner.TryComplete(default);

    /// <summary>Parks the goroutine until a value or a close.</summary>
    public FrameResult Suspend(G g, Frame frame) => _inner.SuspendCore(g, frame, default);

    /// <summary>True with <see cref="ChanEnumerator{T}.Current"/> set, or false at the end of the range.</summary>
    public bool GetResult()
    {
        var (v, ok) = _inner.GetResultCore(default);
        _e.Current = v;
        return ok;
    }
}

internal static class ChanAwaiterErrors
{
    [StackTraceHidden, DoesNotReturn]
    public static void ThrowMisuse() =>
        throw new InvalidOperationException("A channel awaiter was used again after it suspended: call GetResult once, after the goroutine resumed.");
}
