using System;
using System.Threading;
using GoSharp.CompilerServices;
using GoSharp.Net.Poll;
using GoSharp.Scheduler;

namespace GoSharp.Net;

// How a goroutine waits for a socket (Go: the pollDesc's wait half, netpollblock / netpollready).
//
// Two engines. On Linux a goroutine's Read, Write, Dial of an address and (one per listener) Accept wait on
// GoSharp's own poller (Runtime/Net/Poll, whose header states that protocol): the commit step publishes
// this object in the socket's PollDesc, and whoever takes it out (an edge, an interrupt) drives it
// (OnPollReady). Every other wait (plain code, a Dial by name, other systems, GOSHARP_NETPOLL=0) is on
// .NET's engine, as follows.
//
// .NET's socket engine (epoll on Linux, kqueue, IOCP on Windows) plays the part of Go's netpoller: an
// operation is issued with Socket.ReceiveAsync / SendAsync / AcceptAsync / ConnectAsync, which first
// try the system call at once and, when it would block, queue it with the engine and hand back a pending
// ValueTask backed by a reusable IValueTaskSource (the socket's cached SocketAsyncEventArgs). Both halves:
//   - The waiter. A goroutine: the awaiter's IsCompleted issues the operation (a completed-at-once one is
//     the fast path, no park); Suspend parks with this object as both commit step and wait record; the
//     commit step (after every frame has returned to the M) counts the wait as external (so deadlock
//     detection and virtual time treat the goroutine as wakeable from outside, like a Go.Await), drives
//     the operation once more and registers the continuation on the pending ValueTask. A plain thread:
//     registers the same continuation and sleeps on this object's monitor (handing off its P on an M).
//   - The completion. The engine runs the continuation on a thread of its own choosing; it drives the
//     operation (a write that went out only in part issues the rest and waits again: Write sends
//     everything), then readies the goroutine (at most once per park: the claim flag) or pulses the thread.
// Abandonment (runtime disposal): the claim flag is taken by the abandoner instead, and the socket is
// closed, which aborts the outstanding operation; its continuation then finds the wait claimed and leaves
// the written-off goroutine alone. The goroutine's own code (its finally blocks) will never run to close
// the socket, so closing it here is what keeps disposal from leaking it.
// The object is reused for every operation of its kind on one socket (one reader and one writer at a
// time, as Go's pollDesc has): the Action below is made once (at the first wait), the ValueTask sources belong to the socket,
// so an operation in steady state allocates nothing.

/// <summary>One socket operation a goroutine or a thread waits for. See the header.</summary>
internal abstract class NetWait : PollWaiter, IParkCommit, IAbandonableWait
{
    // Made by the first wait (a direction that never waits, as most writes, costs no delegate).
    private Action? _onCompleted;
    private G? _g;
    private int _claimed;
    private bool _signaled;

    /// <summary>
    /// Advances the operation: consumes the outstanding OS operation if it completed and issues the next
    /// one if more is needed. True once the operation is over (its result or error recorded), false while
    /// an OS operation is outstanding.
    /// </summary>
    protected abstract bool Drive();

    /// <summary>Registers <paramref name="continuation"/> on the outstanding OS operation (runs once).</summary>
    protected abstract void RegisterContinuation(Action continuation);

    /// <summary>Closes the socket the operation runs on: the goroutine waiting for it is being written off.</summary>
    protected abstract void CloseForAbandon();

    /// <summary>
    /// The descriptor this operation waits on when it waits on GoSharp's poller (Runtime/Net/Poll), null when
    /// it waits on .NET's engine (plain code, Dial, the poller switched off).
    /// </summary>
    protected virtual PollDesc? PolledDesc => null;

    /// <summary>The side of <see cref="PolledDesc"/> it waits on.</summary>
    protected virtual bool PolledWrite => false;

    /// <summary>An interrupt holds (Close, the caller's token, a passed deadline): the next <see cref="Drive"/> fails.</summary>
    protected virtual bool Interrupted => false;

    /// <summary>The commit step of the park: see the header.</summary>
    public bool Commit(G g, object? arg)
    {
        _g = g;
        Volatile.Write(ref _claimed, 0);
        Interlocked.Increment(ref g.Sched.ExternalWaits);
        // On the poller the system call that would block was just made (the awaiter's IsCompleted): publish at
        // once; readiness since then left the mark, which sends the publish back to the call.
        if (PolledDesc is PollDesc pd)
        {
            if (ParkOnPoller(pd)) return true;
            Interlocked.Decrement(ref g.Sched.ExternalWaits);
            return false;
        }
        if (Drive())
        {
            Interlocked.Decrement(ref g.Sched.ExternalWaits);
            return false;
        }
        RegisterContinuation(_onCompleted ??= OnCompleted);
        return true;
    }

