using System.Diagnostics;
using System.Threading;

namespace GoSharp.Scheduler;

/// <summary>
/// A one-shot sleep/wake-up event for one sleeper (Go: note, notesleep, notewakeup, noteclear). An M
/// parks on its note when idle; whoever hands it a P wakes it. Wake-ups are never lost: a wake-up
/// before the sleep makes the sleep return at once. <see cref="Sleep(int)"/> blocks at once, as Go's
/// notesleep; <see cref="TrySpin"/> lets a caller spin briefly first, so that a wake-up that follows
/// soon after costs the waker a flag write instead of a futex wake. The scheduler lets one M at a time
/// do that (Sched.SleepM): on this project's 2-core machine dropping the spin cost ring 40% more CPU
/// and wall time, while letting every parking M spin can burn a core per parking M on a many-core
/// machine (docs/performance-cpu.md, Idle Ms and spinning).
/// </summary>
internal sealed class Note
{
    private const int Empty = 0, Signaled = 1, Blocked = 2;
    private readonly object _lock = new();
    private int _state;

    private static readonly long SpinTicks = Stopwatch.Frequency * 20 / 1_000_000; // 20 us

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
                    // Rounded up: rounded down, a wait woke up to a millisecond early (and Sleep(1) never slept),
                    // so a timed sleep until the next timer spun through the scheduler instead (red team).
                    // A monitor wait that times out a little early (another clock) just waits the rest.
                    long left = ((deadline - Stopwatch.GetTimestamp()) * 1000 + Stopwatch.Frequency - 1) / Stopwatch.Frequency;
                    if (left <= 0) break;
                    Monitor.Wait(_lock, (int)left);
                }
            }
        }
        // Signaled: consume it. Timed out: back to empty (a Wakeup racing with us turns it into Signaled,
        // which the exchange consumes and reports).
        return Interlocked.Exchange(ref _state, Empty) == Signaled;
    }

    /// <summary>
    /// Spins up to 20 us for a wake-up; true (and the note cleared) if one came, else the note is as it
    /// was and the caller goes on to <see cref="Sleep(int)"/>.
    /// </summary>
    public bool TrySpin()
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
