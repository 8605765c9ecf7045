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

/// <summary>The awaiter behind <see cref="Go.Select()"/> (no cases: parks forever).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SelectAwaiter
{
    /// <summary>Never.</summary>
    public bool IsCompleted => false;
    /// <summary>Parks forever.</summary>
    public FrameResult Suspend(G g, Frame frame) => g.Park(frame, null, null, WaitReason.SelectNoCases);
    /// <summary>Never returns in practice.</summary>
    public void GetResult() { }
}

/// <summary>What a select did: <see cref="Index"/> is the case taken (0-based, in argument order).</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
public readonly struct Selected<T1>
{
    /// <summary>The position of the case taken.</summary>
    public readonly int Index;
    /// <summary>For a receive case: true if the value came from a send, false if the channel is closed (Go: <c>v, ok := &lt;-ch</c>). True for a send case.</summary>
    public readonly bool Ok;
    /// <summary>The value received by case 0 (when <see cref="Index"/> is 0).</summary>
    public readonly T1 Value1;

    internal Selected(int index, bool ok, T1 v1) { Index = index; Ok = ok; Value1 = v1; }
}

/// <summary>The awaiter behind a select of 1 case(s); call its members on the stored awaiter.</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct SelectAwaiter<T1>
{
    private SelectOp<T1, Empty, Empty, Empty>? _op;
    private bool _done;

    internal SelectAwaiter(SelectCase<T1> c1, SelectCase<Empty> c2, SelectCase<Empty> c3, SelectCase<Empty> c4)
    {
        _op = SelectOp<T1, Empty, Empty, Empty>.Rent(c1, c2, c3, c4);
        _done = false;
    }

    /// <summary>Pass 1: true if a case (or the default) was ready and has been performed.</summary>
    public bool IsCompleted => _done || (_done = _op!.TryFast());

    /// <summary>Parks; the commit step retries pass 1 under the locks, else queues a waiter on every channel.</summary>
    public FrameResult Suspend(G g, Frame frame)
    {
        var op = _op!;
        if (!op.HasChannelCases) return g.Park(frame, null, null, WaitReason.SelectNoCases);
        op.G = g;
        return g.Park(frame, op, null, WaitReason.Select);
    }

    /// <summary>The case taken and its value; throws if a send case was taken on a closed channel.</summary>
    public Selected<T1> GetResult()
    {
        var op = _op!;
        _op = null;
        op.AfterPark();
        return SelectCore<T1, Empty, Empty, Empty>.Take(op).As1();
    }
}

/// <summary>What a select did: <see cref="Index"/> is the case taken (0-based, in argument order).</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
/// <typeparam name="T2">Element type of case 1.</typeparam>
public readonly struct Selected<T1, T2>
{
    /// <summary>The position of the case taken.</summary>
    public readonly int Index;
    /// <summary>For a receive case: true if the value came from a send, false if the channel is closed (Go: <c>v, ok := &lt;-ch</c>). True for a send case.</summary>
    public readonly bool Ok;
    /// <summary>The value received by case 0 (when <see cref="Index"/> is 0).</summary>
    public readonly T1 Value1;
    /// <summary>The value received by case 1 (when <see cref="Index"/> is 1).</summary>
    public readonly T2 Value2;

    internal Selected(int index, bool ok, T1 v1, T2 v2) { Index = index; Ok = ok; Value1 = v1; Value2 = v2; }
}

/// <summary>The awaiter behind a select of 2 case(s); call its members on the stored awaiter.</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
/// <typeparam name="T2">Element type of case 1.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct SelectAwaiter<T1, T2>
{
    private SelectOp<T1, T2, Empty, Empty>? _op;
    private bool _done;

    internal SelectAwaiter(SelectCase<T1> c1, SelectCase<T2> c2, SelectCase<Empty> c3, SelectCase<Empty> c4)
    {
        _op = SelectOp<T1, T2, Empty, Empty>.Rent(c1, c2, c3, c4);
        _done = false;
    }

    /// <summary>Pass 1: true if a case (or the default) was ready and has been performed.</summary>
    public bool IsCompleted => _done || (_done = _op!.TryFast());

    /// <summary>Parks; the commit step retries pass 1 under the locks, else queues a waiter on every channel.</summary>
    public FrameResult Suspend(G g, Frame frame)
    {
        var op = _op!;
        if (!op.HasChannelCases) return g.Park(frame, null, null, WaitReason.SelectNoCases);
        op.G = g;
        return g.Park(frame, op, null, WaitReason.Select);
    }

    /// <summary>The case taken and its value; throws if a send case was taken on a closed channel.</summary>
    public Selected<T1, T2> GetResult()
    {
        var op = _op!;
        _op = null;
        op.AfterPark();
        return SelectCore<T1, T2, Empty, Empty>.Take(op).As2();
    }
}

