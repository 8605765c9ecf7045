namespace GoSharp.Scheduler;

/// <summary>
/// Where a goroutine was started (Go: <c>g.parentGoid</c> and <c>g.gopc</c>, printed in dumps as "created by F
/// in goroutine N"), and its runtime. Immutable and shared: a goroutine that starts many others in a row (a loop
/// of <c>go f()</c>) gives them all one instance (<see cref="M.LastSpawnSite"/>), and goroutines started from
/// outside the runtime's goroutines share their runtime's <see cref="Sched.OutsideSite"/>. So a G carries one
/// reference for three facts it needs rarely (the runtime: on every <c>Ready</c>, one load more), which is 16
/// bytes on every parked goroutine.
/// </summary>
internal sealed class SpawnSite
{
    public readonly Sched Sched;
    /// <summary>The goroutine that started it, or 0 (started by a plain thread, a timer, the runtime).</summary>
    public readonly long ParentGoid;
    /// <summary>The method name of the starting goroutine's frame, or null.</summary>
    public readonly string? CreatedBy;

    internal SpawnSite(Sched sched, long parentGoid, string? createdBy)
    {
        Sched = sched;
        ParentGoid = parentGoid;
        CreatedBy = createdBy;
    }

    /// <summary>
    /// The site for a goroutine started on <paramref name="m"/> by <paramref name="parentGoid"/> in
    /// <paramref name="createdBy"/>: the M's last one when it matches, else a new one that becomes the M's last.
    /// </summary>
    public static SpawnSite For(M m, long parentGoid, string? createdBy)
    {
        SpawnSite? last = m.LastSpawnSite;
        if (last is not null && last.ParentGoid == parentGoid && ReferenceEquals(last.CreatedBy, createdBy)) return last;
        return m.LastSpawnSite = new SpawnSite(m.Sched, parentGoid, createdBy);
    }
}
