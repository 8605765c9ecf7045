using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using GoSharp.Net;
using Xunit;
using static GoSharp.Runtime.Tests.Net.NetTestKit;

namespace GoSharp.Runtime.Tests.Net;

public class NetFaultTests
{
    [Fact]
    public void Disposing_the_runtime_closes_the_sockets_its_goroutines_wait_on()
    {
        var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2 });
        Listener l = NetOps.ListenLoopback();
        IPEndPoint addr = l.Addr;
        Goroutine reader = default;
        IEnumerable<Op> Server()
        {
            var a = NetOps.Accept(l);
            yield return a;
            reader = rt.Go(ReadForever(a.Result));
            yield return NetOps.Accept(l); // parks for good
        }
        static IEnumerable<Op> ReadForever(Conn c)
        {
            while (true)
            {
                var r = NetOps.Read(c, new byte[16]);
                yield return r;
            }
        }
        Goroutine server = rt.Go(Server());
        using Conn client = GoSharp.Net.Net.Dial(addr);
        UntilParkedOnNetwork(rt, 2);
        rt.Dispose();
        // The server's end of the connection was closed: the client reads the end of the stream.
        client.SetReadDeadline(SafetyNet);
        Assert.Equal(0, client.Read(new byte[16]));
        // So was the listener.
        var refused = Assert.Throws<SocketException>(() => GoSharp.Net.Net.Dial(addr));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        Assert.Throws<ObjectDisposedException>(() => server.Join());
        Assert.Throws<ObjectDisposedException>(() => reader.Join());
        Assert.Equal(0, rt.NumGoroutine);
    }

    [Fact]
    public void Disposing_the_runtime_ends_plain_code_blocked_in_Read_on_an_M()
    {
        var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2 });
        var (a, b) = Pair();
        using (b)
        {
            IEnumerable<Op> PlainRead()
            {
                a.Read(new byte[16]); // not yielded: plain code blocking the M's thread, as in a lambda
                yield break;
            }
            Goroutine g = rt.Go(PlainRead());
            SpinWait.SpinUntil(() => Dumps.CountInStatus(rt, "[syscall") >= 1);
            rt.Dispose(TimeSpan.FromMinutes(1)); // a safety net: without the socket closed, the M would outlive it
            Assert.True(rt.Sched.AllMsExited, "an M stayed blocked in Conn.Read after Dispose");
            Assert.Throws<ObjectDisposedException>(() => g.Join());
            b.SetReadDeadline(SafetyNet);
            Assert.Equal(0, b.Read(new byte[16]));
        }
    }

    [Fact]
    public void A_peer_that_vanishes_gives_the_reader_the_reset() => Rt.With(2, rt =>
    {
        using Listener l = NetOps.ListenLoopback();
        var peer = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        peer.Connect(l.Addr);
        using Conn c = l.Accept();
        Exception? error = null;
        IEnumerable<Op> Reader()
        {
            var r = NetOps.Read(c, new byte[16]).Catch();
            yield return r;
            error = r.Error;
        }
        Goroutine g = rt.Go(Reader());
        UntilParkedOnNetwork(rt, 1);
        peer.LingerState = new LingerOption(true, 0); // close with a reset, as a crashed host's stack would
        peer.Close();
        g.Join();
        var se = Assert.IsType<SocketException>(error);
        Assert.Equal(SocketError.ConnectionReset, se.SocketErrorCode);
    });

    [Fact]
    public void Close_ends_a_pending_write_with_ObjectDisposedException() => Rt.With(2, rt =>
    {
        // Red team: the pending write sometimes failed as a broken pipe (7 of 40 runs); a few rounds make
        // that ordering likely here too.
        for (int round = 0; round < 20; round++)
        {
            var (a, b) = Pair();
            using (b)
            {
                Exception? error = null;
                IEnumerable<Op> Writer()
                {
                    var chunk = new byte[256 * 1024];
                    while (true)
                    {
                        var w = NetOps.Write(a, chunk).Catch();
                        yield return w;
                        if (w.Error is not null)
                        {
                            error = w.Error;
                            yield break;
                        }
                    }
                }
                Goroutine g = rt.Go(Writer());
                UntilParkedOnNetwork(rt, 1); // the socket buffers are full: the write is pending
                a.Close();
                g.Join();
                Assert.True(error is ObjectDisposedException, $"round {round}: {error}");
            }
        }
    });

    [Fact]
    public void A_second_concurrent_read_is_refused_and_Close_ends_the_first() => Rt.With(2, rt =>
    {
        var (a, b) = Pair();
        using (b)
        {
            Exception? error = null;
            IEnumerable<Op> Reader()
            {
                var r = NetOps.Read(a, new byte[16]).Catch();
                yield return r;
                error = r.Error;
            }
            Goroutine g = rt.Go(Reader());
            UntilParkedOnNetwork(rt, 1);
            var second = Assert.Throws<InvalidOperationException>(() => a.Read(new byte[16]));
            Assert.Contains("already in progress", second.Message);
            a.Close();
            g.Join();
            Assert.IsType<ObjectDisposedException>(error);
            Assert.Throws<ObjectDisposedException>(() => a.Read(new byte[16]));
            Assert.Throws<ObjectDisposedException>(() => a.Write(new byte[16]));
            Assert.Throws<ObjectDisposedException>(() => a.SetDeadline(DateTime.UtcNow));
            a.Close(); // twice: nothing
        }
    });

    [Fact]
    public void Closing_the_listener_ends_a_waiting_Accept() => Rt.With(1, rt =>
    {
        Listener l = NetOps.ListenLoopback();
        Exception? error = null;
        IEnumerable<Op> Server()
        {
            var a = NetOps.Accept(l).Catch();
            yield return a;
            error = a.Error;
        }
        Goroutine g = rt.Go(Server());
        UntilParkedOnNetwork(rt, 1);
        l.Close();
        g.Join();
        Assert.IsType<ObjectDisposedException>(error);
        Assert.Throws<ObjectDisposedException>(() => l.Accept());
    });

    [Fact]
    public void Accept_and_Dial_end_when_their_token_is_cancelled()
    {
        using Listener l = NetOps.ListenLoopback();
        using (var cts = new CancellationTokenSource())
        {
            Exception? error = null;
            var accepting = new Thread(() =>
            {
                try
                {
                    l.Accept(cts.Token).Close();
                }
                catch (Exception ex)
                {
                    error = ex;
                }
            });
            accepting.Start();
            cts.Cancel(); // before or during the Accept: either way it ends with the token
            accepting.Join();
            var oce = Assert.IsAssignableFrom<OperationCanceledException>(error);
            Assert.Equal(cts.Token, oce.CancellationToken);
        }
        // The listener still works.
        using Conn c = GoSharp.Net.Net.Dial(l.Addr);
        using Conn s = l.Accept();
        Assert.Equal(c.LocalAddr, s.RemoteAddr);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => GoSharp.Net.Net.Dial(l.Addr, cancelled.Token));
    }

    [Fact]
    public void A_server_waiting_in_Accept_is_not_reported_as_deadlocked()
    {
        var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, DetectDeadlocks = true, DeadlockOnAllAsleep = true });
        try
        {
            using Listener l = NetOps.ListenLoopback();
            int got = 0;
            IEnumerable<Op> Server()
            {
                var a = NetOps.Accept(l);
                yield return a;
                var r = NetOps.Read(a.Result, new byte[4]);
                yield return r;
                got = r.Result;
                a.Result.Close();
            }
            IEnumerable<Op> Main(Goroutine server)
            {
                yield return Ops.Join(server); // every goroutine parked: only the network can wake them
            }
            Goroutine server = rt.Go(Server());
            Goroutine main = rt.Go(Main(server));
            UntilParkedOnNetwork(rt, 1);
            using Conn c = GoSharp.Net.Net.Dial(l.Addr);
            c.Write(new byte[] { 1, 2 });
            main.Join();
            Assert.True(got > 0);
        }
        finally
        {
            rt.Dispose();
        }
    }
}
