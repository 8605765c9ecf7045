using System;
using System.ComponentModel;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using GoSharp.CompilerServices;
using GoSharp.Net.Poll;

namespace GoSharp.Net;

/// <summary>
/// A TCP listener (Go: <c>net.Listener</c>, <c>*net.TCPListener</c>), from <see cref="Net.Listen(IPEndPoint)"/>.
/// <see cref="Accept()"/> is a suspension point: a goroutine waiting for a client holds no thread, and
/// deadlock detection counts it as wakeable from outside (a server waiting in Accept is not deadlocked).
/// Several goroutines may Accept at once.
/// </summary>
public sealed class Listener : IDisposable
{
    internal readonly Socket Socket;
    /// <summary>The socket's registration with GoSharp's poller, or null (.NET's engine serves every Accept).</summary>
    internal readonly PollDesc? Poll;
    private int _closed;
    private readonly PollGuard? _pollGuard;
    private int _pollAccepting; // 1 while an Accept waits on the poller: one at a time, the others on .NET's engine

    internal Listener(Socket socket)
    {
        Socket = socket;
        Addr = (IPEndPoint)socket.LocalEndPoint!;
        Poll = NetPoller.Register(socket);
        if (Poll is not null) _pollGuard = new PollGuard(Poll); // a Listener collected without Close frees it
        // An Accept on the poller tries the call and must not wait in it when another Accept took the client.
        if (Poll is not null) socket.Blocking = false;
    }

    /// <summary>Takes the poller's one Accept lane; false: another Accept waits there, use .NET's engine.</summary>
    internal bool TryTakePollLane() => Poll is not null && Interlocked.CompareExchange(ref _pollAccepting, 1, 0) == 0;

    internal void ReleasePollLane() => Volatile.Write(ref _pollAccepting, 0);

    /// <summary>The address it listens on, with the port the system chose for port 0 (Go: <c>Addr</c>).</summary>
    public IPEndPoint Addr { get; }

    internal bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>
    /// Waits for the next connection and returns it (Go: <c>Accept</c>). Throws
    /// <see cref="ObjectDisposedException"/> once the listener is closed (also to a goroutine waiting in it):
    /// the usual way to stop an accept loop.
    /// </summary>
    [SuspensionPoint(nameof(GetAcceptAwaiter))]
    public Conn Accept() => Accept(CancellationToken.None);

    /// <summary>The awaiter behind <see cref="Accept()"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public AcceptAwaiter GetAcceptAwaiter() => new(this, CancellationToken.None);

    /// <summary><see cref="Accept()"/> that ends with <see cref="OperationCanceledException"/> when the token is cancelled.</summary>
    [SuspensionPoint(nameof(GetAcceptAwaiter))]
    public Conn Accept(CancellationToken cancellationToken)
    {
        var op = new AcceptOp(this, cancellationToken, goroutine: false);
        op.Wait();
        return op.End();
    }

    /// <summary>The awaiter behind <see cref="Accept(CancellationToken)"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public AcceptAwaiter GetAcceptAwaiter(CancellationToken cancellationToken) => new(this, cancellationToken);

    /// <summary>Stops listening (Go: <c>Close</c>); waiting Accepts end with <see cref="ObjectDisposedException"/>. Accepted connections stay open.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0) return;
        if (Poll is not null)
        {
            NetPoller.Close(Poll); // before the socket's number can be reused; a waiting Accept wakes
            _pollGuard!.Closed();
        }
        Socket.Dispose();
    }

    /// <summary>Same as <see cref="Close"/>.</summary>
    public void Dispose() => Close();

    internal ObjectDisposedException ClosedException() =>
        new(nameof(Listener), $"Accept on a closed listener {Addr} (Go: use of closed network connection).");

    /// <summary>The address.</summary>
    public override string ToString() => Addr.ToString();
}

