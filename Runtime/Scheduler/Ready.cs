using System;
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
        if (Interlocked.CompareExchange(ref g.Status, (int)GStatus.Runnable, (int)GStatus.Waiting) != (int)GStatus.Waiting)
            throw new InvalidOperationException(
                $"goroutine {g.Goid} was readied while {g.GetStatus()}: a frame would be resumed twice. " +
                "A primitive must ready a goroutine exactly once per park, after its commit step.");
        M? m = M.Current;
        if (m is not null && m.Sched == this)
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
