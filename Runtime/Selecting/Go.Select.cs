// Written by generate.py in this folder (python3 generate.py): edit the script and rerun it, not this file.
using System.ComponentModel;
using GoSharp.Channels;
using GoSharp.CompilerServices;
using GoSharp.Selecting;

namespace GoSharp;

public static partial class Go
{
    /// <summary>The default case of a select (Go: <c>default:</c>): taken at once when no other case is ready.</summary>
    public static SelectCase<Empty> Default => new(null, CaseKind.Default, default);

    /// <summary>Blocks forever (Go: <c>select {}</c>).</summary>
    [SuspensionPoint(nameof(GetSelectAwaiter))]
    public static void Select() => HChan<Empty>.BlockForever();

    /// <summary>The awaiter behind <see cref="Select()"/>: parks forever.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static SelectAwaiter GetSelectAwaiter() => default;

    /// <summary>
    /// Waits until one of the cases can proceed and performs it (Go: <c>select</c>); a random one among
    /// the ready cases, or <see cref="Default"/> when given and none is ready. The result's <c>Index</c> is the
    /// position of the case taken; a receive case's value is in its <c>ValueN</c>, with <c>Ok</c>. Nil-channel
    /// cases are never ready. A suspension point inside goroutines; blocks the thread elsewhere.
    /// </summary>
    [SuspensionPoint(nameof(GetSelectAwaiter))]
    public static Selected<T1> Select<T1>(SelectCase<T1> c1)
    {
        var op = SelectOp<T1, Empty, Empty, Empty>.Rent(c1, default, default, default);
        op.RunOnThread();
        return SelectCore<T1, Empty, Empty, Empty>.Take(op).As1();
    }

    /// <summary>The awaiter behind <see cref="Select{T1}"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static SelectAwaiter<T1> GetSelectAwaiter<T1>(SelectCase<T1> c1) => new(c1, default, default, default);

    /// <summary>
    /// Waits until one of the cases can proceed and performs it (Go: <c>select</c>); a random one among
    /// the ready cases, or <see cref="Default"/> when given and none is ready. The result's <c>Index</c> is the
    /// position of the case taken; a receive case's value is in its <c>ValueN</c>, with <c>Ok</c>. Nil-channel
    /// cases are never ready. A suspension point inside goroutines; blocks the thread elsewhere.
    /// </summary>
    [SuspensionPoint(nameof(GetSelectAwaiter))]
    public static Selected<T1, T2> Select<T1, T2>(SelectCase<T1> c1, SelectCase<T2> c2)
    {
        var op = SelectOp<T1, T2, Empty, Empty>.Rent(c1, c2, default, default);
        op.RunOnThread();
        return SelectCore<T1, T2, Empty, Empty>.Take(op).As2();
    }

    /// <summary>The awaiter behind <see cref="Select{T1,T2}"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static SelectAwaiter<T1, T2> GetSelectAwaiter<T1, T2>(SelectCase<T1> c1, SelectCase<T2> c2) => new(c1, c2, default, default);

    /// <summary>
    /// Waits until one of the cases can proceed and performs it (Go: <c>select</c>); a random one among
    /// the ready cases, or <see cref="Default"/> when given and none is ready. The result's <c>Index</c> is the
    /// position of the case taken; a receive case's value is in its <c>ValueN</c>, with <c>Ok</c>. Nil-channel
    /// cases are never ready. A suspension point inside goroutines; blocks the thread elsewhere.
    /// </summary>
    [SuspensionPoint(nameof(GetSelectAwaiter))]
    public static Selected<T1, T2, T3> Select<T1, T2, T3>(SelectCase<T1> c1, SelectCase<T2> c2, SelectCase<T3> c3)
    {
        var op = SelectOp<T1, T2, T3, Empty>.Rent(c1, c2, c3, default);
        op.RunOnThread();
        return SelectCore<T1, T2, T3, Empty>.Take(op).As3();
    }

    /// <summary>The awaiter behind <see cref="Select{T1,T2,T3}"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static SelectAwaiter<T1, T2, T3> GetSelectAwaiter<T1, T2, T3>(SelectCase<T1> c1, SelectCase<T2> c2, SelectCase<T3> c3) => new(c1, c2, c3, default);