/// <summary>One Accept: made per call (each one yields a new socket anyway).</summary>
internal sealed class AcceptOp : NetWait
{
    private readonly Listener _listener;
    private readonly CancellationToken _token;
    private ValueTask<Socket> _pending;
    private Socket? _socket;
    private Exception? _error;
    private bool _over;
    private readonly bool _polled;
    private CancellationTokenRegistration _registration;

    public AcceptOp(Listener listener, CancellationToken token, bool goroutine)
    {
        _listener = listener;
        _token = token;
        if (listener.IsClosed) throw listener.ClosedException();
        token.ThrowIfCancellationRequested();
        // A goroutine waits on GoSharp's poller if the listener is registered and no other Accept waits there.
        if (goroutine && listener.TryTakePollLane())
        {
            _polled = true;
            if (token.CanBeCanceled)
                _registration = token.UnsafeRegister(static s => ((AcceptOp)s!).Interrupt(), this);
            return;
        }
        try
        {
            _pending = listener.Socket.AcceptAsync(token);
        }
        catch (Exception ex)
        {
            _error = ex;
            _over = true;
        }
    }

    /// <summary>True when the accept is over.</summary>
    public bool IsOver => _over || Drive();

    protected override PollDesc? PolledDesc => _polled ? _listener.Poll : null;

    protected override bool Interrupted => _listener.IsClosed || _token.IsCancellationRequested;

    private void Interrupt()
    {
        if (_listener.Poll is PollDesc pd) NetPoller.Interrupt(pd, write: false);
    }

    /// <summary>
    /// Drive on the poller: a pending connection (a zero-timeout poll, so that an empty queue costs no
    /// exception), then the accept itself; false when none is pending.
    /// </summary>
    private bool DrivePolled()
    {
        if (_listener.IsClosed) _error = _listener.ClosedException();
        else if (_token.IsCancellationRequested) _error = new OperationCanceledException(_token);
        else
        {
            try
            {
                if (!_listener.Socket.Poll(0, SelectMode.SelectRead)) return false;
                _socket = _listener.Socket.Accept();
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.WouldBlock or SocketError.Interrupted)
            {
                return false; // another Accept on .NET's engine took it
            }
            catch (Exception ex)
            {
                _error = ex;
            }
        }
        _over = true;
        return true;
    }

    protected override bool Drive()
    {
        if (_over) return true;
        if (_polled) return DrivePolled();
        if (!_pending.IsCompleted) return false;
        try
        {
            _socket = _pending.GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            _error = ex;
        }
        _pending = default;
        _over = true;
        return true;
    }

    protected override void RegisterContinuation(Action continuation) =>
        _pending.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(continuation);

    protected override void CloseForAbandon() => _listener.Close();

    public void Wait() => WaitThread();

    public Conn End()
    {
        if (_polled)
        {
            _registration.Dispose();
            _listener.ReleasePollLane();
        }
        if (_error is null) return new Conn(_socket!);
        bool aborted = _error is OperationCanceledException or ObjectDisposedException
            || _error is SocketException { SocketErrorCode: SocketError.OperationAborted or SocketError.Interrupted };
        if (aborted && _listener.IsClosed) throw _listener.ClosedException();
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_error);
        return null!;
    }
}

/// <summary>The awaiter behind <see cref="Listener.Accept()"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct AcceptAwaiter
{
    private readonly Listener _listener;
    private readonly CancellationToken _token;
    private AcceptOp? _op;

    internal AcceptAwaiter(Listener listener, CancellationToken token)
    {
        _listener = listener;
        _token = token;
        _op = null;
    }

    /// <summary>Issues the accept (once); true if a connection was waiting.</summary>
    public bool IsCompleted => (_op ??= new AcceptOp(_listener, _token, goroutine: true)).IsOver;

    /// <summary>Parks the goroutine until a connection comes or the listener closes.</summary>
    public FrameResult Suspend(G g, Frame frame) => g.Park(frame, _op!, _op, WaitReason.NetIO);

    /// <summary>The new connection, or the accept's error.</summary>
    public Conn GetResult()
    {
        var op = _op!;
        _op = null;
        return op.End();
    }
}
