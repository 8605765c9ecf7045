using System;
using System.Threading;

namespace GoSharp.Net;

// One direction's deadline of a Conn (Go: pollDesc.rd / wd and their timers). A deadline is an absolute
// time (UTC ticks; 0: none) that holds for the operation outstanding when it is set and for every later
// one, until it is moved or cleared. Each operation is issued with the token of a CancellationTokenSource
// owned here; the deadline fires by cancelling that source, from a System.Threading.Timer, or at once when
// it is set in the past. A cancelled source is replaced by the next operation, so an operation never
// starts on a spent token (and a deadline that never fires costs no allocation). The user's own
// CancellationToken is wired to the same source for the operation's lifetime. Deadlines are real time,
// also in deterministic mode: a socket belongs to the outside world.

/// <summary>A deadline for one direction of a <see cref="Conn"/>; see the header.</summary>
internal sealed class Deadline
{
    // System.Threading.Timer takes at most about 49 days; a later deadline re-arms when this much is left.
    private static readonly long MaxDueTicks = TimeSpan.FromDays(30).Ticks;

    private readonly Lock _lock = new();
    private long _ticks;
    private CancellationTokenSource _cts = new();
    private Timer? _timer;
    private bool _closed;

    /// <summary>True when a deadline is set and has passed: a new operation fails at once.</summary>
    public bool Expired
    {
        get
        {
            long t = Volatile.Read(ref _ticks);
            return t != 0 && DateTime.UtcNow.Ticks >= t;
        }
    }

    /// <summary>
    /// The token for the next operation: cancelled when the deadline fires. A deadline that passed after
    /// the caller's <see cref="Expired"/> check keeps its cancelled source, so the operation still fails.
    /// </summary>
    public CancellationToken NextToken()
    {
        lock (_lock)
        {
            if (_cts.IsCancellationRequested && !Expired) _cts = new CancellationTokenSource();
            return _cts.Token;
        }
    }

    /// <summary>Cancels the outstanding operation (the user's token fired).</summary>
    public void CancelOutstanding()
    {
        CancellationTokenSource cts;
        lock (_lock) cts = _cts;
        cts.Cancel();
    }

    /// <summary>Sets (or, with <c>default</c>, clears) the deadline; one in the past fires at once.</summary>
    public void Set(DateTime deadline)
    {
        long ticks = deadline == default ? 0 : deadline.ToUniversalTime().Ticks;
        CancellationTokenSource? fire = null;
        lock (_lock)
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
                    fire = _cts;
                }
                else
                {
                    _timer ??= new Timer(static s => ((Deadline)s!).OnTimer(), this, Timeout.Infinite, Timeout.Infinite);
                    _timer.Change(TimeSpan.FromTicks(Math.Min(due, MaxDueTicks)), Timeout.InfiniteTimeSpan);
                }
            }
        }
        fire?.Cancel();
    }

    private void OnTimer()
    {
        CancellationTokenSource? fire = null;
        lock (_lock)
        {
            if (_closed || _ticks == 0) return;
            long due = _ticks - DateTime.UtcNow.Ticks;
            if (due <= 0) fire = _cts;
            else _timer!.Change(TimeSpan.FromTicks(Math.Min(due, MaxDueTicks)), Timeout.InfiniteTimeSpan);
        }
        fire?.Cancel();
    }

    /// <summary>Stops the timer for good (the connection is closed).</summary>
    public void Close()
    {
        lock (_lock)
        {
            _closed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }
}
