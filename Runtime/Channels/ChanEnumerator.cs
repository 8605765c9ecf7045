using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using GoSharp.Channels;
using GoSharp.CompilerServices;

namespace GoSharp;

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

