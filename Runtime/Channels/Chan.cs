using System;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using GoSharp.Channels;
using GoSharp.CompilerServices;

using GoSharp.Waiting;

using GoSharp.Selecting;

namespace GoSharp;

/// <summary>
/// A Go channel. <c>new Chan&lt;T&gt;()</c> is unbuffered (a rendezvous), <c>new Chan&lt;T&gt;(n)</c>
/// buffers n values; <c>default</c> and <see cref="Nil"/> are the nil channel, which blocks forever and
/// is never ready in a select. A struct holding a reference: copies share the channel.
/// Every blocking member is a suspension point inside <c>[Goroutine]</c> methods and blocks the thread
/// elsewhere. See docs/channels.md.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public readonly partial struct Chan<T> : IEquatable<Chan<T>>, IEnumerable<T>
{
    internal readonly HChan<T>? H;

    /// <summary>Makes an unbuffered channel (Go: <c>make(chan T)</c>).</summary>
    public Chan() => H = new HChan<T>(0);

    /// <summary>Makes a channel buffering <paramref name="capacity"/> values (Go: <c>make(chan T, n)</c>); 0 is unbuffered.</summary>
    public Chan(int capacity) => H = new HChan<T>(capacity);

    /// <summary>The nil channel: every send and receive blocks forever; closing it throws.</summary>
    public static Chan<T> Nil => default;

    /// <summary>True for the nil channel.</summary>
    public bool IsNil => H is null;

    /// <summary>The number of buffered values (Go: <c>len(ch)</c>); 0 for nil.</summary>
    public int Len => H?.Count ?? 0;

    /// <summary>The buffer capacity (Go: <c>cap(ch)</c>); 0 for unbuffered and nil.</summary>
    public int Cap => H?.Cap ?? 0;

    /// <summary>
    /// Sends <paramref name="value"/> (Go: <c>ch &lt;- v</c>): hands it to a waiting receiver, else buffers
    /// it, else waits. Throws <see cref="ChannelClosedException"/> if the channel is or becomes closed.
    /// </summary>
    [SuspensionPoint(nameof(GetSendAwaiter))]
    public void Send(T value)
    {
        if (H is null) HChan<T>.BlockForever();
        else H.Send(value);
    }

    /// <summary>The awaiter behind <see cref="Send(T)"/> (generated code calls it).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ChanSendAwaiter<T> GetSendAwaiter(T value) => new(H, value, default);

    /// <summary>
    /// Sends <paramref name="value"/>, or gives up when <paramref name="cancellationToken"/> is cancelled
    /// (Go: <c>select { case ch &lt;- v: case &lt;-ctx.Done(): }</c>). Throws
    /// <see cref="OperationCanceledException"/> if the token is already cancelled (nothing is sent), or if it
    /// is cancelled while the send waits: then the value was not delivered. A send that a receiver took
    /// returns normally even if the token is cancelled at the same moment. Throws
    /// <see cref="ChannelClosedException"/> if the channel is or becomes closed. See docs/channels.md, Cancellation.
    /// </summary>
    [SuspensionPoint(nameof(GetSendAwaiter))]
    public void Send(T value, CancellationToken cancellationToken)
    {
        if (H is null) HChan<T>.BlockUntilCanceled(cancellationToken);
        else H.Send(value, cancellationToken);
    }

    /// <summary>The awaiter behind <see cref="Send(T, CancellationToken)"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ChanSendAwaiter<T> GetSendAwaiter(T value, CancellationToken cancellationToken) => new(H, value, cancellationToken);

    /// <summary>
    /// Receives a value (Go: <c>v := &lt;-ch</c>), waiting for one. On a closed channel the buffered values
    /// come first, then <c>default</c> at once.
    /// </summary>
    [SuspensionPoint(nameof(GetRecvAwaiter))]
    [return: MaybeNull]
    public T Recv()
    {
        if (H is null) HChan<T>.BlockForever();
        return H!.Recv(out _);
    }

    /// <summary>The awaiter behind <see cref="Recv()"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ChanRecvAwaiter<T> GetRecvAwaiter() => new(H, default);

    /// <summary>
    /// Receives a value, or gives up when <paramref name="cancellationToken"/> is cancelled. Throws
    /// <see cref="OperationCanceledException"/> if the token is already cancelled or is cancelled while the
    /// receive waits; then no value was taken (it stays in the channel for another receiver). A receive that
    /// got a value returns it even if the token is cancelled at the same moment.
    /// </summary>
    [SuspensionPoint(nameof(GetRecvAwaiter))]
    [return: MaybeNull]
    public T Recv(CancellationToken cancellationToken)
    {
        if (H is null) HChan<T>.BlockUntilCanceled(cancellationToken);
        return H!.Recv(out _, cancellationToken);
    }

    /// <summary>The awaiter behind <see cref="Recv(CancellationToken)"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ChanRecvAwaiter<T> GetRecvAwaiter(CancellationToken cancellationToken) => new(H, cancellationToken);

    /// <summary>
    /// Receives a value and whether it came from a send (Go: <c>v, ok := &lt;-ch</c>): <c>Ok</c> is false
    /// only when the channel is closed and drained (then <c>Value</c> is default).
    /// </summary>
    [SuspensionPoint(nameof(GetRecvOkAwaiter))]
    public (T Value, bool Ok) RecvOk()
    {
        if (H is null) HChan<T>.BlockForever();
        T v = H!.Recv(out bool ok);
        return (v, ok);
    }

    /// <summary>The awaiter behind <see cref="RecvOk()"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ChanRecvOkAwaiter<T> GetRecvOkAwaiter() => new(H, default);

    /// <summary>
    /// <see cref="RecvOk()"/> that gives up when <paramref name="cancellationToken"/> is cancelled, with the
    /// rules of <see cref="Recv(CancellationToken)"/>.
    /// </summary>
    [SuspensionPoint(nameof(GetRecvOkAwaiter))]
    public (T Value, bool Ok) RecvOk(CancellationToken cancellationToken)
    {
        if (H is null) HChan<T>.BlockUntilCanceled(cancellationToken);
        T v = H!.Recv(out bool ok, cancellationToken);
        return (v, ok);
    }

    /// <summary>The awaiter behind <see cref="RecvOk(CancellationToken)"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ChanRecvOkAwaiter<T> GetRecvOkAwaiter(CancellationToken cancellationToken) => new(H, cancellationToken);

    /// <summary>
    /// Sends without waiting (Go: <c>select { case ch &lt;- v: default: }</c>): true if a receiver took
    /// the value or the buffer had room. Throws on a closed channel, as the send case does in Go.
    /// False for nil.
    /// </summary>
    public bool TrySend(T value) => H is not null && H.TrySend(value);

    /// <summary>
    /// Receives without waiting: true with a value if one was ready; false if none was, or if the channel is
    /// closed and drained (use <see cref="TryRecvOk"/> to tell these apart).
    /// </summary>
    public bool TryRecv([MaybeNullWhen(false)] out T value)
    {
        if (H is null)
        {
            value = default!;
            return false;
        }
        return H.TryRecv(out value) == 1;
    }

    /// <summary>
    /// Receives without waiting (Go: <c>select { case v, ok := &lt;-ch: default: }</c>): true if the
    /// receive completed, with <paramref name="ok"/> false when it completed because the channel is
    /// closed and drained; false if it would have to wait.
    /// </summary>
    public bool TryRecvOk(out T value, out bool ok)
    {
        if (H is null)
        {
            value = default!;
            ok = false;
            return false;
        }
        int r = H.TryRecv(out value);
        ok = r == 1;
        return r != 0;
    }

    /// <summary>
    /// Closes the channel (Go: <c>close(ch)</c>): no more sends; receivers drain the buffer, then get
    /// default with ok false; every waiting receiver wakes, every waiting sender throws.
    /// Closing twice, or closing nil, throws <see cref="ChannelClosedException"/>.
    /// </summary>
    public void Close()
    {
        if (H is null) throw ChannelClosedException.CloseOfNil();
        H.Close();
    }

    /// <summary>
    /// Ranges over the channel (Go: <c>for v := range ch</c>): receives until the channel is closed and
    /// drained. Inside goroutines each step is a suspension point.
    /// </summary>
    public ChanEnumerator<T> GetEnumerator() => new(H);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A receive case for <see cref="Go.Select{T1, T2}"/> (Go: <c>case v, ok := &lt;-ch:</c>): the value lands in <c>ValueN</c>, <c>Ok</c> says whether it came from a send.</summary>
    public SelectCase<T> RecvCase() => new(H, CaseKind.Recv, default!);

    /// <summary>A send case for <see cref="Go.Select{T1, T2}"/> (Go: <c>case ch &lt;- v:</c>). If the select picks it on a closed channel, the select throws.</summary>
    public SelectCase<T> SendCase(T value) => new(H, CaseKind.Send, value);

    /// <summary>True when both refer to the same channel (or both are nil).</summary>
    public bool Equals(Chan<T> other) => ReferenceEquals(H, other.H);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Chan<T> c && Equals(c);
    /// <inheritdoc/>
    public override int GetHashCode() => H is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(H);
    /// <summary>Same channel.</summary>
    public static bool operator ==(Chan<T> a, Chan<T> b) => a.Equals(b);
    /// <summary>Different channels.</summary>
    public static bool operator !=(Chan<T> a, Chan<T> b) => !a.Equals(b);

    /// <summary>Go's formatting: the channel's id, or nil.</summary>
    public override string ToString() => H is null ? "chan(nil)" : $"chan#{H.Id}(len {H.Count}, cap {H.Cap})";
}

