using System.ComponentModel;
using GoSharp.CompilerServices;

using GoSharp.Scheduler;

namespace GoSharp;

/// <summary>The suspension-point awaiter of <see cref="Goroutine.Join"/> (see docs/frame-contract.md).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct JoinAwaiter
{
    private readonly Frame _root;

    internal JoinAwaiter(Frame root) => _root = root;

    /// <summary>True if the goroutine has already ended: no suspension.</summary>
    public readonly bool IsCompleted => _root.IsCompleted;

    /// <summary>Parks <paramref name="g"/>; the commit step enqueues it as a joiner unless the goroutine ended meanwhile.</summary>
    public readonly FrameResult Suspend(G g, Frame frame) => g.Park(frame, JoinState.Commit, _root, WaitReason.Join);

    /// <summary>Rethrows the joined goroutine's exception, if any.</summary>
    public readonly void GetResult() => _root.ThrowIfFailed();
}

/// <summary>The suspension-point awaiter of <see cref="Goroutine{T}.Join"/>.</summary>
/// <typeparam name="T">The result type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct JoinAwaiter<T>
{
    private readonly Frame<T> _root;

    internal JoinAwaiter(Frame<T> root) => _root = root;

    /// <summary>True if the goroutine has already ended.</summary>
    public readonly bool IsCompleted => _root.IsCompleted;

    /// <summary>Parks <paramref name="g"/> until the goroutine ends.</summary>
    public readonly FrameResult Suspend(G g, Frame frame) => g.Park(frame, JoinState.Commit, _root, WaitReason.Join);

    /// <summary>The joined goroutine's result, or its exception rethrown.</summary>
    public readonly T GetResult() => _root.GetResult();
}
