using System;
using System.Threading;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using GoSharp.CompilerServices;

using GoSharp.Scheduler;

using GoSharp.Bridges;

namespace GoSharp;

// Task interop: a goroutine waits for a Task by parking; the task's continuation readies it.
public static partial class Go
{
    /// <summary>
    /// Waits for <paramref name="task"/> and rethrows its exception (unwrapped, original stack trace).
    /// Inside a <c>[Goroutine]</c> method the goroutine parks and no thread is held; elsewhere it blocks
    /// the thread (handing off the P on a scheduler thread).
    /// </summary>
    [SuspensionPoint(nameof(GetAwaitAwaiter))]
    public static void Await(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        // A goroutine's plain code in a deterministic runtime blocks even for a completed Task (TaskWait.AwaitParks):
        // it comes back once every goroutine is blocked, as a [Goroutine] method's await does.
        if (TaskWait.AwaitParks(task.IsCompleted))
        {
            using var blocking = Sched.EnterBlocking(external: true);
            task.GetAwaiter().GetResult();
            return;
        }
        task.GetAwaiter().GetResult();
    }

    /// <summary>The awaiter behind <see cref="Await(Task)"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static TaskAwaitAwaiter GetAwaitAwaiter(Task task) => new(task ?? throw new ArgumentNullException(nameof(task)));

    /// <summary>Waits for <paramref name="task"/> and returns its result; see <see cref="Await(Task)"/>.</summary>
    [SuspensionPoint(nameof(GetAwaitAwaiter))]
    public static T Await<T>(Task<T> task)
    {
        Await((Task)task);
        return task.Result;
    }

    /// <summary>The awaiter behind <see cref="Await{T}(Task{T})"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static TaskAwaitAwaiter<T> GetAwaitAwaiter<T>(Task<T> task) => new(task ?? throw new ArgumentNullException(nameof(task)));

    /// <summary>Waits for <paramref name="task"/>; see <see cref="Await(Task)"/>. Consumes the ValueTask.</summary>
    [SuspensionPoint(nameof(GetAwaitAwaiter))]
    public static void Await(ValueTask task)
    {
        if (!TaskWait.AwaitParks(task.IsCompleted))
        {
            task.GetAwaiter().GetResult();
            return;
        }
        Await(task.AsTask());
    }

    /// <summary>The awaiter behind <see cref="Await(ValueTask)"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static ValueTaskAwaitAwaiter GetAwaitAwaiter(ValueTask task) => new(task);

    /// <summary>Waits for <paramref name="task"/> and returns its result; see <see cref="Await(Task)"/>.</summary>
    [SuspensionPoint(nameof(GetAwaitAwaiter))]
    public static T Await<T>(ValueTask<T> task)
    {
        if (!TaskWait.AwaitParks(task.IsCompleted)) return task.GetAwaiter().GetResult();
        return Await(task.AsTask());
    }

    /// <summary>The awaiter behind <see cref="Await{T}(ValueTask{T})"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static ValueTaskAwaitAwaiter<T> GetAwaitAwaiter<T>(ValueTask<T> task) => new(task);
}

/// <summary>The awaiter behind <see cref="Go.Await(Task)"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct TaskAwaitAwaiter
{
    private readonly Task _task;
    internal TaskAwaitAwaiter(Task task) => _task = task;
    /// <summary>True if the task has completed (never in a deterministic runtime: there an await always parks).</summary>
    public bool IsCompleted => !TaskWait.AwaitParks(_task.IsCompleted);
    /// <summary>Parks; the commit step registers a continuation that readies the goroutine.</summary>
    public FrameResult Suspend(G g, Frame frame) => g.Park(frame, TaskParkCommit.Instance, new TaskWaitTask(_task), WaitReason.TaskAwait);
    /// <summary>Rethrows the task's exception, if any.</summary>
    public void GetResult() => _task.GetAwaiter().GetResult();
}

/// <summary>The awaiter behind <see cref="Go.Await{T}(Task{T})"/>.</summary>
/// <typeparam name="T">The result type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct TaskAwaitAwaiter<T>
{
    private readonly Task<T> _task;
    internal TaskAwaitAwaiter(Task<T> task) => _task = task;
    /// <summary>True if the task has completed (never in a deterministic runtime: there an await always parks).</summary>
    public bool IsCompleted => !TaskWait.AwaitParks(_task.IsCompleted);
    /// <summary>Parks until the task completes.</summary>
    public FrameResult Suspend(G g, Frame frame) => g.Park(frame, TaskParkCommit.Instance, new TaskWaitTask(_task), WaitReason.TaskAwait);
    /// <summary>The task's result, or its exception rethrown.</summary>
    public T GetResult() => _task.GetAwaiter().GetResult();
}

/// <summary>The awaiter behind <see cref="Go.Await(ValueTask)"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ValueTaskAwaitAwaiter
{
    private readonly ValueTask _task;
    internal ValueTaskAwaitAwaiter(ValueTask task) => _task = task;
    /// <summary>True if the task has completed (never in a deterministic runtime: there an await always parks).</summary>
    public bool IsCompleted => !TaskWait.AwaitParks(_task.IsCompleted);
    /// <summary>Parks until the task completes.</summary>
    public FrameResult Suspend(G g, Frame frame) => g.Park(frame, TaskParkCommit.Instance, new TaskWaitValueTask(_task), WaitReason.TaskAwait);
    /// <summary>Rethrows the task's exception, if any.</summary>
    public void GetResult() => _task.GetAwaiter().GetResult();
}

/// <summary>The awaiter behind <see cref="Go.Await{T}(ValueTask{T})"/>.</summary>
/// <typeparam name="T">The result type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ValueTaskAwaitAwaiter<T>
{
    private readonly ValueTask<T> _task;
    internal ValueTaskAwaitAwaiter(ValueTask<T> task) => _task = task;
    /// <summary>True if the task has completed (never in a deterministic runtime: there an await always parks).</summary>
    public bool IsCompleted => !TaskWait.AwaitParks(_task.IsCompleted);
    /// <summary>Parks until the task completes.</summary>
    public FrameResult Suspend(G g, Frame frame) => g.Park(frame, TaskParkCommit.Instance, new TaskWaitValueTask<T>(_task), WaitReason.TaskAwait);
    /// <summary>The task's result, or its exception rethrown.</summary>
    public T GetResult() => _task.GetAwaiter().GetResult();
}
