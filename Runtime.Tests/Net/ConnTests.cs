using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using GoSharp.Net;
using Xunit;
using static GoSharp.Runtime.Tests.Net.NetTestKit;

namespace GoSharp.Runtime.Tests.Net;

public class ConnTests
{
    private static IEnumerable<Op> Client(IPEndPoint server, int id, int size, Action<int> received)
    {
        var d = NetOps.Dial(server);
        yield return d;
        Conn c = d.Result;
        byte[] data = Pattern(id, size);
        // Uneven chunks, so reads and writes never line up by accident.
        for (int off = 0; off < size; off += 997)
            yield return NetOps.Write(c, data.AsMemory(off, Math.Min(997, size - off)));
        c.CloseWrite();
        var got = new byte[size + 1];
        int n = 0;
        while (true)
        {
            var r = NetOps.Read(c, got.AsMemory(n));
            yield return r;
            if (r.Result == 0) break;
            n += r.Result;
        }
        c.Close();
        if (n != size || !got.AsSpan(0, n).SequenceEqual(data))
            throw new InvalidOperationException($"client {id}: sent {size} bytes, got back {n}, first difference at {got.AsSpan(0, Math.Min(n, size)).CommonPrefixLength(data)}");
        received(n);
    }

    [Theory, InlineData(1), InlineData(2)]
    public void Many_concurrent_clients_get_back_exactly_what_they_sent(int procs) => Rt.With(procs, rt =>
    {
        const int Clients = 200;
        using Listener l = NetOps.ListenLoopback();
        Goroutine server = rt.Go(AcceptLoop(rt, l));
        long total = 0;
        long expected = 0;
        var clients = new List<Goroutine>();
        for (int i = 0; i < Clients; i++)
        {
            int size = 1 + i * 83 % 20_000;
            expected += size;
            clients.Add(rt.Go(Client(l.Addr, i, size, n => Interlocked.Add(ref total, n))));
        }
        foreach (Goroutine c in clients) c.Join();
        l.Close();
        server.Join();
        Assert.Equal(expected, Interlocked.Read(ref total));
    });

    [Fact]
    public void Half_closed_connection_reads_the_end_and_still_answers() => Rt.With(2, rt =>
    {
        using Listener l = NetOps.ListenLoopback();
        string? serverGot = null, clientGot = null;
        int serverReadsAfterEnd = -1;
        IEnumerable<Op> Server()
        {
            var a = NetOps.Accept(l);
            yield return a;
            Conn c = a.Result;
            var buf = new byte[64];
            int n = 0;
            while (true)
            {
                var r = NetOps.Read(c, buf.AsMemory(n));
                yield return r;
                if (r.Result == 0) break;
                n += r.Result;
            }
            serverGot = Encoding.ASCII.GetString(buf, 0, n);
            // The end of the stream stays the end.
            var again = NetOps.Read(c, buf);
            yield return again;
            serverReadsAfterEnd = again.Result;
            yield return NetOps.Write(c, Encoding.ASCII.GetBytes("bye"));
            c.Close();
        }
        IEnumerable<Op> Client()
        {
            var d = NetOps.Dial(l.Addr);
            yield return d;
            Conn c = d.Result;
            yield return NetOps.Write(c, Encoding.ASCII.GetBytes("hello"));
            c.CloseWrite();
            var buf = new byte[64];
            int n = 0;
            while (true)
            {
                var r = NetOps.Read(c, buf.AsMemory(n));
                yield return r;
                if (r.Result == 0) break;
                n += r.Result;
            }
            clientGot = Encoding.ASCII.GetString(buf, 0, n);
            c.Close();
        }
        Goroutine s = rt.Go(Server());
        rt.Go(Client()).Join();
        s.Join();
        Assert.Equal("hello", serverGot);
        Assert.Equal(0, serverReadsAfterEnd);
        Assert.Equal("bye", clientGot);
    });

    [Fact]
    public void Plain_threads_read_and_write_by_blocking()
    {
        var (a, b) = Pair();
        using (a)
        using (b)
        {
            Assert.Equal(b.LocalAddr, a.RemoteAddr);
            Assert.Equal(a.LocalAddr, b.RemoteAddr);
            a.Write(Encoding.ASCII.GetBytes("ping"));
            var buf = new byte[4];
            int n = 0;
            while (n < 4) n += b.Read(buf.AsMemory(n));
            Assert.Equal("ping", Encoding.ASCII.GetString(buf));
            Assert.Equal(0, b.Read(Memory<byte>.Empty));
            a.CloseWrite();
            Assert.Equal(0, b.Read(buf));
        }
    }

