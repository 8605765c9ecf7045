using System;
using System.Runtime.CompilerServices;
using System.Threading;
using GoSharp.CompilerServices;

using GoSharp.Scheduler;

namespace GoSharp;

/// <summary>
/// Lets async code <c>await</c> a <see cref="Goroutine"/>. As with a Task, the continuation runs on the
/// awaiting code's <see cref="SynchronizationContext"/> or <see cref="System.Threading.Tasks.TaskScheduler"/>
/// if it had one, else on the .NET thread pool; <see cref="Goroutine.ConfigureAwait(bool)"/> with
/// <see langword="false"/> always takes the thread pool.
/// </summary>
public readonly struct GoroutineAwaiter : ICriticalNotifyCompletion
{
    private readonly Frame _root;
    private readonly bool _continueOnCapturedContext;

    internal GoroutineAwaiter(Frame root, bool continueOnCapturedContext = true)
    {
        _root = root;
        _continueOnCapturedContext = continueOnCapturedContext;
    }

    /// <summary>True once the goroutine has ended.</summary>
    public bool IsCompleted => _root.IsCompleted;

    /// <summary>Rethrows the goroutine's exception, if any.</summary>
    public void GetResult() => _root.ThrowIfFailed();

    /// <inheritdoc/>
    public void OnCompleted(Action continuation) =>
        JoinState.OnCompleted(_root, AwaitContinuation.Capture(continuation, _continueOnCapturedContext, flowExecutionContext: true));

    /// <inheritdoc/>
    public void UnsafeOnCompleted(Action continuation) =>
        JoinState.OnCompleted(_root, AwaitContinuation.Capture(continuation, _continueOnCapturedContext, flowExecutionContext: false));
}

/// <summary>Lets async code <c>await</c> a <see cref="Goroutine{T}"/>; resumes where <see cref="GoroutineAwaiter"/> does.</summary>
/// <typeparam name="T">The result type.</typeparam>
public readonly struct GoroutineAwaiter<T> : ICriticalNotifyCompletion
{
    private readonly Frame<T> _root;
    private readonly bool _continueOnCapturedContext;

    internal GoroutineAwaiter(Frame<T> root, bool continueOnCapturedContext = true)
    {
        _root = root;
        _continueOnCapturedContext = continueOnCapturedContext;
    }

    /// <summary>True once the goroutine has ended.</summary>
    public bool IsCompleted => _root.IsCompleted;

    /// <summary>The goroutine's result, or its exception rethrown.</summary>
    public T GetResult() => _root.GetResult();

    /// <inheritdoc/>
    public void OnCompleted(Action continuation) =>
        JoinState.OnCompleted(_root, AwaitContinuation.Capture(continuation, _continueOnCapturedContext, flowExecutionContext: true));

    /// <inheritdoc/>
    public void UnsafeOnCompleted(Action continuation) =>
        JoinState.OnCompleted(_root, AwaitContinuation.Capture(continuation, _continueOnCapturedContext, flowExecutionContext: false));
}

/// <summary>
/// <c>await handle.ConfigureAwait(false)</c>: an awaitable for a <see cref="Goroutine"/> that does not resume on
/// the awaiting code's context (Task's <c>ConfiguredTaskAwaitable</c>).
/// </summary>
public readonly struct ConfiguredGoroutineAwaitable
{
    private readonly Frame _root;
    private readonly bool _continueOnCapturedContext;

    internal ConfiguredGoroutineAwaitable(Frame root, bool continueOnCapturedContext)
    {
        _root = root;
        _continueOnCapturedContext = continueOnCapturedContext;
    }

    /// <summary>The awaiter.</summary>
    public GoroutineAwaiter GetAwaiter() => new(_root, _continueOnCapturedContext);
}

/// <summary>
/// <c>await handle.ConfigureAwait(false)</c> for a <see cref="Goroutine{T}"/>.
/// </summary>
/// <typeparam name="T">The result type.</typeparam>
public readonly struct ConfiguredGoroutineAwaitable<T>
{
    private readonly Frame<T> _root;
    private readonly bool _continueOnCapturedContext;

    internal ConfiguredGoroutineAwaitable(Frame<T> root, bool continueOnCapturedContext)
    {
        _root = root;
        _continueOnCapturedContext = continueOnCapturedContext;
    }

    /// <summary>The awaiter.</summary>
    public GoroutineAwaiter<T> GetAwaiter() => new(_root, _continueOnCapturedContext);
}
