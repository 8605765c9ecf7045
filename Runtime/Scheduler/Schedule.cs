using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

// The scheduling loop. Go: proc.go, mstart1 / schedule / findRunnable / execute / park_m / gosched_m /
// goexit0.
//
// The cast. A G is a goroutine: a chain of frames (its stack) and a status. An M is an OS thread; its
// own stack plays Go's g0, the stack the scheduler runs on. A P is the right to run goroutines: it owns a
// local run queue, a free-G cache and a timer heap; there are GOMAXPROCS of them, and an M runs
// goroutines only while it holds one. The Sched owns the idle M and P lists and the global run queue.
//
// The loop. Every M runs Schedule: FindRunnable -> Execute -> (the G completes, parks or yields) ->
// FindRunnable. Execute calls the top frame's Resume on the M's own stack; the frame returns a
// FrameResult instead of switching stacks, so "the G stops running" is simply "Resume returned".
// Nested goroutine calls either run synchronously inside Resume (G.Invoke) or are trampolined here
// (FrameResult.Called), so the M's stack never grows with the goroutine's depth.
//
// Status invariants (GStatus). Runnable Gs are in exactly one run queue (a P's ring or runnext, or the
// global queue). A Running G is owned by exactly one M (g.M). A Waiting G is in no run queue; exactly
// one waker moves it Waiting -> Runnable by CAS (Ready), so a frame is never resumed twice. A park is
// two-phase (Go: gopark's unlockf): the frame returns Parked, Execute marks the G Waiting, and only then
// does the primitive's commit step publish the G to wakers; if the commit finds the wait already over
// it returns false and the M runs the same G again at once.
//
// Finding work (FindRunnable), in order: this P's expired timers; every 61st tick the global queue first
// (so two goroutines respawning each other cannot starve it); the local runnext and ring; the global
// queue; the network, without blocking (NetPoll.cs); stealing from other Ps (at most GOMAXPROCS/2 Ms spin
// at once); then give the P back and sleep: in epoll_wait if sockets are registered and no M already
// blocks there (PollM), else on the M's note.
//
// The spinning protocol (golang/go#43997), both halves:
//   - The submitter (Ready, NewProc, a timer) first makes work visible (runqput or globrunqput), then,
//     after the full barrier of that publication, reads nmspinning and npidle in WakeP: if an M is
//     already spinning it will find the work, otherwise WakeP starts one spinning M.
//   - The spinner, when it gives up, first decrements nmspinning (an interlocked op: a full barrier),
//     and only then looks at every queue once more (CheckQueuesNoP). Either the submitter saw the
//     spinner still counted (and relies on it), or the spinner's re-check sees the submitter's work.
//     Neither order loses a wake-up. When a spinner finds work it calls ResetSpinning, which wakes the
//     next spinner if it was the last one: Ms ramp up one at a time (golang/go#18237).
//
// What idleness costs. Spinning is the only place an M without work uses the CPU, and it is bounded as
// in Go: at most half the busy Ps have a spinner (none when every P is busy), a spinner makes one round
// of StealWork and gives up, and the one wait inside a round (before taking a running victim's
// runnext) is a sleep, not a busy-wait (RunQueue.Grab). An M that gives up blocks on its note; only
// one M at a time spins ~20 us on its note first (SleepM), so the spin before a futex costs at most
// one core whatever GOMAXPROCS.

internal sealed partial class Sched
{
    /// <summary>An M's life on its own thread (its g0). Go: mstart1.</summary>
    internal void MStart(M m)
    {
        if (m.NextP is P p)
        {
            m.NextP = null;
            AcquireP(m, p);
        }
        Schedule(m);
        // Stopping: give back whatever we hold so Dispose sees every P released.
        if (m.P is not null) ReleaseP(m);
    }

