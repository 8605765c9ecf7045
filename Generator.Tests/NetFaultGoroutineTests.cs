using System;
using System.Net;
using System.Threading;
using GoSharp.Net;
using Xunit;
using static GoSharp.Net.Net;

namespace GoSharp.Generator.Tests;

/// <summary>What a red team found in GoSharp.Net, as users write it: generated goroutines on real sockets.</summary>
public static partial class NetFaultCases
{
    /// <summary>
    /// Close of a connection whose write waits on a full send buffer while the peer keeps sending: after Close's
    /// shutdown the kernel may reset the connection, and the write must still end with ObjectDisposedException.
    /// </summary>
    [Goroutine]
    public static Exception? CloseDuringWriteWhileThePeerSends()
    {
        using var l = Listen("127.0.0.1:0");
        Conn a = Dial(l.Addr);
        Conn b = l.Accept();
        var writing = new Chan<Empty>(1);
        var drained = new Chan<Empty>(1);
        var result = new Chan<Exception?>(1);
        GoWriteBig(a, writing, result);  // b never reads: this write waits
        GoFlood(b);                      // b keeps sending to a
        GoDrain(a, drained);             // and a reads it, so data is in flight when a closes
        writing.Recv();
        drained.Recv();
        a.Close();
        Exception? e = result.Recv();
        b.Close();
        return e;
    }

    private static readonly byte[] s_big = new byte[64 << 20];

    [Goroutine]
    private static void WriteBig(Conn c, Chan<Empty> writing, Chan<Exception?> result)
    {
        writing.Send(default);
        try
        {
            c.Write(s_big); // more than any loopback socket buffers hold: the write waits
            result.Send(null);
        }
        catch (Exception e)
        {
            result.Send(e);
        }
    }

    [Goroutine]
    private static void Flood(Conn c)
    {
        var d = new byte[8192];
        try
        {
            while (true) c.Write(d);
        }
        catch (Exception)
        {
        }
    }

    [Goroutine]
    private static void Drain(Conn c, Chan<Empty> drained)
    {
        var d = new byte[8192];
        try
        {
            if (c.Read(d) > 0) drained.Send(default);
            while (c.Read(d) > 0) { }
        }
        catch (Exception)
        {
        }
    }
}

public class NetFaultGoroutineTests
{
    [Fact]
    public void Close_ends_a_waiting_write_with_ObjectDisposedException_while_the_peer_keeps_sending()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        for (int i = 0; i < 20; i++)
        {
            Exception? e;
            using (rt.Enter()) e = NetFaultCases.GoCloseDuringWriteWhileThePeerSends().Join();
            Assert.IsType<ObjectDisposedException>(e);
        }
    }

    [Fact]
    public void An_empty_read_returns_0_after_its_deadline_passed_and_an_empty_write_does_not()
    {
        // Go's Read checks for an empty buffer before the deadline; its Write checks the deadline first.
        using var l = Listen("127.0.0.1:0");
        using Conn a = Dial(l.Addr);
        using Conn b = l.Accept();
        a.SetDeadline(DateTime.UtcNow.AddSeconds(-1));
        Assert.Equal(0, a.Read(Memory<byte>.Empty));
        Assert.Throws<DeadlineExceededException>(() => a.Write(ReadOnlyMemory<byte>.Empty));
        Assert.Throws<DeadlineExceededException>(() => a.Read(new byte[1]));
    }

    [Fact]
    public void A_connection_dialled_by_host_name_reports_IPv4_addresses_as_its_peer_does()
    {
        using var l = Listen("127.0.0.1:0");
        // A DnsEndPoint makes .NET connect a dual-mode socket, whose addresses come back IPv4-mapped.
        using Conn a = Dial(new DnsEndPoint("localhost", l.Addr.Port));
        using Conn b = l.Accept();
        Assert.Equal(b.RemoteAddr, a.LocalAddr);
        Assert.Equal(b.LocalAddr, a.RemoteAddr);
        Assert.Equal("127.0.0.1", a.RemoteAddr.Address.ToString());
    }
}