/// <summary>What a select did: <see cref="Index"/> is the case taken (0-based, in argument order).</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
/// <typeparam name="T2">Element type of case 1.</typeparam>
/// <typeparam name="T3">Element type of case 2.</typeparam>
public readonly struct Selected<T1, T2, T3>
{
    /// <summary>The position of the case taken.</summary>
    public readonly int Index;
    /// <summary>For a receive case: true if the value came from a send, false if the channel is closed (Go: <c>v, ok := &lt;-ch</c>). True for a send case.</summary>
    public readonly bool Ok;
    /// <summary>The value received by case 0 (when <see cref="Index"/> is 0).</summary>
    public readonly T1 Value1;
    /// <summary>The value received by case 1 (when <see cref="Index"/> is 1).</summary>
    public readonly T2 Value2;
    /// <summary>The value received by case 2 (when <see cref="Index"/> is 2).</summary>
    public readonly T3 Value3;

    internal Selected(int index, bool ok, T1 v1, T2 v2, T3 v3) { Index = index; Ok = ok; Value1 = v1; Value2 = v2; Value3 = v3; }
}

/// <summary>The awaiter behind a select of 3 case(s); call its members on the stored awaiter.</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
/// <typeparam name="T2">Element type of case 1.</typeparam>
/// <typeparam name="T3">Element type of case 2.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct SelectAwaiter<T1, T2, T3>
{
    private SelectOp<T1, T2, T3, Empty>? _op;
    private bool _done;

    internal SelectAwaiter(SelectCase<T1> c1, SelectCase<T2> c2, SelectCase<T3> c3, SelectCase<Empty> c4)
    {
        _op = SelectOp<T1, T2, T3, Empty>.Rent(c1, c2, c3, c4);
        _done = false;
    }

    /// <summary>Pass 1: true if a case (or the default) was ready and has been performed.</summary>
    public bool IsCompleted => _done || (_done = _op!.TryFast());

    /// <summary>Parks; the commit step retries pass 1 under the locks, else queues a waiter on every channel.</summary>
    public FrameResult Suspend(G g, Frame frame)
    {
        var op = _op!;
        if (!op.HasChannelCases) return g.Park(frame, null, null, WaitReason.SelectNoCases);
        op.G = g;
        return g.Park(frame, op, null, WaitReason.Select);
    }

    /// <summary>The case taken and its value; throws if a send case was taken on a closed channel.</summary>
    public Selected<T1, T2, T3> GetResult()
    {
        var op = _op!;
        _op = null;
        op.AfterPark();
        return SelectCore<T1, T2, T3, Empty>.Take(op).As3();
    }
}

/// <summary>What a select did: <see cref="Index"/> is the case taken (0-based, in argument order).</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
/// <typeparam name="T2">Element type of case 1.</typeparam>
/// <typeparam name="T3">Element type of case 2.</typeparam>
/// <typeparam name="T4">Element type of case 3.</typeparam>
public readonly struct Selected<T1, T2, T3, T4>
{
    /// <summary>The position of the case taken.</summary>
    public readonly int Index;
    /// <summary>For a receive case: true if the value came from a send, false if the channel is closed (Go: <c>v, ok := &lt;-ch</c>). True for a send case.</summary>
    public readonly bool Ok;
    /// <summary>The value received by case 0 (when <see cref="Index"/> is 0).</summary>
    public readonly T1 Value1;
    /// <summary>The value received by case 1 (when <see cref="Index"/> is 1).</summary>
    public readonly T2 Value2;
    /// <summary>The value received by case 2 (when <see cref="Index"/> is 2).</summary>
    public readonly T3 Value3;
    /// <summary>The value received by case 3 (when <see cref="Index"/> is 3).</summary>
    public readonly T4 Value4;

    internal Selected(int index, bool ok, T1 v1, T2 v2, T3 v3, T4 v4) { Index = index; Ok = ok; Value1 = v1; Value2 = v2; Value3 = v3; Value4 = v4; }
}

