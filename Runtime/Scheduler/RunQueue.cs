using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

// A P's local run queue (Go: p.runq/runqhead/runqtail/runnext in proc.go).
//
// Shape. A 256-slot ring of Gs with one producer, the M that holds the P, and many consumers: the owner
// itself and thieves (other Ms in findRunnable). Beside the ring sits runnext, one G that runs before
// anything in the ring: the G a running goroutine just readied (a channel partner, a joiner), so
// producer/consumer pairs hand the P back and forth on a warm cache without a trip through the ring.
//
// Invariants.
//   - head and tail are 32-bit and wrap; tail - head is the ring's length, 0..256. Only the owner writes
//     tail; anyone moves head forward, and only by CAS.
//   - A slot between head and tail holds a G that nobody else can see as taken until the CAS on head
//     that covers it succeeds. A consumer reads the slots first and CASes second: if the CAS fails, it
//     throws the reads away (another consumer took them) and retries.
//   - runnext is changed only by CAS (the owner swaps a new G in; a thief takes it out on its last pass).
//
// The producer's half (Put). Write the G into ring[tail & mask], then publish with a release store of
// tail. A consumer that reads the new tail with an acquire load therefore sees the slot's contents.
// When the ring is full, PutSlow grabs half the ring by CAS on head (racing thieves) and moves it, plus
// the new G, to the global queue in one batch: a P that spawns faster than it runs spills, and other Ps
// find the work there.
//
// The consumers' half (Get, StealFrom). Load head (acquire), load tail (acquire; a thief reads the
// victim's tail), read the slots, CAS head forward. A thief takes half the victim's ring, rounded up,
// into its own ring, then publishes its own tail, never the victim's. It may take the victim's runnext
// only on its last steal pass, and only after sleeping ~3 us (Linux makes it ~50 us) if the victim is
// running: the victim is probably about to run that G itself (it just readied it), and stealing it
// would move a hot producer/consumer pair to a cold cache.
//
// Why 32-bit indices: with 16-bit ones a thief descheduled mid-steal can see head wrap all the way
// around and CAS an ABA'd index (tokio#5041).

/// <summary>
/// A P's local run queue: a 256-slot ring with one producer (the owner) and many consumers, plus
/// <c>runnext</c>. Go: <c>runqput</c>, <c>runqget</c>, <c>runqgrab</c>, <c>runqsteal</c>.
/// </summary>
internal sealed class RunQueue
{
    public const int Size = 256;
    private const int Mask = Size - 1;

    private readonly G?[] _ring = new G?[Size];
    private Indices _ix;  // head (consumers: CAS) and tail (producer only: release store), padded
    private G? _runnext;
    private uint _cleared; // slots before this index hold no taken G any more (ClearTaken)
    private readonly G?[] _overflowBatch = new G?[Size / 2 + 1]; // owner only

    /// <summary>Approximate length, for traces and the idle check (runnext included).</summary>
    public int Count
    {
        get
        {
            while (true)
            {
                uint h = Volatile.Read(ref _ix.Head);
                uint t = Volatile.Read(ref _ix.Tail);
                if (h == Volatile.Read(ref _ix.Head))
                    return (int)(t - h) + (Volatile.Read(ref _runnext) is null ? 0 : 1);
            }
        }
    }

    /// <summary>True if the ring and runnext look empty (Go: runqempty, with its re-read of tail).</summary>
    public bool IsEmpty
    {
        get
        {
            while (true)
            {
                uint h = Volatile.Read(ref _ix.Head);
                uint t = Volatile.Read(ref _ix.Tail);
                G? next = Volatile.Read(ref _runnext);
                if (t == Volatile.Read(ref _ix.Tail)) return h == t && next is null;
            }
        }
    }

    /// <summary>
    /// Owner only. With <paramref name="next"/>, <paramref name="g"/> takes runnext and whoever was there
    /// goes to the tail. A full ring moves half of itself plus the G to <paramref name="global"/>.
    /// Go: runqput.
    /// </summary>
    public void Put(G g, bool next, Sched global)
    {
        if (next)
        {
            G? old = Volatile.Read(ref _runnext);
            while (true)
            {
                G? seen = Interlocked.CompareExchange(ref _runnext, g, old);
                if (seen == old) break;
                old = seen;
            }
            if (old is null) return;
            g = old; // the displaced G goes to the regular queue
        }
        while (true)
        {
            uint h = Volatile.Read(ref _ix.Head);
            uint t = _ix.Tail;
            if (t - h < Size)
            {
                _ring[t & Mask] = g;
                Volatile.Write(ref _ix.Tail, t + 1);
                return;
            }
            if (PutSlow(g, h, t, global)) return;
            // A thief took some: the ring has room now.
        }
    }

    /// <summary>Moves half of the full ring plus <paramref name="g"/> to the global queue. Go: runqputslow.</summary>
    private bool PutSlow(G g, uint h, uint t, Sched global)
    {
        const int half = Size / 2;
        uint n = (t - h) / 2;
        if (n != half) return false; // the ring is not full any more
        G?[] batch = _overflowBatch;
        for (uint i = 0; i < n; i++) batch[i] = _ring[(h + i) & Mask];
        if (Interlocked.CompareExchange(ref _ix.Head, h + n, h) != h)
            return false; // a thief got there first
        // Link only after the CAS: until then a thief may own these Gs and be using SchedLink.
        batch[n] = g;
        for (uint i = 0; i < n; i++) batch[i]!.SchedLink = batch[i + 1];
        g.SchedLink = null;
        G first = batch[0]!;
        System.Array.Clear(batch);
        global.GlobalRunQueuePutBatch(first, g, (int)n + 1);
        return true;
    }

