using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GoSharp.CompilerServices;

using GoSharp.Scheduler;

namespace GoSharp;

/// <summary>
/// A handle to a started goroutine, returned by a generated launcher <c>GoX(...)</c>. Go has none; a
/// .NET caller can wait for the goroutine (<see cref="Join()"/>, or <c>await</c>) and gets its exception.
/// Dropping the handle is fine (fire and forget, as <c>go f()</c>), but an exception nobody observes is
/// reported to <see cref="GoRuntimeOptions.UnhandledException"/>. Copying the handle is cheap: it is the
/// goroutine's first frame and its id.
/// </summary>
public readonly struct Goroutine : IEquatable<Goroutine>
{
    internal readonly Frame? Root;

    internal Goroutine(Frame root, long id)
    {
        Root = root;
        Id = id;
    }

    /// <summary>The goroutine id (Go: goid), as printed in dumps.</summary>
    public long Id { get; }

    /// <summary>True once the goroutine has ended, normally or with an exception.</summary>
    public bool IsCompleted => JoinState.HasEnded(RootOrThrow);

    /// <summary>The exception the goroutine ended with (observing it), or null. Null while it runs.</summary>
    public Exception? Exception
    {
        get
        {
            var root = RootOrThrow;
            if (!JoinState.HasEnded(root) || root.Failure is null) return null;
            root.Joins?.Unobserved?.Observed();
            return root.Failure.SourceException;
        }
    }

    /// <summary>
    /// Waits for the goroutine to end and rethrows its exception with the original stack trace. Inside a
    /// <c>[Goroutine]</c> method this suspends the calling goroutine; elsewhere it blocks the thread.
    /// </summary>
    [SuspensionPoint(nameof(GetJoinAwaiter))]
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // the caller's handle stays a plain local (DeadlockProbe.cs)
    public void Join() => JoinState.BlockUntilDone(RootOrThrow).ThrowIfFailed();

    /// <summary>The awaiter behind <see cref="Join()"/> inside goroutines (generated code calls it).</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public JoinAwaiter GetJoinAwaiter() => new(RootOrThrow, default);

    /// <summary>
    /// Waits for the goroutine to end, or gives up when <paramref name="cancellationToken"/> is cancelled
    /// (<see cref="OperationCanceledException"/>; the goroutine runs on, and its exception is not observed).
    /// An already cancelled token throws even if the goroutine has ended.
    /// </summary>
    [SuspensionPoint(nameof(GetJoinAwaiter))]
    public void Join(CancellationToken cancellationToken)
    {
        var root = RootOrThrow;
        cancellationToken.ThrowIfCancellationRequested();
        JoinState.BlockUntilDone(root, cancellationToken).ThrowIfFailed();
    }

    /// <summary>The awaiter behind <see cref="Join(CancellationToken)"/>.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public JoinAwaiter GetJoinAwaiter(CancellationToken cancellationToken) => new(RootOrThrow, cancellationToken);

    /// <summary>
    /// Lets async code write <c>await handle</c>; it resumes on the awaiting code's
    /// <see cref="SynchronizationContext"/> or task scheduler, as <c>await task</c> does.
    /// </summary>
    public GoroutineAwaiter GetAwaiter() => new(RootOrThrow);

    /// <summary>
    /// <c>await handle.ConfigureAwait(false)</c> resumes on the thread pool whatever context the awaiting
    /// code has (library code that must not post back to a UI thread); <see langword="true"/> is plain <c>await</c>.
    /// </summary>
    /// <param name="continueOnCapturedContext">Whether to resume on the captured context.</param>
    public ConfiguredGoroutineAwaitable ConfigureAwait(bool continueOnCapturedContext) => new(RootOrThrow, continueOnCapturedContext);

    /// <summary>
    /// The goroutine's end as a <see cref="Task"/>, for <see cref="Task.WhenAll(Task[])"/>, <see cref="Task.WhenAny(Task[])"/>,
    /// <see cref="Task.WaitAsync(TimeSpan)"/> and APIs that take a Task. It completes as <c>await handle</c> in an async
    /// method would: faulted with the goroutine's exception as its one inner exception, canceled if that exception is an
    /// <see cref="OperationCanceledException"/> (awaiting it rethrows that exception object, as for an async method's
    /// Task). It is complete by the time <see cref="IsCompleted"/> is true. Every call for one goroutine returns the same
    /// Task (also through the typed handle, where it is a <see cref="Task{TResult}"/>); a goroutine whose handle never
    /// asks pays nothing. The Task's continuations run asynchronously. Handing the exception to the Task observes it:
    /// the Task, not <see cref="GoRuntimeOptions.UnhandledException"/>, then reports it if nobody reads it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The handle is <see langword="default"/> (as <see cref="Join()"/> throws).</exception>
    public Task AsTask() => JoinState.AsTask(RootOrThrow);

    internal Frame RootOrThrow
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)] // no call with the handle's address (see Join)
        get => Root ?? ThrowDefault<Frame>();
    }

    internal static TFrame ThrowDefault<TFrame>() => throw new InvalidOperationException("This Goroutine handle is default: it refers to no goroutine.");

    /// <inheritdoc/>
    public bool Equals(Goroutine other) => ReferenceEquals(Root, other.Root);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Goroutine g && Equals(g);

    /// <inheritdoc/>
    public override int GetHashCode() => Root is null ? 0 : RuntimeHelpers.GetHashCode(Root);

    /// <summary>Compares handles by goroutine.</summary>
    public static bool operator ==(Goroutine a, Goroutine b) => a.Equals(b);

    /// <summary>Compares handles by goroutine.</summary>
    public static bool operator !=(Goroutine a, Goroutine b) => !a.Equals(b);

    /// <inheritdoc/>
    public override string ToString() => $"goroutine {Id}";
}

