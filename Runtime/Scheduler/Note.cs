using System.Diagnostics;
using System.Threading;

namespace GoSharp.Scheduler;

/// <summary>
/// A one-shot sleep/wake-up event for one sleeper (Go: note, notesleep, notewakeup, noteclear). An M
/// parks on its note when idle; whoever hands it a P wakes it. Wake-ups are never lost: a wake-up
/// before the sleep makes the sleep return at once. The sleeper spins briefly before blocking, so a
/// wake-up that follows soon after (the usual case in a channel hand-off between Ps) costs the waker a
/// flag write instead of a futex wake.
/// </summary>
internal sealed class Note
{
    private const int Empty = 0, Signaled = 1, Blocked = 2;
    private static readonly long SpinTicks = Stopwatch.Frequency * 20 / 1_000_000; // 20 us

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
    /// Clears the note either way. <paramref name="spinFirst"/>: spin before blocking (Ms do; sysmon
    /// does not). Go: notetsleep.
    /// </summary>
    public bool Sleep(int timeoutMs, bool spinFirst = true)
    {
        if (spinFirst && SpinForSignal()) return true;
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

    private bool SpinForSignal()
    {
        long until = Stopwatch.GetTimestamp() + SpinTicks;
        int i = 0;
        while (true)
        {
            if (Volatile.Read(ref _state) == Signaled)
            {
                Volatile.Write(ref _state, Empty);
                return true;
            }
            if (Stopwatch.GetTimestamp() >= until) return false;
            if (++i % 64 == 0) Thread.Yield(); // share the core if we are oversubscribed
            else Thread.SpinWait(8);
        }
    }
}