    /// <summary>
    /// Owner only: takes runnext out, or null if it is empty or a thief took it first (Sched.SpendSlice).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public G? TakeRunNext()
    {
        G? next = Volatile.Read(ref _runnext);
        return next is not null && Interlocked.CompareExchange(ref _runnext, null, next) == next ? next : null;
    }

    /// <summary>
    /// Owner only: runnext first (it inherits the time slice), then the head of the ring. Go: runqget.
    /// </summary>
    public G? Get(out bool inheritTime)
    {
        G? next = TakeRunNext();
        inheritTime = next is not null;
        if (next is not null) return next;
        while (true)
        {
            uint h = Volatile.Read(ref _ix.Head);
            uint t = _ix.Tail;
            if (t == h) return null;
            G? g = _ring[h & Mask];
            if (Interlocked.CompareExchange(ref _ix.Head, h + 1, h) == h) return g;
        }
    }

    /// <summary>
    /// Steals half (rounded up) of <paramref name="victim"/>'s ring into this ring and returns one of them
    /// to run. Only this queue's owner may call it. Go: runqsteal.
    /// </summary>
    public G? StealFrom(RunQueue victim, bool stealRunNext, P victimP)
    {
        uint t = _ix.Tail;
        uint n = victim.Grab(_ring, t, stealRunNext, victimP);
        if (n == 0) return null;
        n--;
        G? g = _ring[(t + n) & Mask];
        _ring[(t + n) & Mask] = null; // beyond the tail: nobody else reads it
        if (n == 0) return g;
        Volatile.Write(ref _ix.Tail, t + n);
        return g;
    }

    /// <summary>
    /// Copies half of this ring (or, failing that and if asked, runnext) into <paramref name="batch"/> at
    /// <paramref name="batchHead"/> and claims it. Go: runqgrab.
    /// </summary>
    private uint Grab(G?[] batch, uint batchHead, bool stealRunNext, P owner)
    {
        while (true)
        {
            uint h = Volatile.Read(ref _ix.Head);
            uint t = Volatile.Read(ref _ix.Tail);
            uint n = t - h;
            n -= n / 2;
            if (n == 0)
            {
                if (stealRunNext)
                {
                    G? next = Volatile.Read(ref _runnext);
                    if (next is not null)
                    {
                        if (owner.Status == PStatus.Running)
                        {
                            // The owner probably just readied it in a hand-off and will run it in a
                            // moment (a hand-off takes ~100 ns); taking it now would bounce the pair
                            // between threads. Sleep, as Go does (usleep(3), 50-60 us with Linux's
                            // timer slack), rather than spin: the thief still counts as spinning, so
                            // nobody wakes another M meanwhile, and it burns no CPU. A busy-wait here
                            // made the spinner give up within a microsecond of a hand-off pair and
                            // park, and the pair's next Ready woke it again: 2-8x the M wake-ups of
                            // sleeping (docs/performance-cpu.md, Idle Ms and spinning).
                            MicroSleep.Sleep(3);
                        }
                        if (Interlocked.CompareExchange(ref _runnext, null, next) != next) continue;
                        batch[batchHead & Mask] = next;
                        return 1;
                    }
                }
                return 0;
            }
            if (n > Size / 2) continue; // read an inconsistent h and t
            for (uint i = 0; i < n; i++)
                batch[(batchHead + i) & Mask] = _ring[(h + i) & Mask];
            if (Interlocked.CompareExchange(ref _ix.Head, h + n, h) == h) return n;
        }
    }

    /// <summary>
    /// Clears the slots of Gs already taken, so that a stale slot does not keep a parked goroutine reachable
    /// and hide a deadlock from the proof (DeadlockProbe.cs). Called by the P's owner as it puts the P on
    /// the idle list (no producer then). Safe against thieves: a slot before head was taken, and a thief
    /// that read it before head moved past it fails its CAS on head and throws the read away.
    /// </summary>
    public void ClearTaken()
    {
        uint h = Volatile.Read(ref _ix.Head);
        uint t = _ix.Tail;
        uint from = t - _cleared > Size ? t - Size : _cleared; // older positions share slots with live ones
        for (uint i = from; i != h; i++) _ring[i & Mask] = null;
        _cleared = h;
    }

    /// <summary>Empties the queue into <paramref name="sink"/> (used when a P is destroyed; owner stopped).</summary>
    public void DrainTo(Sched sink)
    {
        G? next = Interlocked.Exchange(ref _runnext, null);
        if (next is not null) sink.GlobalRunQueuePutLocked(next);
        while (true)
        {
            G? g = Get(out _);
            if (g is null) break;
            sink.GlobalRunQueuePutLocked(g);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal (uint Head, uint Tail) DebugIndices() => (Volatile.Read(ref _ix.Head), Volatile.Read(ref _ix.Tail));

    /// <summary>
    /// head and tail, 128 bytes from anything else: thieves CAS head and read tail on every steal attempt, the
    /// owner writes tail on every put, and these objects sit next to each other and to their P on the heap;
    /// unpadded, a field added anywhere near moved them onto a shared line (docs/performance.md).
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 2 * Pad + 8)]
    private struct Indices
    {
        private const int Pad = 128;
        [FieldOffset(Pad)] public uint Head;
        [FieldOffset(Pad + 4)] public uint Tail;
    }
}
