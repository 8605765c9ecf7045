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
    // Who sleeps: a parked goroutine (G), an async waiter's task (TaskCompletionSource), or null for a blocked
    // thread; for a select case's waiter, its select (Waiter.Select), which sleeps for all its cases. Never two
    // at once, so one field: every parked goroutine carries a wait record, and a field less keeps it small
    // (docs/performance.md, Size of a goroutine). A waiter that has been cancellable once keeps its cancellation
    // record here instead (a SleeperBox), and the record holds the sleeper: few waits have a token, and a
    // record's field would cost every wait record 8 bytes. A box, once in, is never replaced.
    private object? _sleeper;

    /// <summary>
    /// The out-of-line part of a wait that has a cancellation token (Waiter.Cancellation.cs): it takes the
    /// sleeper's slot and keeps the sleeper. Sealed, so that telling it from a G is one type-handle compare
    /// on every wake-up.
    /// </summary>
    private protected sealed class SleeperBox
    {
        public object? Sleeper;
        /// <summary>The token's registration (Waiter.Cancellation.cs).</summary>
        public CancellationTokenRegistration Token;
        /// <summary>The queue to cancel on while registered, else null.</summary>
        public ICancelableWaitQueue? Owner;
    }

    /// <summary>The sleeper (G, TaskCompletionSource, SelectParker or null), wherever it is kept.</summary>
    private protected object? Sleeper
    {
        get
        {
            object? s = _sleeper;
            return s is SleeperBox box ? box.Sleeper : s;
        }
        set
        {
            if (_sleeper is SleeperBox box) box.Sleeper = value;
            else _sleeper = value;
        }
    }

    /// <summary>The box in the sleeper's slot, or null.</summary>
    private protected SleeperBox? Box => Volatile.Read(ref _sleeper) as SleeperBox;

    /// <summary>Puts <paramref name="box"/> into the sleeper's slot, keeping the sleeper in it; once per Parker.</summary>
    private protected void InstallBox(SleeperBox box)
    {
        box.Sleeper = _sleeper;
        Volatile.Write(ref _sleeper, box); // a waker that reads the slot finds the sleeper either way
    }

    /// <summary>The parked goroutine, or null when a thread or async code waits.</summary>
    public G? G
    {
        get
        {
            object? s = _sleeper;
            return s as G ?? (s is SleeperBox box ? box.Sleeper as G : null); // G: sealed, one compare
        }
        set => Sleeper = value;
    }

    /// <summary>Set for an async waiter (SendAsync/RecvAsync): completed instead of a thread wake-up.</summary>
    public System.Threading.Tasks.TaskCompletionSource? Async
    {
        get => Sleeper as System.Threading.Tasks.TaskCompletionSource;
        set => Sleeper = value;
    }

    // A blocked thread's wake-up, guarded by lock(this): Signaled by a waker, Abandoned by Dispose or by Go's
    // all-asleep rule (Deadlocked too), neither of them a waker. Asleep: a goroutine's thread sleeps here and only
    // a waker of this wait can end it (no token), so deadlock detection counts the goroutine as asleep, as if it
    // had parked (CheckDead.cs); every wake-up clears it under the lock before the thread can run, so a check
    // that comes after the waker is done never sees a goroutine about to run as asleep.
    // One byte for all (all change only under the lock), declared by each subclass (ThreadWake): a field here
    // would sit alone in 8 bytes of padding after _sleeper, and a channel's wait record would be 72 bytes, not 64.
    private const byte Signaled = 1, Abandoned = 2, Asleep = 4, Deadlocked = 8;

    /// <summary>The subclass's thread wake-up byte (guarded by lock(this)).</summary>
    private protected abstract ref byte ThreadWake { get; }

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
            ThreadWake = (byte)((ThreadWake & ~Asleep) | Signaled);
            Monitor.Pulse(this);
        }
    }

    /// <summary>
    /// A goroutine's thread sleeps in <see cref="WaitThread"/> and nothing but a waker of this wait can end it:
    /// deadlock detection counts the goroutine as asleep (CheckDead.cs). A racy read; see <see cref="Asleep"/>.
    /// </summary>
    public bool ThreadAsleep => (Volatile.Read(ref ThreadWake) & Asleep) != 0;

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
            if ((ThreadWake & Signaled) != 0)
            {
                ThreadWake &= unchecked((byte)~Signaled);
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
            // A goroutine's thread: asleep for deadlock detection unless a token can end the wait (a CancelAfter
            // timer, any thread). Marked after the P was handed off, so the Ms went idle before it: look now.
            if (m is not null && Box is not { Owner: not null })
            {
                // A new sleep, counted before the mark publishes it (CheckDead.cs, StillAsleep).
                if (m.CurG is G cg) Volatile.Write(ref cg.SleepSeq, cg.SleepSeq + 1);
                bool asleep;
                lock (this)
                {
                    asleep = ThreadWake == 0;
                    if (asleep) ThreadWake = Asleep;
                }
                if (asleep) m.Sched.ThreadWaitAsleep();
            }
            lock (this)
            {
                ref byte wake = ref ThreadWake;
                while ((wake & ~Asleep) == 0) Monitor.Wait(this);
                bool abandoned = (wake & Abandoned) != 0, deadlocked = (wake & Deadlocked) != 0;
                wake = 0;
                if (deadlocked) throw new DeadlockException(m!.DeadlockDump ?? "");
                if (abandoned)
                {
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
            ThreadWake = (byte)((ThreadWake & ~Asleep) | Abandoned);
            Monitor.PulseAll(this);
        }
    }

    /// <summary>
    /// Go's all-asleep rule found this goroutine's thread asleep here: withdraws the wait as
    /// <see cref="AbandonThreadWait"/> does, and the thread throws a <see cref="DeadlockException"/> with the dump
    /// that its M carries (set first). The goroutine unwinds and ends with it, so its joiners get it as Go's
    /// report. False if a waker claimed the wait first: the goroutine is about to run, not asleep.
    /// </summary>
    public bool TryWriteOffThreadWait()
    {
        if (!TryCancel()) return false;
        lock (this)
        {
            ThreadWake = (byte)((ThreadWake & ~Asleep) | Abandoned | Deadlocked);
            Monitor.PulseAll(this);
        }
        return true;
    }

    /// <summary>
    /// Takes this wait back from whatever queued it; true if no waker can complete it any more, false if
    /// one already has (or is about to). The default: a plain parker is in no queue.
    /// </summary>
    public virtual bool TryCancel() => false;

    bool IAbandonableWait.TryAbandon(G g) => TryCancel();
}
