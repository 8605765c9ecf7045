using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

/// <summary>
/// An intrusive FIFO of Gs linked through <see cref="G.SchedLink"/> (Go: gQueue). Not thread-safe: the
/// global run queue guards it with the scheduler lock; a P's free list is owner-only.
/// </summary>
internal struct GQueue
{
    private G? _head;
    private G? _tail;
    public int Count;

    public readonly bool IsEmpty => _head is null;

    public void PushBack(G g)
    {
        g.SchedLink = null;
        if (_tail is null) _head = g; else _tail.SchedLink = g;
        _tail = g;
        Count++;
    }

    public void PushFront(G g)
    {
        g.SchedLink = _head;
        _head = g;
        _tail ??= g;
        Count++;
    }

    /// <summary>Appends a chain <paramref name="first"/>..<paramref name="last"/> of <paramref name="n"/> Gs.</summary>
    public void PushBackChain(G first, G last, int n)
    {
        last.SchedLink = null;
        if (_tail is null) _head = first; else _tail.SchedLink = first;
        _tail = last;
        Count += n;
    }

    public G? Pop()
    {
        G? g = _head;
        if (g is null) return null;
        _head = g.SchedLink;
        if (_head is null) _tail = null;
        g.SchedLink = null;
        Count--;
        return g;
    }
}
