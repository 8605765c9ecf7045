using System;
using System.Net;
using System.Text;
using GoSharp.Net;
using Xunit;

namespace GoSharp.Runtime.Tests.Samples;

/// <summary>
/// The server samples, run as a user runs them: port 0, the "listening on HOST:PORT" line, real clients
/// over loopback, then Ctrl+C (SIGINT) and a clean exit. Clients here are plain threads on GoSharp.Net.
/// </summary>
public class ServerSampleTests
{
    [Fact]
    public void EchoServer_echoes_each_client_and_stops_on_ctrl_c()
    {
        if (OperatingSystem.IsWindows()) return; // SIGINT is sent with kill(2)
        using var server = ServerProcess.Start("EchoServer", out IPEndPoint addr);
        Assert.Equal(IPAddress.Loopback, addr.Address);
        Assert.NotEqual(0, addr.Port);
        Conn a = GoSharp.Net.Net.Dial(addr), b = GoSharp.Net.Net.Dial(addr);
        using (a)
        using (b)
        {
            a.Write(Encoding.ASCII.GetBytes("hello from a"));
            b.Write(Encoding.ASCII.GetBytes("and from b"));
            a.CloseWrite();
            b.CloseWrite();
            Assert.Equal("hello from a", ReadToEnd(a));
            Assert.Equal("and from b", ReadToEnd(b));
        }
        Assert.Equal(0, server.Interrupt());
        Assert.Contains("stopped", server.Output);
    }

    [Fact]
    public void ChatServer_broadcasts_to_the_room_and_stops_on_ctrl_c()
    {
        if (OperatingSystem.IsWindows()) return;
        using var server = ServerProcess.Start("ChatServer", out IPEndPoint addr);
        Conn alice = GoSharp.Net.Net.Dial(addr), bob = GoSharp.Net.Net.Dial(addr);
        using (alice)
        using (bob)
        {
            var ra = new LineReader(alice);
            var rb = new LineReader(bob);
            Assert.Equal("welcome! your name?", ra.Next());
            Assert.Equal("welcome! your name?", rb.Next());
            Send(alice, "alice");
            Assert.Equal("* alice joined #lobby (1 here)", ra.Next());
            Send(bob, "bob");
            Assert.Equal("* bob joined #lobby (2 here)", ra.Next());
            Assert.Equal("* bob joined #lobby (2 here)", rb.Next());
            Send(alice, "hi bob");
            Assert.Equal("[#lobby] alice: hi bob", ra.Next());
            Assert.Equal("[#lobby] alice: hi bob", rb.Next());
            Send(bob, "/join go");
            Assert.Equal("* bob left #lobby", ra.Next());
            Assert.Equal("* bob joined #go (1 here)", rb.Next());
            Send(alice, "anyone?");
            Assert.Equal("[#lobby] alice: anyone?", ra.Next());
            Send(bob, "/quit");
            Assert.Null(rb.Next()); // the server closed bob's connection
        }
        Assert.Equal(0, server.Interrupt());
        Assert.Contains("stopped", server.Output);
    }

    private static void Send(Conn c, string line) => c.Write(Encoding.UTF8.GetBytes(line + "\n"));

    private static string ReadToEnd(Conn c)
    {
        c.SetReadDeadline(DateTime.UtcNow.AddMinutes(1)); // a hang guard, not a timing assertion
        var buf = new byte[256];
        int n = 0, r;
        while ((r = c.Read(buf.AsMemory(n))) > 0) n += r;
        return Encoding.ASCII.GetString(buf, 0, n);
    }

    /// <summary>Lines from a connection; a read deadline of a minute guards against a hang.</summary>
    private sealed class LineReader(Conn conn)
    {
        private readonly StringBuilder _pending = new();
        private readonly byte[] _buf = new byte[1024];

        public string? Next()
        {
            while (true)
            {
                string s = _pending.ToString();
                int nl = s.IndexOf('\n');
                if (nl >= 0)
                {
                    _pending.Remove(0, nl + 1);
                    return s[..nl];
                }
                conn.SetReadDeadline(DateTime.UtcNow.AddMinutes(1));
                int n = conn.Read(_buf);
                if (n == 0) return null;
                _pending.Append(Encoding.UTF8.GetString(_buf, 0, n));
            }
        }
    }
}
