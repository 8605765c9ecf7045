using System;
using System.ComponentModel;
using System.Threading;
using GoSharp.CompilerServices;

using GoSharp.Scheduler;

namespace GoSharp;

/// <summary>The suspension-point awaiter of <see cref="Goroutine.Join()"/> (see docs/frame-contract.md).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct JoinAwaiter
{
    private readonly Frame _root;
    private readonly CancellationToken _ct;
    private CancelableJoin? _cancelable;

    internal JoinAwaiter(Frame root, CancellationToken cancellationToken)
    {
        _root = root;
        _ct = cancellationToken;
        _cancelable = null;
    }

    /// <summary>True if the goroutine has already ended: no suspension. Throws if the token is cancelled already.</summary>
    public readonly bool IsCompleted
    {
        get
        {
            _ct.ThrowIfCancellationRequested();
            return _root.IsCompleted;
        }
    }

    /// <summary>Parks <paramref name="g"/>; the commit step enqueues it as a joiner unless the goroutine ended meanwhile.</summary>
    public FrameResult Suspend(G g, Frame frame)
    {
        if (!_ct.CanBeCanceled) return g.Park(frame, JoinState.Commit, _root, WaitReason.Join);
        _cancelable = new CancelableJoin(_root, g, _ct);
        return g.Park(frame, _cancelable, _cancelable, WaitReason.Join);
    }

    /// <summary>Rethrows the joined goroutine's exception, if any; throws <see cref="OperationCanceledException"/> if the token ended the wait.</summary>
    public void GetResult()
    {
        JoinCancellation.End(ref _cancelable, _ct);
        _root.ThrowIfFailed();
    }
}

/// <summary>The suspension-point awaiter of <see cref="Goroutine{T}.Join()"/>.</summary>
/// <typeparam name="T">The result type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct JoinAwaiter<T>
{
    private readonly Frame<T> _root;
    private readonly CancellationToken _ct;
    private CancelableJoin? _cancelable;

    internal JoinAwaiter(Frame<T> root, CancellationToken cancellationToken)
    {
        _root = root;
        _ct = cancellationToken;
        _cancelable = null;
    }

    /// <summary>True if the goroutine has already ended. Throws if the token is cancelled already.</summary>
    public readonly bool IsCompleted
    {
        get
        {
            _ct.ThrowIfCancellationRequested();
            return _root.IsCompleted;
        }
    }

    /// <summary>Parks <paramref name="g"/> until the goroutine ends (or the token is cancelled).</summary>
    public FrameResult Suspend(G g, Frame frame)
    {
        if (!_ct.CanBeCanceled) return g.Park(frame, JoinState.Commit, _root, WaitReason.Join);
        _cancelable = new CancelableJoin(_root, g, _ct);
        return g.Park(frame, _cancelable, _cancelable, WaitReason.Join);
    }

    /// <summary>The joined goroutine's result, or its exception rethrown; <see cref="OperationCanceledException"/> if the token ended the wait.</summary>
    public T GetResult()
    {
        JoinCancellation.End(ref _cancelable, _ct);
        return _root.GetResult();
    }
}

internal static class JoinCancellation
{
    public static void End(ref CancelableJoin? cancelable, CancellationToken cancellationToken)
    {
        var c = cancelable;
        if (c is null) return;
        cancelable = null;
        if (c.End()) throw new OperationCanceledException(cancellationToken);
    }
}
