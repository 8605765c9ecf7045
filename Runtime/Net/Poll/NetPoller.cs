using System;
using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using GoSharp.CompilerServices;
using GoSharp.Scheduler;

namespace GoSharp.Net.Poll;

// GoSharp's own network poller (Go: netpoll.go, netpoll_epoll.go), on Linux: one epoll instance for the
// process, polled by the schedulers' own Ms, so that a goroutine whose socket becomes ready is made
// runnable by the M that will run it, with no thread hop in between (.NET's socket engine, which the
// other path uses, completes on its own epoll thread and then the thread pool: two hops).
//
// Registration. A Conn (and a Listener) registers its socket once, edge-triggered, for both directions
// (EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET), with a PollDesc found again from the event's data word
// (a table index and its generation, so an event for a slot reused since is dropped). Close marks the
// descriptor closing, removes it from epoll before the socket is disposed (the number may be reused at
// once) and wakes both sides.
//
// A side of a PollDesc is one slot: nothing, ReadyMark, or the operation parked on it. Both halves:
//   - The waiter (a goroutine's Read, Write, Accept or Dial's connect; NetWait). Issue the system call on the
//     non-blocking socket. Would block: publish the operation in the slot by CAS (nothing -> waiter). A
//     slot holding ReadyMark means readiness came after the call: consume it (ReadyMark -> nothing) and
//     call again instead. After publishing, look at the interrupts (Close, the deadline, the caller's
//     token); one that holds makes the waiter take itself back (CAS waiter -> nothing) and finish: if
//     the CAS fails, a waker owns the operation already.
//   - The waker (the poller on an edge, an interrupt on the operation's behalf). Take the waiter out of
//     the slot by CAS (waiter -> nothing) and own its operation: call again (an interrupt makes the call
//     fail first); finished, make the goroutine runnable; would block, publish it again as the waiter
//     does. With no waiter, the poller leaves ReadyMark (edge-triggered: the edge is not repeated) and an
//     interrupt leaves nothing (the next operation sees the interrupt before its call).
//   Every step is a CAS on the slot, so exactly one party owns a parked operation at a time: it is
//   never driven twice nor lost. Interrupt writers store their flag (Close's Interlocked exchange, the
//   deadline's clock, the token's state) before their CAS on the slot; the waiter publishes by CAS
//   before it reads them: one of the two sees the other.
//   The operation is driven to its end before its goroutine is readied (not after it runs, as in Go):
//   the frame contract resumes a parked goroutine after its suspension point, with no loop back to the
//   call, so the goroutine must wake with its result. The poller's M makes the call; it is the M that
//   then runs the goroutine (injected into its own P's queue), so the work stays on one thread.
//
// Who polls (Sched: FindRunnable, PollM, Sysmon), Go's order:
//   - an M out of local and global work polls without blocking before it steals (Go: findRunnable's
//     netpoll(0)), and runs one goroutine it readied, injecting the rest (Go: injectglist);
//   - an M about to sleep with no work blocks in epoll_wait instead of on its note, until the earliest
//     timer, if sockets are registered and no other M of any runtime already does (TryTakeBlockingPoll:
//     Go's sched.lastpoll swapped to 0). It stays on its scheduler's idle M list, marked InPoll: whoever hands
//     it a P (StartM, Dispose) writes the eventfd (Break, Go: netpollBreak) instead of waking the note.
//     Breaks coalesce (one write until the blocked poll reads it);
//   - sysmon polls without blocking when nobody has for 10 ms (Go: sysmon's netpoll(0)), so a goroutine
//     waiting on the network is readied even if every M is busy or asleep on its note.
// The poller is the process's, as Go's is; a goroutine of one runtime readied by another runtime's M goes
// through its own scheduler's Ready (its global queue and an M of its own).
//
// What it does not do. Plain code (a thread, or a goroutine's plain code on an M) that has to wait
// does so on .NET's engine, as before (Conn.Read in plain code): nothing would poll for a thread outside
// a scheduler. A Dial by host name, and an Accept while another Accept waits on the same listener, also
// stay on .NET's engine. Deadlines fire from the Deadline's System.Threading.Timer (a Conn belongs to no one
// runtime's timer heap): its interrupt takes the waiter out of the slot and readies it.
// The switch: GOSHARP_NETPOLL=0 (or the AppContext switch GoSharp.NetPoll = false) keeps every socket on
// .NET's engine; other systems always do.

