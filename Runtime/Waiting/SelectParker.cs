using System.Threading;

namespace GoSharp.Waiting;

/// <summary>What a select shares between its waiters (Go: g.selectDone and g.param).</summary>
internal abstract class SelectParker : Parker
{
    /// <summary>0 while the select waits; the waker that CASes it to 1 wins.</summary>
    public int Done;
    /// <summary>The waiter that completed the select.</summary>
    public Waiter? Winner;
    private byte _threadWake;
    private protected override ref byte ThreadWake => ref _threadWake;

    /// <summary>
    /// Cancels a parked select: wins <see cref="Done"/> so no waker can complete it, then unlinks every
    /// case's waiter. False if a waker won first (its wake-up completes the select normally).
    /// </summary>
    public override bool TryCancel()
    {
        if (Interlocked.CompareExchange(ref Done, 1, 0) != 0) return false;
        UnlinkAllCases();
        return true;
    }

    /// <summary>Locks the select's channels and removes each case's waiter (pass 3 with no winner).</summary>
    protected abstract void UnlinkAllCases();
}
