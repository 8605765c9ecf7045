using System;
using System.ComponentModel;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using GoSharp.CompilerServices;
using GoSharp.Net.Poll;

namespace GoSharp.Net;

/// <summary>
/// A TCP connection (Go: <c>net.Conn</c>, <c>*net.TCPConn</c>), from <see cref="Net.Dial(EndPoint)"/> or
/// <see cref="Listener.Accept()"/>. <see cref="Read(Memory{byte})"/> and <see cref="Write(ReadOnlyMemory{byte})"/>
/// are suspension points: inside a <c>[Goroutine]</c> method the goroutine parks on the socket (no thread
/// is held) and allocates nothing per call in steady state; in plain code they block the thread.
/// One Read and one Write may be outstanding at a time (from different goroutines), as in Go.
/// Deadlines (<see cref="SetDeadline"/>) are absolute times that hold for the outstanding and every later
/// operation. See docs/net.md.
/// </summary>
public sealed class Conn : IDisposable
{
    internal readonly Socket Socket;
    /// <summary>The socket's registration with GoSharp's poller, or null (.NET's engine serves every wait).</summary>
    internal readonly PollDesc? Poll;
    private readonly ConnOp _read;
    private readonly ConnOp _write;
    private IPEndPoint? _localAddr;
    private int _closed;
    private readonly PollGuard? _pollGuard;

    internal Conn(Socket socket, PollDesc? registered = null)
    {
        Socket = socket;
        // A peer may reset the connection before it is even accepted: the Conn is made all the same, and
        // its first Read reports the reset (as Go's Accept succeeds and the Read fails).
        try
        {
            socket.NoDelay = true; // as Go's TCPConn: small writes go out at once
            // A write tries the system call first (ConnOp): it must fail with "would block", not wait.
            socket.Blocking = false;
        }
        catch (SocketException)
        {
        }
        // Goroutines wait on GoSharp's poller (Runtime/Net/Poll) when it is on; null: .NET's engine.
        Poll = registered ?? NetPoller.Register(socket); // a Dial on the poller registered it for its connect
        if (Poll is not null) _pollGuard = new PollGuard(Poll); // a Conn collected without Close frees it
        // The peer's address is the socket's own (kept since accept or connect); ours is made when asked.
        RemoteAddr = EndPointOf(socket, local: false);
        _read = new ConnOp(this, write: false);
        _write = new ConnOp(this, write: true);
    }

    private static IPEndPoint EndPointOf(Socket socket, bool local)
    {
        try
        {
            if ((local ? socket.LocalEndPoint : socket.RemoteEndPoint) is IPEndPoint ep)
            {
                // A socket dialled by host name is dual-mode: its IPv4 addresses come back IPv4-mapped
                // ([::ffff:127.0.0.1]); Go, and the accepting end, report them as IPv4.
                return ep.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(ep.Address.MapToIPv4(), ep.Port) : ep;
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }
        return new IPEndPoint(IPAddress.None, 0);
    }

    /// <summary>This end's address (Go: <c>LocalAddr</c>).</summary>
    public IPEndPoint LocalAddr
    {
        get
        {
            if (_localAddr is null) Interlocked.CompareExchange(ref _localAddr, EndPointOf(Socket, local: true), null);
            return _localAddr;
        }
    }

    /// <summary>The peer's address (Go: <c>RemoteAddr</c>).</summary>
    public IPEndPoint RemoteAddr { get; }

    internal bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>The read direction (tests act on its outstanding operation as a deadline would).</summary>
    internal ConnOp ReadDirection => _read;

    /// <summary>
    /// Reads at most <paramref name="buffer"/>'s length of bytes, waiting until at least one is there; returns
    /// how many it read, or 0 at the end of the stream (the peer closed or half-closed its side). That is
    /// .NET's convention for streams; Go returns <c>0, io.EOF</c> instead. An empty buffer returns 0 at once.
    /// Throws <see cref="DeadlineExceededException"/> when the read deadline passes, <see cref="SocketException"/>
    /// when the peer reset the connection, <see cref="ObjectDisposedException"/> once the Conn is closed, and
    /// <see cref="InvalidOperationException"/> if another Read is in progress.
    /// </summary>
    [SuspensionPoint(nameof(GetReadAwaiter))]
    public int Read(Memory<byte> buffer) => Read(buffer, CancellationToken.None);

    /// <summary>The awaiter behind <see cref="Read(Memory{byte})"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ConnReadAwaiter GetReadAwaiter(Memory<byte> buffer) => new(_read, buffer, CancellationToken.None);

    /// <summary>
    /// <see cref="Read(Memory{byte})"/> that also ends with <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> is cancelled (the connection stays usable).
    /// </summary>
    [SuspensionPoint(nameof(GetReadAwaiter))]
    public int Read(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (!_read.Begin(buffer, default, cancellationToken, goroutine: false)) _read.Wait();
        return _read.End();
    }

    /// <summary>The awaiter behind <see cref="Read(Memory{byte}, CancellationToken)"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ConnReadAwaiter GetReadAwaiter(Memory<byte> buffer, CancellationToken cancellationToken) => new(_read, buffer, cancellationToken);

    /// <summary>
    /// Writes all of <paramref name="data"/>, waiting as long as the peer does not take it (Go's Write also
    /// writes everything or fails). Throws as <see cref="Read(Memory{byte})"/> does, with the write deadline;
    /// after a failure an unknown part of the data may have been sent.
    /// </summary>
    [SuspensionPoint(nameof(GetWriteAwaiter))]
    public void Write(ReadOnlyMemory<byte> data) => Write(data, CancellationToken.None);

    /// <summary>The awaiter behind <see cref="Write(ReadOnlyMemory{byte})"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ConnWriteAwaiter GetWriteAwaiter(ReadOnlyMemory<byte> data) => new(_write, data, CancellationToken.None);

    /// <summary><see cref="Write(ReadOnlyMemory{byte})"/> that can also be cancelled.</summary>
    [SuspensionPoint(nameof(GetWriteAwaiter))]
    public void Write(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (!_write.Begin(default, data, cancellationToken, goroutine: false)) _write.Wait();
        _write.End();
    }

    /// <summary>The awaiter behind <see cref="Write(ReadOnlyMemory{byte}, CancellationToken)"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ConnWriteAwaiter GetWriteAwaiter(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) => new(_write, data, cancellationToken);

    /// <summary>
    /// Sets the read and the write deadline (Go: <c>SetDeadline</c>). A deadline is an absolute time; it
    /// applies to the outstanding operation and every later one, which fail with
    /// <see cref="DeadlineExceededException"/> once it has passed (one in the past fails them at once).
    /// <c>default(DateTime)</c> clears it. Local and UTC times are both understood.
    /// </summary>
    public void SetDeadline(DateTime deadline)
    {
        SetReadDeadline(deadline);
        SetWriteDeadline(deadline);
    }

    /// <summary>Sets the read deadline (Go: <c>SetReadDeadline</c>); see <see cref="SetDeadline"/>.</summary>
    public void SetReadDeadline(DateTime deadline)
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        _read.Deadline.Set(deadline);
    }

