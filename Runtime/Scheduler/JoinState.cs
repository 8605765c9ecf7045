using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

/// <summary>
/// Who waits for a goroutine to end, kept in its first frame under <c>lock(root)</c>: parked joining
/// goroutines (a chain through <see cref="G.SchedLink"/>), blocked threads (each on its own
/// <see cref="ThreadJoiner"/>) and async continuations.
/// </summary>
internal sealed class JoinState : IParkCommit
{
    public static readonly JoinState Commit = new();

    /// <summary>The join commit step: enqueue the joiner unless the goroutine ended meanwhile.</summary>
    bool IParkCommit.Commit(G g, object? arg)
    {
        var root = (Frame)arg!;
        lock (root)
        {
            if (root.IsCompleted) return false;
            AddJoinerLocked(root, g);
            return true;
        }
    }

    /// <summary>
    /// Blocks an ordinary thread (or an M's plain code, handing off its P) until the goroutine ends, and
    /// returns its first frame. On an M of a runtime being disposed the wait ends with ObjectDisposedException
    /// (see <see cref="M.Abandoned"/>); a goroutine proven deadlocked ends it with DeadlockException.
    /// Optimized from the first call, so the frame is dead in this method once the joiner is listed: the
    /// sleeping thread holds only its <see cref="ThreadJoiner"/>, which leads nowhere (DeadlockProbe.cs).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static TFrame BlockUntilDone<TFrame>(TFrame root) where TFrame : Frame
    {
        if (root.IsCompleted) return root;
        var joiner = new ThreadJoiner();
        if (!TryAddThreadJoiner(root, joiner)) return root;
        return (TFrame)WaitAsJoiner(joiner);
    }

    /// <summary>
    /// The sleeping half of <see cref="BlockUntilDone{TFrame}(TFrame)"/>, a method of its own: the caller has
    /// no exception handler, so the JIT reports its frame dead after its last use (a local live across a
    /// protected region may be reported until the method returns).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static Frame WaitAsJoiner(ThreadJoiner joiner)
    {
        M? m = M.Current;
        if (m is null) Sched.ThreadStartsWaiting();
        else m.BlockedOn = joiner; // Dispose raises Abandoned before it reads this; Wait reads Abandoned after
        try
        {
            using var blocking = Sched.EnterBlocking();
            return joiner.Wait(m, default)!;
        }
        finally
        {
            if (m is not null) m.BlockedOn = null;
        }
    }

    /// <summary>
    /// <see cref="BlockUntilDone{TFrame}(TFrame)"/> that gives up when <paramref name="cancellationToken"/> is
    /// cancelled (<see cref="OperationCanceledException"/>, the joiner withdrawn). It keeps the frame to
    /// withdraw with: a thread that can still be woken by its token is an outside actor anyway.
    /// </summary>
    public static TFrame BlockUntilDone<TFrame>(TFrame root, CancellationToken cancellationToken) where TFrame : Frame
    {
        if (!cancellationToken.CanBeCanceled) return BlockUntilDone(root);
        if (root.IsCompleted) return root;
        var joiner = new ThreadJoiner();
        // The callback only pulses: the wait sees the token and gives up. Registered before the joiner is
        // listed, so a callback that runs at once (a token cancelled meanwhile) is seen by the first check.
        using var registration = cancellationToken.UnsafeRegister(static j => ((ThreadJoiner)j!).Pulse(), joiner);
        M? m = M.Current;
        if (m is not null) m.BlockedOn = joiner;
        try
        {
            using var blocking = Sched.EnterBlocking();
            if (!TryAddThreadJoiner(root, joiner)) return root;
            Frame? done;
            try
            {
                done = joiner.Wait(m, cancellationToken);
            }
            catch (ObjectDisposedException)
            {
                RemoveThreadJoiner(root, joiner);
                throw;
            }
            if (done is not null) return (TFrame)done;
            // Cancelled: withdraw, unless the end took the joiner meanwhile (then it has the frame; the
            // cancellation still wins, as documented: an already cancelled token throws).
            RemoveThreadJoiner(root, joiner);
            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            if (m is not null) m.BlockedOn = null;
        }
    }

    /// <summary>Lists a blocked thread unless the goroutine has ended; false if it has.</summary>
    private static bool TryAddThreadJoiner(Frame root, ThreadJoiner joiner)
    {
        lock (root)
        {
            if (root.IsCompleted) return false;
            var joins = root.GetOrAddJoins();
            (joins.Threads ??= new ThreadJoiners()).Add(joiner);
            return true;
        }
    }