    /// <summary>
    /// Finds a runnable goroutine and runs it, forever (until the runtime stops). Go: schedule.
    /// </summary>
    internal void Schedule(M m)
    {
        while (true)
        {
            G? g = FindRunnable(m, out bool inheritTime);
            if (g is null) return; // stopping
            if (m.Spinning) ResetSpinning(m);
            // A failed park commit hands the same G straight back: run it again without a trip through
            // the queues (Go: park_m's execute(gp, true)).
            while (g is not null && m.P is not null) // no P: disposed while the G waited for one
            {
                g = Execute(m, g, inheritTime);
                inheritTime = true;
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="g"/> on <paramref name="m"/> until it completes or suspends, then does what the
    /// suspension asked for. Returns a G to run at once (a park whose commit found the wait over), or null.
    /// Go: execute + gogo, and the mcall'd tails park_m, gosched_m, goexit0.
    /// </summary>
    private G? Execute(M m, G g, bool inheritTime)
    {
        P p = m.P!;
        g.SetStatusOwned(GStatus.Runnable, GStatus.Running);
        g.M = m; // also ends WaitingOn (one field)
        m.CurG = g;
        // A request to yield is for the goroutine sysmon saw running in this slice; one that parked before its
        // check would otherwise yield later for a slice it did not use, even when it inherits the slice from its
        // waker (both of a ping-pong pair yielding to one preemption). Go's execute clears gp.preempt likewise.
        g.Preempt = false;
        if (!inheritTime) p.SchedTick++;

        // The goroutine's ExecutionContext (AsyncLocals, Activity.Current, culture), as Task.Run would run
        // it. Null or the M's own: nothing to do, the common case costs two reference compares.
        ExecutionContext? mctx = m.ExecContext;
        ExecutionContext? gctx = g.ExecContext ?? mctx;
        if (!ReferenceEquals(gctx, mctx)) ExecutionContext.Restore(gctx!);

        Frame f = g.Top!;
        FrameResult r;
        // From here until the frames return, sysmon may take the P if they stay too long (PlainCodeRetake.cs).
        Volatile.Write(ref m.InUserCode, 1);
        while (true)
        {
            try
            {
                // A frame that has completed never runs again: resuming it would restart its body.
                if (f.State == Frame.DoneState) ThrowResumedCompleted(g, f);
                // GOSHARP_DEBUG=trampolinecalls=1 starts the count at the limit: every nested call trampolines,
                // at no cost to G.Invoke's own check.
                g.SyncDepth = _syncDepthAtResume;
                r = f.Resume(g);
            }
            catch (Exception ex) when (ExceptionFirstPass.AtResume(f, ex))
            {
                // The frame (or a synchronous callee of it) threw past its own handlers: it is done, and
                // its caller rethrows at its call site, inside its own try blocks. The filter (always true) is
                // the first pass of the suspended callers' filters, before the finally blocks on the thread's
                // stack run (ExceptionFirstPass).
                f.Failure = FrameFailure.Capture(ex);
                r = FrameResult.Completed;
            }
            if (r == FrameResult.Completed)
            {
                Frame? caller = f.Caller;
                f.Caller = null;
                if (caller is null) break; // that was the goexit frame
                g.Top = f = caller;
                continue;
            }
            if (r == FrameResult.Called)
            {
                f = g.Top!;
                continue;
            }
            break;
        }
        Volatile.Write(ref m.InUserCode, 0);
        if (Volatile.Read(ref m.RetakeState) != RetakeNone) ReacquireAfterRetake(m); // no P after: disposed

        m.CurG = null;
        // Setting an AsyncLocal (or the culture, or Activity.Current) replaces the thread's context with a
        // new one, so a changed reference is exactly "the goroutine changed its context": keep it for its
        // next resume, wherever that runs. Either way the M goes back to its own context, so nothing leaks
        // into the next goroutine on this thread or into the scheduler.
        ExecutionContext? now = ExecutionContext.Capture(); // null: the goroutine left flow suppressed
        if (!ReferenceEquals(now, gctx))
        {
            if (now is not null && r != FrameResult.Completed)
                g.ExecContext = ReferenceEquals(now, mctx) ? null : now;
            ExecutionContext.Restore(mctx!);
        }
        else if (!ReferenceEquals(gctx, mctx))
        {
            ExecutionContext.Restore(mctx!);
        }
        // A SynchronizationContext is the thread's, not the ExecutionContext's: one the goroutine installed
        // would stay on the M for every goroutine after it (a UI context's Post, a test's single-threaded
        // context). As the thread pool does after a work item (ExecutionContext.Run restores it), the M drops
        // it: every resume starts without one. One thread-static read when none was set.
        if (SynchronizationContext.Current is not null) SynchronizationContext.SetSynchronizationContext(null);
        // The goroutine may have blocked in plain code, or been retaken, and come back on another P.
        switch (r)
        {
            case FrameResult.Completed:
            {
                bool asked = g.Preempt; // GoExit0 clears it
                GoExit0(m, g);
                if (asked && m.P == p) SpendSlice(p);
                return null;
            }
            case FrameResult.Parked:
                return g.Preempt ? ParkAsked(m, g, p) : ParkM(m, g);
            case FrameResult.Yielded:
                GoSchedM(g);
                if (_exitWaiters is not null) HandPToExitWaiter(m);
                return null;
            default:
                throw new InvalidOperationException($"goroutine {g.Goid}: a frame returned {r}");
        }
    }

    /// <summary>
    /// Commits a park after the frames have returned: the G becomes Waiting, then the primitive's commit
    /// step publishes it to wakers. Go: park_m.
    /// </summary>
    private G? ParkM(M m, G g)
    {
        g.WaitSinceSeconds = CoarseSeconds; // no clock read per park: sysmon keeps this current
        Volatile.Write(ref g.SleepSeq, g.SleepSeq + 1); // a new sleep, before Waiting publishes it (CheckDead.cs)
        g.SetStatusOwned(GStatus.Running, GStatus.Waiting);
        IParkCommit? commit = m.ParkCommit;
        object? arg = m.ParkArg;
        m.ParkCommit = null;
        m.ParkArg = null;
        // Recorded before the commit publishes the G: once it is visible a waker may run it elsewhere and
        // it may park again, so a write after the commit could overwrite the next park's record.
        g.WaitingOn = arg ?? commit;
        if (commit is not null && !commit.Commit(g, arg))
        {
            g.WaitingOn = null;
            g.CasStatus(GStatus.Waiting, GStatus.Runnable);
            return g;
        }
        return null;
    }

    /// <summary>
    /// Parks a G that sysmon asked to yield: the request lands here, where the G stopped running without
    /// reaching a preemption check, and the P's slice is spent (<see cref="SpendSlice"/>). The request itself
    /// needs no clearing: Execute drops it whenever the G runs again, here at once when the commit finds the
    /// wait already over (as Go's execute does after park_m's failed commit; sysmon asks again next round).
    /// </summary>
    private G? ParkAsked(M m, G g, P p)
    {
        G? again = ParkM(m, g);
        if (again is not null) return again;
        if (m.P == p) SpendSlice(p); // another P: sysmon retook this one, and its runnext is not this slice's
        return null;
    }

    /// <summary>
    /// A goroutine sysmon asked to yield (the P's schedtick had not moved for a time slice) parked or ended
    /// before it reached a preemption check: the slice is over, so whatever it left in runnext does not inherit
    /// it. Go's preemption reaches every function call, so the request would have landed at the call that
    /// parked or spawned (chanrecv, newproc), and the goroutine would have gone to the global queue before
    /// readying anyone into runnext; here the readied one goes to the global queue's tail instead, and the
    /// local queue, then the global queue, run first. One readied before the request came is moved too, where
    /// Go's runqget would still hand it the slice: which of them it was is not known here, and the next round of
    /// sysmon would ask it anyway. Without this, a chain of goroutines that each spawn the next and end inherits
    /// one slice for ever. Only on this rare path is a lock taken.
    /// </summary>
    private void SpendSlice(P p)
    {
        G? next = p.RunQueue.TakeRunNext();
        if (next is null) return;
        lock (_lock) GlobalRunQueuePutLocked(next);
    }

    /// <summary>Puts a yielding or preempted G on the global queue. Go: gosched_m / goschedImpl.</summary>
    private void GoSchedM(G g)
    {
        g.M = null;
        g.Preempt = false;
        g.SetStatusOwned(GStatus.Running, GStatus.Runnable);
        lock (_lock)
        {
            GlobalRunQueuePutLocked(g);
        }
    }

    /// <summary>The goroutine's frames are gone: mark it dead and recycle it. Go: goexit0 + gdestroy.</summary>
    private void GoExit0(M m, G g)
    {
        g.SetStatusOwned(GStatus.Running, GStatus.Dead);
        g.Reset();
        if (m.P is P p) FreeG(p, g); // null: the runtime was disposed while the G waited for a P
    }

    /// <summary>
    /// Finds a goroutine to run, blocking until there is one. Null only when the runtime stops.
    /// Go: findRunnable.
    /// </summary>
    private G? FindRunnable(M m, out bool inheritTime)
    {
        inheritTime = false;
        while (true)
        {
            if (_stopping) return null;
            if (m.P is null)
            {
                // Gave its P to an M waiting to go on with its goroutine (HandPToExitWaiter): nothing to
                // stop for a stop-the-world either.
                StopM(m);
                continue;
            }
            if (_stopTheWorld)
            {
                StopMForStopTheWorld(m);
                continue;
            }
            P p = m.P;

            // Timers first: they ready goroutines into this P's queue. Go: checkTimers.
            long nextTimer = p.Timers.NextWhen;
            if (nextTimer != long.MaxValue)
            {
                long now = Nanotime();
                if (nextTimer <= now) p.Timers.RunExpired(now);
            }

            // Fairness: two goroutines respawning each other can own the local queue forever; every
            // 61st tick look at the global queue first (golang/go#13546).
            if (p.SchedTick % 61 == 0 && _runqsize > 0)
            {
                G? gg;
                lock (_lock) gg = GlobalRunQueueGet(p, 1);
                if (gg is not null) return gg;
            }

            G? g = p.RunQueue.Get(out inheritTime);
            if (g is not null) return g;

            if (_runqsize != 0)
            {
                lock (_lock) g = GlobalRunQueueGet(p, 0);
                if (g is not null) return g;
            }

            // The network, before stealing (Go's order): sockets that became ready ready their goroutines.
            g = PollWithoutBlocking(p);
            if (g is not null) return g;

            // Steal, but keep spinning Ms to at most half the busy Ps (golang/go#18237).
            int procs = _gomaxprocs;
            if (m.Spinning || 2 * Volatile.Read(ref _nmspinning) < procs - _npidle)
            {
                if (!m.Spinning)
                {
                    m.Spinning = true;
                    Interlocked.Increment(ref _nmspinning);
                }
                g = StealWork(m, p);
                if (g is not null) return g;
                if (_stopTheWorld || _stopping) continue;
            }

            // Nothing: give the P back and sleep.
            P[] allpSnapshot = _allp;
            lock (_lock)
            {
                if (_stopTheWorld || _stopping) continue;
                if (_runqsize != 0)
                {
                    g = GlobalRunQueueGet(p, 0);
                    if (g is not null) return g;
                }
                if (_det is not null && AdvanceVirtualClockLocked()) continue;
                ReleaseP(m);
                PutIdlePLocked(p);
            }

            // The delicate dance (golang/go#43997): stop spinning first, then (after the full barrier of
            // the interlocked decrement) look at every queue again. A submitter enqueues, then checks
            // nmspinning; one of us two must see the other.
            if (m.Spinning)
            {
                m.Spinning = false;
                if (Interlocked.Decrement(ref _nmspinning) < 0)
                    throw new InvalidOperationException("GoSharp scheduler: negative spinning M count");
                P? again = CheckQueuesNoP(allpSnapshot);
                if (again is not null)
                {
                    AcquireP(m, again);
                    m.Spinning = true;
                    Interlocked.Increment(ref _nmspinning);
                    continue;
                }
            }
            CheckDead(allpSnapshot);
            long wakeAt = _det is null ? EarliestTimer(allpSnapshot) : long.MaxValue; // det: virtual timers fire by clock jumps
            // Sockets registered and no M blocked in the poller: this one blocks there instead of on its note.
            if (TakeBlockingPoll()) PollM(m, wakeAt);
            else StopM(m, wakeAt);
        }
    }

    /// <summary>
    /// Deterministic mode, the only P about to go idle: every goroutine is blocked. If none waits for the
    /// outside world and a timer is pending, jump the virtual clock to it (Go: testing/synctest) and let
    /// findRunnable fire it. Caller holds the lock. A ticker whose tick would be dropped (its channel's
    /// buffer is full) is not a reason to jump: with only such tickers left the runtime goes quiescent and
    /// deadlock detection looks at it, where the clock used to run from dropped tick to dropped tick forever
    /// (Go's synctest reports that deadlock: a ticker nobody receives from is not in its timer heap).
    /// </summary>
    private bool AdvanceVirtualClockLocked()
    {
        if (Volatile.Read(ref ExternalWaits) != 0 || _exitWaiters is not null) return false;
        long next = EarliestTimer(_allp, useful: true);
        if (next == long.MaxValue) return false;
        if (next > _virtualNow) Volatile.Write(ref _virtualNow, next);
        return true;
    }

    /// <summary>
    /// The earliest timer of any P, or long.MaxValue; with <paramref name="useful"/> (deterministic mode) the earliest
    /// whose firing would change something (TimerHeap.NextUsefulWhen, under each heap's lock).
    /// </summary>
    private static long EarliestTimer(P[] allp, bool useful = false)
    {
        long next = long.MaxValue;
        foreach (P p in allp)
        {
            long w = useful ? p.Timers.NextUsefulWhen() : p.Timers.NextWhen;
            if (w < next) next = w;
        }
        return next;
    }

    /// <summary>After dropping spinning: any work anywhere? Then take an idle P for it. Go: checkRunqsNoP.</summary>
    private P? CheckQueuesNoP(P[] allpSnapshot)
    {
        bool work = _runqsize != 0;
        if (!work)
        {
            foreach (P p2 in allpSnapshot)
            {
                if (p2.Status != PStatus.Dead && !p2.RunQueue.IsEmpty)
                {
                    work = true;
                    break;
                }
            }
        }
        if (!work) return null;
        lock (_lock)
        {
            if (_stopTheWorld || _stopping) return null;
            return PIdleGetLocked();
        }
    }

    /// <summary>
    /// Four passes over the other Ps in a random order, taking half of a victim's queue; the last pass
    /// may take a victim's runnext. Go: stealWork.
    /// </summary>
    private G? StealWork(M m, P p)
    {
        const int stealTries = 4;
        P[] allp = _allp;
        int n = allp.Length;
        if (n <= 1) return null;
        for (int i = 0; i < stealTries; i++)
        {
            bool stealRunNext = i == stealTries - 1;
            // A random start and a stride coprime with n visit every P exactly once.
            uint r = m.FastRand();
            int start = (int)(r % (uint)n);
            int stride = CoprimeStride(n, (int)((r >> 16) % (uint)n));
            for (int k = 0, pos = start; k < n; k++, pos = (pos + stride) % n)
            {
                if (_stopTheWorld || _stopping) return null;
                P victim = allp[pos];
                if (victim == p) continue;
                // On the last pass run the victim's due timers too (Go: stealWork's checkTimers).
                // No clock read for a P without timers (the common case, and this loop is hot).
                if (stealRunNext && victim.Timers.NextWhen != long.MaxValue &&
                    victim.Timers.NextWhen <= Nanotime() && victim.Timers.RunExpired(Nanotime()))
                {
                    G? ready = p.RunQueue.Get(out _);
                    if (ready is not null) return ready;
                }
                if (victim.Status is not (PStatus.Running or PStatus.Syscall)) continue;
                G? g = p.RunQueue.StealFrom(victim.RunQueue, stealRunNext, victim);
                if (g is not null) return g;
            }
        }
        return null;
    }

    private static int CoprimeStride(int n, int seed)
    {
        for (int s = seed; ; s++)
        {
            int c = s % n + 1;
            if (Gcd(c, n) == 1) return c;
        }
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }

    /// <summary>
    /// A spinning M found work: stop spinning and, if it was the last spinner, wake another so that
    /// wake-ups ramp up one thread at a time. Go: resetspinning.
    /// </summary>
    private void ResetSpinning(M m)
    {
        m.Spinning = false;
        int left = Interlocked.Decrement(ref _nmspinning);
        if (left < 0) throw new InvalidOperationException("GoSharp scheduler: negative spinning M count");
        WakeP();
    }

    [System.Diagnostics.StackTraceHidden]
    private static void ThrowResumedCompleted(G g, Frame f) =>
        throw new InvalidOperationException(
            $"goroutine {g.Goid}: {f.MethodName} was resumed after it completed; a primitive readied a goroutine it no longer owned.");
}
