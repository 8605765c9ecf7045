#define DEBUG
#define GOSHARP_TRACE
using System.Diagnostics;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8: Debug.Assert's interpolated string handler with a suspending hole, in a file that defines DEBUG (so
// the plain call is made). The handler's constructor says shouldAppend = !condition: with a true condition no
// hole runs. (Only true conditions: a failing Debug.Assert ends the process.)
public static partial class Cases
{
    [Goroutine]
    public static string HandlerDebugAssert(Log log, int n)
    {
        Debug.Assert(log.L("cond", n >= 0), $"never {log.L("hole", 1)}{Tw(2)}");
        var holds = Tw(n) < 10;
        Debug.Assert(holds, $"{Tw(n)} is too big");
        log.Add("after");
        return "done" + n;
    }
}

public static partial class Cases
{
    /// <summary>Made only where GOSHARP_TRACE is defined: this file defines it, the other case files do not.</summary>
    [Conditional("GOSHARP_TRACE")]
    public static void TraceTo(Log log, [System.Runtime.CompilerServices.InterpolatedStringHandlerArgument("log")] CountingHandler handler) =>
        log.Add("trace " + handler.Done());

    [Conditional("GOSHARP_TRACE")]
    public static void TraceValue(Log log, int value) => log.Add("traced " + value);

    [Goroutine]
    public static string HandlerConditionalCallDefinedHere(Log log, int n)
    {
        // GOSHARP_TRACE is defined by this file only: the generated frame gets the same #define, so these calls
        // are made there too (the one without a suspension point is copied as it is).
        TraceTo(log, $"t{Tw(n)}u{n}");
        TraceValue(log, n);
        TraceValue(log, Tw(n + 1));
        return "done" + n;
    }
}