/// <summary>The awaiter behind a select of 4 case(s); call its members on the stored awaiter.</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
/// <typeparam name="T2">Element type of case 1.</typeparam>
/// <typeparam name="T3">Element type of case 2.</typeparam>
/// <typeparam name="T4">Element type of case 3.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct SelectAwaiter<T1, T2, T3, T4>
{
    private SelectOp<T1, T2, T3, T4>? _op;
    private bool _done;

    internal SelectAwaiter(SelectCase<T1> c1, SelectCase<T2> c2, SelectCase<T3> c3, SelectCase<T4> c4)
    {
        _op = SelectOp<T1, T2, T3, T4>.Rent(c1, c2, c3, c4);
        _done = false;
    }

    /// <summary>Pass 1: true if a case (or the default) was ready and has been performed.</summary>
    public bool IsCompleted => _done || (_done = _op!.TryFast());

    /// <summary>Parks; the commit step retries pass 1 under the locks, else queues a waiter on every channel.</summary>
    public FrameResult Suspend(G g, Frame frame)
    {
        var op = _op!;
        if (!op.HasChannelCases) return g.Park(frame, null, null, WaitReason.SelectNoCases);
        op.G = g;
        return g.Park(frame, op, null, WaitReason.Select);
    }

    /// <summary>The case taken and its value; throws if a send case was taken on a closed channel.</summary>
    public Selected<T1, T2, T3, T4> GetResult()
    {
        var op = _op!;
        _op = null;
        op.AfterPark();
        return SelectCore<T1, T2, T3, T4>.Take(op).As4();
    }
}

/// <summary>What a select did: <see cref="Index"/> is the case taken (0-based, in argument order).</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
/// <typeparam name="T2">Element type of case 1.</typeparam>
/// <typeparam name="T3">Element type of case 2.</typeparam>
/// <typeparam name="T4">Element type of case 3.</typeparam>
/// <typeparam name="T5">Element type of case 4.</typeparam>
public readonly struct Selected<T1, T2, T3, T4, T5>
{
    /// <summary>The position of the case taken.</summary>
    public readonly int Index;
    /// <summary>For a receive case: true if the value came from a send, false if the channel is closed (Go: <c>v, ok := &lt;-ch</c>). True for a send case.</summary>
    public readonly bool Ok;
    /// <summary>The value received by case 0 (when <see cref="Index"/> is 0).</summary>
    public readonly T1 Value1;
    /// <summary>The value received by case 1 (when <see cref="Index"/> is 1).</summary>
    public readonly T2 Value2;
    /// <summary>The value received by case 2 (when <see cref="Index"/> is 2).</summary>
    public readonly T3 Value3;
    /// <summary>The value received by case 3 (when <see cref="Index"/> is 3).</summary>
    public readonly T4 Value4;
    /// <summary>The value received by case 4 (when <see cref="Index"/> is 4).</summary>
    public readonly T5 Value5;

    internal Selected(int index, bool ok, T1 v1, T2 v2, T3 v3, T4 v4, T5 v5) { Index = index; Ok = ok; Value1 = v1; Value2 = v2; Value3 = v3; Value4 = v4; Value5 = v5; }
}

/// <summary>The awaiter behind a select of 5 case(s); call its members on the stored awaiter.</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
/// <typeparam name="T2">Element type of case 1.</typeparam>
/// <typeparam name="T3">Element type of case 2.</typeparam>
/// <typeparam name="T4">Element type of case 3.</typeparam>
/// <typeparam name="T5">Element type of case 4.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct SelectAwaiter<T1, T2, T3, T4, T5>
{
    private SelectOp<T1, T2, T3, T4, T5, Empty, Empty, Empty>? _op;
    private bool _done;

    internal SelectAwaiter(SelectCase<T1> c1, SelectCase<T2> c2, SelectCase<T3> c3, SelectCase<T4> c4, SelectCase<T5> c5, SelectCase<Empty> c6, SelectCase<Empty> c7, SelectCase<Empty> c8)
    {
        _op = SelectOp<T1, T2, T3, T4, T5, Empty, Empty, Empty>.Rent(c1, c2, c3, c4, c5, c6, c7, c8);
        _done = false;
    }

    /// <summary>Pass 1: true if a case (or the default) was ready and has been performed.</summary>
    public bool IsCompleted => _done || (_done = _op!.TryFast());

    /// <summary>Parks; the commit step retries pass 1 under the locks, else queues a waiter on every channel.</summary>
    public FrameResult Suspend(G g, Frame frame)
    {
        var op = _op!;
        if (!op.HasChannelCases) return g.Park(frame, null, null, WaitReason.SelectNoCases);
        op.G = g;
        return g.Park(frame, op, null, WaitReason.Select);
    }

    /// <summary>The case taken and its value; throws if a send case was taken on a closed channel.</summary>
    public Selected<T1, T2, T3, T4, T5> GetResult()
    {
        var op = _op!;
        _op = null;
        op.AfterPark();
        return SelectCore<T1, T2, T3, T4, T5, Empty, Empty, Empty>.Take(op).As5();
    }
}

