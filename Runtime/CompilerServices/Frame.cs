using System;
using System.ComponentModel;
using System.Runtime.ExceptionServices;
using System.Threading;

using GoSharp.Scheduler;

namespace GoSharp.CompilerServices;

/// <summary>
/// One activation of a goroutine method: parameters, hoisted locals, spill temporaries and the state to
/// resume from. A goroutine's stack is its chain of frames, linked through <see cref="Caller"/>; the
/// bottom one is the runtime's goexit frame (Go plants <c>goexit</c> as the first frame's return
/// address; GoSharp links it as the first frame's caller). The generator writes one subclass per
/// <c>[Goroutine]</c> method; <c>docs/frame-contract.md</c> shows how to write one by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class Frame
{
    /// <summary>The frame to resume when this one completes. Set by <see cref="G.Invoke"/> and <see cref="G.Call"/>.</summary>
    public Frame? Caller;

    /// <summary>
    /// Where to resume: -1 while running or before the first resumption, a generated state number while
    /// suspended, <see cref="DoneState"/> once completed. Read by goroutine dumps.
    /// </summary>
    public int State = -1;

    /// <summary>The value of <see cref="State"/> once the frame completed.</summary>
    public const int DoneState = -2;

    // How the frame ended, beyond State: null, its exception (an ExceptionDispatchInfo, which its caller rethrows at
    // the call site), or, for a root frame someone waits for, its JoinRecord (who waits for the goroutine to end,
    // the unobserved-exception holder), which then carries the exception. One field for both: every frame has
    // it, a frame is most of what a parked goroutine costs, and few frames fail or are joined.
    //   - The record is installed under lock(this) (GetOrAddJoins) and never replaced or removed.
    //   - The exception is written once, when the frame completes: by the M that ran it, without the lock
    //     (Schedule.Execute), or under the lock for a goroutine written off (JoinState.Finish). Either CAS
    //     puts it into the empty field, or it goes into the record that a joiner installed first.
    //   - Readers read it after State is DoneState (volatile: the write of State comes after the exception's).
    private object? _end;

    /// <summary>The exception the frame ended with, or null; set once, as the frame completes.</summary>
    internal ExceptionDispatchInfo? Failure
    {
        get
        {
            object? end = Volatile.Read(ref _end);
            return end as ExceptionDispatchInfo ?? (end as JoinRecord)?.Failure;
        }
        set
        {
            while (true)
            {
                object? end = Volatile.Read(ref _end);
                if (end is JoinRecord joins)
                {
                    joins.Failure = value;
                    return;
                }
                if (Interlocked.CompareExchange(ref _end, value, end) == end) return;
            }
        }
    }

    /// <summary>Root frames only, made when someone must wait (<see cref="GetOrAddJoins"/>); read under lock(this).</summary>
    internal JoinRecord? Joins => Volatile.Read(ref _end) as JoinRecord;

    /// <summary>Under lock(this): the frame's join record, made now if it has none (taking over an exception recorded already).</summary>
    internal JoinRecord GetOrAddJoins()
    {
        while (true)
        {
            object? end = Volatile.Read(ref _end);
            if (end is JoinRecord joins) return joins;
            var made = new JoinRecord { Failure = (ExceptionDispatchInfo?)end };
            if (Interlocked.CompareExchange(ref _end, made, end) == end) return made;
        }
    }

    /// <summary>Runs the frame from <see cref="State"/> until it completes or suspends.</summary>
    /// <param name="g">The goroutine this frame belongs to.</param>
    public abstract FrameResult Resume(G g);

    /// <summary>The user's method, as printed in goroutine dumps (<c>Namespace.Type.Method</c>).</summary>
    public virtual string MethodName => GetType().FullName ?? GetType().Name;

    /// <summary>The user's source line for a suspended state, for goroutine dumps; null if unknown.</summary>
    public virtual SourceLocation? GetSourceLocation(int state) => null;

    /// <summary>
    /// The first pass of exception handling across frames (<see cref="ExceptionFirstPass"/>): runs, once, the
    /// filters of the catch clauses around this frame's current call site for <paramref name="exception"/>, thrown
    /// by <paramref name="callee"/> (or a frame it called), and records which clause will catch it, so that the
    /// filters read the decision when the exception is rethrown at the call site. Returns true when this frame will
    /// catch it, and also when it cannot tell (the default: a frame that does not take part), which ends the walk;
    /// false when no clause of this frame will, so the walk goes on to <see cref="Caller"/>. Generated frames
    /// override it; it must not throw.
    /// </summary>
    /// <param name="exception">The exception in flight.</param>
    /// <param name="callee">The frame this one called (or is suspended on), through which the exception comes.</param>
    public virtual bool CatchesInFirstPass(Exception exception, Frame callee) => true;

    /// <summary>True once the frame has run to its end, with or without an exception.</summary>
    public bool IsCompleted => Volatile.Read(ref State) == DoneState;

    /// <summary>
    /// Rethrows the frame's exception, if it ended with one, keeping the original stack trace
    /// (<see cref="ExceptionDispatchInfo"/>). A caller calls it at its call site after the callee completed.
    /// </summary>
    public void ThrowIfFailed()
    {
        if (_end is null) return; // the common case: no exception, nobody joined
        var failure = Failure;
        if (failure is not null)
        {
            Joins?.Unobserved?.Observed();
            FrameFailure.Rethrowing(failure);
            failure.Throw();
        }
    }

    /// <summary>Records that the frame has ended; called by the scheduler, never by frames.</summary>
    internal void MarkCompleted(Exception? exception)
    {
        if (exception is not null) Failure = ExceptionDispatchInfo.Capture(exception);
        Volatile.Write(ref State, DoneState);
    }

    internal Exception? Exception => Failure?.SourceException;

    /// <summary>A root frame's Task source for <see cref="Goroutine.AsTask"/>, typed by its result (none here).</summary>
    internal virtual IGoroutineTaskSource NewTaskSource() => new GoroutineTaskSource<Empty>();
}

/// <summary>A frame whose method returns a value.</summary>
/// <typeparam name="T">The method's return type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class Frame<T> : Frame
{
    /// <summary>The method's return value, set by the frame before it returns <see cref="FrameResult.Completed"/>.</summary>
    public T Result = default!;

    /// <summary>Returns <see cref="Result"/>, or rethrows the frame's exception.</summary>
    public T GetResult()
    {
        ThrowIfFailed();
        return Result;
    }

    /// <summary>A Task of the result type, so that the untyped and the typed handle share one Task.</summary>
    internal override IGoroutineTaskSource NewTaskSource() => new GoroutineTaskSource<T>();
}

/// <summary>A source position of a suspension point, for goroutine dumps.</summary>
/// <param name="File">The source file path as the compiler saw it.</param>
/// <param name="Line">The 1-based line.</param>
public readonly record struct SourceLocation(string File, int Line);
