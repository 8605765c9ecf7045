using System;
using System.Threading;

namespace GoSharp.Scheduler;

/// <summary>
/// The part of a goroutine that seldom changes, shared between goroutines: its runtime, where it was started
/// (Go: <c>g.parentGoid</c> and <c>g.gopc</c>, printed in dumps as "created by F in goroutine N") and the
/// <see cref="ExecutionContext"/> its frames run in. Immutable: a goroutine whose code changes its context
/// (sets an <c>AsyncLocal</c>, which makes a new context object anyway) gets a new origin at the end of that
/// resume. A goroutine that starts many others in a row (a loop of <c>go f()</c>) gives them all one instance
/// (cached per thread, <see cref="t_last"/>), and goroutines started in the default context from outside the runtime's
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

    // The origin this M's thread gave the last goroutine a goroutine started on it: a thread static rather than a
    // field of M, whose hot fields a new field would move (docs/performance.md); a spawn pays one thread-static
    // read. An M drops it when it goes idle (ForgetLast), so an idle M keeps no goroutine's ExecutionContext alive.
    [ThreadStatic] private static GOrigin? t_last;

    /// <summary>
    /// The origin of a goroutine of <paramref name="sched"/> started by <paramref name="parentGoid"/> (0: none) in
    /// <paramref name="createdBy"/>, running in <paramref name="context"/>: this thread's last one when it
    /// matches, else a new one that becomes its last.
    /// </summary>
    public static GOrigin For(Sched sched, long parentGoid, string? createdBy, ExecutionContext? context)
    {
        // Started from outside the runtime's goroutines (a plain thread, a timer's callback): not cached, so that a
        // thread-pool thread keeps no request's context alive; only an M, which drops it when idle, caches.
        if (parentGoid == 0) return context is null ? sched.OutsideOrigin : new GOrigin(sched, 0, null, context);
        GOrigin? last = t_last;
        if (last is not null && last.ParentGoid == parentGoid && ReferenceEquals(last.CreatedBy, createdBy)
            && ReferenceEquals(last.ExecContext, context) && last.Sched == sched)
            return last;
        return t_last = new GOrigin(sched, parentGoid, createdBy, context);
    }

    /// <summary>Drops this thread's cached origin (an M going idle).</summary>
    public static void ForgetLast() => t_last = null;

    /// <summary>This origin with <paramref name="context"/> instead of its context (itself if they are the same).</summary>
    public GOrigin WithContext(ExecutionContext? context)
    {
        if (ReferenceEquals(context, ExecContext)) return this;
        if (ParentGoid == 0 && CreatedBy is null && context is null) return Sched.OutsideOrigin;
        return new GOrigin(Sched, ParentGoid, CreatedBy, context);
    }
}