/// <summary>What a select did: <see cref="Index"/> is the case taken (0-based, in argument order).</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
/// <typeparam name="T2">Element type of case 1.</typeparam>
/// <typeparam name="T3">Element type of case 2.</typeparam>
/// <typeparam name="T4">Element type of case 3.</typeparam>
/// <typeparam name="T5">Element type of case 4.</typeparam>
/// <typeparam name="T6">Element type of case 5.</typeparam>
public readonly struct Selected<T1, T2, T3, T4, T5, T6>
{
    /// <summary>The position of the case taken.</summary>
    public readonly int Index;
    /// <summary>For a receive case: true if the value came from a send, false if the channel is closed (Go: <c>v, ok := &lt;-ch</c>). True for a send case.</summary>
    public readonly bool Ok;
    /// <summary>The value received by case 0 (when <see cref="Index"/> is 0).</summary>
    public readonly T1 Value1;
    /// <summary>The value received by case 1 (when <see cref="Index"/> is 1).</summary>
    public readonly T2 Value2;
    /// <summary>The value received by case 2 (when <see cref="Index"/> is 2).</summary>
    public readonly T3 Value3;
    /// <summary>The value received by case 3 (when <see cref="Index"/> is 3).</summary>
    public readonly T4 Value4;
    /// <summary>The value received by case 4 (when <see cref="Index"/> is 4).</summary>
    public readonly T5 Value5;
    /// <summary>The value received by case 5 (when <see cref="Index"/> is 5).</summary>
    public readonly T6 Value6;

    internal Selected(int index, bool ok, T1 v1, T2 v2, T3 v3, T4 v4, T5 v5, T6 v6) { Index = index; Ok = ok; Value1 = v1; Value2 = v2; Value3 = v3; Value4 = v4; Value5 = v5; Value6 = v6; }
}

/// <summary>The awaiter behind a select of 6 case(s); call its members on the stored awaiter.</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
/// <typeparam name="T2">Element type of case 1.</typeparam>
/// <typeparam name="T3">Element type of case 2.</typeparam>
/// <typeparam name="T4">Element type of case 3.</typeparam>
/// <typeparam name="T5">Element type of case 4.</typeparam>
/// <typeparam name="T6">Element type of case 5.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct SelectAwaiter<T1, T2, T3, T4, T5, T6>
{
    private SelectOp<T1, T2, T3, T4, T5, T6, Empty, Empty>? _op;
    private bool _done;

    internal SelectAwaiter(SelectCase<T1> c1, SelectCase<T2> c2, SelectCase<T3> c3, SelectCase<T4> c4, SelectCase<T5> c5, SelectCase<T6> c6, SelectCase<Empty> c7, SelectCase<Empty> c8)
    {
        _op = SelectOp<T1, T2, T3, T4, T5, T6, Empty, Empty>.Rent(c1, c2, c3, c4, c5, c6, c7, c8);
        _done = false;
    }

    /// <summary>Pass 1: true if a case (or the default) was ready and has been performed.</summary>
    public bool IsCompleted => _done || (_done = _op!.TryFast());

    /// <summary>Parks; the commit step retries pass 1 under the locks, else queues a waiter on every channel.</summary>
    public FrameResult Suspend(G g, Frame frame)
    {
        var op = _op!;
        if (!op.HasChannelCases) return g.Park(frame, null, null, WaitReason.SelectNoCases);
        op.G = g;
        return g.Park(frame, op, null, WaitReason.Select);
    }

    /// <summary>The case taken and its value; throws if a send case was taken on a closed channel.</summary>
    public Selected<T1, T2, T3, T4, T5, T6> GetResult()
    {
        var op = _op!;
        _op = null;
        op.AfterPark();
        return SelectCore<T1, T2, T3, T4, T5, T6, Empty, Empty>.Take(op).As6();
    }
}