    private static void RemoveThreadJoiner(Frame root, ThreadJoiner joiner)
    {
        lock (root) root.Joins?.Threads?.Remove(joiner);
    }

    /// <summary>
    /// The list a deadlock probe keeps of <paramref name="root"/>'s blocked threads (created now if there
    /// are none yet, so a thread that joins while the probe runs is listed where the probe looks).
    /// </summary>
    public static ThreadJoiners ThreadJoinersOf(Frame root)
    {
        lock (root)
        {
            var joins = root.GetOrAddJoins();
            return joins.Threads ??= new ThreadJoiners();
        }
    }

    /// <summary>
    /// Withdraws a parked joiner <paramref name="g"/> from <paramref name="root"/>'s waiters; true if it can
    /// no longer be readied by the goroutine's end. A joiner that is no longer listed because the goroutine
    /// was itself written off (Finish with an exception readies only other runtimes' joiners) counts too.
    /// </summary>
    public static bool TryUnlinkJoiner(Frame root, G g)
    {
        lock (root)
        {
            return UnlinkJoinerLocked(root, g)
                || root.IsCompleted && root.Failure?.SourceException is ObjectDisposedException or DeadlockException;
        }
    }

    /// <summary>Under <c>lock(root)</c>: removes <paramref name="g"/> from the parked joiners; false if it is not listed.</summary>
    public static bool UnlinkJoinerLocked(Frame root, G g)
    {
        JoinRecord? joins = root.Joins;
        G? prev = null;
        for (G? x = joins?.Goroutines; x is not null; prev = x, x = x.SchedLink)
        {
            if (x != g) continue;
            if (prev is null) joins!.Goroutines = x.SchedLink; else prev.SchedLink = x.SchedLink;
            x.SchedLink = null;
            return true;
        }
        return false;
    }

    /// <summary>Under <c>lock(root)</c>: lists <paramref name="g"/> as a parked joiner.</summary>
    public static void AddJoinerLocked(Frame root, G g)
    {
        var joins = root.GetOrAddJoins();
        g.SchedLink = joins.Goroutines;
        joins.Goroutines = g;
    }

    public static void OnCompleted(Frame root, Action continuation)
    {
        lock (root)
        {
            if (!root.IsCompleted)
            {
                var joins = root.GetOrAddJoins();
                switch (joins.Continuations)
                {
                    case null: joins.Continuations = continuation; break;
                    case Action a: joins.Continuations = new List<Action> { a, continuation }; break;
                    case List<Action> list: list.Add(continuation); break;
                }
                return;
            }
        }
        ThreadPool.UnsafeQueueUserWorkItem(static c => c(), continuation, preferLocal: false);
    }

    /// <summary>
    /// The goroutine's end as a Task (<see cref="Goroutine.AsTask"/>): the one made by the first call, kept in
    /// the join record. Made under <c>lock(root)</c>, so either <see cref="Finish"/> finds it and completes it,
    /// or the goroutine has ended and it is completed here, under the lock too: a second caller that takes the
    /// lock after the first finds it complete. An exception kept for the unobserved-exception report now belongs
    /// to the Task, which reports it as Tasks do, so the holder stands down.
    /// </summary>
    public static Task AsTask(Frame root)
    {
        lock (root)
        {
            var joins = root.GetOrAddJoins();
            if (joins.Task is { } made) return made.Task;
            var source = root.NewTaskSource();
            joins.Task = source;
            if (root.IsCompleted)
            {
                joins.Unobserved?.Observed();
                source.Complete(root); // its continuations run asynchronously: no user code under the lock
            }
            return source.Task;
        }
    }

    /// <summary>
    /// Whether the goroutine has ended as its handle reports it (<see cref="Goroutine.IsCompleted"/>): once marked
    /// completed, or once its Task is. <see cref="Finish"/> completes the Task just before it marks the goroutine
    /// completed, so that a handle that reports the end has a complete Task; an awaiter of that Task, which may
    /// resume in between, must find the handle ended as well. The Task is read only while the goroutine runs.
    /// </summary>
    public static bool HasEnded(Frame root) => root.IsCompleted || root.Joins?.Task?.Task.IsCompleted == true;

