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
    public ChanSendAwaiter<T> GetSendAwaiter(T value) => new(H, value);

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
    public ChanSendCancelableAwaiter<T> GetSendAwaiter(T value, CancellationToken cancellationToken) => new(H, value, cancellationToken);

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
    public ChanRecvAwaiter<T> GetRecvAwaiter() => new(H);

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
    public ChanRecvCancelableAwaiter<T> GetRecvAwaiter(CancellationToken cancellationToken) => new(H, cancellationToken);

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
    public ChanRecvOkAwaiter<T> GetRecvOkAwaiter() => new(H);

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
    public ChanRecvOkCancelableAwaiter<T> GetRecvOkAwaiter(CancellationToken cancellationToken) => new(H, cancellationToken);

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
