using System.Threading;

namespace GoSharp.Scheduler;

/// <summary>
/// The part of a goroutine that seldom changes, shared between goroutines: its runtime, where it was started
/// (Go: <c>g.parentGoid</c> and <c>g.gopc</c>, printed in dumps as "created by F in goroutine N") and the
/// <see cref="ExecutionContext"/> its frames run in. Immutable: a goroutine whose code changes its context
/// (sets an <c>AsyncLocal</c>, which makes a new context object anyway) gets a new origin at the end of that
/// resume. A goroutine that starts many others in a row (a loop of <c>go f()</c>) gives them all one instance
/// (<see cref="M.LastOrigin"/>), and goroutines started in the default context from outside the runtime's
/// goroutines share <see cref="Sched.OutsideOrigin"/>. So a G carries one reference for four facts, which is
/// 24 bytes less on every parked goroutine, for one load more where the runtime or the context is read
/// (<c>Ready</c>, each resume).
/// </summary>
internal sealed class GOrigin
{
    public readonly Sched Sched;
    /// <summary>The goroutine that started it, or 0 (started by a plain thread, a timer, the runtime).</summary>
    public readonly long ParentGoid;
    /// <summary>The method name of the starting goroutine's frame, or null.</summary>
    public readonly string? CreatedBy;
    /// <summary>The context its frames run in; null: the M's own (default) context, nothing to restore.</summary>
    public readonly ExecutionContext? ExecContext;

    internal GOrigin(Sched sched, long parentGoid, string? createdBy, ExecutionContext? execContext)
    {
        Sched = sched;
        ParentGoid = parentGoid;
        CreatedBy = createdBy;
        ExecContext = execContext;
    }

    /// <summary>
    /// The origin of a goroutine started on <paramref name="m"/> (null: off the runtime's threads) by
    /// <paramref name="parentGoid"/> (0: none) in <paramref name="createdBy"/>, running in <paramref name="context"/>:
    /// the M's last one when it matches, else a new one that becomes the M's last.
    /// </summary>
    public static GOrigin For(Sched sched, M? m, long parentGoid, string? createdBy, ExecutionContext? context)
    {
        if (parentGoid == 0 && context is null) return sched.OutsideOrigin;
        GOrigin? last = m?.LastOrigin;
        if (last is not null && last.ParentGoid == parentGoid && ReferenceEquals(last.CreatedBy, createdBy)
            && ReferenceEquals(last.ExecContext, context) && last.Sched == sched)
            return last;
        var made = new GOrigin(sched, parentGoid, createdBy, context);
        if (m is not null) m.LastOrigin = made;
        return made;
    }

    /// <summary>This origin with <paramref name="context"/> instead of its context (itself if they are the same).</summary>
    public GOrigin WithContext(ExecutionContext? context)
    {
        if (ReferenceEquals(context, ExecContext)) return this;
        if (ParentGoid == 0 && CreatedBy is null && context is null) return Sched.OutsideOrigin;
        return new GOrigin(Sched, ParentGoid, CreatedBy, context);
    }
}
