using System.Threading;

namespace GoSharp.Waiting;

/// <summary>A FIFO of waiters (Go: waitq), guarded by its owner's lock.</summary>
internal struct WaitQueue
{
    public Waiter? First, Last;

    public readonly bool IsEmpty => First is null;

    public void Enqueue(Waiter w, object owner)
    {
        w.Queue = owner;
        w.Next = null;
        w.Prev = Last;
        if (Last is null) First = w; else Last.Next = w;
        Last = w;
    }

    public void PushFront(Waiter w, object owner)
    {
        w.Queue = owner;
        w.Prev = null;
        w.Next = First;
        if (First is null) Last = w; else First.Prev = w;
        First = w;
    }

    /// <summary>True if <paramref name="w"/> is linked in this queue (a walk: for the rare abandon path only).</summary>
    public readonly bool Contains(Waiter w)
    {
        for (Waiter? x = First; x is not null; x = x.Next)
            if (x == w) return true;
        return false;
    }

    /// <summary>
    /// Unlinks <paramref name="w"/> if it is linked in this queue; false if not (a waker took it, or a
    /// park commit has named the owner but not enqueued it yet). For abandoning a sleeper.
    /// </summary>
    public bool RemoveIfQueued(Waiter w, object owner)
    {
        if (w.Queue != owner || !Contains(w)) return false;
        Remove(w, owner);
        return true;
    }

    /// <summary>Unlinks <paramref name="w"/> if it is still in this queue.</summary>
    public void Remove(Waiter w, object owner)
    {
        if (w.Queue != owner) return;
        if (w.Prev is null) First = w.Next; else w.Prev.Next = w.Next;
        if (w.Next is null) Last = w.Prev; else w.Next.Prev = w.Prev;
        w.Next = w.Prev = null;
        w.Queue = null;
    }

    /// <summary>
    /// Takes the first waiter that may be woken: a select case only if this waker wins its select
    /// (Go: waitq.dequeue). Losing select cases are unlinked; their select removes the rest.
    /// </summary>
    public Waiter? Dequeue(object owner)
    {
        while (true)
        {
            Waiter? w = First;
            if (w is null) return null;
            Remove(w, owner);
            SelectParker? s = w.Select;
            if (s is not null)
            {
                if (Interlocked.CompareExchange(ref s.Done, 1, 0) != 0) continue;
                s.Winner = w;
            }
            return w;
        }
    }

    /// <summary>
    /// Takes every waiter that may be woken (as <see cref="Dequeue"/>, one by one) and returns them as a
    /// wake list through <see cref="Waiter.WakeNext"/>, newest first, in front of <paramref name="list"/>.
    /// The caller holds the owner's lock; it wakes the list with <see cref="Waiter.WakeAll"/> after unlocking.
    /// The order is what a goroutine woken this way sees: each one readied goes to runnext and pushes the
    /// one before it to the local queue, so on one P the last one readied runs first. Newest first is Go's
    /// closechan (its gList is a stack); a Cond's or a WaitGroup's waiters use <see cref="TakeAllOldestFirst"/>.
    /// </summary>
    public Waiter? TakeAll(object owner, Waiter? list = null)
    {
        Waiter? w;
        while ((w = Dequeue(owner)) is not null)
        {
            w.WakeNext = list;
            list = w;
        }
        return list;
    }

    /// <summary>
    /// Takes every waiter that may be woken as a wake list, oldest first (as queued): Go readies a Cond's
    /// waiters in that order (notifyListNotifyAll) and a WaitGroup's (one semrelease per waiter, each taking
    /// the oldest). Until 2026-11-29 both used <see cref="TakeAll"/>, and on one P the waiters ran in another
    /// order than Go's (bench/gosemantics' cond case; WakeOrderTests).
    /// </summary>
    public Waiter? TakeAllOldestFirst(object owner)
    {
        Waiter? first = null, last = null, w;
        while ((w = Dequeue(owner)) is not null)
        {
            // Dequeue unlinked w, so its Next, which WakeNext reuses, is null and free.
            if (last is null) first = w;
            else last.WakeNext = w;
            last = w;
        }
        return first;
    }
}
