using System.Diagnostics.CodeAnalysis;
using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using GoSharp.Channels;
using GoSharp.CompilerServices;
using GoSharp.Selecting;

namespace GoSharp;

public readonly partial struct Chan<T>
{
    // The views wrap the same HChan; they turn back into a Chan only inside the library (to reuse the
    // async members), never for users: a receive-only channel must not become closable again.
    internal Chan(HChan<T>? h) => H = h;
}

/// <summary>
/// The receive-only view of a <see cref="Chan{T}"/> (Go: <c>&lt;-chan T</c>): everything that receives,
/// nothing that sends or closes. A <see cref="Chan{T}"/> converts to it implicitly, as Go assigns a
/// <c>chan T</c> to a <c>&lt;-chan T</c>; there is no conversion back. A struct over the same channel:
/// copies share it, <c>default</c> is the nil channel, and <c>==</c> compares channel identity (also
/// against a <see cref="Chan{T}"/>, which converts). Each blocking member is a suspension point inside
/// <c>[Goroutine]</c> methods, exactly as on <see cref="Chan{T}"/>. See docs/channels.md.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public readonly partial struct RecvChan<T> : IEquatable<RecvChan<T>>, IEnumerable<T>
{
    internal readonly HChan<T>? H;

    internal RecvChan(HChan<T>? h) => H = h;

    /// <summary>The receive-only view of <paramref name="channel"/> (Go's assignability of <c>chan T</c> to <c>&lt;-chan T</c>).</summary>
    public static implicit operator RecvChan<T>(Chan<T> channel) => new(channel.H);

    /// <summary>The nil channel: every receive blocks forever.</summary>
    public static RecvChan<T> Nil => default;

    /// <summary>True for the nil channel.</summary>
    public bool IsNil => H is null;

    /// <summary>The number of buffered values (Go: <c>len(ch)</c>); 0 for nil.</summary>
    public int Len => H?.Count ?? 0;

    /// <summary>The buffer capacity (Go: <c>cap(ch)</c>); 0 for unbuffered and nil.</summary>
    public int Cap => H?.Cap ?? 0;

    /// <summary>Receives a value, waiting for one; <c>default</c> once the channel is closed and drained. See <see cref="Chan{T}.Recv()"/>.</summary>
    [SuspensionPoint(nameof(GetRecvAwaiter))]
    [return: MaybeNull]
    public T Recv() => new Chan<T>(H).Recv();

    /// <summary>The awaiter behind <see cref="Recv()"/> (the channel's own).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ChanRecvAwaiter<T> GetRecvAwaiter() => new(H);

    /// <summary>Receives a value, or gives up when the token is cancelled. See <see cref="Chan{T}.Recv(CancellationToken)"/>.</summary>
    [SuspensionPoint(nameof(GetRecvAwaiter))]
    [return: MaybeNull]
    public T Recv(CancellationToken cancellationToken) => new Chan<T>(H).Recv(cancellationToken);

    /// <summary>The awaiter behind <see cref="Recv(CancellationToken)"/> (the channel's own).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ChanRecvCancelableAwaiter<T> GetRecvAwaiter(CancellationToken cancellationToken) => new(H, cancellationToken);

    /// <summary>Receives a value and whether it came from a send (Go: <c>v, ok := &lt;-ch</c>). See <see cref="Chan{T}.RecvOk()"/>.</summary>
    [SuspensionPoint(nameof(GetRecvOkAwaiter))]
    public (T Value, bool Ok) RecvOk() => new Chan<T>(H).RecvOk();

    /// <summary>The awaiter behind <see cref="RecvOk()"/> (the channel's own).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ChanRecvOkAwaiter<T> GetRecvOkAwaiter() => new(H);

    /// <summary><see cref="RecvOk()"/> that gives up when the token is cancelled. See <see cref="Chan{T}.RecvOk(CancellationToken)"/>.</summary>
    [SuspensionPoint(nameof(GetRecvOkAwaiter))]
    public (T Value, bool Ok) RecvOk(CancellationToken cancellationToken) => new Chan<T>(H).RecvOk(cancellationToken);

    /// <summary>The awaiter behind <see cref="RecvOk(CancellationToken)"/> (the channel's own).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ChanRecvOkCancelableAwaiter<T> GetRecvOkAwaiter(CancellationToken cancellationToken) => new(H, cancellationToken);

    /// <summary>Receives without waiting: true with a value if one was ready. See <see cref="Chan{T}.TryRecv"/>.</summary>
    public bool TryRecv([MaybeNullWhen(false)] out T value) => new Chan<T>(H).TryRecv(out value);

    /// <summary>Receives without waiting; <paramref name="ok"/> false when closed and drained. See <see cref="Chan{T}.TryRecvOk"/>.</summary>
    public bool TryRecvOk(out T value, out bool ok) => new Chan<T>(H).TryRecvOk(out value, out ok);

    /// <summary>Ranges over the channel (Go: <c>for v := range ch</c>); each step is a suspension point in goroutines.</summary>
    public ChanEnumerator<T> GetEnumerator() => new(H);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A receive case for <see cref="Go.Select{T1, T2}"/> (Go: <c>case v, ok := &lt;-ch:</c>).</summary>
    public SelectCase<T> RecvCase() => new(H, CaseKind.Recv, default!);

    /// <summary>Receives from async code; default once closed and drained. See <see cref="Chan{T}.RecvAsync"/>.</summary>
    public ValueTask<T> RecvAsync(CancellationToken cancellationToken = default) => new Chan<T>(H).RecvAsync(cancellationToken);

    /// <summary>Receives from async code, with <c>Ok</c> false once closed and drained.</summary>
    public ValueTask<(T Value, bool Ok)> RecvOkAsync(CancellationToken cancellationToken = default) => new Chan<T>(H).RecvOkAsync(cancellationToken);

    /// <summary>Reads every value until the channel is closed and drained (for <c>await foreach</c>).</summary>
    public IAsyncEnumerable<T> ReadAllAsync(CancellationToken cancellationToken = default) => new Chan<T>(H).ReadAllAsync(cancellationToken);

    /// <summary>A token cancelled when the channel is closed (a done channel for Task-based APIs). See <see cref="Chan{T}.ToCancellationToken"/>.</summary>
    public CancellationToken ToCancellationToken() => new Chan<T>(H).ToCancellationToken();

    /// <summary>True when both refer to the same channel (or both are nil).</summary>
    public bool Equals(RecvChan<T> other) => ReferenceEquals(H, other.H);
    /// <summary>True for a <see cref="RecvChan{T}"/> of the same channel (the view types do not equal each other through <see cref="object"/>; compare with <c>==</c>).</summary>
    public override bool Equals(object? obj) => obj is RecvChan<T> c && Equals(c);
    /// <summary>The channel's hash: the same as its <see cref="Chan{T}"/>'s.</summary>
    public override int GetHashCode() => H is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(H);
    /// <summary>Same channel.</summary>
    public static bool operator ==(RecvChan<T> a, RecvChan<T> b) => a.Equals(b);
    /// <summary>Different channels.</summary>
    public static bool operator !=(RecvChan<T> a, RecvChan<T> b) => !a.Equals(b);

    /// <summary>Go's formatting, marked receive-only.</summary>
    public override string ToString() => "<-" + new Chan<T>(H).ToString();
}