    [Fact]
    public void Goroutines_and_threads_share_a_connection() => Rt.With(2, rt =>
    {
        var (a, b) = Pair();
        using (a)
        using (b)
        {
            Goroutine echo = rt.Go(Echo(b));
            var data = Pattern(7, 100_000);
            var got = new byte[data.Length];
            Exception? readError = null;
            var reader = new Thread(() =>
            {
                try
                {
                    int n = 0;
                    while (n < got.Length) n += a.Read(got.AsMemory(n));
                }
                catch (Exception ex)
                {
                    readError = ex; // reported on the test's thread
                }
            });
            reader.Start();
            a.Write(data);
            reader.Join();
            Assert.Null(readError);
            a.CloseWrite();
            echo.Join();
            Assert.True(got.AsSpan().SequenceEqual(data));
        }
    });

    [Fact]
    public void Addresses_parse_as_Go_writes_them()
    {
        using Listener l = GoSharp.Net.Net.Listen("127.0.0.1:0");
        Assert.Equal(IPAddress.Loopback, l.Addr.Address);
        Assert.NotEqual(0, l.Addr.Port);
        using Conn c = GoSharp.Net.Net.Dial($"localhost:{l.Addr.Port}");
        using Conn s = l.Accept();
        Assert.Equal(c.LocalAddr, s.RemoteAddr);
        Assert.Equal(IPAddress.Any, GoSharp.Net.Net.ParseListenAddress(":8080").Address);
        Assert.Equal(IPAddress.IPv6Loopback, GoSharp.Net.Net.ParseListenAddress("[::1]:0").Address);
        var bad = Assert.Throws<FormatException>(() => GoSharp.Net.Net.Listen("127.0.0.1"));
        Assert.Contains("host:port", bad.Message);
        Assert.Throws<FormatException>(() => GoSharp.Net.Net.Dial("127.0.0.1:70000"));
    }

    [Fact]
    public void Dial_to_a_closed_port_is_refused() => Rt.With(1, rt =>
    {
        IPEndPoint addr;
        using (Listener l = NetOps.ListenLoopback()) addr = l.Addr;
        Exception? error = null;
        IEnumerable<Op> Dialer()
        {
            var d = NetOps.Dial(addr).Catch();
            yield return d;
            error = d.Error;
        }
        rt.Go(Dialer()).Join();
        var se = Assert.IsType<SocketException>(error);
        Assert.Equal(SocketError.ConnectionRefused, se.SocketErrorCode);
    });
    [Theory, InlineData(1), InlineData(2)]
    public void A_large_write_arrives_whole_while_the_peer_reads_in_small_pieces(int procs) => Rt.With(procs, rt =>
    {
        // More than the socket buffers hold: the write goes out in part at once, then waits for the poller,
        // perhaps several times; every byte must arrive once and in order.
        var (a, b) = Pair();
        using (a)
        using (b)
        {
            byte[] data = Pattern(7, 8 << 20);
            IEnumerable<Op> Writer()
            {
                yield return NetOps.Write(a, data);
                a.CloseWrite();
            }
            Goroutine g = rt.Go(Writer());
            var got = new byte[data.Length + 1];
            int n = 0, r;
            while ((r = b.Read(got.AsMemory(n, Math.Min(1500, got.Length - n)))) > 0) n += r;
            g.Join();
            Assert.Equal(data.Length, n);
            Assert.True(got.AsSpan(0, n).SequenceEqual(data), $"first difference at {got.AsSpan(0, n).CommonPrefixLength(data)}");
        }
    });

    [Fact]
    public void The_local_address_outlives_Close()
    {
        var (a, b) = Pair();
        using (b)
        {
            IPEndPoint local = a.LocalAddr;
            Assert.Equal(b.RemoteAddr, local);
            string before = a.ToString();
            a.Close();
            Assert.Equal(local, a.LocalAddr);
            Assert.Equal(before, a.ToString());
        }
    }
}
