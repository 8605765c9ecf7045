using System;
using System.Threading;

namespace GoSharp.Net;

// One direction's deadline of a Conn (Go: pollDesc.rd / wd and their timers). A deadline is an absolute
// time (UTC ticks; 0: none) that holds for the operation outstanding when it is set and for every later
// one, until it is moved or cleared. It fires by cancelling the direction's outstanding operation
// (ConnOp.CancelOutstanding), from a System.Threading.Timer, or at once when it is set in the past.
// Made by the first SetDeadline of its direction: a connection that never sets one costs no Deadline and
// no timer. Deadlines are real time, also in deterministic mode: a socket belongs to the outside world.
//
// Both halves of firing: this side stores the ticks, then (after its lock) cancels the operation's
// cancellation source under the ConnOp's lock; the operation side, under the same ConnOp lock, makes its
// source and reads Expired (ConnOp.NextToken). Whichever takes the ConnOp lock second sees the other's
// write: either the source is cancelled here, or the operation starts on an already-cancelled one.

/// <summary>
/// A deadline for one direction of a <see cref="Conn"/>; see the header. Guarded by its own monitor (an
/// internal object nobody else locks): a Lock object per direction would cost every connection 80 bytes.
/// </summary>
internal sealed class Deadline
{
    // System.Threading.Timer takes at most about 49 days; a later deadline re-arms when this much is left.
    private static readonly long MaxDueTicks = TimeSpan.FromDays(30).Ticks;

    private readonly ConnOp _op;
    private long _ticks;
    private Timer? _timer;
    private bool _closed;

    public Deadline(ConnOp op) => _op = op;

    /// <summary>True when a deadline is set and has passed: a new operation fails at once.</summary>
    public bool Expired
    {
        get
        {
            long t = Volatile.Read(ref _ticks);
            return t != 0 && DateTime.UtcNow.Ticks >= t;
        }
    }

    /// <summary>Sets (or, with <c>default</c>, clears) the deadline; one in the past fires at once.</summary>
    public void Set(DateTime deadline)
    {
        long ticks = deadline == default ? 0 : deadline.ToUniversalTime().Ticks;
        bool fire = false;
        lock (this)
        {
            if (_closed) return;
            Volatile.Write(ref _ticks, ticks);
            if (ticks == 0)
            {
                _timer?.Change(Timeout.Infinite, Timeout.Infinite);
            }
            else
            {
                long due = ticks - DateTime.UtcNow.Ticks;
                if (due <= 0)
                {
                    _timer?.Change(Timeout.Infinite, Timeout.Infinite);
                    fire = true;
                }
                else
                {
                    _timer ??= new Timer(static s => ((Deadline)s!).OnTimer(), this, Timeout.Infinite, Timeout.Infinite);
                    _timer.Change(TimeSpan.FromTicks(Math.Min(due, MaxDueTicks)), Timeout.InfiniteTimeSpan);
                }
            }
        }
        if (fire) _op.CancelOutstanding();
    }

    private void OnTimer()
    {
        bool fire = false;
        lock (this)
        {
            if (_closed || _ticks == 0) return;
            long due = _ticks - DateTime.UtcNow.Ticks;
            if (due <= 0) fire = true;
            else _timer!.Change(TimeSpan.FromTicks(Math.Min(due, MaxDueTicks)), Timeout.InfiniteTimeSpan);
        }
        if (fire) _op.CancelOutstanding();
    }

    /// <summary>Stops the timer for good (the connection is closed).</summary>
    public void Close()
    {
        lock (this)
        {
            _closed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }
}
