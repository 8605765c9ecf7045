namespace GoSharp.Scheduler;

/// <summary>
/// Where a goroutine was started, for dumps only (Go: <c>g.parentGoid</c> and <c>g.gopc</c>, printed as
/// "created by F in goroutine N"). Immutable and shared: a goroutine that starts many others in a row (a
/// loop of <c>go f()</c>) gives them all one instance (<see cref="M.LastSpawnSite"/>), so a G carries one
/// reference instead of a goid and a name, which is 8 bytes on every parked goroutine.
/// </summary>
internal sealed class SpawnSite
{
    public readonly long ParentGoid;
    public readonly string? CreatedBy;

    private SpawnSite(long parentGoid, string? createdBy)
    {
        ParentGoid = parentGoid;
        CreatedBy = createdBy;
    }

    /// <summary>The site for a goroutine started by <paramref name="parentGoid"/> in <paramref name="createdBy"/>: the M's last one when it matches, else a new one that becomes the M's last.</summary>
    public static SpawnSite For(M m, long parentGoid, string? createdBy)
    {
        SpawnSite? last = m.LastSpawnSite;
        if (last is not null && last.ParentGoid == parentGoid && ReferenceEquals(last.CreatedBy, createdBy)) return last;
        return m.LastSpawnSite = new SpawnSite(parentGoid, createdBy);
    }
}
