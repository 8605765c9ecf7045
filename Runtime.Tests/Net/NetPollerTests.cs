using System;
using System.Collections.Generic;
using System.Threading;
using GoSharp.Net;
using GoSharp.Net.Poll;
using Xunit;
using static GoSharp.Runtime.Tests.Net.NetTestKit;

namespace GoSharp.Runtime.Tests.Net;

/// <summary>
/// GoSharp's own network poller (Runtime/Net/Poll): goroutines' reads, writes and accepts wait on it on Linux
/// unless GOSHARP_NETPOLL=0. Every other networking test runs on whichever path is on; these check the poller's
/// own protocol: a parked operation is in its descriptor's slot, and every waker (an edge, a deadline, Close)
/// takes it out and readies the goroutine exactly once.
/// </summary>
public class NetPollerTests
{
    /// <summary>On Linux the poller serves goroutines unless the switch turns it off.</summary>
    internal static bool PollerExpected =>
        OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable(NetPoller.Variable)?.Trim().ToLowerInvariant() is not ("0" or "false" or "off" or "no");

    /// <summary>Spins until the goroutine's operation on <paramref name="c"/> is parked: in the poller's slot, or on .NET's engine.</summary>
    internal static void UntilWaiting(GoRuntime rt, Conn c, bool write)
    {
        if (c.Poll is PollDesc pd) SpinWait.SpinUntil(() => pd.HasWaiter(write));
        else UntilParkedOnNetwork(rt, 1);
    }

    [Fact]
    public void Goroutines_wait_on_the_poller_on_Linux_unless_it_is_switched_off() => Rt.With(1, rt =>
    {
        var (a, b) = Pair();
        using (a)
        using (b)
        {
            Assert.Equal(PollerExpected, NetPoller.Enabled);
            Assert.Equal(PollerExpected, a.Poll is not null);
            int got = -1;
            var buf = new byte[8];
            IEnumerable<Op> Reader()
            {
                var r = NetOps.Read(a, buf);
                yield return r;
                got = r.Result;
            }
            Goroutine g = rt.Go(Reader());
            UntilWaiting(rt, a, write: false);
            b.Write(new byte[] { 1, 2, 3 });
            g.Join();
            Assert.Equal(3, got);
            Assert.Equal(new byte[] { 1, 2, 3 }, buf[..3]);
        }
    });

