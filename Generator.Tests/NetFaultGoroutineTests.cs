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

    [Goroutine]
    private static void WriteBig(Conn c, Chan<Empty> writing, Chan<Exception?> result)
    {
        writing.Send(default);
        try
        {
            c.Write(new byte[16 << 20]);
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

    /// <summary>
    /// A reader that moves its deadline 30 s ahead before each read while another thread keeps interrupting it
    /// with a deadline in the past: a read that times out although no interrupt began after its own Set, and
    /// whose next read then works (the +30 s deadline was in force), was ended by a stale cancellation.
    /// </summary>
    [Goroutine]
    public static int StaleInterrupts(Conn reader, Conn writer, int rounds, StrongInt interruptsBegun)
    {
        var one = new byte[1];
        int spurious = 0;
        for (int i = 0; i < rounds; i++)
        {
            reader.SetReadDeadline(DateTime.UtcNow.AddSeconds(30));
            long mark = Volatile.Read(ref interruptsBegun.Value);
            writer.Write(one);
            try
            {
                reader.Read(one);
            }
            catch (DeadlineExceededException)
            {
                if (Volatile.Read(ref interruptsBegun.Value) != mark) continue; // an interrupt came after our Set: fair
                reader.SetReadDeadline(DateTime.UtcNow.AddSeconds(30)); // (as it already was)
                reader.Read(one); // the byte is still there: the timed-out read took nothing
                spurious++;
            }
        }
        return spurious;
    }
}

/// <summary>A counter shared by reference with a goroutine.</summary>
public sealed class StrongInt
{
    public long Value;
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

    [Fact]
    public void A_deadline_moved_ahead_is_not_ended_by_an_interrupt_that_came_before_the_move()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2 });
        using var l = Listen("127.0.0.1:0");
        using Conn writer = Dial(l.Addr);
        using Conn reader = l.Accept();
        var begun = new StrongInt();
        var stop = 0;
        var interrupter = new Thread(() =>
        {
            while (Volatile.Read(ref stop) == 0)
            {
                Interlocked.Increment(ref begun.Value);
                reader.SetReadDeadline(DateTime.UtcNow.AddSeconds(-1));
            }
        });
        interrupter.Start();
        int spurious;
        using (rt.Enter()) spurious = NetFaultCases.GoStaleInterrupts(reader, writer, 5_000, begun).Join();
        Volatile.Write(ref stop, 1);
        interrupter.Join();
        Assert.Equal(0, spurious);
    }
}