/// <summary>The awaiter behind <see cref="Chan{T}.Send(T)"/>: call <see cref="Suspend"/> on the stored awaiter (it records its waiter).</summary>
/// <typeparam name="T">The element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ChanSendAwaiter<T>
{
    // Before Suspend: the channel (HChan<T>, or null for a nil channel). After it: the queued Waiter<T>, or a
    // nil channel's TokenPark. One field for both (_parked says which), as in ChanRecvOkAwaiter.
    private object? _chanOrWait;
    private readonly CancellationToken _ct;
    private T _value;
    private bool _done;
    private bool _parked;

    internal ChanSendAwaiter(HChan<T>? h, T value, CancellationToken cancellationToken)
    {
        _chanOrWait = h;
        _ct = cancellationToken;
        _value = value;
        _done = false;
        _parked = false;
    }

    /// <summary>
    /// Tries the send without waiting; true if it happened. Throws on a closed channel, and
    /// <see cref="OperationCanceledException"/> if the token is cancelled already.
    /// </summary>
    public bool IsCompleted
    {
        get
        {
            if (_done) return true;
            if (_parked) ThrowAwaiterMisuse();
            _ct.ThrowIfCancellationRequested();
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
    }

    /// <summary>Parks the goroutine; the commit step queues it as a sender unless a receiver came meanwhile.</summary>
    public FrameResult Suspend(G g, Frame frame)
    {
        if (_parked) ThrowAwaiterMisuse();
        HChan<T>? h = Unsafe.As<HChan<T>?>(_chanOrWait);
        if (h is null)
        {
            if (!_ct.CanBeCanceled) return g.Park(frame, null, null, WaitReason.ChanSendNil);
            FrameResult parked = TokenPark.Park(g, frame, _ct, WaitReason.ChanSendNil, out TokenPark park);
            _chanOrWait = park;
            _parked = true;
            return parked;
        }
        var w = Waiter<T>.Rent();
        w.G = g;
        w.Value = _value;
        w.Queue = h;
        _value = default!;
        _chanOrWait = w;
        _parked = true;
        w.RegisterCancel(_ct, h);
        return g.Park(frame, HChan<T>.SendCommit.Instance, w, WaitReason.ChanSend);
    }

    /// <summary>
    /// Returns after the send; throws <see cref="ChannelClosedException"/> if the channel was closed, and
    /// <see cref="OperationCanceledException"/> if the token ended the wait (the value was not delivered).
    /// </summary>
    public void GetResult()
    {
        if (!_parked) return;
        object? wait = _chanOrWait;
        _chanOrWait = null;
        _parked = false;
        if (wait is TokenPark park)
        {
            park.End();
            throw new OperationCanceledException(_ct);
        }
        var w = (Waiter<T>)wait!;
        bool canceled = w.EndCancel();
        bool ok = w.Success;
        Waiter<T>.Return(w);
        if (canceled) throw new OperationCanceledException(_ct);
        if (!ok) throw ChannelClosedException.SendOnClosed();
    }

    [StackTraceHidden]
    private static void ThrowAwaiterMisuse() =>
        throw new InvalidOperationException("A channel awaiter was used again after it suspended: call GetResult once, after the goroutine resumed.");
}

/// <summary>The awaiter behind <see cref="Chan{T}.Recv()"/> and <see cref="Chan{T}.RecvOk()"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ChanRecvOkAwaiter<T>
{
    // Before Suspend: the channel (HChan<T>, or null for a nil channel). After it: the queued Waiter<T>, or a
    // nil channel's TokenPark. One field for both (_parked says which): a frame holds the awaiter, and a field
    // less is 8 bytes on every goroutine parked in a receive.
    private object? _chanOrWait;
    private readonly CancellationToken _ct;
    private T _value;
    private bool _ok;
    private bool _done;
    private bool _parked;

    internal ChanRecvOkAwaiter(HChan<T>? h, CancellationToken cancellationToken)
    {
        _chanOrWait = h;
        _ct = cancellationToken;
        _value = default!;
        _ok = false;
        _done = false;
        _parked = false;
    }

    /// <summary>
    /// Tries the receive without waiting; true if it completed. Throws <see cref="OperationCanceledException"/>
    /// if the token is cancelled already.
    /// </summary>
    public bool IsCompleted
    {
        get
        {
            if (_done) return true;
            if (_parked) ThrowAwaiterMisuse();
            _ct.ThrowIfCancellationRequested();
            // Not parked: the field holds the channel (or null), never a wait record.
            HChan<T>? h = Unsafe.As<HChan<T>?>(_chanOrWait);
            if (h is null) return false;
            int r = h.TryRecv(out _value);
            if (r == 0) return false;
            _ok = r == 1;
            _done = true;
            return true;
        }
    }

    /// <summary>Parks the goroutine; the commit step queues it as a receiver unless a value came meanwhile.</summary>
    public FrameResult Suspend(G g, Frame frame)
    {
        if (_parked) ThrowAwaiterMisuse();
        HChan<T>? h = Unsafe.As<HChan<T>?>(_chanOrWait);
        if (h is null)
        {
            if (!_ct.CanBeCanceled) return g.Park(frame, null, null, WaitReason.ChanReceiveNil);
            FrameResult parked = TokenPark.Park(g, frame, _ct, WaitReason.ChanReceiveNil, out TokenPark park);
            _chanOrWait = park;
            _parked = true;
            return parked;
        }
        var w = Waiter<T>.Rent();
        w.G = g;
        w.Queue = h;
        _chanOrWait = w;
        _parked = true;
        w.RegisterCancel(_ct, h);
        return g.Park(frame, HChan<T>.RecvCommit.Instance, w, WaitReason.ChanReceive);
    }

    /// <summary>
    /// The value and whether it came from a send; throws <see cref="OperationCanceledException"/> if the token
    /// ended the wait (then no value was taken).
    /// </summary>
    public (T Value, bool Ok) GetResult()
    {
        if (_parked)
        {
            object? wait = _chanOrWait;
            _chanOrWait = null;
            _parked = false;
            if (wait is TokenPark park)
            {
                park.End();
                throw new OperationCanceledException(_ct);
            }
            if (wait is not null)
            {
                var w = (Waiter<T>)wait;
                bool canceled = w.EndCancel();
                _value = w.Value;
                _ok = w.Success;
                _done = true;
                Waiter<T>.Return(w);
                if (canceled)
                {
                    _value = default!;
                    throw new OperationCanceledException(_ct);
                }
            }
        }
        var v = _value;
        _value = default!;
        return (v, _ok);
    }

    [StackTraceHidden]
    private static void ThrowAwaiterMisuse() =>
        throw new InvalidOperationException("A channel awaiter was used again after it suspended: call GetResult once, after the goroutine resumed.");
}

/// <summary>The awaiter behind <see cref="Chan{T}.Recv()"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ChanRecvAwaiter<T>
{
    private ChanRecvOkAwaiter<T> _inner;

    internal ChanRecvAwaiter(HChan<T>? h, CancellationToken cancellationToken) => _inner = new ChanRecvOkAwaiter<T>(h, cancellationToken);

    /// <summary>Tries the receive without waiting.</summary>
    public bool IsCompleted => _inner.IsCompleted;

    /// <summary>Parks the goroutine until a value or a close.</summary>
    public FrameResult Suspend(G g, Frame frame) => _inner.Suspend(g, frame);

    /// <summary>The value received (default if the channel was closed).</summary>
    [return: MaybeNull]
    public T GetResult() => _inner.GetResult().Value;
}

/// <summary>
/// Ranges over a channel (Go: <c>for v := range ch</c>). <see cref="MoveNext"/> is a suspension point.
/// A class so that the awaiter can deliver <see cref="Current"/>: one allocation per loop, none per step.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class ChanEnumerator<T> : IEnumerator<T>
{
    internal readonly HChan<T>? H;

    internal ChanEnumerator(HChan<T>? h) => H = h;

    /// <summary>The value received by the last <see cref="MoveNext"/>.</summary>
    public T Current { get; internal set; } = default!;

    object? IEnumerator.Current => Current;

    /// <summary>Receives the next value; false once the channel is closed and drained. Blocks forever on nil.</summary>
    [SuspensionPoint(nameof(GetMoveNextAwaiter))]
    public bool MoveNext()
    {
        if (H is null) HChan<T>.BlockForever();
        Current = H!.Recv(out bool ok);
        return ok;
    }

    /// <summary>The awaiter behind <see cref="MoveNext"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ChanMoveNextAwaiter<T> GetMoveNextAwaiter() => new(this);

    /// <summary>Not supported: a channel cannot be rewound.</summary>
    public void Reset() => throw new NotSupportedException("A channel cannot be rewound.");

    /// <summary>Nothing to release.</summary>
    public void Dispose() { }
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
        _inner = new ChanRecvOkAwaiter<T>(e.H, default);
    }

    /// <summary>Tries the receive without waiting.</summary>
    public bool IsCompleted => _inner.IsCompleted;

    /// <summary>Parks the goroutine until a value or a close.</summary>
    public FrameResult Suspend(G g, Frame frame) => _inner.Suspend(g, frame);

    /// <summary>True with <see cref="ChanEnumerator{T}.Current"/> set, or false at the end of the range.</summary>
    public bool GetResult()
    {
        var (v, ok) = _inner.GetResult();
        _e.Current = v;
        return ok;
    }
}
