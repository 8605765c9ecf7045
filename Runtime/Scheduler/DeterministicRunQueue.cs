using System.Collections.Generic;
using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

/// <summary>
/// The run queue of deterministic mode: every runnable G in one list, and the next one to run chosen
/// by a seeded random number, so one seed replays one interleaving and many seeds explore many (the
/// idea of Go's testing/synctest and tokio's loom, without their exhaustiveness). Guarded by the
/// scheduler lock, like the global queue it replaces.
/// </summary>
internal sealed class DeterministicRunQueue
{
    private readonly List<G> _gs = new();
    // Goroutines readied from outside the schedule (a Task's continuation, a plain thread's send, a goroutine
    // in a blocking section): they wait here until every goroutine is blocked, as the virtual clock does, so
    // the moment a real-world event lands does not decide the interleaving.
    private readonly List<G> _arrived = new();
    private ulong _state;
    private ulong _selectState;

    /// <summary>The wall-clock time and the virtual clock's reading when the runtime started: the virtual clock's epoch.</summary>
    public readonly System.DateTime StartUtc = System.DateTime.UtcNow;
    public readonly long StartTicks;

    public DeterministicRunQueue(int seed, long startTicks)
    {
        StartTicks = startTicks;
        _state = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL;
        _selectState = _state ^ 0xD1B54A32D192ED03UL;
    }

    /// <summary>Random numbers for select's poll order, from the same seed (only the running goroutine asks).</summary>
    public uint NextSelectRandom() => (uint)(SplitMix(ref _selectState) >> 32);

    /// <summary>The runnable goroutines and those arrived from outside: the global queue's length.</summary>
    public int Count => _gs.Count + _arrived.Count;

    public void Add(G g) => _gs.Add(g);

    /// <summary>Queues a goroutine readied from outside the schedule; it becomes runnable at the next idle moment.</summary>
    public void AddArrived(G g) => _arrived.Add(g);

    /// <summary>Removes and returns a runnable G picked by the seeded generator, or null.</summary>
    public G? TakeRandom()
    {
        int n = _gs.Count;
        if (n == 0)
        {
            // Every goroutine is blocked: what arrived from outside meanwhile runs now, in goroutine id order
            // (then picked by the seed), whatever order the outside world readied it in.
            if (_arrived.Count == 0) return null;
            _arrived.Sort(static (a, b) => a.Goid.CompareTo(b.Goid));
            _gs.AddRange(_arrived);
            _arrived.Clear();
            n = _gs.Count;
        }
        int i = (int)(Next() % (ulong)n);
        G g = _gs[i];
        _gs[i] = _gs[n - 1];
        _gs.RemoveAt(n - 1);
        return g;
    }

    private ulong Next() => SplitMix(ref _state);

    // splitmix64: small, fast, and the same sequence on every platform.
    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