    /// <summary>
    /// Marks the goroutine's first frame completed and wakes everyone waiting for it. An exception that no
    /// one is waiting for gets a finalizable holder, so it is reported if the handle is dropped unobserved.
    /// </summary>
    public static void Finish(Sched sched, Frame root, long goid, Exception? abandoned = null)
    {
        G? joiners;
        object? continuations;
        ThreadJoiner[]? threads;
        IGoroutineTaskSource? task;
        lock (root)
        {
            if (root.IsCompleted) return;
            JoinRecord? joins = root.Joins;
            joiners = joins?.Goroutines;
            continuations = joins?.Continuations;
            threads = joins?.Threads?.TakeAll();
            task = joins?.Task;
            if (joins is not null)
            {
                joins.Goroutines = null;
                joins.Continuations = null;
            }
            if (abandoned is not null) root.Failure ??= System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(abandoned);
            // Nobody waits: keep the exception for whoever drops the handle unobserved (Task's model) - unless
            // the runtime is being disposed, which ends goroutines with ObjectDisposedException by design, or the
            // exception is a deadlock report (Go's rule ends a goroutine asleep in plain code with one: CheckDead.cs),
            // which was the program's news already, as a written-off goroutine's is.
            if (root.Failure is not null && abandoned is null && joiners is null && continuations is null && threads is null
                && task is null && !sched.IsDisposed && root.Failure.SourceException is not DeadlockException)
            {
                root.GetOrAddJoins().Unobserved =
                    new UnobservedExceptionHolder(sched, goid, root.MethodName, root.Failure.SourceException);
            }
            // Before the goroutine is marked completed, under the lock: whoever sees the handle ended, or calls
            // AsTask after the end, finds the Task complete (its continuations run asynchronously).
            task?.Complete(root);
            root.MarkCompleted(null); // after the holder is in place: readers that see Done see it
        }
        if (threads is not null)
            foreach (ThreadJoiner t in threads) t.Complete(root);
        while (joiners is not null)
        {
            G next = joiners.SchedLink!;
            joiners.SchedLink = null;
            // A goroutine written off takes its own runtime's joiners with it (they are written off in the
            // same pass); a joiner of another runtime runs on and gets the exception from its Join.
            if (abandoned is null || joiners.Sched != sched) joiners.Ready();
            joiners = next;
        }
        switch (continuations)
        {
            case Action a:
                ThreadPool.UnsafeQueueUserWorkItem(static c => c(), a, preferLocal: false);
                break;
            case List<Action> list:
                foreach (var c in list) ThreadPool.UnsafeQueueUserWorkItem(static c => c(), c, preferLocal: false);
                break;
        }
    }
}

/// <summary>The waiters of one goroutine, allocated on its first frame only when someone must wait.</summary>
internal sealed class JoinRecord
{
    /// <summary>Parked joining goroutines, chained through <see cref="G.SchedLink"/>.</summary>
    public G? Goroutines;
    /// <summary>An <see cref="Action"/> or a list of them (await).</summary>
    public object? Continuations;
    /// <summary>Threads blocked in a plain Join, or null.</summary>
    public ThreadJoiners? Threads;
    /// <summary>The Task of <see cref="Goroutine.AsTask"/>, made by its first call (no other goroutine pays for it).</summary>
    public IGoroutineTaskSource? Task;
    /// <summary>Set when the goroutine failed with nobody waiting.</summary>
    public UnobservedExceptionHolder? Unobserved;
    /// <summary>The root frame's exception once it has a record (<see cref="Frame.Failure"/>).</summary>
    public System.Runtime.ExceptionServices.ExceptionDispatchInfo? Failure;
}

/// <summary>
/// Reports a goroutine's exception that nobody observed once its handle is collected (the model of
/// Task's unobserved-exception holder): allocated only when a goroutine fails with no one waiting.
/// </summary>
internal sealed class UnobservedExceptionHolder
{
    private readonly Sched _sched;
    private readonly long _goid;
    private readonly string _method;
    private readonly Exception _exception;
    private int _observed;

    public UnobservedExceptionHolder(Sched sched, long goid, string method, Exception exception)
    {
        _sched = sched;
        _goid = goid;
        _method = method;
        _exception = exception;
    }

    public void Observed()
    {
        if (Interlocked.Exchange(ref _observed, 1) == 0) GC.SuppressFinalize(this);
    }

    ~UnobservedExceptionHolder()
    {
        if (Volatile.Read(ref _observed) == 0 && !Environment.HasShutdownStarted)
            _sched.ReportUnhandled(_goid, _method, _exception);
    }
}
