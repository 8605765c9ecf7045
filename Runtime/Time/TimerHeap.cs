using System;
using System.Threading;

namespace GoSharp.Time;

/// <summary>
/// A timer on a P's heap. <see cref="Fire"/> runs on a scheduler thread (holding a P) outside the heap's
/// lock: it must be short and must not block (ready a goroutine, try-send on a channel, queue work).
/// </summary>
internal abstract class TimerEntry
{
    /// <summary>Stopwatch timestamp when it fires. Guarded by the heap's lock while on a heap.</summary>
    internal long When;
    /// <summary>Stopwatch ticks between firings, 0 for a one-shot timer.</summary>
    internal long Period;
    /// <summary>The heap holding it, or null when not scheduled.</summary>
    internal volatile TimerHeap? Heap;
    internal int Index = -1;
    /// <summary>Bumped by every Stop/Reset, so a fire that raced with them can tell it is stale.</summary>
    internal int Seq;

    /// <summary>Runs the timer's action at <paramref name="now"/> (Stopwatch timestamp).</summary>
    internal abstract void Fire(long now, int seq);

    /// <summary>
    /// True while firing now would change nothing: a ticker whose channel already holds a tick nobody has
    /// taken (its send is dropped). Read without locks; only deterministic mode asks, to keep its virtual
    /// clock from jumping from one dropped tick to the next forever (<see cref="TimerHeap.NextUsefulWhen"/>).
    /// </summary>
    internal virtual bool FireIsNoOp => false;
}

/// <summary>
/// A P's timers (Go: p.timers, a 4-ary min-heap since Go 1.14), with its own lock. The scheduler asks
/// <see cref="NextWhen"/> and calls <see cref="RunExpired"/> at the top of findRunnable, when stealing, and
/// before an M sleeps (it sleeps until the earliest timer of any P). Stop and Reset remove a timer eagerly
/// (O(log n) with its index), so the heap holds no dead entries.
/// </summary>
internal sealed class TimerHeap
{
    private readonly Lock _lock = new();
    private TimerEntry[] _heap = new TimerEntry[16];
    private int _count;
    private long _nextWhen = long.MaxValue;

    /// <summary>Stopwatch timestamp of the earliest timer, or <see cref="long.MaxValue"/> if none.</summary>
    public long NextWhen => Volatile.Read(ref _nextWhen);

    /// <summary>
    /// The earliest timer whose firing would change something (<see cref="TimerEntry.FireIsNoOp"/> false), or
    /// <see cref="long.MaxValue"/>. Deterministic mode jumps its virtual clock to it: a forgotten ticker whose
    /// channel nobody reads would otherwise advance the clock tick after dropped tick, a busy loop that never
    /// lets the runtime go quiescent (so a deadlock was never reported). The root is the answer unless it is
    /// such a ticker; only then are the others scanned.
    /// </summary>
    public long NextUsefulWhen()
    {
        _lock.Enter();
        try
        {
            if (_count == 0) return long.MaxValue;
            if (!_heap[0].FireIsNoOp) return _heap[0].When;
            long best = long.MaxValue;
            for (int i = 1; i < _count; i++)
            {
                TimerEntry t = _heap[i];
                if (t.When < best && !t.FireIsNoOp) best = t.When;
            }
            return best;
        }
        finally
        {
            _lock.Exit();
        }
    }

    /// <summary>The number of timers on the heap.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Adds <paramref name="t"/> (which must be on no heap) to fire at <paramref name="when"/>; true if it is now the earliest.</summary>
    public bool Add(TimerEntry t, long when)
    {
        _lock.Enter();
        try
        {
            AddLocked(t, when);
            return t.Index == 0;
        }
        finally
        {
            _lock.Exit();
        }
    }

    private void AddLocked(TimerEntry t, long when)
    {
        if (t.Heap is not null) throw new InvalidOperationException("timer already scheduled");
        InsertLocked(t, when);
    }

    /// <summary>Puts <paramref name="t"/> on this heap; it is on no heap, or on one being emptied into this one.</summary>
    private void InsertLocked(TimerEntry t, long when)
    {
        t.When = when;
        if (_count == _heap.Length) Array.Resize(ref _heap, _count * 2);
        t.Index = _count;
        _heap[_count++] = t;
        t.Heap = this;
        SiftUp(t.Index);
        Volatile.Write(ref _nextWhen, _heap[0].When);
    }

