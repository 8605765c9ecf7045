using System;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using GoSharp.Net.Poll;

namespace GoSharp.Net;

// One direction of a Conn: its single outstanding Read or Write (Go: fdMutex's read/write lock plus the
// pollDesc half), with that direction's deadline (made by the first SetDeadline) and the cancellation
// source its waiting OS calls are issued with. The source is made by the first operation that has to wait
// (a direction whose operations all complete at once, as most writes do, never has one) and is replaced
// only once cancelled, so an operation never starts on a spent token, except when the deadline has passed:
// then it starts on a cancelled one and fails (see Deadline's header for both halves). The caller's own
// CancellationToken cancels the same source for the operation's lifetime. Begin claims the direction (a second concurrent Read is
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
    private Deadline? _deadline;
    private CancellationTokenSource? _cts;
    private int _busy;
    // A read's buffer, or a write's data (as Memory: one field for both directions saves 16 bytes a Conn).
    private Memory<byte> _buffer;
    private int _transferred;
    private bool _hasPending;
    private bool _polled;
    private bool _hasToken;
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
    public bool Begin(Memory<byte> readBuffer, ReadOnlyMemory<byte> writeData, CancellationToken userToken, bool goroutine)
    {
        if (_conn.IsClosed) throw _conn.ClosedException(Name);
        if (Interlocked.Exchange(ref _busy, 1) != 0)
            throw new InvalidOperationException(
                $"A {Name} is already in progress on {_conn}: a Conn allows one reader and one writer at a time " +
                $"(as Go's net.Conn serialises them). Wait for the first {Name} to return, or guard the Conn with a Mutex.");
        _buffer = _write ? MemoryMarshal.AsMemory(writeData) : readBuffer;
        _transferred = 0;
        _error = null;
        _hasPending = false;
        _hasToken = false;
        // A goroutine waits on GoSharp's poller when the socket is registered with it; plain code on .NET's engine.
        _polled = goroutine && _conn.Poll is not null;
        // An empty read returns 0 at once, as Go's does (not a zero-byte wait for readiness), before the deadline is
        // looked at (Go's Read checks for an empty buffer first); an empty write still fails on a passed deadline,
        // as Go's Write does.
        if (!_write && _buffer.IsEmpty) return true;
        try
        {
            userToken.ThrowIfCancellationRequested();
            if (DeadlineExpired) throw new DeadlineExceededException(_write ? "write" : "read", _conn.ToString());
        }
        catch
        {
            _buffer = default;
            Volatile.Write(ref _busy, 0);
            throw;
        }
        if (_buffer.IsEmpty) return true;
        _userToken = userToken;
        if (userToken.CanBeCanceled)
            _userRegistration = userToken.UnsafeRegister(static s => ((ConnOp)s!).CancelOutstanding(), this);
        return Drive();
    }

    protected override bool Drive()
    {
        if (_polled) return DrivePolled();
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
                catch (OperationCanceledException) when (!_write && StaleCancellation())
                {
                    // Go's read re-checks the deadline after every wake-up and waits on when none has passed: a
                    // deadline that fired and was moved before this read saw it (or fired at a source this read
                    // took just before the move) ends nothing. A cancelled receive took no data: issue it again.
                    _hasToken = false;
                    continue;
                }
                catch (Exception ex)
                {
                    _error = ex;
                    return true;
                }
                _transferred += n;
                // A read is over with any count (0: end of stream); a write once everything went out.
                if (!_write || n == 0 || _transferred >= _buffer.Length) return true;
            }
            try
            {
                if (_write)
                {
                    // Go's write: the system call first, the poller only if the socket's buffer is full. Most
                    // writes go out at once, with no token, no cancellation registration, and no socket event
                    // args: .NET makes the latter (about 300 bytes a socket) on a socket's first SendAsync.
                    int sent = _conn.Socket.Send(_buffer.Span.Slice(_transferred), SocketFlags.None, out SocketError error);
                    if (error == SocketError.Success && sent > 0)
                    {
                        _transferred += sent;
                        if (_transferred >= _buffer.Length) return true;
                        continue;
                    }
                    if (error != SocketError.Success && error != SocketError.WouldBlock)
                    {
                        _error = new SocketException((int)error);
                        return true;
                    }
                    _pending = _conn.Socket.SendAsync(_buffer.Slice(_transferred), SocketFlags.None, Token());
                }
                else
                {
                    _pending = _conn.Socket.ReceiveAsync(_buffer, SocketFlags.None, Token());
                }
                _hasPending = true;
            }
            catch (Exception ex)
            {
                _error = ex;
                return true;
            }
        }
    }

    /// <summary>
    /// Drive on GoSharp's poller (Runtime/Net/Poll): the system call on the non-blocking socket, after the
    /// interrupts (Go: pollDesc.prepare's netpollcheckerr, before every call). False when it would block.
    /// </summary>
    private bool DrivePolled()
    {
        Socket socket = _conn.Socket;
        while (true)
        {
            if (_conn.IsClosed)
            {
                _error = _conn.ClosedException(Name);
                return true;
            }
            if (_userToken.IsCancellationRequested || DeadlineExpired)
            {
                _error = new OperationCanceledException(); // End turns it into the caller's or the deadline's error
                return true;
            }
            int n;
            SocketError error;
            try
            {
                n = _write
                    ? socket.Send(_buffer.Span.Slice(_transferred), SocketFlags.None, out error)
                    : socket.Receive(_buffer.Span, SocketFlags.None, out error);
            }
            catch (ObjectDisposedException)
            {
                _error = _conn.ClosedException(Name); // closed under the call
                return true;
            }
            if (error == SocketError.Success)
            {
                if (_write && n == 0) return false;
                _transferred += n;
                // A read is over with any count (0: end of stream); a write once everything went out.
                if (!_write || n == 0 || _transferred >= _buffer.Length) return true;
                continue;
            }
            if (error == SocketError.WouldBlock) return false;
            if (error == SocketError.Interrupted) continue;
            _error = new SocketException((int)error);
            return true;
        }
    }

    protected override PollDesc? PolledDesc => _polled ? _conn.Poll : null;

    protected override bool PolledWrite => _write;

    protected override bool Interrupted => _conn.IsClosed || _userToken.IsCancellationRequested || DeadlineExpired;

    /// <summary>
    /// The token of the operation's OS calls, fetched when the first one has to wait (a write that went out
    /// at once never needs one). The caller's token may have fired before the source existed, when
    /// <see cref="CancelOutstanding"/> had nothing to cancel: it is checked after fetching.
    /// </summary>
    private CancellationToken Token()
    {
        if (!_hasToken)
        {
            _token = NextToken();
            _hasToken = true;
            if (_userToken.IsCancellationRequested) CancelOutstanding();
        }
        return _token;
    }

    /// <summary>The operation was cancelled, but by nothing that still holds: no Close, no caller's token, no passed deadline.</summary>
    private bool StaleCancellation() => !_conn.IsClosed && !_userToken.IsCancellationRequested && !DeadlineExpired;

    private bool DeadlineExpired => Volatile.Read(ref _deadline) is { Expired: true };

    /// <summary>This direction's deadline, made on first use (see the header).</summary>
    internal Deadline Deadline
    {
        get
        {
            Deadline? d = Volatile.Read(ref _deadline);
            if (d is not null) return d;
            d = new Deadline(this);
            d = Interlocked.CompareExchange(ref _deadline, d, null) ?? d;
            // Close closes the deadline it finds after marking the Conn closed; one made after that look is closed here.
            if (_conn.IsClosed) d.Close();
            return d;
        }
    }

    /// <summary>Stops the deadline's timer for good, if there is one (the Conn is closed).</summary>
    internal void CloseDeadline() => Volatile.Read(ref _deadline)?.Close();

    /// <summary>
    /// The token for the operation's waiting OS calls: cancelled when the deadline fires or the caller's token
    /// does. A deadline that passed before now (perhaps with no source to cancel) hands out a cancelled one.
    /// Locks this object (as thread waits do, briefly; nobody else locks it).
    /// </summary>
    private CancellationToken NextToken()
    {
        // Steady state: the source of the last operation, still live. Only this direction's one operation
        // replaces _cts (here, below), and a firing deadline cancels whatever _cts holds, so a live source
        // read here is the one a deadline that fires from now on will cancel: no lock needed (a read takes
        // this path on every wait).
        CancellationTokenSource? live = Volatile.Read(ref _cts);
        if (live is not null && !live.IsCancellationRequested) return live.Token;
        lock (this)
        {
            if (_cts is null || _cts.IsCancellationRequested && !DeadlineExpired)
            {
                var cts = new CancellationTokenSource();
                if (DeadlineExpired) cts.Cancel(); // nothing is registered on a new source: no callback runs under the lock
                Volatile.Write(ref _cts, cts);
            }
            return _cts.Token;
        }
    }

    /// <summary>Cancels the outstanding operation's OS call (a deadline or the caller's token fired).</summary>
    internal void CancelOutstanding()
    {
        CancellationTokenSource? cts;
        lock (this) cts = _cts;
        cts?.Cancel();
        // An operation parked on the poller is woken instead: its next call sees the deadline or the token.
        if (_conn.Poll is PollDesc pd) NetPoller.Interrupt(pd, _write);
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
        bool hadBuffer = !_buffer.IsEmpty;
        _error = null;
        _buffer = default;
        _userToken = default;
        _token = default;
        _hasToken = false;
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
        // After Close's shutdown, data the peer still sends makes the kernel reset the connection: a write waiting on
        // a full send buffer then fails with ConnectionReset, also Close's doing.
        bool aborted = error is OperationCanceledException or ObjectDisposedException
            || error is SocketException { SocketErrorCode: SocketError.OperationAborted or SocketError.Interrupted
                or SocketError.Shutdown or SocketError.ConnectionAborted or SocketError.ConnectionReset };
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
