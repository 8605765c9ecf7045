// Written by generate.py in this folder (python3 generate.py): edit the script and rerun it, not this file.
using System.ComponentModel;
using GoSharp.CompilerServices;
using GoSharp.Selecting;

namespace GoSharp;

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
        // Every case is a nil channel (a default would have been taken): parked forever, "select" in dumps as in Go.
        if (!op.HasChannelCases) return g.Park(frame, null, null, WaitReason.SelectNilCases);
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
        // Every case is a nil channel (a default would have been taken): parked forever, "select" in dumps as in Go.
        if (!op.HasChannelCases) return g.Park(frame, null, null, WaitReason.SelectNilCases);
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
        // Every case is a nil channel (a default would have been taken): parked forever, "select" in dumps as in Go.
        if (!op.HasChannelCases) return g.Park(frame, null, null, WaitReason.SelectNilCases);
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
        // Every case is a nil channel (a default would have been taken): parked forever, "select" in dumps as in Go.
        if (!op.HasChannelCases) return g.Park(frame, null, null, WaitReason.SelectNilCases);
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
        // Every case is a nil channel (a default would have been taken): parked forever, "select" in dumps as in Go.
        if (!op.HasChannelCases) return g.Park(frame, null, null, WaitReason.SelectNilCases);
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
        // Every case is a nil channel (a default would have been taken): parked forever, "select" in dumps as in Go.
        if (!op.HasChannelCases) return g.Park(frame, null, null, WaitReason.SelectNilCases);
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
        // Every case is a nil channel (a default would have been taken): parked forever, "select" in dumps as in Go.
        if (!op.HasChannelCases) return g.Park(frame, null, null, WaitReason.SelectNilCases);
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
        // Every case is a nil channel (a default would have been taken): parked forever, "select" in dumps as in Go.
        if (!op.HasChannelCases) return g.Park(frame, null, null, WaitReason.SelectNilCases);
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
