using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Net.Poll;

/// <summary>
/// What waits in one side of a <see cref="PollDesc"/>: a socket operation of a parked goroutine.
/// </summary>
internal abstract class PollWaiter
{
    /// <summary>
    /// Called by whoever took this waiter out of its slot (the poller on an event, or an interrupt: a deadline,
    /// a cancelled token, Close). The caller owns the operation now: it advances it (the system call, again)
    /// and either parks it again in the slot (returns null) or finishes it and returns the goroutine to make
    /// runnable (null too when the goroutine was written off meanwhile). A goroutine returned still counts in
    /// <see cref="GoSharp.Scheduler.Sched.ExternalWaits"/>: the caller drops the count once it is runnable
    /// (<see cref="GoSharp.Scheduler.Sched.ReadyAfterExternalWait"/>), so a deadlock check never finds it parked
    /// with no outside wait counted.
    /// </summary>
    internal abstract G? OnPollReady();
}

/// <summary>
/// One socket's registration with the poller (Go: <c>pollDesc</c>), with a read side and a write side.
/// Each side is one slot holding nothing, <see cref="ReadyMark"/> (readiness came while nobody waited; Go:
/// pdReady) or the one <see cref="PollWaiter"/> parked on it (Go: the G, after pdWait). The protocol, both
/// halves, is in NetPoller.cs's header.
/// </summary>
internal sealed class PollDesc
{
    /// <summary>Readiness that arrived while nobody waited: the next waiter tries its system call again.</summary>
    internal static readonly object ReadyMark = new();

    private object? _read;
    private object? _write;
    /// <summary>The socket's file descriptor, as registered.</summary>
    internal readonly int Fd;
    /// <summary>The poller's table slot and its generation: an event for a slot reused since is dropped.</summary>
    internal readonly int Index;
    internal readonly uint Seq;
    private int _closing;

    internal PollDesc(int fd, int index, uint seq)
    {
        Fd = fd;
        Index = index;
        Seq = seq;
    }

    /// <summary>The epoll_event's data word naming this descriptor.</summary>
    internal ulong Data => (ulong)Seq << 32 | (uint)Index;

    internal bool IsClosing => Volatile.Read(ref _closing) != 0;

    /// <summary>
    /// The waiter's half: publishes <paramref name="w"/> in its side. False when readiness arrived since the
    /// caller's last system call (the mark is consumed): the caller tries the call again instead of parking.
    /// </summary>
    internal bool TryPublish(bool write, PollWaiter w)
    {
        ref object? slot = ref write ? ref _write : ref _read;
        while (true)
        {
            object? old = Volatile.Read(ref slot);
            if (old == ReadyMark)
            {
                if (Interlocked.CompareExchange(ref slot, null, ReadyMark) == ReadyMark) return false;
                continue;
            }
            if (old is not null)
                throw new System.InvalidOperationException("GoSharp poller: two operations wait on one side of a socket.");
            if (Interlocked.CompareExchange(ref slot, w, null) is null) return true;
        }
    }

    /// <summary>Takes <paramref name="w"/> back out of its side; false if a waker took it first (and owns it now).</summary>
    internal bool TryWithdraw(bool write, PollWaiter w)
    {
        ref object? slot = ref write ? ref _write : ref _read;
        return Interlocked.CompareExchange(ref slot, null, w) == w;
    }

    /// <summary>
    /// The waker's half (Go: netpollunblock): takes the waiter out of its side and returns it (the caller then
    /// owns its operation: <see cref="PollWaiter.OnPollReady"/>). With nobody waiting, readiness from the
    /// poller (<paramref name="ioready"/>) is left as the mark; an interrupt leaves nothing (the operation
    /// looks at its deadline, token and Close before every system call).
    /// </summary>
    internal PollWaiter? Unblock(bool write, bool ioready)
    {
        ref object? slot = ref write ? ref _write : ref _read;
        while (true)
        {
            object? old = Volatile.Read(ref slot);
            if (old == ReadyMark) return null;
            if (old is null)
            {
                if (!ioready || Interlocked.CompareExchange(ref slot, ReadyMark, null) is null) return null;
                continue;
            }
            if (Interlocked.CompareExchange(ref slot, null, old) == old) return (PollWaiter)old;
        }
    }

    /// <summary>For tests: an operation is parked on this side.</summary>
    internal bool HasWaiter(bool write) => Volatile.Read(ref write ? ref _write : ref _read) is PollWaiter;

    /// <summary>Marks the descriptor closing (Go: pollDesc.closing); the caller then unregisters it and wakes both sides.</summary>
    internal bool MarkClosing() => Interlocked.Exchange(ref _closing, 1) == 0;
}
