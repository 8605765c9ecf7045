using System;
using System.Linq;
using System.Net;
using System.Threading;
using GoSharp.Net;
using Xunit;
using static GoSharp.Net.Net;

namespace GoSharp.Generator.Tests;

/// <summary>A goroutine-per-connection echo server and its clients, as users write them.</summary>
public static partial class NetCases
{
    [Goroutine]
    public static void Serve(Listener ln)
    {
        while (true)
        {
            Conn conn;
            try
            {
                conn = ln.Accept();
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            GoEcho(conn);
        }
    }

    [Goroutine]
    public static void Echo(Conn conn)
    {
        var buf = new byte[1024];
        try
        {
            int n;
            while ((n = conn.Read(buf)) > 0) conn.Write(buf.AsMemory(0, n));
        }
        finally
        {
            conn.Close();
        }
    }

    /// <summary>Connects, waits for the start signal (a closed channel), sends its bytes, reads them back.</summary>
    [Goroutine]
    public static int Client(IPEndPoint server, int id, WaitGroup connected, Chan<Empty> start, CancellationToken token)
    {
        Conn conn = Dial(server);
        connected.Done();
        start.Recv();
        var data = new byte[3000 + id];
        for (int i = 0; i < data.Length; i++) data[i] = (byte)(id + i);
        conn.Write(data);
        conn.CloseWrite();
        var back = new byte[data.Length + 1];
        int got = 0, n;
        while ((n = conn.Read(back.AsMemory(got), token)) > 0) got += n;
        conn.Close();
        if (got != data.Length || !back.AsSpan(0, got).SequenceEqual(data))
            throw new InvalidOperationException($"client {id}: sent {data.Length}, got {got} back");
        return got;
    }
}

public class NetGoroutineTests
{
    [Fact]
    public void Generated_goroutines_park_on_sockets_instead_of_holding_threads()
    {
        const int Clients = 200;
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        using var ln = Listen("127.0.0.1:0");
        var connected = new WaitGroup();
        var start = new Chan<Empty>();
        var clients = new Goroutine<int>[Clients];
        Goroutine server;
        using (rt.Enter())
        {
            server = NetCases.GoServe(ln);
            connected.Add(Clients);
            for (int i = 0; i < Clients; i++) clients[i] = NetCases.GoClient(ln.Addr, i, connected, start, CancellationToken.None);
        }
        connected.Wait();
        // Every echo goroutine waits in Read and the server in Accept: parked, not blocking threads. A
        // thread per blocked goroutine would show as hundreds of Ms.
        Assert.True(SpinWait.SpinUntil(() => CountInIoWait(rt) >= Clients + 1, TimeSpan.FromMinutes(1)),
            $"the echo goroutines did not all park on their sockets:\n{rt.DumpGoroutines()}");
        Assert.True(rt.ThreadCount < 20, $"{rt.ThreadCount} threads for {Clients} connections");
        start.Close();
        long total = clients.Sum(c => (long)c.Join());
        Assert.Equal(Enumerable.Range(0, Clients).Sum(i => 3000L + i), total);
        ln.Close();
        server.Join();
    }

    private static int CountInIoWait(GoRuntime rt) =>
        rt.DumpGoroutines().Split('\n').Count(l => l.StartsWith("goroutine ", StringComparison.Ordinal) && l.Contains("[IO wait", StringComparison.Ordinal));
}