    [Fact]
    public void Two_goroutines_accept_at_once_one_on_the_poller_and_Close_ends_both_waits() => Rt.With(2, rt =>
    {
        using Listener l = NetOps.ListenLoopback();
        var accepted = new List<Conn>();
        var errors = new List<Exception?>();
        IEnumerable<Op> Acceptor()
        {
            while (true)
            {
                var a = NetOps.Accept(l).Catch();
                yield return a;
                lock (errors)
                {
                    if (a.Error is null) accepted.Add(a.Result);
                    else errors.Add(a.Error);
                }
                if (a.Error is not null) yield break;
            }
        }
        Goroutine first = rt.Go(Acceptor()), second = rt.Go(Acceptor());
        UntilParkedOnNetwork(rt, 2);
        if (l.Poll is PollDesc pd) SpinWait.SpinUntil(() => pd.HasWaiter(write: false));
        // Both waits are served, the one on the poller and the one on .NET's engine (which gets which
        // connection is a race between the two engines, and one may take both).
        using Conn c1 = GoSharp.Net.Net.Dial(l.Addr), c2 = GoSharp.Net.Net.Dial(l.Addr);
        SpinWait.SpinUntil(() => { lock (errors) return accepted.Count == 2; });
        UntilParkedOnNetwork(rt, 2);
        l.Close();
        first.Join();
        second.Join();
        foreach (Conn c in accepted) c.Close();
        Assert.Equal(2, accepted.Count);
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.IsType<ObjectDisposedException>(e));
    });

    [Fact]
    public void A_goroutine_dials_on_the_poller_and_the_Conn_knows_both_addresses() => Rt.With(1, rt =>
    {
        using Listener l = NetOps.ListenLoopback();
        Conn? dialled = null;
        IEnumerable<Op> Dialer()
        {
            var d = NetOps.Dial(l.Addr);
            yield return d;
            dialled = d.Result;
        }
        rt.Go(Dialer()).Join();
        using Conn server = l.Accept();
        using Conn c = dialled!;
        Assert.Equal(PollerExpected, c.Poll is not null);
        Assert.Equal(l.Addr, c.RemoteAddr);
        Assert.Equal(server.RemoteAddr, c.LocalAddr);
        c.Write(new byte[] { 42 });
        server.SetReadDeadline(SafetyNet);
        var one = new byte[1];
        Assert.Equal(1, server.Read(one));
        Assert.Equal(42, one[0]);
    });

    [Fact]
    public void A_deadline_moved_into_the_past_wakes_a_parked_read_and_the_Conn_stays_usable() => Rt.With(2, rt =>
    {
        var (a, b) = Pair();
        using (a)
        using (b)
        {
            Exception? first = null;
            int second = -1;
            var buf = new byte[4];
            IEnumerable<Op> Reader()
            {
                var r = NetOps.Read(a, buf).Catch();
                yield return r;
                first = r.Error;
                a.SetReadDeadline(default);
                var r2 = NetOps.Read(a, buf);
                yield return r2;
                second = r2.Result;
            }
            a.SetReadDeadline(SafetyNet);
            Goroutine g = rt.Go(Reader());
            UntilWaiting(rt, a, write: false);
            a.SetReadDeadline(DateTime.UtcNow.AddSeconds(-1));
            SpinWait.SpinUntil(() => Volatile.Read(ref first) is not null);
            b.Write(new byte[] { 5 });
            g.Join();
            var d = Assert.IsType<DeadlineExceededException>(first);
            Assert.Equal("read", d.Operation);
            Assert.Equal(1, second);
            Assert.Equal(5, buf[0]);
        }
    });

    [Fact]
    public void A_deadline_timer_fires_a_read_parked_on_the_poller() => Rt.With(1, rt =>
    {
        var (a, b) = Pair();
        using (a)
        using (b)
        {
            Exception? error = null;
            IEnumerable<Op> Reader()
            {
                a.SetReadDeadline(DateTime.UtcNow.AddMilliseconds(30));
                var r = NetOps.Read(a, new byte[4]).Catch();
                yield return r;
                error = r.Error;
            }
            rt.Go(Reader()).Join();
            Assert.Equal("read", Assert.IsType<DeadlineExceededException>(error).Operation);
            if (a.Poll is PollDesc pd) Assert.False(pd.HasWaiter(write: false));
        }
    });

    [Fact]
    public void Close_wakes_a_read_parked_on_the_poller_and_the_peer_reads_the_end() => Rt.With(2, rt =>
    {
        var (a, b) = Pair();
        using (b)
        {
            Exception? error = null;
            IEnumerable<Op> Reader()
            {
                var r = NetOps.Read(a, new byte[4]).Catch();
                yield return r;
                error = r.Error;
            }
            Goroutine g = rt.Go(Reader());
            UntilWaiting(rt, a, write: false);
            a.Close();
            g.Join();
            Assert.IsType<ObjectDisposedException>(error);
            b.SetReadDeadline(SafetyNet);
            Assert.Equal(0, b.Read(new byte[4]));
        }
    });

    [Fact]
    public void A_write_that_fills_the_socket_waits_on_the_poller_until_the_peer_reads_it_all() => Rt.With(2, rt =>
    {
        var (a, b) = Pair();
        using (a)
        using (b)
        {
            // More than loopback's send and receive buffers hold together, so the write must wait for the reader.
            byte[] data = Pattern(7, 32 << 20);
            int done = 0;
            IEnumerable<Op> Writer()
            {
                yield return NetOps.Write(a, data);
                Volatile.Write(ref done, 1);
            }
            Goroutine g = rt.Go(Writer());
            if (a.Poll is PollDesc pd)
            {
                SpinWait.SpinUntil(() => pd.HasWaiter(write: true) || Volatile.Read(ref done) != 0);
                Assert.Equal(0, Volatile.Read(ref done));
            }
            var got = new byte[data.Length];
            int n = 0;
            b.SetReadDeadline(SafetyNet);
            while (n < got.Length) n += b.Read(got.AsMemory(n));
            g.Join();
            Assert.True(got.AsSpan().SequenceEqual(data));
        }
    });

    private static IEnumerable<Op> StreamingClient(System.Net.IPEndPoint server, GoRuntime rt, int id, int size, Action<long> received)
    {
        var d = NetOps.Dial(server);
        yield return d;
        Conn c = d.Result;
        byte[] data = Pattern(id, size);
        // A writer of its own, so that the echo's writes wait on this side's reads and this side's writes on
        // the echo's: both directions of both ends park on the poller.
        IEnumerable<Op> Writer()
        {
            for (int off = 0; off < size; off += 4093)
                yield return NetOps.Write(c, data.AsMemory(off, Math.Min(4093, size - off)));
            c.CloseWrite();
        }
        Goroutine w = rt.Go(Writer());
        var got = new byte[size + 1];
        int n = 0;
        while (true)
        {
            var r = NetOps.Read(c, got.AsMemory(n, Math.Min(got.Length - n, 3001)));
            yield return r;
            if (r.Result == 0) break;
            n += r.Result;
        }
        yield return Ops.Join(w);
        c.Close();
        if (n != size || !got.AsSpan(0, n).SequenceEqual(data))
            throw new InvalidOperationException($"client {id}: sent {size} bytes, got back {n}, first difference at {got.AsSpan(0, Math.Min(n, size)).CommonPrefixLength(data)}");
        received(n);
    }

    [Theory, InlineData(1), InlineData(2)]
    public void Many_clients_streaming_both_ways_get_back_exactly_what_they_sent(int procs) => Rt.With(procs, rt =>
    {
        const int Clients = 64;
        using Listener l = NetOps.ListenLoopback();
        Goroutine server = rt.Go(AcceptLoop(rt, l));
        long total = 0, expected = 0;
        var clients = new List<Goroutine>();
        for (int i = 0; i < Clients; i++)
        {
            int size = 100_000 + i * 7919 % 300_000;
            expected += size;
            clients.Add(rt.Go(StreamingClient(l.Addr, rt, i, size, n => Interlocked.Add(ref total, n))));
        }
        foreach (Goroutine c in clients) c.Join();
        l.Close();
        server.Join();
        Assert.Equal(expected, Interlocked.Read(ref total));
    });

    /// <summary>
    /// Conns and a Listener collected without Close give their descriptors back (a red team's server that forgot
    /// Close grew the poller's table and registered count without bound, and kept Ms polling for sockets long gone).
    /// </summary>
    [Fact]
    public void Conns_collected_without_Close_free_their_descriptors()
    {
        if (!PollerExpected) return;
        List<WeakReference> owners = new();
        List<PollDesc> descriptors = MakeAndDrop(owners);
        Assert.NotEmpty(descriptors);
        for (int round = 0; round < 10 && owners.Exists(w => w.IsAlive); round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.DoesNotContain(owners, w => w.IsAlive);
        foreach (PollDesc pd in descriptors)
        {
            Assert.True(pd.IsClosing);
            Assert.False(NetPoller.Holds(pd));
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static List<PollDesc> MakeAndDrop(List<WeakReference> owners)
    {
        var descriptors = new List<PollDesc>();
        Listener l = NetOps.ListenLoopback();
        for (int i = 0; i < 8; i++)
        {
            Conn c = GoSharp.Net.Net.Dial(l.Addr);
            Conn s = l.Accept();
            foreach (Conn conn in new[] { c, s })
            {
                descriptors.Add(conn.Poll!);
                owners.Add(new WeakReference(conn));
            }
        }
        descriptors.Add(l.Poll!);
        owners.Add(new WeakReference(l));
        return descriptors;
    }

    [Fact]
    public void A_deterministic_runtime_serves_its_own_clients_through_the_poller()
    {
        // Deterministic mode's one M must poll too: nobody else readies its goroutines' sockets.
        var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = 11 });
        try
        {
            using Listener l = NetOps.ListenLoopback();
            long total = 0, expected = 0;
            IEnumerable<Op> Main()
            {
                Goroutine server = rt.Go(AcceptLoop(rt, l));
                var clients = new List<Goroutine>();
                for (int i = 0; i < 16; i++)
                {
                    int size = 1 + i * 4099 % 70_000;
                    expected += size;
                    clients.Add(rt.Go(StreamingClient(l.Addr, rt, i, size, n => Interlocked.Add(ref total, n))));
                }
                foreach (Goroutine c in clients) yield return Ops.Join(c);
                l.Close();
                yield return Ops.Join(server);
            }
            rt.Go(Main()).Join();
            Assert.Equal(expected, Interlocked.Read(ref total));
        }
        finally
        {
            rt.Dispose();
        }
    }
}

