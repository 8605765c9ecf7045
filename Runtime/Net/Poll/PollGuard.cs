using System;

namespace GoSharp.Net.Poll;

/// <summary>
/// Frees the poll descriptor of a Conn or Listener that was collected without being closed (Go: the netFD's
/// finalizer). The descriptor cannot carry the finalizer itself: the poller's table holds it, so it is never
/// unreachable. Its owner holds this guard instead, and Close suppresses it.
/// </summary>
/// <remarks>
/// The finalizer only frees the table slot and the registered count (<see cref="NetPoller.Forget"/>); it does not
/// remove the socket from epoll: the socket's own finalizer may have closed the file descriptor already, and its
/// number may belong to a new socket by now. The kernel drops the old registration when the socket closes, and an
/// event that comes before that names a slot whose generation has moved on, which the poller ignores. A goroutine
/// parked on the descriptor keeps its Conn reachable (through the operation in the slot), so a Conn with a
/// waiting operation is never collected under it.
/// </remarks>
internal sealed class PollGuard
{
    private readonly PollDesc _pd;

    internal PollGuard(PollDesc pd) => _pd = pd;

    ~PollGuard() => NetPoller.Forget(_pd);

    /// <summary>The owner closed the descriptor itself.</summary>
    internal void Closed() => GC.SuppressFinalize(this);
}
