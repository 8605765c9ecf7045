using System;
using System.Threading;
using GoSharp.CompilerServices;

using GoSharp.Scheduler;

namespace GoSharp.Waiting;

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
        using var blocking = Sched.EnterBlocking();
        lock (this)
        {
            while (!_signaled) Monitor.Wait(this);
            _signaled = false;
        }
    }
}