    /// <summary>
    /// Waits until one of the cases can proceed and performs it (Go: <c>select</c>); a random one among
    /// the ready cases, or <see cref="Default"/> when given and none is ready. The result's <c>Index</c> is the
    /// position of the case taken; a receive case's value is in its <c>ValueN</c>, with <c>Ok</c>. Nil-channel
    /// cases are never ready. A suspension point inside goroutines; blocks the thread elsewhere.
    /// </summary>
    [SuspensionPoint(nameof(GetSelectAwaiter))]
    public static Selected<T1, T2, T3, T4> Select<T1, T2, T3, T4>(SelectCase<T1> c1, SelectCase<T2> c2, SelectCase<T3> c3, SelectCase<T4> c4)
    {
        var op = SelectOp<T1, T2, T3, T4>.Rent(c1, c2, c3, c4);
        op.RunOnThread();
        return SelectCore<T1, T2, T3, T4>.Take(op).As4();
    }

    /// <summary>The awaiter behind <see cref="Select{T1,T2,T3,T4}"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static SelectAwaiter<T1, T2, T3, T4> GetSelectAwaiter<T1, T2, T3, T4>(SelectCase<T1> c1, SelectCase<T2> c2, SelectCase<T3> c3, SelectCase<T4> c4) => new(c1, c2, c3, c4);

    /// <summary>
    /// Waits until one of the cases can proceed and performs it (Go: <c>select</c>); a random one among
    /// the ready cases, or <see cref="Default"/> when given and none is ready. The result's <c>Index</c> is the
    /// position of the case taken; a receive case's value is in its <c>ValueN</c>, with <c>Ok</c>. Nil-channel
    /// cases are never ready. A suspension point inside goroutines; blocks the thread elsewhere.
    /// </summary>
    [SuspensionPoint(nameof(GetSelectAwaiter))]
    public static Selected<T1, T2, T3, T4, T5> Select<T1, T2, T3, T4, T5>(SelectCase<T1> c1, SelectCase<T2> c2, SelectCase<T3> c3, SelectCase<T4> c4, SelectCase<T5> c5)
    {
        var op = SelectOp<T1, T2, T3, T4, T5, Empty, Empty, Empty>.Rent(c1, c2, c3, c4, c5, default, default, default);
        op.RunOnThread();
        return SelectCore<T1, T2, T3, T4, T5, Empty, Empty, Empty>.Take(op).As5();
    }

    /// <summary>The awaiter behind <see cref="Select{T1,T2,T3,T4,T5}"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static SelectAwaiter<T1, T2, T3, T4, T5> GetSelectAwaiter<T1, T2, T3, T4, T5>(SelectCase<T1> c1, SelectCase<T2> c2, SelectCase<T3> c3, SelectCase<T4> c4, SelectCase<T5> c5) => new(c1, c2, c3, c4, c5, default, default, default);

    /// <summary>
    /// Waits until one of the cases can proceed and performs it (Go: <c>select</c>); a random one among
    /// the ready cases, or <see cref="Default"/> when given and none is ready. The result's <c>Index</c> is the
    /// position of the case taken; a receive case's value is in its <c>ValueN</c>, with <c>Ok</c>. Nil-channel
    /// cases are never ready. A suspension point inside goroutines; blocks the thread elsewhere.
    /// </summary>
    [SuspensionPoint(nameof(GetSelectAwaiter))]
    public static Selected<T1, T2, T3, T4, T5, T6> Select<T1, T2, T3, T4, T5, T6>(SelectCase<T1> c1, SelectCase<T2> c2, SelectCase<T3> c3, SelectCase<T4> c4, SelectCase<T5> c5, SelectCase<T6> c6)
    {
        var op = SelectOp<T1, T2, T3, T4, T5, T6, Empty, Empty>.Rent(c1, c2, c3, c4, c5, c6, default, default);
        op.RunOnThread();
        return SelectCore<T1, T2, T3, T4, T5, T6, Empty, Empty>.Take(op).As6();
    }

