namespace GoSharp.CompilerServices;

/// <summary>
/// The commit step of a park (Go: the <c>unlockf</c> of <c>gopark</c>). It runs on the M after the
/// parking frame has returned, so no waker can see the goroutine while one of its frames is still on a
/// thread's stack. Make the goroutine visible to wakers here (enqueue a waiter, release a lock that
/// guards the wait queue, register a continuation).
/// </summary>
public interface IParkCommit
{
    /// <summary>
    /// Returns true to stay parked until someone calls <see cref="G.Ready"/>, or false when the wait is
    /// already over (the goroutine is made runnable again at once and must not be readied by anyone).
    /// </summary>
    bool Commit(G g, object? arg);
}
