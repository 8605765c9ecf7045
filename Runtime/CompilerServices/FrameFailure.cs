using System;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace GoSharp.CompilerServices;

/// <summary>
/// Captures the exception a frame ended with. A caller that was suspended rethrows its callee's failure at
/// the call site with <see cref="ExceptionDispatchInfo.Throw()"/>, which appends the rethrow site to the
/// trace, as an awaited Task's exception does; capturing it again at every level would copy a trace that
/// grows by one segment per level, quadratic in the depth (a 70,000-deep trampolined recursion that threw
/// from the bottom allocated 16 GB). So the first <see cref="TracedLevels"/> rethrows of one exception are
/// captured anew (the trace names each caller, as async's would), and past that the frame keeps the last
/// capture: the trace stops growing and reads as the bottom's segments followed by the current rethrow site.
/// </summary>
internal static class FrameFailure
{
    public const int TracedLevels = 64;

    // The failure a frame on this thread last rethrew at a call site (Frame.ThrowIfFailed), and how many
    // captures each in-flight exception has had. Both are touched only on the exception path.
    [ThreadStatic] private static ExceptionDispatchInfo? t_rethrown;
    private static readonly ConditionalWeakTable<Exception, StrongBox<int>> s_captures = new();

    public static void Rethrowing(ExceptionDispatchInfo failure) => t_rethrown = failure;

    public static ExceptionDispatchInfo Capture(Exception ex)
    {
        ExceptionDispatchInfo? previous = t_rethrown;
        t_rethrown = null;
        if (previous is null || !ReferenceEquals(previous.SourceException, ex)) return ExceptionDispatchInfo.Capture(ex);
        StrongBox<int> captures = s_captures.GetValue(ex, static _ => new StrongBox<int>());
        return ++captures.Value > TracedLevels ? previous : ExceptionDispatchInfo.Capture(ex);
    }
}