/// <summary>What a select did: <see cref="Index"/> is the case taken (0-based, in argument order).</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
/// <typeparam name="T2">Element type of case 1.</typeparam>
/// <typeparam name="T3">Element type of case 2.</typeparam>
/// <typeparam name="T4">Element type of case 3.</typeparam>
/// <typeparam name="T5">Element type of case 4.</typeparam>
/// <typeparam name="T6">Element type of case 5.</typeparam>
/// <typeparam name="T7">Element type of case 6.</typeparam>
public readonly struct Selected<T1, T2, T3, T4, T5, T6, T7>
{
    /// <summary>The position of the case taken.</summary>
    public readonly int Index;
    /// <summary>For a receive case: true if the value came from a send, false if the channel is closed (Go: <c>v, ok := &lt;-ch</c>). True for a send case.</summary>
    public readonly bool Ok;
    /// <summary>The value received by case 0 (when <see cref="Index"/> is 0).</summary>
    public readonly T1 Value1;
    /// <summary>The value received by case 1 (when <see cref="Index"/> is 1).</summary>
    public readonly T2 Value2;
    /// <summary>The value received by case 2 (when <see cref="Index"/> is 2).</summary>
    public readonly T3 Value3;
    /// <summary>The value received by case 3 (when <see cref="Index"/> is 3).</summary>
    public readonly T4 Value4;
    /// <summary>The value received by case 4 (when <see cref="Index"/> is 4).</summary>
    public readonly T5 Value5;
    /// <summary>The value received by case 5 (when <see cref="Index"/> is 5).</summary>
    public readonly T6 Value6;
    /// <summary>The value received by case 6 (when <see cref="Index"/> is 6).</summary>
    public readonly T7 Value7;

    internal Selected(int index, bool ok, T1 v1, T2 v2, T3 v3, T4 v4, T5 v5, T6 v6, T7 v7) { Index = index; Ok = ok; Value1 = v1; Value2 = v2; Value3 = v3; Value4 = v4; Value5 = v5; Value6 = v6; Value7 = v7; }
}

/// <summary>The awaiter behind a select of 7 case(s); call its members on the stored awaiter.</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
/// <typeparam name="T2">Element type of case 1.</typeparam>
/// <typeparam name="T3">Element type of case 2.</typeparam>
/// <typeparam name="T4">Element type of case 3.</typeparam>
/// <typeparam name="T5">Element type of case 4.</typeparam>
/// <typeparam name="T6">Element type of case 5.</typeparam>
/// <typeparam name="T7">Element type of case 6.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct SelectAwaiter<T1, T2, T3, T4, T5, T6, T7>
{
    private SelectOp<T1, T2, T3, T4, T5, T6, T7, Empty>? _op;
    private bool _done;

    internal SelectAwaiter(SelectCase<T1> c1, SelectCase<T2> c2, SelectCase<T3> c3, SelectCase<T4> c4, SelectCase<T5> c5, SelectCase<T6> c6, SelectCase<T7> c7, SelectCase<Empty> c8)
    {
        _op = SelectOp<T1, T2, T3, T4, T5, T6, T7, Empty>.Rent(c1, c2, c3, c4, c5, c6, c7, c8);
        _done = false;
    }

    /// <summary>Pass 1: true if a case (or the default) was ready and has been performed.</summary>
    public bool IsCompleted => _done || (_done = _op!.TryFast());

    /// <summary>Parks; the commit step retries pass 1 under the locks, else queues a waiter on every channel.</summary>
    public FrameResult Suspend(G g, Frame frame)
    {
        var op = _op!;
        if (!op.HasChannelCases) return g.Park(frame, null, null, WaitReason.SelectNoCases);
        op.G = g;
        return g.Park(frame, op, null, WaitReason.Select);
    }

    /// <summary>The case taken and its value; throws if a send case was taken on a closed channel.</summary>
    public Selected<T1, T2, T3, T4, T5, T6, T7> GetResult()
    {
        var op = _op!;
        _op = null;
        op.AfterPark();
        return SelectCore<T1, T2, T3, T4, T5, T6, T7, Empty>.Take(op).As7();
    }
}

