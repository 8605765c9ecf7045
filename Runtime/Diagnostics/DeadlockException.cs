using System;

namespace GoSharp;

/// <summary>
/// Every goroutine is blocked and nothing can wake any of them (Go: "fatal error: all goroutines are
/// asleep - deadlock!"). Thrown to whoever joins a goroutine of a runtime created with
/// <see cref="GoRuntimeOptions.DetectDeadlocks"/>; <see cref="Dump"/> shows where each one waits.
/// </summary>
public sealed class DeadlockException : Exception
{
    internal DeadlockException(string dump)
        : base("all goroutines are asleep - deadlock!" + Environment.NewLine + Environment.NewLine + dump) => Dump = dump;

    /// <summary>The goroutine dump taken when the deadlock was found.</summary>
    public string Dump { get; }
}
