using System;
using System.Diagnostics;
using GoSharp.Time;

namespace GoSharp.Scheduler;

// Timer placement and the wake-up a new timer needs (Go: addtimer puts a timer on the current P's heap;
// wakeNetPoller makes sure an M sleeps no longer than the earliest timer).
internal sealed partial class Sched
{
    /// <summary>
    /// Schedules <paramref name="t"/> at <paramref name="when"/> on the current P's heap (on a scheduler thread of
    /// this runtime holding a P), else on P0's, and makes sure an M will wake for it.
    /// </summary>
    /// <remarks>
    /// The P is read and its heap added to in one runtime section (PlainCodeRetake.cs): a heap read outside one
    /// could belong to a P that sysmon then retakes and a SetMaxProcs retires, and a timer added to a retired
    /// heap after its timers moved to P0 would never fire. P0 is never retired.
    /// </remarks>
    internal void AddTimer(TimerEntry t, long when)
    {
        M? m = M.Current is M cur && cur.Sched == this ? cur : null;
        using (new RuntimeSection(m))
        {
            TimerHeap heap;
            if (m?.P is P p) heap = p.Timers;
            else
            {
                P[] allp = _allp;
                if (allp.Length == 0) throw new ObjectDisposedException(nameof(GoRuntime), $"The GoSharp runtime '{Name}' has no processors (disposed?).");
                heap = allp[0].Timers;
            }
            heap.Add(t, when);
        }
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