    /// <summary>Removes <paramref name="t"/> if it is on this heap; false if it is not (fired, stopped or moved).</summary>
    public bool Remove(TimerEntry t)
    {
        _lock.Enter();
        try
        {
            if (t.Heap != this) return false;
            RemoveAtLocked(t.Index);
            return true;
        }
        finally
        {
            _lock.Exit();
        }
    }

    private void RemoveAtLocked(int i)
    {
        TimerEntry t = _heap[i];
        int last = --_count;
        if (i != last)
        {
            _heap[i] = _heap[last];
            _heap[i].Index = i;
            _heap[last] = null!;
            if (!SiftUp(i)) SiftDown(i);
        }
        else
        {
            _heap[last] = null!;
        }
        t.Heap = null;
        t.Index = -1;
        Volatile.Write(ref _nextWhen, _count > 0 ? _heap[0].When : long.MaxValue);
    }

    /// <summary>Runs every timer due at <paramref name="now"/>; true if any ran. Safe from any thread.</summary>
    public bool RunExpired(long now)
    {
        bool ran = false;
        while (true)
        {
            TimerEntry t;
            int seq;
            _lock.Enter();
            try
            {
                if (_count == 0 || _heap[0].When > now) return ran;
                t = _heap[0];
                seq = t.Seq;
                RemoveAtLocked(0);
                if (t.Period > 0)
                {
                    // A ticker: next tick at the first period boundary after now (ticks missed are dropped, as in Go).
                    long next = t.When + t.Period * (1 + (now - t.When) / t.Period);
                    AddLocked(t, next);
                }
            }
            finally
            {
                _lock.Exit();
            }
            ran = true;
            t.Fire(now, seq);
        }
    }

    private bool SiftUp(int i)
    {
        TimerEntry t = _heap[i];
        long when = t.When;
        int start = i;
        while (i > 0)
        {
            int parent = (i - 1) >> 2;
            if (when >= _heap[parent].When) break;
            _heap[i] = _heap[parent];
            _heap[i].Index = i;
            i = parent;
        }
        _heap[i] = t;
        t.Index = i;
        return i != start;
    }

    private void SiftDown(int i)
    {
        TimerEntry t = _heap[i];
        long when = t.When;
        int n = _count;
        while (true)
        {
            int c = i * 4 + 1;
            if (c >= n) break;
            int best = c;
            long bw = _heap[c].When;
            int end = Math.Min(c + 4, n);
            for (int k = c + 1; k < end; k++)
            {
                if (_heap[k].When < bw)
                {
                    best = k;
                    bw = _heap[k].When;
                }
            }
            if (bw >= when) break;
            _heap[i] = _heap[best];
            _heap[i].Index = i;
            i = best;
        }
        _heap[i] = t;
        t.Index = i;
    }

    /// <summary>
    /// Moves every timer to <paramref name="dest"/> (Go: moveTimers, when procresize retires a P; ProcResize
    /// moves a retired P's timers to P0).
    /// </summary>
    /// <remarks>
    /// Atomic with respect to Stop and Reset: both heaps stay locked for the whole move, and each entry's
    /// <see cref="TimerEntry.Heap"/> goes straight from this heap to <paramref name="dest"/>, never through
    /// null. A Stop that read the old heap waits on its lock, then finds the entry gone (Remove returns
    /// false) and retries on the heap the entry now names; a Stop never sees a moving timer as "on no
    /// heap", which would let it report the timer stopped while the move re-adds it. Lock order: the
    /// retiring heap, then dest; nothing else ever holds two heap locks.
    /// </remarks>
    public void MoveAllTo(TimerHeap dest)
    {
        if (dest == this) return;
        _lock.Enter();
        dest._lock.Enter();
        try
        {
            for (int i = 0; i < _count; i++)
            {
                TimerEntry t = _heap[i];
                _heap[i] = null!;
                dest.InsertLocked(t, t.When);
            }
            _count = 0;
            Volatile.Write(ref _nextWhen, long.MaxValue);
        }
        finally
        {
            dest._lock.Exit();
            _lock.Exit();
        }
    }

    /// <summary>Checks the heap property (tests).</summary>
    internal bool Verify()
    {
        _lock.Enter();
        try
        {
            for (int i = 0; i < _count; i++)
            {
                if (_heap[i].Index != i || _heap[i].Heap != this) return false;
                if (i > 0 && _heap[(i - 1) >> 2].When > _heap[i].When) return false;
            }
            return true;
        }
        finally
        {
            _lock.Exit();
        }
    }
}
