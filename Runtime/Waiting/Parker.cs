using System;
using System.Threading;
using GoSharp.CompilerServices;

using GoSharp.Scheduler;

namespace GoSharp.Waiting;

/// <summary>
/// Something that sleeps until woken: a parked goroutine (<see cref="G"/> set) or a blocked thread
/// (a Monitor wait on this object). Pooled with its owner, so waiting allocates nothing in steady state.
/// </summary>
internal abstract class Parker : IAbandonableWait
{
    /// <summary>The parked goroutine, or null when a thread waits.</summary>
    public G? G;
    /// <summary>Set for an async waiter (SendAsync/RecvAsync): completed instead of a thread wake-up.</summary>
    public System.Threading.Tasks.TaskCompletionSource? Async;
    private bool _signaled;
    private bool _abandoned; // woken by Dispose, not by a waker (guarded by lock(this))

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

    /// <summary>
    /// Blocks the calling thread until <see cref="Wake"/> (handing off the P on an M). On an M, the wait is
    /// recorded so that disposing the runtime can end it (<see cref="AbandonThreadWait"/>): then it throws
    /// <see cref="ObjectDisposedException"/>.
    /// </summary>
    /// <param name="refuseAtLimit">False: never throw <see cref="ThreadExhaustionException"/> (see Sched.EnterBlocking).</param>
    public void WaitThread(bool refuseAtLimit = true)
    {
        lock (this)
        {
            if (_signaled)
            {
                _signaled = false;
                return;
            }
        }
        M? m = M.Current;
        if (m is not null)
        {
            m.BlockedOn = this;
            // Dispose raised the flag before it could see BlockedOn: do not sleep through it.
            if (m.Abandoned) AbandonThreadWait();
        }
        try
        {
            Sched.BlockingScope blocking;
            try
            {
                blocking = Sched.EnterBlocking(refuseAtLimit);
            }
            catch (ThreadExhaustionException) when (!TryCancel())
            {
                // A waker claimed this wait already: its wake-up is on its way. Wait for it holding the P.
                blocking = default;
            }
            // (TryCancel succeeded: the wait is withdrawn, nothing was handed to it; the exception goes on.)
            using var scope = blocking;
            lock (this)
            {
                while (!_signaled && !_abandoned) Monitor.Wait(this);
                _signaled = false;
                if (_abandoned)
                {
                    _abandoned = false;
                    throw new ObjectDisposedException(nameof(GoRuntime),
                        $"The GoSharp runtime '{m?.Sched.Name}' was disposed while this goroutine's plain code was blocked.");
                }
            }
        }
        finally
        {
            if (m is not null) m.BlockedOn = null;
        }
    }

    /// <summary>
    /// Ends a thread's <see cref="WaitThread"/> for Dispose, if no waker has claimed this wait: the waiter is
    /// taken out of its queue first (<see cref="TryCancel"/>), so no value is handed to it afterwards.
    /// </summary>
    public void AbandonThreadWait()
    {
        if (!TryCancel()) return; // a waker owns the wait: its Wake is coming and delivers normally
        lock (this)
        {
            _abandoned = true;
            Monitor.PulseAll(this);
        }
    }

    /// <summary>
    /// Takes this wait back from whatever queued it; true if no waker can complete it any more, false if
    /// one already has (or is about to). The default: a plain parker is in no queue.
    /// </summary>
    public virtual bool TryCancel() => false;

    bool IAbandonableWait.TryAbandon(G g) => TryCancel();
}
