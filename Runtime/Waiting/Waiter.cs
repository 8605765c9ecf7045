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

    public static void Return(Waiter<T> w)
    {
        w.ResetWaiter();
        w.Value = default!;
        ObjectCache<Waiter<T>>.Return(w);
    }
}