/// <summary>What a select did: <see cref="Index"/> is the case taken (0-based, in argument order).</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
/// <typeparam name="T2">Element type of case 1.</typeparam>
/// <typeparam name="T3">Element type of case 2.</typeparam>
/// <typeparam name="T4">Element type of case 3.</typeparam>
/// <typeparam name="T5">Element type of case 4.</typeparam>
/// <typeparam name="T6">Element type of case 5.</typeparam>
/// <typeparam name="T7">Element type of case 6.</typeparam>
/// <typeparam name="T8">Element type of case 7.</typeparam>
public readonly struct Selected<T1, T2, T3, T4, T5, T6, T7, T8>
{
    /// <summary>The position of the case taken.</summary>
    public readonly int Index;
    /// <summary>For a receive case: true if the value came from a send, false if the channel is closed (Go: <c>v, ok := &lt;-ch</c>). True for a send case.</summary>
    public readonly bool Ok;
    /// <summary>The value received by case 0 (when <see cref="Index"/> is 0).</summary>
    public readonly T1 Value1;
    /// <summary>The value received by case 1 (when <see cref="Index"/> is 1).</summary>
    public readonly T2 Value2;
    /// <summary>The value received by case 2 (when <see cref="Index"/> is 2).</summary>
    public readonly T3 Value3;
    /// <summary>The value received by case 3 (when <see cref="Index"/> is 3).</summary>
    public readonly T4 Value4;
    /// <summary>The value received by case 4 (when <see cref="Index"/> is 4).</summary>
    public readonly T5 Value5;
    /// <summary>The value received by case 5 (when <see cref="Index"/> is 5).</summary>
    public readonly T6 Value6;
    /// <summary>The value received by case 6 (when <see cref="Index"/> is 6).</summary>
    public readonly T7 Value7;
    /// <summary>The value received by case 7 (when <see cref="Index"/> is 7).</summary>
    public readonly T8 Value8;

    internal Selected(int index, bool ok, T1 v1, T2 v2, T3 v3, T4 v4, T5 v5, T6 v6, T7 v7, T8 v8) { Index = index; Ok = ok; Value1 = v1; Value2 = v2; Value3 = v3; Value4 = v4; Value5 = v5; Value6 = v6; Value7 = v7; Value8 = v8; }
}

/// <summary>The awaiter behind a select of 8 case(s); call its members on the stored awaiter.</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
/// <typeparam name="T2">Element type of case 1.</typeparam>
/// <typeparam name="T3">Element type of case 2.</typeparam>
/// <typeparam name="T4">Element type of case 3.</typeparam>
/// <typeparam name="T5">Element type of case 4.</typeparam>
/// <typeparam name="T6">Element type of case 5.</typeparam>
/// <typeparam name="T7">Element type of case 6.</typeparam>
/// <typeparam name="T8">Element type of case 7.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct SelectAwaiter<T1, T2, T3, T4, T5, T6, T7, T8>
{
    private SelectOp<T1, T2, T3, T4, T5, T6, T7, T8>? _op;
    private bool _done;

    internal SelectAwaiter(SelectCase<T1> c1, SelectCase<T2> c2, SelectCase<T3> c3, SelectCase<T4> c4, SelectCase<T5> c5, SelectCase<T6> c6, SelectCase<T7> c7, SelectCase<T8> c8)
    {
        _op = SelectOp<T1, T2, T3, T4, T5, T6, T7, T8>.Rent(c1, c2, c3, c4, c5, c6, c7, c8);
        _done = false;
    }

    /// <summary>Pass 1: true if a case (or the default) was ready and has been performed.</summary>
    public bool IsCompleted => _done || (_done = _op!.TryFast());

    /// <summary>Parks; the commit step retries pass 1 under the locks, else queues a waiter on every channel.</summary>
    public FrameResult Suspend(G g, Frame frame)
    {
        var op = _op!;
        if (!op.HasChannelCases) return g.Park(frame, null, null, WaitReason.SelectNoCases);
        op.G = g;
        return g.Park(frame, op, null, WaitReason.Select);
    }

    /// <summary>The case taken and its value; throws if a send case was taken on a closed channel.</summary>
    public Selected<T1, T2, T3, T4, T5, T6, T7, T8> GetResult()
    {
        var op = _op!;
        _op = null;
        op.AfterPark();
        return SelectCore<T1, T2, T3, T4, T5, T6, T7, T8>.Take(op).As8();
    }
}
