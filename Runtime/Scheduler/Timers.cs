using System;
using System.Diagnostics;
using GoSharp.Time;

namespace GoSharp.Scheduler;

// Timer placement and the wake-up a new timer needs (Go: addtimer puts a timer on the current P's heap;
// wakeNetPoller makes sure an M sleeps no longer than the earliest timer).
internal sealed partial class Sched
{
    /// <summary>The heap for a new timer: the current P's on a scheduler thread of this runtime, else P0's.</summary>
    internal TimerHeap TimerHeapForCurrentThread()
    {
        M? m = M.Current;
        if (m is not null && m.Sched == this && m.P is P p) return p.Timers;
        P[] allp = _allp;
        if (allp.Length == 0) throw new ObjectDisposedException(nameof(GoRuntime), $"The GoSharp runtime '{Name}' has no processors (disposed?).");
        return allp[0].Timers;
    }

    /// <summary>Schedules <paramref name="t"/> at <paramref name="when"/> and makes sure an M will wake for it.</summary>
    internal void AddTimer(TimerEntry t, long when)
    {
        TimerHeapForCurrentThread().Add(t, when);
        TimerAdded(when);
    }

    /// <summary>The runtime's time (see <see cref="Nanotime"/>) <paramref name="d"/> from now (saturating).</summary>
    internal long WhenAfter(TimeSpan d)
    {
        long now = Nanotime();
        if (d <= TimeSpan.Zero) return now;
        double ticks = d.Ticks * (double)Stopwatch.Frequency / TimeSpan.TicksPerSecond;
        if (ticks >= long.MaxValue - now - 1) return long.MaxValue - 1;
        return now + Math.Max(1, (long)ticks);
    }

    /// <summary>
    /// A timer was added or moved earlier: make sure some M will wake for it. An idle M recomputes its
    /// sleep when woken. Go: wakeNetPoller.
    /// </summary>
    internal void TimerAdded(long when)
    {
        // Every P busy: each checks its timers at its next schedule. Otherwise wake (or start) an M: it
        // finds nothing to run and sleeps until the earliest timer, this one included.
        if (_npidle != 0) WakeP();
    }
}
