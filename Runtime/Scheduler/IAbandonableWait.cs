using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

/// <summary>
/// What a parked goroutine waits on (<see cref="G.WaitingOn"/>), when it can be taken back: a channel or
/// sync waiter, a select, a sleep's timer, a Task await. Dispose and deadlock reports abandon parked
/// goroutines; the wait must first be withdrawn, so no value is handed to a goroutine that never runs
/// again and no waker readies a G that has been written off.
/// </summary>
internal interface IAbandonableWait
{
    /// <summary>
    /// Withdraws <paramref name="g"/>'s wait: true if no waker can ready it any more; false if a waker has
    /// claimed the wait already (the goroutine is, or is about to be, runnable).
    /// </summary>
    bool TryAbandon(G g);
}