/// <summary>A handle to a started goroutine that returns a value; see <see cref="Goroutine"/>.</summary>
/// <typeparam name="T">The goroutine method's return type.</typeparam>
public readonly struct Goroutine<T> : IEquatable<Goroutine<T>>
{
    internal readonly Frame<T>? Root;

    internal Goroutine(Frame<T> root, long id)
    {
        Root = root;
        Id = id;
    }

    /// <summary>The goroutine id (Go: goid).</summary>
    public long Id { get; }

    /// <summary>True once the goroutine has ended.</summary>
    public bool IsCompleted => JoinState.HasEnded(RootOrThrow);

    /// <summary>The exception the goroutine ended with (observing it), or null.</summary>
    public Exception? Exception => ((Goroutine)this).Exception;

    /// <summary>
    /// Waits for the goroutine and returns its result, or rethrows its exception. Inside a
    /// <c>[Goroutine]</c> method this suspends the calling goroutine; elsewhere it blocks the thread.
    /// </summary>
    [SuspensionPoint(nameof(GetJoinAwaiter))]
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // the caller's handle stays a plain local (DeadlockProbe.cs)
    public T Join() => JoinState.BlockUntilDone(RootOrThrow).GetResult();

    /// <summary>The awaiter behind <see cref="Join()"/> inside goroutines (generated code calls it).</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public JoinAwaiter<T> GetJoinAwaiter() => new(RootOrThrow, default);

    /// <summary>
    /// Waits for the goroutine and returns its result, or gives up when <paramref name="cancellationToken"/> is
    /// cancelled (<see cref="OperationCanceledException"/>; the goroutine runs on). An already cancelled token
    /// throws even if the goroutine has ended.
    /// </summary>
    [SuspensionPoint(nameof(GetJoinAwaiter))]
    public T Join(CancellationToken cancellationToken)
    {
        var root = RootOrThrow;
        cancellationToken.ThrowIfCancellationRequested();
        return JoinState.BlockUntilDone(root, cancellationToken).GetResult();
    }

    /// <summary>The awaiter behind <see cref="Join(CancellationToken)"/>.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public JoinAwaiter<T> GetJoinAwaiter(CancellationToken cancellationToken) => new(RootOrThrow, cancellationToken);

    /// <summary>
    /// Lets async code write <c>await handle</c>; it resumes on the awaiting code's
    /// <see cref="SynchronizationContext"/> or task scheduler, as <c>await task</c> does.
    /// </summary>
    public GoroutineAwaiter<T> GetAwaiter() => new(RootOrThrow);

    /// <summary>
    /// <c>await handle.ConfigureAwait(false)</c> resumes on the thread pool whatever context the awaiting
    /// code has; <see langword="true"/> is plain <c>await</c>.
    /// </summary>
    /// <param name="continueOnCapturedContext">Whether to resume on the captured context.</param>
    public ConfiguredGoroutineAwaitable<T> ConfigureAwait(bool continueOnCapturedContext) => new(RootOrThrow, continueOnCapturedContext);

    /// <summary>
    /// The goroutine's end as a <see cref="Task{TResult}"/> with its result; see <see cref="Goroutine.AsTask"/>
    /// (the untyped handle of the same goroutine returns this same Task).
    /// </summary>
    /// <exception cref="InvalidOperationException">The handle is <see langword="default"/> (as <see cref="Join()"/> throws).</exception>
    public Task<T> AsTask() => (Task<T>)JoinState.AsTask(RootOrThrow);

    /// <summary>The untyped handle of the same goroutine.</summary>
    public static implicit operator Goroutine(Goroutine<T> g) => new(g.RootOrThrow, g.Id);

    private Frame<T> RootOrThrow
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)] // no call with the handle's address (see Join)
        get => Root ?? Goroutine.ThrowDefault<Frame<T>>();
    }

    /// <inheritdoc/>
    public bool Equals(Goroutine<T> other) => ReferenceEquals(Root, other.Root);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Goroutine<T> g && Equals(g);

    /// <inheritdoc/>
    public override int GetHashCode() => Root is null ? 0 : RuntimeHelpers.GetHashCode(Root);

    /// <summary>Compares handles by goroutine.</summary>
    public static bool operator ==(Goroutine<T> a, Goroutine<T> b) => a.Equals(b);

    /// <summary>Compares handles by goroutine.</summary>
    public static bool operator !=(Goroutine<T> a, Goroutine<T> b) => !a.Equals(b);

    /// <inheritdoc/>
    public override string ToString() => $"goroutine {Id}";
}
