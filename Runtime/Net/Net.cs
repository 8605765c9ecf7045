using System;
using System.ComponentModel;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using GoSharp.CompilerServices;

namespace GoSharp.Net;

/// <summary>
/// TCP networking for goroutines (Go: package <c>net</c>): <see cref="Listen(IPEndPoint)"/> and
/// <see cref="Dial(EndPoint)"/>. With <c>using static GoSharp.Net.Net;</c> the calls read as Go's
/// <c>net.Listen</c> and <c>net.Dial</c>. See docs/net.md.
/// </summary>
public static class Net
{
    /// <summary>
    /// Listens for TCP connections on <paramref name="endpoint"/> (port 0: the system picks one, see
    /// <see cref="Listener.Addr"/>). Go: <c>net.Listen("tcp", addr)</c>.
    /// </summary>
    public static Listener Listen(IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // As Go does on Unix: a restarted server can bind its port while old connections linger in TIME_WAIT.
            if (!OperatingSystem.IsWindows()) socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(endpoint);
            socket.Listen();
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new Listener(socket);
    }

    /// <summary>
    /// Listens on <paramref name="address"/>, Go's "host:port" form: "127.0.0.1:8080", "[::1]:0",
    /// "localhost:0", or ":8080" for every IPv4 interface.
    /// </summary>
    public static Listener Listen(string address) => Listen(ParseListenAddress(address));

    /// <summary>
    /// Connects to <paramref name="endpoint"/> (an <see cref="IPEndPoint"/> or a <see cref="DnsEndPoint"/>).
    /// Go: <c>net.Dial("tcp", addr)</c>. A refused connection throws <see cref="SocketException"/>.
    /// </summary>
    [SuspensionPoint(nameof(GetDialAwaiter))]
    public static Conn Dial(EndPoint endpoint) => Dial(endpoint, CancellationToken.None);

    /// <summary>The awaiter behind <see cref="Dial(EndPoint)"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static DialAwaiter GetDialAwaiter(EndPoint endpoint) => new(endpoint, CancellationToken.None);

    /// <summary><see cref="Dial(EndPoint)"/> that can be cancelled (Go: <c>Dialer.DialContext</c>).</summary>
    [SuspensionPoint(nameof(GetDialAwaiter))]
    public static Conn Dial(EndPoint endpoint, CancellationToken cancellationToken)
    {
        var op = new DialOp(endpoint, cancellationToken, goroutine: false);
        op.Wait();
        return op.End();
    }

    /// <summary>The awaiter behind <see cref="Dial(EndPoint, CancellationToken)"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static DialAwaiter GetDialAwaiter(EndPoint endpoint, CancellationToken cancellationToken) => new(endpoint, cancellationToken);

    /// <summary>Connects to "host:port" (Go's form; a name is resolved by the system).</summary>
    [SuspensionPoint(nameof(GetDialAwaiter))]
    public static Conn Dial(string address) => Dial(ParseDialAddress(address));

    /// <summary>The awaiter behind <see cref="Dial(string)"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static DialAwaiter GetDialAwaiter(string address) => new(ParseDialAddress(address), CancellationToken.None);

    private static (string Host, int Port) SplitHostPort(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        int colon = address.LastIndexOf(':');
        if (colon < 0
            || !int.TryParse(address.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port)
            || port > IPEndPoint.MaxPort)
            throw new FormatException($"'{address}' is not a \"host:port\" address with a port from 0 to 65535 (for example \"127.0.0.1:8080\", \"[::1]:0\" or \":8080\").");
        string host = address[..colon];
        if (host.StartsWith('[') && host.EndsWith(']')) host = host[1..^1];
        return (host, port);
    }

    internal static IPEndPoint ParseListenAddress(string address)
    {
        var (host, port) = SplitHostPort(address);
        if (host.Length == 0) return new IPEndPoint(IPAddress.Any, port);
        if (IPAddress.TryParse(host, out IPAddress? ip)) return new IPEndPoint(ip, port);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return new IPEndPoint(IPAddress.Loopback, port);
        IPAddress[] addresses = Dns.GetHostAddresses(host);
        if (addresses.Length == 0) throw new SocketException((int)SocketError.HostNotFound);
        return new IPEndPoint(addresses[0], port);
    }

    internal static EndPoint ParseDialAddress(string address)
    {
        var (host, port) = SplitHostPort(address);
        if (host.Length == 0) return new IPEndPoint(IPAddress.Loopback, port); // Go dials the local system
        if (IPAddress.TryParse(host, out IPAddress? ip)) return new IPEndPoint(ip, port);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return new IPEndPoint(IPAddress.Loopback, port);
        return new DnsEndPoint(host, port);
    }
}
