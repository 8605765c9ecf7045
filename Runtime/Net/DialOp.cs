using System;
using System.ComponentModel;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using GoSharp.CompilerServices;

namespace GoSharp.Net;

/// <summary>One Dial: a new socket and its connect.</summary>
internal sealed class DialOp : NetWait
{
    private readonly Socket _socket;
    private ValueTask _pending;
    private Exception? _error;
    private bool _over;

    public DialOp(EndPoint endpoint, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        token.ThrowIfCancellationRequested();
        _socket = endpoint.AddressFamily == AddressFamily.Unspecified
            ? new Socket(SocketType.Stream, ProtocolType.Tcp) // a name: dual-mode, either family
            : new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
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

    protected override bool Drive()
    {
        if (_over) return true;
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

    protected override void CloseForAbandon() => _socket.Dispose();

    public void Wait() => WaitThread();

    public Conn End()
    {
        if (_error is null) return new Conn(_socket);
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
    public bool IsCompleted => (_op ??= new DialOp(_endpoint, _token)).IsOver;

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
