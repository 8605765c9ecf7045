using System;
using System.Runtime.CompilerServices;
using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

// Making a goroutine runnable. Go: ready / goready (and newproc's runqput + wakep).
internal sealed partial class Sched
{
    /// <summary>
    /// Makes a parked goroutine runnable (Go: goready): Waiting -> Runnable by CAS, so a second wake-up
    /// for the same park throws instead of resuming a frame twice; then queues it.
    /// </summary>
    public void Ready(G g)
    {
        MarkReadied(g);
        Enqueue(g);
    }

    /// <summary>Queues a goroutine <see cref="MarkReadied"/> has made runnable: the second half of <see cref="Ready"/>.</summary>
    private void Enqueue(G g)
    {
        M? m = M.Current;
        if (_det is not null && (m is null || m.Sched != this || m.P is null))
        {
            Arrive(g, externalWait: false); // deterministic mode, readied from outside the schedule
        }
        else if (m is not null && m.Sched == this)
        {
            // No try/finally: an exception here leaves InUserCode 0, which only stops sysmon retaking.
            bool entered = EnterRuntime(m);
            PutRunnable(g, m.P);
            LeaveRuntime(m, entered);
        }
        else
        {
            PutRunnable(g, null);
        }
    }

    /// <summary>
    /// Readies a goroutine whose wait counted in <see cref="ExternalWaits"/> (a Task await, a network wait), from the
    /// thread that ended the wait. In deterministic mode the count drops in the same step, under the lock, as the
    /// goroutine joins the arrivals: in between, the virtual clock could jump past a goroutine that is about to run,
    /// or an M going idle could skip the deadlock check on a count about to drop.
    /// </summary>
    public void ReadyAfterExternalWait(G g)
    {
        if (_det is null)
        {
            // Runnable first, then uncounted: a deadlock check that sees the count at zero then sees the goroutine
            // runnable, not parked (CheckDead.cs reads the count, then the statuses). The other order left an instant
            // in which Go's all-asleep rule saw no outside wait and this goroutine still parked, and wrote off the
            // goroutines it was about to wake (AllAsleepBridgeTests).
            MarkReadied(g);
            Interlocked.Decrement(ref ExternalWaits);
            _dl.ExternalWaitEnded?.Invoke();
            Enqueue(g);
            return;
        }
        MarkReadied(g);
        Arrive(g, externalWait: true);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MarkReadied(G g)
    {
        if (Interlocked.CompareExchange(ref g.Status, (int)GStatus.Runnable, (int)GStatus.Waiting) != (int)GStatus.Waiting)
            ThrowReadiedTwice(g);
    }

    private static void ThrowReadiedTwice(G g) => throw new InvalidOperationException(
        $"goroutine {g.Goid} was readied while {g.GetStatus()}: a frame would be resumed twice. " +
        "A primitive must ready a goroutine exactly once per park, after its commit step.");

    /// <summary>
    /// Deterministic mode: a goroutine readied from outside the schedule joins the arrivals, runnable once every
    /// goroutine is blocked (DeterministicRunQueue); <paramref name="externalWait"/> drops its wait's count with it.
    /// </summary>
    private void Arrive(G g, bool externalWait)
    {
        lock (_lock)
        {
            if (externalWait) Interlocked.Decrement(ref ExternalWaits);
            _det!.AddArrived(g);
            _runqsize = _det.Count;
        }
        WakeP();
    }

    /// <summary>
    /// Queues a runnable G: into <paramref name="p"/>'s runnext when the caller is an M of this scheduler
    /// holding <paramref name="p"/> (the readied G runs next, on a warm cache: Go's ready), else onto the
    /// global queue; then wakes an idle P if one may be needed. In deterministic mode every G goes to the
    /// global (seeded) queue.
    /// </summary>
    private void PutRunnable(G g, P? p)
    {
        if (p is not null && _det is null)
        {
            p.RunQueue.Put(g, next: true, this);
        }
        else
        {
            lock (_lock) GlobalRunQueuePutLocked(g);
        }
        WakeP();
    }
}
