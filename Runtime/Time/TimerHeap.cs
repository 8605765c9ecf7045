using System.Threading;

namespace GoSharp.Time;

/// <summary>
/// A P's timers (Go: p.timers, a 4-ary heap since Go 1.14). The scheduler asks <see cref="NextWhen"/>
/// and calls <see cref="RunExpired"/> at the top of findRunnable, when stealing, and before an M sleeps
/// (it sleeps until the earliest timer of any P).
/// </summary>
/// <remarks>Placeholder until the timers land: it holds no timers.</remarks>
internal sealed class TimerHeap
{
    private long _nextWhen = long.MaxValue;

    /// <summary>Stopwatch timestamp of the earliest timer, or <see cref="long.MaxValue"/> if none.</summary>
    public long NextWhen => Volatile.Read(ref _nextWhen);

    /// <summary>Runs every timer due at <paramref name="now"/>; true if any ran. Safe from any thread.</summary>
    public bool RunExpired(long now) => false;
}
