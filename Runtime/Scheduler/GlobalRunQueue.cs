using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

// The global run queue (Go: sched.runq; globrunqput, globrunqputbatch, globrunqget).
internal sealed partial class Sched
{
    /// <summary>Go: globrunqput. Caller holds the scheduler lock.</summary>
    internal void GlobalRunQueuePutLocked(G g)
    {
        if (_det is not null)
        {
            _det.Add(g);
            _runqsize = _det.Count;
            return;
        }
        _runq.PushBack(g);
        _runqsize = _runq.Count;
    }

    /// <summary>Takes a linked batch from a full local queue. Go: runqputslow's globrunqputbatch.</summary>
    internal void GlobalRunQueuePutBatch(G first, G last, int n)
    {
        lock (_lock)
        {
            _runq.PushBackChain(first, last, n);
            _runqsize = _runq.Count;
        }
    }

    /// <summary>
    /// Takes one G to run and moves a fair share of the rest (at most <paramref name="max"/> when it is not
    /// 0, and half a local queue) into <paramref name="p"/>'s queue. Caller holds the lock. Go: globrunqget.
    /// </summary>
    private G? GlobalRunQueueGet(P p, int max)
    {
        if (_det is not null)
        {
            G? chosen = _det.TakeRandom();
            _runqsize = _det.Count;
            return chosen;
        }
        int size = _runq.Count;
        if (size == 0) return null;
        int n = size / _gomaxprocs + 1;
        if (n > size) n = size;
        if (max > 0 && n > max) n = max;
        if (n > RunQueue.Size / 2) n = RunQueue.Size / 2;
        G g = _runq.Pop()!;
        for (int i = 1; i < n; i++) p.RunQueue.Put(_runq.Pop()!, next: false, this);
        _runqsize = _runq.Count;
        return g;
    }

    /// <summary>For tests: the global queue's length.</summary>
    public int GlobalRunQueueLength => _runqsize;

    /// <summary>For tests: takes one G off the global queue.</summary>
    public G? GlobalRunQueuePopForTest()
    {
        lock (_lock)
        {
            G? g = _runq.Pop();
            _runqsize = _runq.Count;
            return g;
        }
    }
}