    /// <summary>Sets the write deadline (Go: <c>SetWriteDeadline</c>); see <see cref="SetDeadline"/>.</summary>
    public void SetWriteDeadline(DateTime deadline)
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        _write.Deadline.Set(deadline);
    }

    /// <summary>
    /// Shuts down the sending side (Go: <c>CloseWrite</c>): the peer reads the end of the stream, and this
    /// side can still read what the peer sends back.
    /// </summary>
    public void CloseWrite()
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        Socket.Shutdown(SocketShutdown.Send);
    }

    /// <summary>
    /// Closes the connection (Go: <c>Close</c>). An outstanding Read or Write ends with
    /// <see cref="ObjectDisposedException"/>, as does every later one. Closing twice does nothing.
    /// </summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0) return;
        _ = LocalAddr; // the socket cannot tell it once disposed, and Go's LocalAddr outlives Close
        _read.CloseDeadline();
        _write.CloseDeadline();
        // Out of the poller before the socket is disposed (its number may be reused at once); its waiters wake.
        if (Poll is not null)
        {
            NetPoller.Close(Poll);
            _pollGuard!.Closed();
        }
        // Shut down first: the peer gets an orderly end of stream (FIN), as from Go's Close. Disposing a
        // socket with an operation outstanding would otherwise close it abortively (a reset) on Linux.
        try
        {
            if (Socket.Connected) Socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // The peer is gone already: nothing to tell it.
        }
        Socket.Dispose();
    }

    /// <summary>Same as <see cref="Close"/>.</summary>
    public void Dispose() => Close();

    internal ObjectDisposedException ClosedException(string operation) =>
        new(nameof(Conn), $"{operation} on a closed connection {this} (Go: use of closed network connection).");

    /// <summary>The two addresses, Go's way: <c>local-&gt;remote</c>.</summary>
    public override string ToString() => $"{LocalAddr}->{RemoteAddr}";
}

/// <summary>The awaiter behind <see cref="Conn.Read(Memory{byte})"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ConnReadAwaiter
{
    private readonly ConnOp _op;
    private readonly Memory<byte> _buffer;
    private readonly CancellationToken _token;
    private bool _begun;
    private bool _over;

    internal ConnReadAwaiter(ConnOp op, Memory<byte> buffer, CancellationToken token)
    {
        _op = op;
        _buffer = buffer;
        _token = token;
        _begun = false;
        _over = false;
    }

    /// <summary>Issues the read (once); true if it completed without waiting.</summary>
    public bool IsCompleted
    {
        get
        {
            if (!_begun)
            {
                _begun = true;
                _over = _op.Begin(_buffer, default, _token, goroutine: true);
            }
            return _over;
        }
    }

    /// <summary>Parks the goroutine on the socket until the read completes.</summary>
    public FrameResult Suspend(G g, Frame frame) => g.Park(frame, _op, _op, WaitReason.NetIO);

    /// <summary>The bytes read (0 at the end of the stream), or the read's error.</summary>
    public int GetResult() => _op.End();
}

/// <summary>The awaiter behind <see cref="Conn.Write(ReadOnlyMemory{byte})"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ConnWriteAwaiter
{
    private readonly ConnOp _op;
    private readonly ReadOnlyMemory<byte> _data;
    private readonly CancellationToken _token;
    private bool _begun;
    private bool _over;

    internal ConnWriteAwaiter(ConnOp op, ReadOnlyMemory<byte> data, CancellationToken token)
    {
        _op = op;
        _data = data;
        _token = token;
        _begun = false;
        _over = false;
    }

    /// <summary>Issues the write (once); true if all of it went out without waiting.</summary>
    public bool IsCompleted
    {
        get
        {
            if (!_begun)
            {
                _begun = true;
                _over = _op.Begin(default, _data, _token, goroutine: true);
            }
            return _over;
        }
    }

    /// <summary>Parks the goroutine on the socket until everything is written.</summary>
    public FrameResult Suspend(G g, Frame frame) => g.Park(frame, _op, _op, WaitReason.NetIO);

    /// <summary>Returns once everything is written, or throws the write's error.</summary>
    public void GetResult() => _op.End();
}
