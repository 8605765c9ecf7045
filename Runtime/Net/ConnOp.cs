using System;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace GoSharp.Net;

// One direction of a Conn: its single outstanding Read or Write (Go: fdMutex's read/write lock plus the
// pollDesc half), with that direction's deadline. Begin claims the direction (a second concurrent Read is
// a programming error and says so), checks the deadline and issues the first OS operation; Drive (see
// NetWait) advances it; End releases the direction and turns the outcome into the exception the caller
// sees. The outcome of a cancelled operation is decided here, in this order: the Conn was closed
// (ObjectDisposedException), the caller's token fired (OperationCanceledException with that token), else
// the deadline fired (DeadlineExceededException naming it). Errors from the peer (a reset) come through
// as the SocketException .NET raised, with its SocketError.

/// <summary>The read half or the write half of a <see cref="Conn"/>; see the header.</summary>
internal sealed class ConnOp : NetWait
{
    private readonly Conn _conn;
    private readonly bool _write;
    internal readonly Deadline Deadline = new();
    private int _busy;
    private Memory<byte> _readBuffer;
    private ReadOnlyMemory<byte> _writeData;
    private int _transferred;
    private bool _hasPending;
    private ValueTask<int> _pending;
    private Exception? _error;
    private CancellationToken _token;
    private CancellationToken _userToken;
    private CancellationTokenRegistration _userRegistration;

    public ConnOp(Conn conn, bool write)
    {
        _conn = conn;
        _write = write;
    }

    private string Name => _write ? "Write" : "Read";

    /// <summary>
    /// Claims the direction and issues the operation; true if it is over already (then call <see cref="End"/>).
    /// Throws, with the direction released, when the operation cannot start.
    /// </summary>
    public bool Begin(Memory<byte> readBuffer, ReadOnlyMemory<byte> writeData, CancellationToken userToken)
    {
        if (_conn.IsClosed) throw _conn.ClosedException(Name);
        if (Interlocked.Exchange(ref _busy, 1) != 0)
            throw new InvalidOperationException(
                $"A {Name} is already in progress on {_conn}: a Conn allows one reader and one writer at a time " +
                $"(as Go's net.Conn serialises them). Wait for the first {Name} to return, or guard the Conn with a Mutex.");
        try
        {
            userToken.ThrowIfCancellationRequested();
            if (Deadline.Expired) throw new DeadlineExceededException(_write ? "write" : "read", _conn.ToString());
        }
        catch
        {
            Volatile.Write(ref _busy, 0);
            throw;
        }
        _readBuffer = readBuffer;
        _writeData = writeData;
        _transferred = 0;
        _error = null;
        _hasPending = false;
        // An empty read returns 0 at once, as Go's does (not a zero-byte wait for readiness).
        if (!_write && readBuffer.IsEmpty || _write && writeData.IsEmpty) return true;
        _token = Deadline.NextToken();
        _userToken = userToken;
        if (userToken.CanBeCanceled)
            _userRegistration = userToken.UnsafeRegister(static s => ((ConnOp)s!).Deadline.CancelOutstanding(), this);
        return Drive();
    }

    protected override bool Drive()
    {
        while (true)
        {
            if (_hasPending)
            {
                if (!_pending.IsCompleted) return false;
                ValueTask<int> done = _pending;
                _pending = default;
                _hasPending = false;
                int n;
                try
                {
                    n = done.GetAwaiter().GetResult();
                }
                catch (Exception ex)
                {
                    _error = ex;
                    return true;
                }
                _transferred += n;
                // A read is over with any count (0: end of stream); a write once everything went out.
                if (!_write || n == 0 || _transferred >= _writeData.Length) return true;
            }
            try
            {
                _pending = _write
                    ? _conn.Socket.SendAsync(_writeData.Slice(_transferred), SocketFlags.None, _token)
                    : _conn.Socket.ReceiveAsync(_readBuffer, SocketFlags.None, _token);
                _hasPending = true;
            }
            catch (Exception ex)
            {
                _error = ex;
                return true;
            }
        }
    }

    protected override void RegisterContinuation(Action continuation) =>
        _pending.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(continuation);

    protected override void CloseForAbandon() => _conn.Close();

    /// <summary>Plain code: blocks until the operation issued by <see cref="Begin"/> is over.</summary>
    public void Wait() => WaitThread();

    /// <summary>Releases the direction; returns the bytes transferred or throws the operation's error.</summary>
    public int End()
    {
        _userRegistration.Dispose();
        _userRegistration = default;
        Exception? error = _error;
        int n = _transferred;
        CancellationToken userToken = _userToken;
        bool hadBuffer = !_readBuffer.IsEmpty;
        _error = null;
        _readBuffer = default;
        _writeData = default;
        _userToken = default;
        _token = default;
        Volatile.Write(ref _busy, 0);
        // A read that our own Close ended (the shutdown reads as the end of the stream) is a closed-Conn error.
        if (error is null && n == 0 && !_write && _conn.IsClosed && hadBuffer) return ThrowClosed();
        if (error is null) return n;
        throw Translate(error, userToken);
    }

    private int ThrowClosed() => throw _conn.ClosedException(Name);

    private Exception Translate(Exception error, CancellationToken userToken)
    {
        // Close shuts the socket down before disposing it, so an operation it ends may also fail as a broken
        // pipe (a pending write: Shutdown) or an aborted connection: with the Conn closed, all are Close's doing.
        bool aborted = error is OperationCanceledException or ObjectDisposedException
            || error is SocketException { SocketErrorCode: SocketError.OperationAborted or SocketError.Interrupted
                or SocketError.Shutdown or SocketError.ConnectionAborted };
        if (aborted && _conn.IsClosed) return _conn.ClosedException(Name);
        if (error is OperationCanceledException)
        {
            if (userToken.IsCancellationRequested) return new OperationCanceledException($"The {Name} on {_conn} was cancelled.", error, userToken);
            return new DeadlineExceededException(_write ? "write" : "read", _conn.ToString());
        }
        // The socket's own error, with the stack trace it was thrown with.
        ExceptionDispatchInfo.Throw(error);
        return error;
    }
}
