using System;
using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Channels;

/// <summary>
/// Something that sleeps until woken: a parked goroutine (<see cref="G"/> set) or a blocked thread
/// (a Monitor wait on this object). Pooled with its owner, so waiting allocates nothing in steady state.
/// </summary>
internal abstract class Parker
{
    /// <summary>The parked goroutine, or null when a thread waits.</summary>
    public G? G;
    /// <summary>Set for an async waiter (SendAsync/RecvAsync): completed instead of a thread wake-up.</summary>
    public System.Threading.Tasks.TaskCompletionSource? Async;
    private bool _signaled;

    /// <summary>Wakes the sleeper. Call it after releasing every lock; touch nothing of this object after.</summary>
    public void Wake()
    {
        G? g = G;
        if (g is not null)
        {
            g.Ready();
            return;
        }
        var tcs = Async;
        if (tcs is not null)
        {
            tcs.TrySetResult();
            return;
        }
        lock (this)
        {
            _signaled = true;
            Monitor.Pulse(this);
        }
    }

    /// <summary>Blocks the calling thread until <see cref="Wake"/> (handing off the P on an M).</summary>
    public void WaitThread()
    {
        lock (this)
        {
            if (_signaled)
            {
                _signaled = false;
                return;
            }
        }
        using var blocking = GoRuntime.EnterBlocking();
        lock (this)
        {
            while (!_signaled) Monitor.Wait(this);
            _signaled = false;
        }
    }
}

/// <summary>What a select shares between its waiters (Go: g.selectDone and g.param).</summary>
internal class SelectParker : Parker
{
    /// <summary>0 while the select waits; the waker that CASes it to 1 wins.</summary>
    public int Done;
    /// <summary>The waiter that completed the select.</summary>
    public Waiter? Winner;
}

/// <summary>A channel waiter (Go: sudog): one blocked send or receive, or one case of a blocked select.</summary>
internal abstract class Waiter : Parker
{
    public Waiter? Next, Prev;
    /// <summary>The queue this waiter is linked in, or null.</summary>
    public object? Queue;
    /// <summary>True when a value was delivered (or taken); false when the channel was closed.</summary>
    public bool Success;
    /// <summary>Non-null for a select case: the waker must win <see cref="SelectParker.Done"/> first.</summary>
    public SelectParker? Select;
    public int CaseIndex;
    /// <summary>Link in a close's wake list.</summary>
    public Waiter? WakeNext;

    /// <summary>Wakes the blocked operation: the select's parker for a select case, else this waiter.</summary>
    public void WakeOwner()
    {
        SelectParker? s = Select;
        if (s is not null) s.Wake();
        else Wake();
    }
}

/// <summary>A waiter carrying a value slot.</summary>
internal sealed class Waiter<T> : Waiter
{
    public T Value = default!;

    public static Waiter<T> Rent() => ObjectCache<Waiter<T>>.Rent();

    public static void Return(Waiter<T> w)
    {
        w.G = null;
        w.Value = default!;
        w.Next = w.Prev = null;
        w.Queue = null;
        w.Select = null;
        w.Success = false;
        w.WakeNext = null;
        w.Async = null;
        w.CaseIndex = 0;
        ObjectCache<Waiter<T>>.Return(w);
    }
}

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
}
