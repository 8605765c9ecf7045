using System;
using System.Threading;
using System.Threading.Tasks;

namespace GoSharp;

/// <summary>
/// Where an <c>await handle</c> resumes: Task's rule, so that code moved from <c>await task</c> to
/// <c>await GoX()</c> keeps its context. Captured when the awaiter is given the continuation, as
/// <c>TaskAwaiter</c> does: a <see cref="SynchronizationContext"/> of a derived type (a UI thread's, a
/// test framework's) gets the continuation posted; else a <see cref="TaskScheduler"/> other than the default
/// gets it as a task; else it runs on the thread pool. <c>ConfigureAwait(false)</c> skips the capture.
/// A goroutine never has either (an M drops a context after each resume), so inside the runtime this is the
/// thread pool.
/// </summary>
internal static class AwaitContinuation
{
    /// <summary>The continuation, wrapped to run where the awaiting code was.</summary>
    public static Action Capture(Action continuation, bool continueOnCapturedContext, bool flowExecutionContext)
    {
        if (continuation is null) throw new ArgumentNullException(nameof(continuation));
        // OnCompleted flows the awaiting code's ExecutionContext (its AsyncLocal values); UnsafeOnCompleted
        // leaves that to the caller, as an async method's builder does it itself. Innermost, so that the
        // continuation itself runs in it wherever it is posted (a SynchronizationContext's Post need not flow it).
        if (flowExecutionContext && ExecutionContext.Capture() is { } ec) continuation = InContext(ec, continuation);
        if (continueOnCapturedContext)
        {
            var context = SynchronizationContext.Current;
            if (context is not null && context.GetType() != typeof(SynchronizationContext))
            {
                continuation = Posted(context, continuation);
            }
            else if (TaskScheduler.Current is var scheduler && scheduler != TaskScheduler.Default)
            {
                continuation = Scheduled(scheduler, continuation);
            }
        }
        return continuation;
    }

    private static Action Posted(SynchronizationContext context, Action continuation) =>
        () => context.Post(static c => ((Action)c!)(), continuation);

    private static Action Scheduled(TaskScheduler scheduler, Action continuation) =>
        () => Task.Factory.StartNew(continuation, CancellationToken.None, TaskCreationOptions.DenyChildAttach, scheduler);

    private static Action InContext(ExecutionContext ec, Action continuation) =>
        () => ExecutionContext.Run(ec, static c => ((Action)c!)(), continuation);
}
