using System;
using System.Collections.Generic;
using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

/// <summary>
/// Who waits for a goroutine to end, kept in its first frame under <c>lock(root)</c>: parked joining
/// goroutines (a chain through <see cref="G.SchedLink"/>), blocked threads (counted, woken with
/// PulseAll) and async continuations.
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
    /// Blocks an ordinary thread (or an M's plain code, handing off its P) until the goroutine ends. On an
    /// M of a runtime being disposed the wait ends with ObjectDisposedException (see <see cref="M.Abandoned"/>).
    /// </summary>
    public static void BlockUntilDone(Frame root, CancellationToken cancellationToken = default)
    {
        if (root.IsCompleted) return;
        // The callback only pulses: the loop below sees the token and throws. Registered before the lock,
        // so a callback that runs at once (a token cancelled meanwhile) is seen by the first check.
        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static r => { lock (r!) Monitor.PulseAll(r); }, root)
            : default;
        M? m = M.Current;
        if (m is not null) m.BlockedOn = root;
        try
        {
            using var blocking = Sched.EnterBlocking();
            lock (root)
            {
                var joins = root.Joins ??= new JoinRecord();
                joins.Threads++;
                try
                {
                    while (!root.IsCompleted)
                    {
                        if (cancellationToken.IsCancellationRequested) throw new OperationCanceledException(cancellationToken);
                        if (m is not null && m.Abandoned)
                            throw new ObjectDisposedException(nameof(GoRuntime),
                                $"The GoSharp runtime '{m.Sched.Name}' was disposed while this goroutine's plain code was joining another.");
                        Monitor.Wait(root);
                    }
                }
                finally
                {
                    joins.Threads--;
                }
            }
        }
        finally
        {
            if (m is not null) m.BlockedOn = null;
        }
    }

    /// <summary>Wakes a thread blocked in <see cref="BlockUntilDone"/> on <paramref name="root"/> so it re-checks (Dispose).</summary>
    public static void WakeThreadJoiners(Frame root)
    {
        lock (root) Monitor.PulseAll(root);
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
        var joins = root.Joins ??= new JoinRecord();
        g.SchedLink = joins.Goroutines;
        joins.Goroutines = g;
    }

    public static void OnCompleted(Frame root, Action continuation)
    {
        lock (root)
        {
            if (!root.IsCompleted)
            {
                var joins = root.Joins ??= new JoinRecord();
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
    /// Marks the goroutine's first frame completed and wakes everyone waiting for it. An exception that no
    /// one is waiting for gets a finalizable holder, so it is reported if the handle is dropped unobserved.
    /// </summary>
    public static void Finish(Sched sched, Frame root, long goid, Exception? abandoned = null)
    {
        G? joiners;
        object? continuations;
        lock (root)
        {
            if (root.IsCompleted) return;
            JoinRecord? joins = root.Joins;
            joiners = joins?.Goroutines;
            continuations = joins?.Continuations;
            int threads = joins?.Threads ?? 0;
            if (joins is not null)
            {
                joins.Goroutines = null;
                joins.Continuations = null;
            }
            if (abandoned is not null) root.Failure ??= System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(abandoned);
            // Nobody waits: keep the exception for whoever drops the handle unobserved (Task's model) - unless
            // the runtime is being disposed, which ends goroutines with ObjectDisposedException by design.
            if (root.Failure is not null && abandoned is null && joiners is null && continuations is null && threads == 0
                && !sched.IsDisposed)
            {
                (root.Joins ??= new JoinRecord()).Unobserved =
                    new UnobservedExceptionHolder(sched, goid, root.MethodName, root.Failure.SourceException);
            }
            root.MarkCompleted(null); // after the holder is in place: readers that see Done see it
            if (threads > 0) Monitor.PulseAll(root);
        }
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
    /// <summary>Threads blocked in Monitor.Wait on the frame.</summary>
    public int Threads;
    /// <summary>Set when the goroutine failed with nobody waiting.</summary>
    public UnobservedExceptionHolder? Unobserved;
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