/// <summary>The process's network poller; see the header. Go: netpoll.</summary>
internal static class NetPoller
{
    internal const string Switch = "GoSharp.NetPoll";
    internal const string Variable = "GOSHARP_NETPOLL";

    private const int MaxEvents = 128;
    private const ulong BreakData = ulong.MaxValue;

    private static readonly object s_initLock = new();
    private static volatile int s_state; // 0: not tried, 1: running, -1: off
    private static int s_epfd = -1;
    private static int s_eventfd = -1;
    private static int s_breakPending;   // Go: netpollWakeSig
    private static int s_registered;     // descriptors registered now: the idle M blocks in the poller only while some are

    /// <summary>
    /// Stopwatch ticks of the last time an M came back from a blocking poll (or sysmon polled); 0 while an M
    /// blocks in the poller (Go: sched.lastpoll).
    /// </summary>
    private static long s_lastPoll = Stopwatch.GetTimestamp();

    // The descriptor table: the epoll data word is an index here plus the slot's generation.
    private static readonly Lock s_tableLock = new();
    private static PollDesc?[] s_table = new PollDesc?[64];
    private static uint[] s_seqs = new uint[64];
    private static int[] s_free = new int[64];
    private static int s_freeCount;
    private static int s_used;

    [ThreadStatic] private static byte[]? t_events;

    /// <summary>True when the poller is in use (Linux, not switched off, epoll made).</summary>
    internal static bool Enabled
    {
        get
        {
            int s = s_state;
            if (s != 0) return s > 0;
            Init();
            return s_state > 0;
        }
    }

    /// <summary>Sockets registered now; the schedulers poll only while there are some.</summary>
    /// <summary>For tests: whether <paramref name="pd"/> still holds its slot in the table.</summary>
    internal static bool Holds(PollDesc pd)
    {
        lock (s_tableLock) return pd.Index < s_table.Length && s_table[pd.Index] == pd;
    }

    internal static bool HasDescriptors => s_state > 0 && Volatile.Read(ref s_registered) > 0;

    /// <summary>The switch (docs/configuration.md): AppContext first, then the environment; a malformed value throws.</summary>
    private static bool SwitchedOff() => RuntimeConfig.Bool(Switch, Variable) == false;

    private static void Init()
    {
        lock (s_initLock)
        {
            if (s_state != 0) return;
            if (!OperatingSystem.IsLinux() || SwitchedOff())
            {
                s_state = -1;
                return;
            }
            try
            {
                int ep = Epoll.epoll_create1(Epoll.EPOLL_CLOEXEC);
                if (ep < 0)
                {
                    s_state = -1;
                    return;
                }
                int ev = Epoll.eventfd(0, Epoll.EFD_CLOEXEC | Epoll.EFD_NONBLOCK);
                if (ev < 0)
                {
                    Epoll.close(ep);
                    s_state = -1;
                    return;
                }
                // The eventfd level-triggered, as Go registers it: only a blocking poll reads it.
                Span<byte> e = stackalloc byte[16];
                e.Clear();
                BitConverter.TryWriteBytes(e, (uint)Epoll.EPOLLIN);
                BitConverter.TryWriteBytes(e.Slice(Epoll.DataOffset), BreakData);
                if (Epoll.epoll_ctl(ep, Epoll.EPOLL_CTL_ADD, ev, ref e[0]) < 0)
                {
                    Epoll.close(ev);
                    Epoll.close(ep);
                    s_state = -1;
                    return;
                }
                s_epfd = ep;
                s_eventfd = ev;
                s_state = 1;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                s_state = -1;
            }
        }
    }