    /// <summary>
    /// The waiter's half of the poller's protocol (NetPoller.cs): the operation would block; publish it in its
    /// side of <paramref name="pd"/>, or drive it again when readiness came meanwhile or an interrupt holds.
    /// True once published (a waker owns it from then on), false once the operation is over.
    /// </summary>
    private bool ParkOnPoller(PollDesc pd)
    {
        bool write = PolledWrite;
        while (true)
        {
            if (pd.TryPublish(write, this))
            {
                // Published before the interrupts are read: an interrupt stored after this read finds the waiter.
                if (!Interrupted && !pd.IsClosing || !pd.TryWithdraw(write, this)) return true;
            }
            if (Drive()) return false;
        }
    }

    /// <summary>The waker's half (NetPoller.cs): this operation was taken out of its slot; see <see cref="PollWaiter.OnPollReady"/>.</summary>
    internal override G? OnPollReady()
    {
        if (!Drive() && ParkOnPoller(PolledDesc!)) return null;
        G g = _g!; // the poller only ever holds goroutines' operations
        if (g.Sched.DeterministicQueue is not null)
        {
            // Deterministic mode: an arrival from the outside world, runnable once every goroutine is blocked, the
            // count dropping with it under the scheduler's lock (Ready.cs), as a Task await's end does; returned to
            // the poll it would be queued whenever the socket got there.
            ReadyIfClaimed(g);
            return null;
        }
        if (Interlocked.Exchange(ref _claimed, 1) == 0) return g; // still counted: the caller marks it runnable, then drops it
        Interlocked.Decrement(ref g.Sched.ExternalWaits);
        return null;
    }

    private void OnCompleted()
    {
        if (!Drive())
        {
            RegisterContinuation(_onCompleted!);
            return;
        }
        G? g = _g;
        if (g is null)
        {
            lock (this)
            {
                _signaled = true;
                Monitor.Pulse(this);
            }
            return;
        }
        ReadyIfClaimed(g);
    }

    /// <summary>The wait is over: drop its count and, unless a write-off claimed it first, ready the goroutine.</summary>
    private void ReadyIfClaimed(G g)
    {
        if (Interlocked.Exchange(ref _claimed, 1) == 0) g.Sched.ReadyAfterExternalWait(g); // drops the count
        else Interlocked.Decrement(ref g.Sched.ExternalWaits);
    }

    /// <summary>Withdraws the wait of a goroutine being written off, and closes its socket (see the header).</summary>
    public bool TryAbandon(G g)
    {
        if (Interlocked.Exchange(ref _claimed, 1) != 0) return false;
        try
        {
            CloseForAbandon();
        }
        catch (Exception)
        {
            // Best effort: the goroutine is written off either way.
        }
        return true;
    }

    /// <summary>
    /// Plain code: blocks the thread until the operation is over (it was issued and is outstanding). On an
    /// M the wait is recorded so that disposing the runtime can end it (<see cref="AbandonThreadWait"/>).
    /// </summary>
    protected void WaitThread()
    {
        if (Drive()) return;
        _g = null;
        lock (this) _signaled = false;
        RegisterContinuation(_onCompleted ??= OnCompleted);
        M? m = M.Current;
        if (m is not null)
        {
            m.BlockedOn = this;
            // Dispose raised the flag before it could see BlockedOn: do not sleep through it.
            if (m.Abandoned) AbandonThreadWait();
        }
        try
        {
            // The operation is already issued: counted against the thread limit, never refused (as a queued
            // RWMutex reader), since refusing here would leave a socket operation with nobody waiting for it.
            using var blocking = Sched.EnterBlocking(refuseAtLimit: false);
            lock (this)
            {
                while (!_signaled) Monitor.Wait(this);
            }
        }
        finally
        {
            if (m is not null) m.BlockedOn = null;
        }
    }

    /// <summary>
    /// Dispose, for plain code of a goroutine blocked on a socket: closes the socket, which aborts the
    /// operation; the thread wakes with <see cref="ObjectDisposedException"/>.
    /// </summary>
    internal void AbandonThreadWait()
    {
        try
        {
            CloseForAbandon();
        }
        catch (Exception)
        {
            // Best effort, as in TryAbandon.
        }
    }
}
