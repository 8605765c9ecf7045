using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using GoSharp.Scheduler;

namespace GoSharp.CompilerServices;

/// <summary>
/// A goroutine (Go: <c>g</c>). Its stack is the chain of frames from <see cref="Top"/> down to the goexit
/// frame. Gs are recycled through per-P and global free lists once they exit, so a <c>G</c> reference is
/// only meaningful while its goroutine runs; user code holds a <see cref="Goroutine"/> handle instead.
/// Generated frames receive the running <c>G</c> in <see cref="Frame.Resume"/> and use the members below.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class G
{
    // ---- fields read on generated hot paths ----

    /// <summary>
    /// Set by sysmon when this goroutine has held its P past the time slice (Go: <c>g.preempt</c>).
    /// Generated code reads it at loop back-edges and yields when it is set.
    /// </summary>
    public volatile bool Preempt;

    // ---- scheduler state ----
    // Its runtime, who started it and its ExecutionContext (GOrigin): shared between goroutines, never null.
    internal GOrigin Origin;

    /// <summary>The runtime this goroutine belongs to.</summary>
    internal Sched Sched => Origin.Sched;
    internal long Goid;
    internal int Status;                // GStatus, changed with Interlocked
    // Counts this goroutine's sleeps (a park, a plain-code sleep on a GoSharp wait), bumped by its own thread
    // before the sleep is published: Go's all-asleep rule reads it around its two looks to tell one sleep
    // from a wake-up and the next (CheckDead.cs, StillAsleep).
    internal int SleepSeq;
    internal Frame? Top;                // the frame to resume next
    internal Frame? Root;               // the first frame: its result is the goroutine's
    internal G? SchedLink;              // intrusive link: global run queue, free lists, join waiters

    internal int AllGsIndex;            // position in the scheduler's allgs list, for O(1) removal
    internal WaitReason WaitReason;

    // While Running: the M that runs it (M). While Waiting: what it waits on (WaitingOn: the park's arg, or the
    // commit step), for abandoning. Never both at once, so one field: a parked goroutine carries no M, and
    // parked Gs are what a program has millions of. Otherwise null.
    private object? _mOrWait;

    /// <summary>The M running this goroutine, while it runs (Go: <c>g.m</c>); else null.</summary>
    internal M? M
    {
        get => _mOrWait as M;
        set => _mOrWait = value;
    }

    /// <summary>
    /// While Waiting: what it waits on (the park's arg, or the commit step), for abandoning; else null. A
    /// reader racing with a resume may see the M that runs it instead, which is no wait (null here).
    /// </summary>
    internal object? WaitingOn
    {
        get => _mOrWait is M ? null : _mOrWait;
        set => _mOrWait = value;
    }
    /// <summary>
    /// The ExecutionContext its frames run in (AsyncLocal values, Activity.Current, culture): captured at spawn,
    /// re-captured when a resume changed it (a new <see cref="Origin"/> then). Null: the M's own (default) context.
    /// </summary>
    internal ExecutionContext? ExecContext
    {
        get => Origin.ExecContext;
        set => Origin = Origin.WithContext(value);
    }
    internal int WaitSinceSeconds;      // Environment.TickCount64 / 1000 at the park, for dumps
    internal ushort SyncDepth;          // nested Invokes now on the thread's stack; the scheduler zeroes it (ushort: G stays small)
    /// <summary>
    /// The wait record this goroutine gave back last, kept for its next channel wait (Go keeps sudogs per P; one
    /// per G is enough for a goroutine blocking on one channel again and again). Null while parked (a channel wait
    /// takes it, <see cref="Park"/> gives back one another wait left), so a parked goroutine holds none spare.
    /// Touched only by the goroutine itself, while it runs (Waiter.Rent(G), Waiter.ReturnOwn).
    /// </summary>
    internal GoSharp.Waiting.Waiter? SpareWaiter;


    internal G(Sched sched) => Origin = sched.OutsideOrigin;

    /// <summary>The goroutine id, as printed in dumps (Go: goid).</summary>
    public long Id => Goid;

    /// <summary>The goroutine running on the calling thread, or null on an ordinary thread.</summary>
    public static G? Current => M.Current?.CurG;

    /// <summary>
    /// Suspends the goroutine until <see cref="Ready"/> (Go: <c>gopark</c>). Return the result from
    /// <see cref="Frame.Resume"/> at once: <paramref name="frame"/> is resumed from its saved state.
    /// <paramref name="commit"/> runs on the M after the frames returned; it, not the frame, makes the
    /// goroutine visible to wakers.
    /// </summary>
    /// <param name="frame">The frame that suspends (usually <c>this</c>); it is resumed first.</param>
    /// <param name="commit">The commit step, or null if the wait was published already and
    /// <see cref="Ready"/> may only come after the M has parked the goroutine (rare).</param>
    /// <param name="arg">Passed to <paramref name="commit"/>.</param>
    /// <param name="reason">Shown in goroutine dumps.</param>
    public FrameResult Park(Frame frame, IParkCommit? commit, object? arg, WaitReason reason)
    {
        if (Status == (int)GStatus.Syscall) throw SuspendInBlockingSection();
        Top = frame;
        // The request lives on the M, which runs the commit right after the frames return: a G never
        // carries it while parked, and parked Gs are what a program has millions of.
        M m = (M)_mOrWait!;
        m.ParkCommit = commit;
        m.ParkArg = arg;
        WaitReason = reason;
        // A channel wait took the spare already (Waiter.Rent(G)); any other wait leaves it: back to the cache, so
        // that a parked goroutine holds no record it does not use.
        if (SpareWaiter is { } spare)
        {
            SpareWaiter = null;
            spare.ReturnToCache();
        }
        return FrameResult.Parked;
    }

    /// <summary>
    /// Called by generated code at the back-edge of a loop that cannot suspend (it holds a lambda, so it
    /// stays plain code) when <see cref="Preempt"/> is set: the thread hands its P to another thread, so
    /// the other goroutines run, and waits for a P before the loop goes on.
    /// </summary>
    public void PreemptPlainCode()
    {
        Preempt = false;
        Scheduler.Sched.PreemptPlainCode();
    }

    /// <summary>
    /// Gives up the rest of the time slice; the goroutine stays runnable and is resumed later from
    /// <paramref name="frame"/> (Go: <c>runtime.Gosched</c>, and preemption).
    /// </summary>
    public FrameResult Yield(Frame frame)
    {
        if (Status == (int)GStatus.Syscall) throw SuspendInBlockingSection();
        Top = frame;
        return FrameResult.Yielded;
    }

    /// <summary>
    /// A nested goroutine call on the synchronous fast path: runs <paramref name="callee"/> on the
    /// current thread. When it returns <see cref="FrameResult.Completed"/> the caller takes the result
    /// at once; otherwise the callee has suspended (or pushed its own callee), the caller saves its state
    /// and returns the same value, and the scheduler resumes the callee first, then the caller.
    /// Past <see cref="MaxSyncDepth"/> nested calls on the thread's stack (or when the stack runs low) the
    /// call becomes a trampoline call (<see cref="Call"/>) instead: every frame on the stack returns
    /// <see cref="FrameResult.Called"/>, the scheduler runs the callee from a flat stack, and the frames
    /// resume their callers as they complete. Recursion depth is then bounded by memory, as a goroutine's
    /// stack is in Go, not by the M's thread stack. The bound is low, not "as deep as the stack allows":
    /// an exception's trace holds every frame it crossed on the stack, and a caller resumed by the
    /// scheduler copies that trace when it rethrows, so a short synchronous segment keeps a deep
    /// recursion's exception linear in its depth.
    /// </summary>
    public FrameResult Invoke(Frame caller, Frame callee)
    {
        if (SyncDepth >= MaxSyncDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack()) return Call(caller, callee);
        SyncDepth++;
        callee.Caller = caller;
        FrameResult r = callee.Resume(this);
        SyncDepth--; // not on an exception: a stale count only trampolines sooner, and the next resume zeroes it
        return r;
    }

    /// <summary>Nested calls that run on the thread's stack before <see cref="Invoke"/> trampolines.</summary>
    internal const int MaxSyncDepth = 256;

    /// <summary>
    /// A nested call that the scheduler runs (a trampoline; keeps the thread stack flat): return the
    /// result at once, and <paramref name="callee"/> runs next, then <paramref name="caller"/> resumes.
    /// </summary>
    public FrameResult Call(Frame caller, Frame callee)
    {
        if (Status == (int)GStatus.Syscall) throw SuspendInBlockingSection();
        callee.Caller = caller;
        Top = callee;
        return FrameResult.Called;
    }

    /// <summary>
    /// Makes a parked goroutine runnable (Go: <c>goready</c>): into the current P's <c>runnext</c> when
    /// called on a scheduler thread, else onto the global queue, then wakes an idle P if there is one.
    /// Call it once per park, after the commit step, never while holding a lock a waker of another G
    /// might need. A second call for the same park throws: a frame must never be resumed twice.
    /// </summary>
    public void Ready() => Sched.Ready(this);

    /// <summary>
    /// A goroutine inside <c>Go.EnterBlocking()</c> has handed its P on (Go: entersyscall) and its thread may only
    /// block: it cannot go back to the scheduler until the section is disposed. Thrown on the goroutine, in the
    /// frame that tried, so the section's own <c>using</c> disposes it on the way out and the runtime goes on.
    /// (A plain read of the status: only this goroutine's own M sets Syscall, on this thread.)
    /// </summary>
    private InvalidOperationException SuspendInBlockingSection() => new(
        $"Goroutine {Goid} tried to suspend (a channel operation, Go.Sleep, Join, Go.Yield, a nested goroutine call) inside " +
        "a blocking section (Go.EnterBlocking()), which has handed its P to another thread. Dispose the section before it, " +
        "or call only blocking .NET code inside (docs/blocking.md).");

    internal GStatus GetStatus() => (GStatus)Volatile.Read(ref Status);

    internal void SetStatus(GStatus s) => Volatile.Write(ref Status, (int)s);

    /// <summary>
    /// Moves status from <paramref name="from"/> to <paramref name="to"/> when only the caller can be
    /// changing it (the M that owns the G); throws if the G was elsewhere. A volatile write, not a CAS:
    /// the lock or CAS that handed the G over already ordered it, and the park commit step's lock
    /// publishes <c>Waiting</c> before any waker can see the G.
    /// </summary>
    internal void SetStatusOwned(GStatus from, GStatus to)
    {
        if (Volatile.Read(ref Status) != (int)from) ThrowBadStatus(from, to);
        Volatile.Write(ref Status, (int)to);
    }

    /// <summary>Moves status from <paramref name="from"/> to <paramref name="to"/>; throws if the goroutine was elsewhere.</summary>
    internal void CasStatus(GStatus from, GStatus to)
    {
        if (Interlocked.CompareExchange(ref Status, (int)to, (int)from) != (int)from)
            ThrowBadStatus(from, to);
    }

    [StackTraceHidden]
    private void ThrowBadStatus(GStatus from, GStatus to) =>
        throw new InvalidOperationException($"goroutine {Goid}: bad status change {from} -> {to}, it is {GetStatus()}");

    /// <summary>Clears everything a dead G held, so a recycled G retains nothing (Go: gdestroy).</summary>
    internal void Reset()
    {
        Top = null;
        Root = null;
        M = null;
        // The runtime stays; the starting goroutine's name and the context go (a recycled G must not keep a
        // finished request's AsyncLocals alive).
        Origin = Origin.Sched.OutsideOrigin;
        WaitReason = WaitReason.None;
        Preempt = false;
        // The spare wait record goes back to the cache: a dead G may be forgotten (FreeG), and the record with it.
        if (SpareWaiter is { } spare)
        {
            SpareWaiter = null;
            spare.ReturnToCache();
        }
    }
}