    /// <summary>Registers <paramref name="socket"/> (Go: pollDesc init, netpollopen); null when the poller is off or refuses it.</summary>
    internal static PollDesc? Register(Socket socket)
    {
        if (!Enabled) return null;
        int fd;
        try
        {
            fd = (int)socket.SafeHandle.DangerousGetHandle();
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
        PollDesc pd;
        lock (s_tableLock)
        {
            int index;
            if (s_freeCount > 0) index = s_free[--s_freeCount];
            else
            {
                if (s_used == s_table.Length)
                {
                    Array.Resize(ref s_seqs, s_used * 2);
                    Array.Resize(ref s_free, s_used * 2);
                    var bigger = new PollDesc?[s_used * 2];
                    Array.Copy(s_table, bigger, s_used);
                    Volatile.Write(ref s_table, bigger);
                }
                index = s_used++;
            }
            uint seq = ++s_seqs[index];
            pd = new PollDesc(fd, index, seq);
            Volatile.Write(ref s_table[index], pd);
        }
        Span<byte> e = stackalloc byte[16];
        e.Clear();
        BitConverter.TryWriteBytes(e, (uint)(Epoll.EPOLLIN | Epoll.EPOLLOUT | Epoll.EPOLLRDHUP) | Epoll.EPOLLET);
        BitConverter.TryWriteBytes(e.Slice(Epoll.DataOffset), pd.Data);
        if (Epoll.epoll_ctl(s_epfd, Epoll.EPOLL_CTL_ADD, fd, ref e[0]) < 0)
        {
            Free(pd);
            return null;
        }
        Interlocked.Increment(ref s_registered);
        return pd;
    }

    /// <summary>
    /// Closes <paramref name="pd"/> (Go: poll_runtime_pollUnblock + netpollclose): marks it closing, removes the
    /// socket from epoll (call it before disposing the socket) and wakes both sides, whose operations then
    /// fail with the closed-Conn error. Runs once; later calls do nothing.
    /// </summary>
    internal static void Close(PollDesc pd)
    {
        if (!pd.MarkClosing()) return;
        Span<byte> e = stackalloc byte[16];
        e.Clear();
        Epoll.epoll_ctl(s_epfd, Epoll.EPOLL_CTL_DEL, pd.Fd, ref e[0]);
        Interlocked.Decrement(ref s_registered);
        Free(pd);
        Interrupt(pd, write: false);
        Interrupt(pd, write: true);
    }

    /// <summary>
    /// The descriptor of a Conn or Listener collected without Close (<see cref="PollGuard"/>): frees its slot and
    /// its count; no epoll_ctl, since the socket's number may be closed and reused by now (see PollGuard).
    /// </summary>
    internal static void Forget(PollDesc pd)
    {
        if (!pd.MarkClosing()) return;
        Interlocked.Decrement(ref s_registered);
        Free(pd);
    }

    private static void Free(PollDesc pd)
    {
        lock (s_tableLock)
        {
            if (s_table[pd.Index] != pd) return;
            Volatile.Write(ref s_table[pd.Index], null);
            s_free[s_freeCount++] = pd.Index;
        }
    }

    /// <summary>
    /// An interrupt for one side (a deadline, a cancelled token, Close): the waiter, if one is parked, is
    /// taken out and driven (its call fails with the interrupt) and its goroutine readied.
    /// </summary>
    internal static void Interrupt(PollDesc pd, bool write)
    {
        if (pd.Unblock(write, ioready: false) is PollWaiter w && w.OnPollReady() is G g) g.Sched.ReadyAfterExternalWait(g);
    }

    /// <summary>
    /// Polls once (Go: netpoll): blocks up to <paramref name="timeoutMs"/> (0: not at all, -1: until an event or
    /// a <see cref="Break"/>), drives the operations of the descriptors that became ready, and appends the
    /// goroutines of <paramref name="self"/> whose operations finished to <paramref name="ready"/> (Runnable
    /// already, for the caller to inject); those of other runtimes go through their own scheduler's Ready.
    /// </summary>
    internal static void Poll(int timeoutMs, Sched self, ref GQueue ready)
    {
        if (s_state <= 0) return;
        byte[] buf = t_events ??= new byte[MaxEvents * 16];
        int n = Epoll.epoll_wait(s_epfd, ref buf[0], MaxEvents, timeoutMs);
        if (n <= 0) return; // 0: timed out; <0: EINTR (a signal), the caller loops
        int size = Epoll.EventSize, dataAt = Epoll.DataOffset;
        PollDesc?[] table = Volatile.Read(ref s_table);
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<byte> e = buf.AsSpan(i * size, size);
            uint events = BitConverter.ToUInt32(e);
            ulong data = BitConverter.ToUInt64(e.Slice(dataAt));
            if (data == BreakData)
            {
                // Only a blocking poll consumes a break: it is the one the break is for (Go does the same).
                if (timeoutMs != 0)
                {
                    ulong one = 0;
                    Epoll.read(s_eventfd, ref one, 8);
                    Volatile.Write(ref s_breakPending, 0);
                }
                continue;
            }
            int index = (int)(uint)data;
            if (index >= table.Length) table = Volatile.Read(ref s_table);
            PollDesc? pd = index < table.Length ? Volatile.Read(ref table[index]) : null;
            if (pd is null || pd.Seq != (uint)(data >> 32)) continue; // closed since: a stale event
            if ((events & (Epoll.EPOLLIN | Epoll.EPOLLRDHUP | Epoll.EPOLLHUP | Epoll.EPOLLERR)) != 0) Wake(pd, write: false, self, ref ready);
            if ((events & (Epoll.EPOLLOUT | Epoll.EPOLLHUP | Epoll.EPOLLERR)) != 0) Wake(pd, write: true, self, ref ready);
        }
    }

