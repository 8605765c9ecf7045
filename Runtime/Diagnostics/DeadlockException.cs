using System;

namespace GoSharp;

/// <summary>
/// The goroutine being joined is blocked and nothing can ever wake it (Go: "fatal error: all goroutines are
/// asleep - deadlock!"): a garbage collection proved that nothing outside the runtime can reach what it waits
/// on (<see cref="GoRuntimeOptions.DetectDeadlocks"/>), or, with <see cref="GoRuntimeOptions.DeadlockOnAllAsleep"/>,
/// every goroutine was asleep. <see cref="Dump"/> shows where each one waited.
/// </summary>
public sealed class DeadlockException : Exception
{
    internal DeadlockException(string dump)
        : base("all goroutines are asleep - deadlock!" + Environment.NewLine + Environment.NewLine + dump) => Dump = dump;

    /// <summary>The goroutine dump taken when the deadlock was found.</summary>
    public string Dump { get; }
}
