using System;
using System.Runtime.CompilerServices;
using GoSharp.CompilerServices;

using GoSharp.Scheduler;

namespace GoSharp;

/// <summary>Lets async code <c>await</c> a <see cref="Goroutine"/>; the continuation runs on the .NET thread pool.</summary>
public readonly struct GoroutineAwaiter : ICriticalNotifyCompletion
{
    private readonly Frame _root;

    internal GoroutineAwaiter(Frame root) => _root = root;

    /// <summary>True once the goroutine has ended.</summary>
    public bool IsCompleted => _root.IsCompleted;

    /// <summary>Rethrows the goroutine's exception, if any.</summary>
    public void GetResult() => _root.ThrowIfFailed();

    /// <inheritdoc/>
    public void OnCompleted(Action continuation) => JoinState.OnCompleted(_root, continuation);

    /// <inheritdoc/>
    public void UnsafeOnCompleted(Action continuation) => JoinState.OnCompleted(_root, continuation);
}

/// <summary>Lets async code <c>await</c> a <see cref="Goroutine{T}"/>.</summary>
/// <typeparam name="T">The result type.</typeparam>
public readonly struct GoroutineAwaiter<T> : ICriticalNotifyCompletion
{
    private readonly Frame<T> _root;

    internal GoroutineAwaiter(Frame<T> root) => _root = root;

    /// <summary>True once the goroutine has ended.</summary>
    public bool IsCompleted => _root.IsCompleted;

    /// <summary>The goroutine's result, or its exception rethrown.</summary>
    public T GetResult() => _root.GetResult();

    /// <inheritdoc/>
    public void OnCompleted(Action continuation) => JoinState.OnCompleted(_root, continuation);

    /// <inheritdoc/>
    public void UnsafeOnCompleted(Action continuation) => JoinState.OnCompleted(_root, continuation);
}
