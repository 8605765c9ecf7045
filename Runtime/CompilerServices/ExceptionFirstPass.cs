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
/// exception answers from it: a walk may pass a frame twice (a catch-all's walk, then the scheduler's when that
/// frame rethrows after its finally), and a filter must run exactly once.</item>
/// </list>
/// <para>Where it stops. <see cref="Frame.CatchesInFirstPass"/> answers true by default: a hand-written frame, a
/// runtime frame (goexit, a primitive's helper) or a frame of an assembly built by an older generator cannot be
/// looked into, so the walk stops there and the frames above it run their filters when the exception reaches them,
/// after the finally blocks below (the order before this protocol). A frame that cannot find its call site answers
/// true as well. The walk itself never throws: an exception out of the scheduler's filter would be swallowed by the
/// CLR and the frame's exception would escape the scheduler.</para>
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
        try
        {
            Frame callee = frame;
            for (Frame? caller = frame.Caller; caller is not null; callee = caller, caller = caller.Caller)
            {
                if (caller.CatchesInFirstPass(exception, callee)) return;
            }
        }
        catch
        {
            // A frame's own answer failed (not a user filter: those are caught where they run). Stop here: its
            // filters then run when the exception reaches it.
        }
    }

    /// <summary>
    /// The scheduler's filter around the resumed frame: asks the frame's suspended callers (see the remarks), and
    /// always returns true, so the scheduler catches the exception as before and the caller rethrows it.
    /// </summary>
    internal static bool AtResume(Frame resumed, Exception exception)
    {
        if (resumed.Caller is not null) AskCallers(resumed, exception);
        return true;
    }
}
