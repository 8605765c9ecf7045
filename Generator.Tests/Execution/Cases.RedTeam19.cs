using System;

namespace GoSharp.Generator.Tests.Execution;

// Red team round 19: exceptions and control flow across suspension points.
public static partial class Cases
{
    public sealed class Cached19Exception : Exception
    {
        public Cached19Exception(string message) : base(message) { }
    }

    public sealed class Replaced19Exception : Exception
    {
        public Replaced19Exception(string message) : base(message) { }
    }

    // One exception object thrown again and again (a cached instance), as a sentinel error often is.
    private static readonly Cached19Exception Cached19 = new("cached");

    private static bool Filter19(Log log, string tag, bool result)
    {
        log.Add("filter " + tag);
        return result;
    }

    // Bug 1: the first pass that a finally which suspends runs for the exception leaving its try (the filters of the
    // frame, before that finally) records its decision for that exception object. When the finally threw another
    // exception in its place, the decision stayed behind: the replacing exception was caught by a clause that only
    // cleared a decision made for itself. The next throw of the same (cached) object then skipped its first pass,
    // the filter did not run before the finally (its log missing) and the old answer chose the clause (`c1` where
    // the filter now says no, `m1`). A clause of such a try that catches now clears the decision, whatever it caught.
    [Goroutine]
    public static string Rt19DecisionOfReplacedException(Log log, int n)
    {
        var r = "";
        for (int i = 0; i < 3; i++)
        {
            try
            {
                try
                {
                    try { Go.Yield(); throw Cached19; }
                    finally
                    {
                        log.Add("fin" + i + Tw(""));
                        if (i == 0) throw new Replaced19Exception("replaced");
                    }
                }
                catch (Cached19Exception) when (Filter19(log, "f" + i, i != n)) { r += "c" + i; }
            }
            catch (Replaced19Exception) { r += "o" + i; }
            catch (Cached19Exception) { r += "m" + i; }
        }
        return r;
    }

    // The same, the replacing exception caught by a clause with a filter.
    [Goroutine]
    public static string Rt19DecisionOfReplacedExceptionFiltered(Log log, int n)
    {
        var r = "";
        for (int i = 0; i < 3; i++)
        {
            try
            {
                try
                {
                    try { Go.Yield(); throw Cached19; }
                    finally
                    {
                        log.Add("fin" + i + Tw(""));
                        if (i == 0) throw new Replaced19Exception("replaced");
                    }
                }
                catch (Cached19Exception) when (Filter19(log, "f" + i, i != n)) { r += "c" + i; }
            }
            catch (Replaced19Exception) when (Filter19(log, "o" + i, true)) { r += "o" + i; }
            catch (Cached19Exception) { r += "m" + i; }
        }
        return r;
    }
}
