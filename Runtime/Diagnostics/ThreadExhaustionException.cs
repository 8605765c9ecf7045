using System;

namespace GoSharp;

/// <summary>
/// A goroutine tried to block its thread in plain code (<c>Go.Blocking</c>, a channel operation in a plain
/// helper, a plain <c>Join</c>) while the runtime already uses its limit of threads (Go: "fatal error:
/// thread exhaustion", <c>debug.SetMaxThreads</c>). Thrown before anything blocked; the goroutine still
/// runs. See <see cref="GoRuntimeOptions.MaxThreads"/>.
/// </summary>
public sealed class ThreadExhaustionException : InvalidOperationException
{
    internal ThreadExhaustionException(string message, int limit) : base(message) => Limit = limit;

    /// <summary>The thread limit that was reached.</summary>
    public int Limit { get; }
}
