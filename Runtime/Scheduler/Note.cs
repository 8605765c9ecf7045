using System.Diagnostics;
using System.Threading;

namespace GoSharp.Scheduler;

/// <summary>
/// A one-shot sleep/wake-up event for one sleeper (Go: note, notesleep, notewakeup, noteclear). An M
/// parks on its note when idle; whoever hands it a P wakes it. Wake-ups are never lost: a wake-up
/// before the sleep makes the sleep return at once. The sleeper blocks at once, as Go's notesleep does:
/// looking for work before sleeping is the spinning M's job (FindRunnable, a bounded number of Ms, one
/// round each), not every idle M's. An earlier version spun 20 us here on every park; counted over the
/// compare workloads fewer than 1% of those spins ended in a wake-up, so almost every park paid 20 us
/// of CPU for nothing (docs/performance.md, Idle Ms and spinning).
/// </summary>
internal sealed class Note
{
    private const int Empty = 0, Signaled = 1, Blocked = 2;
    private readonly object _lock = new();
    private int _state;

    public void Wakeup()
    {
        if (Interlocked.Exchange(ref _state, Signaled) != Blocked) return;
        lock (_lock) Monitor.Pulse(_lock);
    }

    /// <summary>Sleeps until woken, then clears the note. Go: notesleep + noteclear.</summary>
    public void Sleep() => Sleep(Timeout.Infinite);

    /// <summary>
    /// Sleeps until woken or until <paramref name="timeoutMs"/> passes (infinite: -1); true if woken.
    /// Clears the note either way. Go: notetsleep.
    /// </summary>
    public bool Sleep(int timeoutMs)
    {
        lock (_lock)
        {
            if (Interlocked.CompareExchange(ref _state, Blocked, Empty) == Empty)
            {
                long deadline = timeoutMs < 0 ? long.MaxValue : Stopwatch.GetTimestamp() + timeoutMs * Stopwatch.Frequency / 1000;
                while (Volatile.Read(ref _state) == Blocked)
                {
                    if (timeoutMs < 0)
                    {
                        Monitor.Wait(_lock);
                        continue;
                    }
                    long left = (deadline - Stopwatch.GetTimestamp()) * 1000 / Stopwatch.Frequency;
                    if (left <= 0 || !Monitor.Wait(_lock, (int)left))
                    {
                        if (left <= 0 || Volatile.Read(ref _state) == Blocked) break;
                    }
                }
            }
        }
        // Signaled: consume it. Timed out: back to empty (a Wakeup racing with us turns it into Signaled,
        // which the exchange consumes and reports).
        return Interlocked.Exchange(ref _state, Empty) == Signaled;
    }
}