    /// <summary>The awaiter behind <see cref="Select{T1,T2,T3,T4,T5,T6}"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static SelectAwaiter<T1, T2, T3, T4, T5, T6> GetSelectAwaiter<T1, T2, T3, T4, T5, T6>(SelectCase<T1> c1, SelectCase<T2> c2, SelectCase<T3> c3, SelectCase<T4> c4, SelectCase<T5> c5, SelectCase<T6> c6) => new(c1, c2, c3, c4, c5, c6, default, default);

    /// <summary>
    /// Waits until one of the cases can proceed and performs it (Go: <c>select</c>); a random one among
    /// the ready cases, or <see cref="Default"/> when given and none is ready. The result's <c>Index</c> is the
    /// position of the case taken; a receive case's value is in its <c>ValueN</c>, with <c>Ok</c>. Nil-channel
    /// cases are never ready. A suspension point inside goroutines; blocks the thread elsewhere.
    /// </summary>
    [SuspensionPoint(nameof(GetSelectAwaiter))]
    public static Selected<T1, T2, T3, T4, T5, T6, T7> Select<T1, T2, T3, T4, T5, T6, T7>(SelectCase<T1> c1, SelectCase<T2> c2, SelectCase<T3> c3, SelectCase<T4> c4, SelectCase<T5> c5, SelectCase<T6> c6, SelectCase<T7> c7)
    {
        var op = SelectOp<T1, T2, T3, T4, T5, T6, T7, Empty>.Rent(c1, c2, c3, c4, c5, c6, c7, default);
        op.RunOnThread();
        return SelectCore<T1, T2, T3, T4, T5, T6, T7, Empty>.Take(op).As7();
    }

    /// <summary>The awaiter behind <see cref="Select{T1,T2,T3,T4,T5,T6,T7}"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static SelectAwaiter<T1, T2, T3, T4, T5, T6, T7> GetSelectAwaiter<T1, T2, T3, T4, T5, T6, T7>(SelectCase<T1> c1, SelectCase<T2> c2, SelectCase<T3> c3, SelectCase<T4> c4, SelectCase<T5> c5, SelectCase<T6> c6, SelectCase<T7> c7) => new(c1, c2, c3, c4, c5, c6, c7, default);

    /// <summary>
    /// Waits until one of the cases can proceed and performs it (Go: <c>select</c>); a random one among
    /// the ready cases, or <see cref="Default"/> when given and none is ready. The result's <c>Index</c> is the
    /// position of the case taken; a receive case's value is in its <c>ValueN</c>, with <c>Ok</c>. Nil-channel
    /// cases are never ready. A suspension point inside goroutines; blocks the thread elsewhere.
    /// </summary>
    [SuspensionPoint(nameof(GetSelectAwaiter))]
    public static Selected<T1, T2, T3, T4, T5, T6, T7, T8> Select<T1, T2, T3, T4, T5, T6, T7, T8>(SelectCase<T1> c1, SelectCase<T2> c2, SelectCase<T3> c3, SelectCase<T4> c4, SelectCase<T5> c5, SelectCase<T6> c6, SelectCase<T7> c7, SelectCase<T8> c8)
    {
        var op = SelectOp<T1, T2, T3, T4, T5, T6, T7, T8>.Rent(c1, c2, c3, c4, c5, c6, c7, c8);
        op.RunOnThread();
        return SelectCore<T1, T2, T3, T4, T5, T6, T7, T8>.Take(op).As8();
    }

    /// <summary>The awaiter behind <see cref="Select{T1,T2,T3,T4,T5,T6,T7,T8}"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static SelectAwaiter<T1, T2, T3, T4, T5, T6, T7, T8> GetSelectAwaiter<T1, T2, T3, T4, T5, T6, T7, T8>(SelectCase<T1> c1, SelectCase<T2> c2, SelectCase<T3> c3, SelectCase<T4> c4, SelectCase<T5> c5, SelectCase<T6> c6, SelectCase<T7> c7, SelectCase<T8> c8) => new(c1, c2, c3, c4, c5, c6, c7, c8);
}
