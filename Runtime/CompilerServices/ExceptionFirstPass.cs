using System;
using System.ComponentModel;

namespace GoSharp.CompilerServices;

/// <summary>
/// C#'s first pass of exception handling across frames: every exception filter that an exception reaches runs
/// before any <c>finally</c> block it leaves, also when the filters are in callers that are suspended.
/// </summary>
/// <remarks>
/// <para>The problem. The CLR runs filters in a first pass over the thread's stack, then unwinds (finally blocks,
/// the catch) in a second. A goroutine's logical stack is longer than the thread's: the scheduler resumes the
/// innermost frame by itself, and its callers are suspended (<see cref="Frame.State"/> &gt;= 0) until it completes.
/// Without help, a callee that suspended and then threw would run its finally blocks and complete before its
/// caller rethrows at the call site and runs the filter there: the filter would see what the finally changed.
/// The same holds for a frame whose <c>finally</c> suspends: the generator turns it into a catch-all that stops
/// the CLR's first pass at that frame.</para>
/// <para>The protocol, both halves.</para>
/// <list type="bullet">
/// <item>The asking half, at the two places where the CLR's first pass stops short of the goroutine's callers:
/// (1) the scheduler resumes a frame inside a filter (<see cref="AtResume"/>), which the CLR runs after the filters
/// of every frame on the thread's stack and before any of their finally blocks; (2) the catch-all of a suspending
/// finally, in its own filter, after the enclosing catch clauses of its frame said no (<see cref="AskCallers"/>).
/// Both walk <see cref="Frame.Caller"/> from that frame up and ask each caller
/// <see cref="Frame.CatchesInFirstPass"/> until one answers true. The frame the scheduler resumes is the top of the
/// thread's stack for its goroutine, so every caller above it is suspended; a walk from a catch-all may also meet
/// callers still on the thread's stack (State -1, inside <see cref="G.Invoke"/>), whose filters the CLR has not
/// reached either.</item>
/// <item>The answering half, a generated frame: it finds its current call site (its <see cref="Frame.State"/>, or,
/// when it is running, the call field that holds <c>callee</c>), runs the filters of the catch clauses around it in
/// order (type test, then filter; a filter that throws counts as false, as in C#) and records the decision in its
/// first-pass fields. When the exception reaches that frame later (rethrown at the call site, the same object),
/// its filters read the decision, once, instead of running again. A frame that already holds a decision for this
/// exception ends the walk without running a filter: a walk may reach a frame twice (a catch-all's walk, then the
/// scheduler's when that frame rethrows after its finally), a filter must run exactly once, and the walk that
/// made the decision went on to the callers above.</item>
/// </list>
/// <para>Where it stops. <see cref="Frame.CatchesInFirstPass"/> answers true by default: a hand-written frame, a
/// runtime frame (goexit, a primitive's helper) or a frame of an assembly built by an older generator cannot be
/// looked into, so the walk stops there and the frames above it run their filters when the exception reaches them,
/// after the finally blocks below (the order before this protocol). A frame that cannot find its call site answers
/// true as well. The walk itself never throws: an exception out of the scheduler's filter would be swallowed by the
/// CLR and the frame's exception would escape the scheduler.</para>
/// <para>Each caller once. An exception that no frame catches is rethrown by every caller in turn, and each rethrow
/// that reaches the scheduler enters its filter again. The thread remembers its last walk (the exception, the next
/// frame up, where the walk stopped), so the frame next up letting the same exception through skips the walk: its
/// callers were asked already. Without that, a recursion 100,000 deep that throws from the bottom would walk the
/// remaining depth at every level (quadratic). A frame where the walk stopped starts a new one when it throws (it
/// caught and rethrew, or it could not tell).</para>
/// <para>Cost. Nothing on the path without exceptions: the scheduler's filter and the generated first passes run
/// only while an exception is being dispatched, and no field is written per call.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ExceptionFirstPass
{
    /// <summary>
    /// Runs the first pass for the callers of <paramref name="frame"/>: asks each, innermost first, whether it
    /// will catch <paramref name="exception"/>, until one will. Called by a generated catch-all that stands for a
    /// suspending finally, when no catch clause of its own frame will catch.
    /// </summary>
    /// <param name="frame">The frame whose callers to ask.</param>
    /// <param name="exception">The exception in flight.</param>
    public static void AskCallers(Frame frame, Exception exception)
    {
        Frame? stop = Walk(frame, exception);
        // The frame rethrows it after its finally; if that reaches the scheduler, its callers were asked already.
        Remember(exception, frame, stop);
    }

    /// <summary>
    /// The scheduler's filter around the resumed frame: asks the frame's suspended callers (see the remarks), and
    /// always returns true, so the scheduler catches the exception as before and the caller rethrows it.
    /// </summary>
    internal static bool AtResume(Frame resumed, Exception exception)
    {
        if (ReferenceEquals(t_exception, exception) && ReferenceEquals(t_next, resumed) && !ReferenceEquals(t_stop, resumed))
        {
            // The same exception on its way up: the walk from a frame below asked every caller up to t_stop, and
            // this frame let it through. Asking them again would cost the depth at every level (a deep recursion
            // that throws from the bottom would take quadratic time) and change nothing.
            t_next = resumed.Caller;
            return true;
        }
        Frame? stop = resumed.Caller is null ? null : Walk(resumed, exception);
        Remember(exception, resumed.Caller, stop);
        return true;
    }

    // The last walk on this thread: its exception, the frame whose throw of it needs no walk of its own (the next
    // one up), and where the walk stopped (that frame caught it, or could not tell: its throw is a new first pass,
    // as a rethrow is in C#). A miss (another thread, another exception in between) only walks again, and frames
    // answer a second walk from their records. Kept until the next walk on the thread.
    [ThreadStatic] private static Exception? t_exception;
    [ThreadStatic] private static Frame? t_next;
    [ThreadStatic] private static Frame? t_stop;

    private static void Remember(Exception exception, Frame? next, Frame? stop)
    {
        t_exception = exception;
        t_next = next;
        t_stop = stop;
    }

    /// <summary>Asks the callers of <paramref name="frame"/> in turn; returns the one that ended the walk, or null at the end.</summary>
    private static Frame? Walk(Frame frame, Exception exception)
    {
        Frame callee = frame;
        Frame? caller = frame.Caller;
        try
        {
            for (; caller is not null; callee = caller, caller = caller.Caller)
            {
                if (caller.CatchesInFirstPass(exception, callee)) return caller;
            }
            return null;
        }
        catch
        {
            // A frame's own answer failed (not a user filter: those are caught where they run). Stop here: its
            // filters then run when the exception reaches it.
            return caller;
        }
    }
}
