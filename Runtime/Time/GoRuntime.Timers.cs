using System;
using System.Diagnostics;
using GoSharp.Scheduler;
using GoSharp.Time;

namespace GoSharp;

// Timer placement (Go: addtimer puts a timer on the current P's heap).
public sealed partial class GoRuntime
{
    /// <summary>The heap for a new timer: the current P's on a scheduler thread of this runtime, else P0's.</summary>
    internal TimerHeap TimerHeapForCurrentThread()
    {
        M? m = M.Current;
        if (m is not null && m.Runtime == this && m.P is P p) return p.Timers;
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

    /// <summary>Stopwatch ticks in <paramref name="d"/>.</summary>
    internal static long StopwatchTicks(TimeSpan d) =>
        Math.Max(1, (long)(d.Ticks * (double)Stopwatch.Frequency / TimeSpan.TicksPerSecond));
}
