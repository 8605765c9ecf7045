using System;
using System.Threading.Tasks;
using GoSharp.CompilerServices;

namespace GoSharp;

/// <summary>
/// A goroutine's end as a Task (<see cref="Goroutine.AsTask"/>). Made by the first call only, kept in the
/// goroutine's join record so that later calls get the same Task, and completed by the goroutine's end itself
/// (<c>JoinState.Finish</c>) rather than by a continuation queued to the thread pool: the Task is complete by
/// the time any joiner resumes. Its own continuations run asynchronously, so no user code runs on the M.
/// </summary>
internal interface IGoroutineTaskSource
{
    /// <summary>The Task handed out: a <see cref="Task{TResult}"/> of the goroutine's result type.</summary>
    Task Task { get; }

    /// <summary>Completes the Task from the ended goroutine's first frame.</summary>
    void Complete(Frame root);
}

/// <summary>The source of a goroutine's Task; <typeparamref name="T"/> is its result type (<see cref="Empty"/> for none).</summary>
internal sealed class GoroutineTaskSource<T> : TaskCompletionSource<T>, IGoroutineTaskSource
{
    public GoroutineTaskSource() : base(TaskCreationOptions.RunContinuationsAsynchronously) { }

    Task IGoroutineTaskSource.Task => Task;

    /// <summary>
    /// What <c>await handle</c> in an async method makes of the end: the result; a canceled Task for an
    /// <see cref="OperationCanceledException"/> (with its token), as an async method's builder does; else a
    /// faulted Task whose one inner exception is the goroutine's own.
    /// </summary>
    public void Complete(Frame root)
    {
        var failure = root.Failure;
        if (failure is null) TrySetResult(root is Frame<T> typed ? typed.Result : default!);
        else if (failure.SourceException is OperationCanceledException canceled) TrySetCanceled(canceled.CancellationToken);
        else TrySetException(failure.SourceException);
    }
}
