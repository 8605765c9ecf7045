using System;
using GoSharp.Scheduler;

namespace GoSharp;

public static partial class Go
{
    /// <summary>
    /// Runs <paramref name="action"/>, which may block its thread (synchronous file or socket I/O, a lock,
    /// a native call, <c>Thread.Sleep</c>), without stalling the other goroutines: the goroutine's P stays
    /// reserved while the call is short, and sysmon hands it to another thread if the call lasts (Go does
    /// the same around every system call). On an ordinary thread it just runs the action.
    /// </summary>
    /// <remarks>
    /// Use it for blocking .NET APIs called from a goroutine. GoSharp's own blocking operations (channels,
    /// sync, <see cref="Sleep(TimeSpan)"/>, <c>Join</c>) already suspend the goroutine and need no wrapper;
    /// for an awaitable API prefer <c>Go.Await(task)</c>, which holds no thread at all. See docs/blocking.md.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is null.</exception>
    public static void Blocking(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        using var scope = Sched.EnterSyscall();
        action();
    }

    /// <inheritdoc cref="Blocking(Action)"/>
    /// <returns>What <paramref name="func"/> returns.</returns>
    public static T Blocking<T>(Func<T> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        using var scope = Sched.EnterSyscall();
        return func();
    }

    /// <summary>
    /// Starts a blocking section that lasts until the returned scope is disposed: <c>using (Go.EnterBlocking()) { ... }</c>.
    /// The same as <see cref="Blocking(Action)"/> for code that does not fit in a lambda.
    /// </summary>
    /// <returns>A scope to dispose, on the same thread, when the blocking code has returned.</returns>
    public static BlockingSection EnterBlocking() => new(Sched.EnterSyscall());
}

/// <summary>A blocking section started by <see cref="Go.EnterBlocking"/>; dispose it once, on the same thread.</summary>
public readonly struct BlockingSection : IDisposable
{
    private readonly Sched.BlockingScope _scope;

    internal BlockingSection(Sched.BlockingScope scope) => _scope = scope;

    /// <summary>Takes the goroutine's P back (or waits for one) before the goroutine goes on.</summary>
    public void Dispose() => _scope.Dispose();
}
