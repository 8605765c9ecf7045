using GoSharp.CompilerServices;

namespace GoSharp.Waiting;

/// <summary>
/// One blocked operation in a wait queue (Go: sudog): a channel send or receive, one case of a blocked
/// select, a semaphore acquire, a WaitGroup wait. Channels, Sync and Time all queue these; the queue's
/// owner guards the links with its own lock.
/// </summary>
internal abstract partial class Waiter : Parker
{
    public Waiter? Next, Prev;
    /// <summary>The queue's owner while this waiter is linked in it, or null.</summary>
    public object? Queue;
    /// <summary>True when a value was delivered (or taken); false when the channel was closed.</summary>
    public bool Success;
    private byte _threadWake;
    private protected override ref byte ThreadWake => ref _threadWake;
    /// <summary>
    /// Non-null for a select case: the waker must win <see cref="SelectParker.Done"/> first. Kept in the
    /// sleeper's slot: a case's waiter never sleeps itself (its select does), so <see cref="Parker.G"/> and
    /// <see cref="Parker.Async"/> read null for it.
    /// </summary>
    public SelectParker? Select
    {
        get
        {
            object? s = Sleeper;
            return s is G ? null : s as SelectParker; // a G (sealed, one compare) is the common case: no cast helper
        }
        set => Sleeper = value;
    }
    /// <summary>
    /// Link in a wake list (<see cref="WaitQueue.TakeAll"/>): taken under the lock, woken after it. It is
    /// <see cref="Next"/>: a taken waiter is in no queue (<see cref="Queue"/> is null, so no queue operation
    /// touches its links), and its goroutine cannot queue it again before <see cref="WakeAll"/> has read the
    /// link and woken it. One field fewer keeps a parked goroutine under 300 bytes.
    /// </summary>
    public Waiter? WakeNext { get => Next; set => Next = value; }

    /// <summary>A plain waiter: removed from its owner's queue if still there (a select case cancels through its select).</summary>
    public override bool TryCancel() => Select is null && Queue is IWaitQueueOwner owner && owner.Unlink(this);

    /// <summary>Wakes the blocked operation: the select's parker for a select case, else this waiter.</summary>
    public void WakeOwner()
    {
        object? s = Sleeper;
        if (s is G g) g.Ready(); // the common case, decided by one compare
        else if (s is SelectParker select) select.Wake();
        else Wake();
    }

    /// <summary>
    /// Wakes every waiter of a list made by <see cref="WaitQueue.TakeAll"/>. Call it after releasing the
    /// queue owner's lock: a woken goroutine may run at once on another M and take that lock.
    /// </summary>
    public static void WakeAll(Waiter? list)
    {
        while (list is not null)
        {
            Waiter w = list;
            list = w.WakeNext;
            w.WakeNext = null;
            w.WakeOwner();
        }
    }

    /// <summary>Puts a reset waiter back into the cache of its own type (a goroutine's spare: G.SpareWaiter).</summary>
    public abstract void ReturnToCache();

    /// <summary>Clears what a pooled waiter must not carry into its next use.</summary>
    protected void ResetWaiter()
    {
        Sleeper = null; // G, Async, Select (a cancellation record stays, for the next cancellable wait)
        Next = Prev = null;
        Queue = null;
        Success = false;
        WakeNext = null;
        CancelRequested = false;
        Canceled = false;
    }
}

/// <summary>A waiter carrying a value slot: the value a sender offers or a receiver gets.</summary>
internal sealed class Waiter<T> : Waiter
{
    public T Value = default!;

    public static Waiter<T> Rent() => ObjectCache<Waiter<T>>.Rent();

    /// <summary>
    /// A waiter for <paramref name="g"/>, which is about to park: the one it gave back last (<see cref="ReturnOwn"/>)
    /// when that is of this type, else one from the cache. A goroutine that blocks on one channel again and again
    /// (pingpong, a worker's receive loop) takes the same waiter each time, without the cache's thread-local lookup.
    /// </summary>
    public static Waiter<T> Rent(G g)
    {
        Waiter? spare = g.SpareWaiter;
        if (spare is not null)
        {
            g.SpareWaiter = null;
            if (spare is Waiter<T> w) return w;
            spare.ReturnToCache();   // a record of another element type: to its own cache
        }
        return ObjectCache<Waiter<T>>.Rent();
    }

    public override void ReturnToCache() => ObjectCache<Waiter<T>>.Return(this);

    public static void Return(Waiter<T> w)
    {
        Clear(w);
        ObjectCache<Waiter<T>>.Return(w);
    }

    private static void Clear(Waiter<T> w)
    {
        w.ResetWaiter();
        w.Value = default!;
    }

    /// <summary>
    /// Gives back the waiter of a goroutine's own wait from its awaiter's GetResult, while that goroutine runs: kept
    /// as its spare when it has none (<see cref="Rent(G)"/>). Only the goroutine itself touches its spare (it rents
    /// while it runs, in Suspend, and gives back while it runs), so the slot needs no synchronisation.
    /// </summary>
    public static void ReturnOwn(Waiter<T> w)
    {
        G? g = w.G;
        Clear(w);
        if (g is not null && g.SpareWaiter is null) g.SpareWaiter = w;
        else ObjectCache<Waiter<T>>.Return(w);
    }
}
