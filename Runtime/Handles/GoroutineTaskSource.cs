using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using GoSharp.CompilerServices;

namespace GoSharp;

/// <summary>
/// A goroutine's end as a Task (<see cref="Goroutine.AsTask"/>). Made by the first call only, kept in the
/// goroutine's join record so that later calls get the same Task, and completed by the goroutine's end itself
/// (<c>JoinState.Finish</c>, under the goroutine's lock, before the goroutine is marked completed) rather than by a
/// continuation queued to the thread pool: once the handle reports the end, the Task is complete. Its own
/// continuations run asynchronously, so no user code runs on the M or under the lock.
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
    /// What an async method that ends as the goroutine did makes of its Task: the result; a faulted Task whose one
    /// inner exception is the goroutine's own; a canceled Task for an <see cref="OperationCanceledException"/>,
    /// which, as the async method's, rethrows that very exception object when awaited.
    /// </summary>
    public void Complete(Frame root)
    {
        var failure = root.Failure;
        if (failure is null) TrySetResult(root is Frame<T> typed ? typed.Result : default!);
        else if (failure.SourceException is OperationCanceledException canceled) TrySetFromTask(CanceledBy(canceled));
        else TrySetException(failure.SourceException);
    }

    /// <summary>
    /// A Task canceled by <paramref name="canceled"/> itself. TrySetCanceled takes only a token, and awaiting its Task
    /// throws a new TaskCanceledException; an async method's builder keeps the exception it was given, and
    /// TrySetFromTask copies it (this Task keeps RunContinuationsAsynchronously). Nothing waits on the builder's
    /// Task, so completing it runs no code.
    /// </summary>
    private static Task<T> CanceledBy(OperationCanceledException canceled)
    {
        var builder = AsyncTaskMethodBuilder<T>.Create();
        var task = builder.Task;
        builder.SetException(canceled);
        return task;
    }
}