/// <summary>The poller's break (Go: netpollBreak): process-wide state, so on its own.</summary>
[Collection(nameof(ProcessWideState))]
public class NetPollerBreakTests
{
    private static IEnumerable<Op> RecordM(Action<int> record)
    {
        record(GoSharp.Scheduler.M.Current!.Id);
        yield break;
    }

    private static bool PollingMIsNextIdle(GoRuntime rt)
    {
        int m = rt.Sched.MInPoll;
        return m >= 0 && rt.Sched.IdleMHeadId == m;
    }

    private static IEnumerable<Op> Nothing()
    {
        yield break;
    }

    [Fact]
    public void A_goroutine_readied_by_a_plain_thread_runs_on_the_one_M_blocked_in_the_poller()
    {
        if (!NetPollerTests.PollerExpected)
        {
            Assert.False(NetPoller.Enabled);
            return;
        }
        var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        var (a, b) = Pair();
        NetPoller.BlockingPollOnlyFor = rt.Sched;
        try
        {
            int got = -1;
            IEnumerable<Op> Reader()
            {
                var r = NetOps.Read(a, new byte[4]);
                yield return r;
                got = r.Result;
            }
            // A goroutine parked on a socket, and the runtime's one M idle: it blocks in epoll_wait. Another
            // runtime's M may hold the one blocking poll: break it out until ours has it.
            Goroutine reader = rt.Go(Reader());
            NetPollerTests.UntilWaiting(rt, a, write: false);
            // It must also be the idle M that StartM takes first (a second M may have been started meanwhile and
            // sleep on its note): a break makes the polling M put itself back at the head of the list.
            while (!PollingMIsNextIdle(rt))
            {
                NetPoller.Break();
                rt.Go(Nothing()).Join();
                Thread.Yield();
            }
            SpinWait.SpinUntil(() => !NetPoller.BreakPending && PollingMIsNextIdle(rt));
            int pollM = rt.Sched.MInPoll;
            int ranOn = -1;
            // Readied from this thread: StartM takes the M in the poller off the idle list and breaks its poll.
            rt.Go(RecordM(id => ranOn = id)).Join();
            Assert.Equal(pollM, ranOn);
            b.Write(new byte[] { 1 });
            reader.Join();
            Assert.Equal(1, got);
        }
        finally
        {
            NetPoller.BlockingPollOnlyFor = null;
            a.Dispose();
            b.Dispose();
            rt.Dispose();
        }
    }
}