/// <summary>
/// The send-only view of a <see cref="Chan{T}"/> (Go: <c>chan&lt;- T</c>): send, try-send, the send case
/// and close; nothing that receives. A <see cref="Chan{T}"/> converts to it implicitly; there is no
/// conversion back. A struct over the same channel: copies share it, <c>default</c> is the nil channel,
/// <c>==</c> compares channel identity. <see cref="Send(T)"/> is a suspension point inside
/// <c>[Goroutine]</c> methods, exactly as on <see cref="Chan{T}"/>. See docs/channels.md.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public readonly partial struct SendChan<T> : IEquatable<SendChan<T>>
{
    internal readonly HChan<T>? H;

    internal SendChan(HChan<T>? h) => H = h;

    /// <summary>The send-only view of <paramref name="channel"/> (Go's assignability of <c>chan T</c> to <c>chan&lt;- T</c>).</summary>
    public static implicit operator SendChan<T>(Chan<T> channel) => new(channel.H);

    /// <summary>The nil channel: every send blocks forever; closing it throws.</summary>
    public static SendChan<T> Nil => default;

    /// <summary>True for the nil channel.</summary>
    public bool IsNil => H is null;

    /// <summary>The number of buffered values (Go: <c>len(ch)</c>); 0 for nil.</summary>
    public int Len => H?.Count ?? 0;

    /// <summary>The buffer capacity (Go: <c>cap(ch)</c>); 0 for unbuffered and nil.</summary>
    public int Cap => H?.Cap ?? 0;

    /// <summary>Sends <paramref name="value"/>, waiting for a receiver or room; throws <see cref="ChannelClosedException"/> on a closed channel. See <see cref="Chan{T}.Send(T)"/>.</summary>
    [SuspensionPoint(nameof(GetSendAwaiter))]
    public void Send(T value) => new Chan<T>(H).Send(value);

    /// <summary>The awaiter behind <see cref="Send(T)"/> (the channel's own).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ChanSendAwaiter<T> GetSendAwaiter(T value) => new(H, value);

    /// <summary>Sends <paramref name="value"/>, or gives up when the token is cancelled. See <see cref="Chan{T}.Send(T, CancellationToken)"/>.</summary>
    [SuspensionPoint(nameof(GetSendAwaiter))]
    public void Send(T value, CancellationToken cancellationToken) => new Chan<T>(H).Send(value, cancellationToken);

    /// <summary>The awaiter behind <see cref="Send(T, CancellationToken)"/> (the channel's own).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ChanSendCancelableAwaiter<T> GetSendAwaiter(T value, CancellationToken cancellationToken) => new(H, value, cancellationToken);

    /// <summary>Sends without waiting; true if sent. Throws on a closed channel; false for nil. See <see cref="Chan{T}.TrySend"/>.</summary>
    public bool TrySend(T value) => new Chan<T>(H).TrySend(value);

    /// <summary>A send case for <see cref="Go.Select{T1, T2}"/> (Go: <c>case ch &lt;- v:</c>).</summary>
    public SelectCase<T> SendCase(T value) => new(H, CaseKind.Send, value);

    /// <summary>Closes the channel (Go: <c>close(ch)</c>); closing twice or closing nil throws. See <see cref="Chan{T}.Close"/>.</summary>
    public void Close() => new Chan<T>(H).Close();

    /// <summary>Sends from async code; cancelling withdraws the send unless a receiver took it. See <see cref="Chan{T}.SendAsync"/>.</summary>
    public ValueTask SendAsync(T value, CancellationToken cancellationToken = default) => new Chan<T>(H).SendAsync(value, cancellationToken);

    /// <summary>True when both refer to the same channel (or both are nil).</summary>
    public bool Equals(SendChan<T> other) => ReferenceEquals(H, other.H);
    /// <summary>True for a <see cref="SendChan{T}"/> of the same channel (compare with a <see cref="Chan{T}"/> through <c>==</c>).</summary>
    public override bool Equals(object? obj) => obj is SendChan<T> c && Equals(c);
    /// <summary>The channel's hash: the same as its <see cref="Chan{T}"/>'s.</summary>
    public override int GetHashCode() => H is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(H);
    /// <summary>Same channel.</summary>
    public static bool operator ==(SendChan<T> a, SendChan<T> b) => a.Equals(b);
    /// <summary>Different channels.</summary>
    public static bool operator !=(SendChan<T> a, SendChan<T> b) => !a.Equals(b);

    /// <summary>Go's formatting, marked send-only.</summary>
    public override string ToString() => new Chan<T>(H).ToString().Replace("chan", "chan<-", StringComparison.Ordinal);
}
