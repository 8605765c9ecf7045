namespace GoSharp.Waiting;

/// <summary>
/// Something that queues <see cref="Waiter"/>s under its own lock (a channel, a semaphore, a WaitGroup, a
/// Cond) and can take one back out when its sleeper is abandoned: a goroutine reported as deadlocked, a
/// runtime being disposed. Go has no such path (a deadlock is fatal there); here the rest of the program
/// goes on, so a value must never be handed to a goroutine that will not run again.
/// </summary>
internal interface IWaitQueueOwner
{
    /// <summary>
    /// Under the owner's lock: removes <paramref name="w"/> if it is still queued and returns true; false if
    /// a waker has dequeued it already (its wake-up has happened or is on its way).
    /// </summary>
    bool Unlink(Waiter w);
}

/// <summary>A wait queue owner whose waits can be cancelled by a token (Waiter.Cancellation.cs).</summary>
internal interface ICancelableWaitQueue : IWaitQueueOwner
{
    /// <summary>
    /// Under the owner's lock: sets <see cref="Waiter.CancelRequested"/> and, if <paramref name="w"/> is still
    /// queued, removes it, sets <see cref="Waiter.Canceled"/> and returns true (the caller then wakes it).
    /// False if a waker has dequeued it, or if it is not queued yet (its park commit sees the request and does
    /// not queue it). See Waiter.Cancellation.cs.
    /// </summary>
    bool CancelWait(Waiter w);
}
