using System;
using System.Threading;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using GoSharp.CompilerServices;
using GoSharp.Scheduler;

namespace GoSharp.Bridges;

/// <summary>Registers the continuation that readies a goroutine parked on a task (the commit step).</summary>
internal sealed class TaskParkCommit : IParkCommit
{
    public static readonly TaskParkCommit Instance = new();

    public bool Commit(G g, object? arg)
    {
        var state = (TaskWait)arg!;
        state.G = g;
        // Counted while registered: a goroutine waiting for the world outside is not "durably blocked",
        // so deterministic mode must not jump its virtual clock past it.
        Interlocked.Increment(ref g.Sched.ExternalWaits);
        if (state.Register(always: g.Sched.DeterministicQueue is not null)) return true;
        Interlocked.Decrement(ref g.Sched.ExternalWaits);
        return false;
    }
}

/// <summary>One parked await: the goroutine and its (awaiter-registered) continuation.</summary>
internal abstract class TaskWait : IAbandonableWait
{
    public G? G;
    private Action? _ready;
    private int _abandoned;
    protected Action Ready => _ready ??= () =>
    {
        G g = G!;
        if (Interlocked.Exchange(ref _abandoned, 1) == 0) g.Sched.ReadyAfterExternalWait(g);
        else Interlocked.Decrement(ref g.Sched.ExternalWaits);
    };

    /// <summary>
    /// A Task continuation cannot be unregistered: the wait is marked instead, and the continuation, when
    /// it runs, leaves the written-off goroutine alone. False if the continuation got there first.
    /// </summary>
    public bool TryAbandon(G g) => Interlocked.Exchange(ref _abandoned, 1) == 0;

    /// <summary>
    /// Registers the continuation; false if the task completed already, unless <paramref name="always"/>
    /// (deterministic mode: a completed task's continuation runs at once, on the thread pool, and readies the
    /// goroutine as any other does; see <see cref="AwaitParks"/>).
    /// </summary>
    public abstract bool Register(bool always);

    /// <summary>
    /// Whether an await of a task in this state parks: when it has not completed, and always in a deterministic
    /// runtime. There an await is a trip to the world outside, from which the goroutine comes back once every
    /// goroutine is blocked (DeterministicRunQueue's arrivals): whether a task has completed by the time a
    /// goroutine looks at it is up to the thread pool, and must not decide the interleaving.
    /// </summary>
    internal static bool AwaitParks(bool completed) => !completed || GoSharp.Scheduler.M.Current?.Sched.DeterministicQueue is not null;
}

internal sealed class TaskWaitTask : TaskWait
{
    private readonly Task _task;
    public TaskWaitTask(Task task) => _task = task;
    public override bool Register(bool always)
    {
        if (_task.IsCompleted && !always) return false;
        _task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(Ready);
        return true;
    }
}

internal sealed class TaskWaitValueTask : TaskWait
{
    private readonly ValueTask _task;
    public TaskWaitValueTask(ValueTask task) => _task = task;
    public override bool Register(bool always)
    {
        if (_task.IsCompleted && !always) return false;
        _task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(Ready);
        return true;
    }
}

internal sealed class TaskWaitValueTask<T> : TaskWait
{
    private readonly ValueTask<T> _task;
    public TaskWaitValueTask(ValueTask<T> task) => _task = task;
    public override bool Register(bool always)
    {
        if (_task.IsCompleted && !always) return false;
        _task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(Ready);
        return true;
    }
}