    private static void Wake(PollDesc pd, bool write, Sched self, ref GQueue ready)
    {
        if (pd.Unblock(write, ioready: true) is not PollWaiter w || w.OnPollReady() is not G g) return;
        if (g.Sched == self)
        {
            self.MarkRunnable(g, ref ready);
            Interlocked.Decrement(ref self.ExternalWaits); // runnable first: see PollWaiter.OnPollReady
        }
        else
        {
            g.Sched.ReadyAfterExternalWait(g);
        }
    }

    /// <summary>Interrupts a blocking poll (Go: netpollBreak); coalesced until the poll consumes it.</summary>
    internal static void Break()
    {
        if (s_state <= 0 || Interlocked.Exchange(ref s_breakPending, 1) != 0) return;
        ulong one = 1;
        Epoll.write(s_eventfd, ref one, 8);
    }

    /// <summary>Takes the right to block in the poller (Go: sched.lastpoll.Swap(0) != 0); at most one M has it.</summary>
    internal static bool TryTakeBlockingPoll()
    {
        long last = Volatile.Read(ref s_lastPoll);
        return last != 0 && Interlocked.CompareExchange(ref s_lastPoll, 0, last) == last;
    }

    /// <summary>Gives the right back after the blocking poll returned (Go: sched.lastpoll.Store(now)).</summary>
    internal static void ReleaseBlockingPoll() => Volatile.Write(ref s_lastPoll, Math.Max(1, Stopwatch.GetTimestamp()));

    private static readonly long SysmonPollTicks = Stopwatch.Frequency / 100; // 10 ms

    /// <summary>
    /// Sysmon's turn (Go: sysmon's netpoll(0)): true, with the poll's time taken, if nobody blocks in the
    /// poller and nobody has come back from it for 10 ms.
    /// </summary>
    internal static bool SysmonShouldPoll(long now)
    {
        if (!HasDescriptors) return false;
        long last = Volatile.Read(ref s_lastPoll);
        return last != 0 && now - last > SysmonPollTicks && Interlocked.CompareExchange(ref s_lastPoll, now, last) == last;
    }

    /// <summary>For tests: only this scheduler's Ms may block in the poller (null: any).</summary>
    internal static Sched? BlockingPollOnlyFor;

    /// <summary>For tests: a break was written and no blocking poll has read it yet.</summary>
    internal static bool BreakPending => Volatile.Read(ref s_breakPending) != 0;

    /// <summary>True when nobody blocks in the poller (Go: sched.lastpoll != 0): a non-blocking poll may find events.</summary>
    internal static bool NobodyBlocked => Volatile.Read(ref s_lastPoll) != 0;
}
