using System;
using System.ComponentModel;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using GoSharp.CompilerServices;
using GoSharp.Net.Poll;

namespace GoSharp.Net;

/// <summary>One Dial: a new socket and its connect.</summary>
internal sealed class DialOp : NetWait
{
    private readonly Socket _socket;
    private readonly CancellationToken _token;
    private ValueTask _pending;
    private Exception? _error;
    private bool _over;
    private PollDesc? _pd;
    private CancellationTokenRegistration _registration;

    public DialOp(EndPoint endpoint, CancellationToken token, bool goroutine)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        token.ThrowIfCancellationRequested();
        _token = token;
        _socket = endpoint.AddressFamily == AddressFamily.Unspecified
            ? new Socket(SocketType.Stream, ProtocolType.Tcp) // a name: dual-mode, either family
            : new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        // A goroutine dialling an address (a name is resolved by .NET's engine) connects on the poller: a
        // non-blocking connect, then a wait for the socket to become writable (Go: connect + fd.pd.waitWrite).
        if (goroutine && endpoint is IPEndPoint && NetPoller.Enabled && BeginPolled(endpoint)) return;
        try
        {
            _pending = _socket.ConnectAsync(endpoint, token);
        }
        catch (Exception ex)
        {
            _error = ex;
            _over = true;
        }
    }

    public bool IsOver => _over || Drive();

    private bool BeginPolled(EndPoint endpoint)
    {
        try
        {
            _socket.Blocking = false;
        }
        catch (SocketException)
        {
            return false;
        }
        if (NetPoller.Register(_socket) is not PollDesc pd) return false;
        _pd = pd;
        try
        {
            _socket.Connect(endpoint);
            _over = true; // connected at once
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress or SocketError.AlreadyInProgress)
        {
            if (_token.CanBeCanceled) _registration = _token.UnsafeRegister(static s => ((DialOp)s!).Interrupt(), this);
        }
        catch (Exception ex)
        {
            _error = ex;
            _over = true;
        }
        return true;
    }

    private void Interrupt()
    {
        if (_pd is not null) NetPoller.Interrupt(_pd, write: true);
    }

    protected override PollDesc? PolledDesc => _pd;

    protected override bool PolledWrite => true;

    protected override bool Interrupted => _token.IsCancellationRequested || _pd!.IsClosing;

    /// <summary>The connect on the poller: over once the socket is writable, with the socket's error (SO_ERROR) as its outcome.</summary>
    private bool DrivePolled()
    {
        if (_token.IsCancellationRequested)
        {
            _error = new OperationCanceledException(_token);
        }
        else if (_pd!.IsClosing)
        {
            _error = new ObjectDisposedException(nameof(Socket), "The dial was ended: its runtime was disposed.");
        }
        else
        {
            try
            {
                // The socket's pending error first (a refused connect is writable too); none and writable: connected.
                int error = (int)_socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)!;
                if (error != 0) _error = new SocketException(error);
                else if (!_socket.Poll(0, SelectMode.SelectWrite)) return false; // still connecting: a spurious edge
                else _ = _socket.Connected; // records the finished non-blocking connect in the Socket (its RemoteEndPoint)
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
        if (_pd is not null) return DrivePolled();
        if (!_pending.IsCompleted) return false;
        try
        {
            _pending.GetAwaiter().GetResult();
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

    protected override void CloseForAbandon()
    {
        if (_pd is not null) NetPoller.Close(_pd); // its waiter wakes, finds the wait claimed, and leaves the goroutine
        _socket.Dispose();
    }

    public void Wait() => WaitThread();

    public Conn End()
    {
        _registration.Dispose();
        if (_error is null) return new Conn(_socket, _pd);
        if (_pd is not null) NetPoller.Close(_pd);
        _socket.Dispose();
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_error);
        return null!;
    }
}

/// <summary>The awaiter behind <see cref="Net.Dial(EndPoint)"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct DialAwaiter
{
    private readonly EndPoint _endpoint;
    private readonly CancellationToken _token;
    private DialOp? _op;

    internal DialAwaiter(EndPoint endpoint, CancellationToken token)
    {
        _endpoint = endpoint;
        _token = token;
        _op = null;
    }

    /// <summary>Starts the connect (once); true if it completed at once.</summary>
    public bool IsCompleted => (_op ??= new DialOp(_endpoint, _token, goroutine: true)).IsOver;

    /// <summary>Parks the goroutine until the connection is made or fails.</summary>
    public FrameResult Suspend(G g, Frame frame) => g.Park(frame, _op!, _op, WaitReason.NetIO);

    /// <summary>The connection, or the connect's error.</summary>
    public Conn GetResult()
    {
        var op = _op!;
        _op = null;
        return op.End();
    }
}
