using System;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 ("silently wrong"): exception filters run in C#'s first pass, before the finally blocks the exception
// leaves, also when the filters are in callers suspended at a nested goroutine call (ExceptionFirstPass). Each case
// logs filters and finally blocks in the order they run; the plain call is C#'s order. The callees suspend before
// they throw, so their callers are off the thread's stack when the exception starts; the trampolined runs
// (every call through the scheduler) and the deep recursion (past 256 nested calls) take the same path without
// suspending.
public static partial class Cases
{
    /// <summary>Three levels; the innermost suspends, then throws. n = 1: the middle filter catches; else the outer.</summary>
    [Goroutine]
    public static string FpaThreeLevels(Log log, int n)
    {
        var s = "";
        try
        {
            s += FpaMid(log, n);
        }
        catch (InvalidOperationException e) when (log.L("outer filter " + e.Message, n != 3))
        {
            s += "outer caught " + e.Message;
        }
        catch (Exception e) when (log.L("outer filter2", true))
        {
            s += "outer2 " + e.GetType().Name;
        }
        finally
        {
            log.Add("outer finally");
        }
        return s;
    }

    [Goroutine]
    private static string FpaMid(Log log, int n)
    {
        try
        {
            return FpaInner(log, n, "x");
        }
        catch (InvalidOperationException e) when (log.L("mid filter", n == 1))
        {
            return "mid caught " + e.Message;
        }
        finally
        {
            log.Add("mid finally");
        }
    }

    [Goroutine]
    private static string FpaInner(Log log, int n, string tag)
    {
        try
        {
            Sp.Pause();
            log.Add("inner throws");
            throw new InvalidOperationException("boom" + tag + n);
        }
        finally
        {
            log.Add("inner finally");
        }
    }

    /// <summary>A filter reads state that the callee's finally changes: it must see the value from before.</summary>
    [Goroutine]
    public static string FpaFilterSeesStateBeforeCalleeFinally(Log log, int n)
    {
        var box = new int[] { 7 };
        try
        {
            FpaSetInFinally(log, box, n);
            return "none";
        }
        catch (InvalidOperationException) when (log.L("filter sees", box[0]) == 7)
        {
            return "caught before; now " + box[0];
        }
        catch (InvalidOperationException)
        {
            return "caught after; now " + box[0];
        }
    }

    [Goroutine]
    private static void FpaSetInFinally(Log log, int[] box, int n)
    {
        try
        {
            Tw(n);
            FpaThrowAfterPause(log, "deep" + n);
        }
        finally
        {
            box[0] = -1;
            log.Add("set in finally");
        }
    }

    [Goroutine]
    private static void FpaThrowAfterPause(Log log, string message)
    {
        Sp.Pause();
        log.Add("throw " + message);
        throw new InvalidOperationException(message);
    }

    /// <summary>Finally blocks that suspend at every level: the catch-all that stands for each asks the callers first.</summary>
    [Goroutine]
    public static string FpaSuspendingFinallys(Log log, int n)
    {
        try
        {
            return FpaSuspendingMid(log, n);
        }
        catch (InvalidOperationException e) when (log.L("top filter", e.Message.Length > n))
        {
            return "top caught " + e.Message;
        }
        catch (InvalidOperationException e)
        {
            return "top fallback " + e.Message;
        }
    }

    [Goroutine]
    private static string FpaSuspendingMid(Log log, int n)
    {
        try
        {
            try
            {
                return FpaSuspendingInner(log, n);
            }
            finally
            {
                log.Add("mid finally 1 before");
                Go.Yield();
                log.Add("mid finally 1 after");
            }
        }
        catch (ArgumentException) when (log.L("mid filter (wrong type never runs)", true))
        {
            return "mid wrong";
        }
        catch (InvalidOperationException) when (log.L("mid filter", n == 0))
        {
            Go.Yield();
            return "mid caught";
        }
        finally
        {
            Tw(1);
            log.Add("mid finally 2");
        }
    }

    [Goroutine]
    private static string FpaSuspendingInner(Log log, int n)
    {
        try
        {
            if (n == 3) Sp.Pause(); // n = 3: the exception starts with the callers suspended; else on the stack
            throw new InvalidOperationException("inner" + n);
        }
        finally
        {
            log.Add("inner finally before");
            Sp.Pause();
            log.Add("inner finally after");
        }
    }

    /// <summary>A filter that throws counts as false (C# swallows the exception); the next filter runs, once.</summary>
    [Goroutine]
    public static string FpaThrowingFilter(Log log, int n)
    {
        try
        {
            return FpaThrowingFilterMid(log, n);
        }
        catch (InvalidOperationException e) when (log.L("outer filter", true))
        {
            return "outer " + e.Message;
        }
    }

    [Goroutine]
    private static string FpaThrowingFilterMid(Log log, int n)
    {
        try
        {
            FpaThrowAfterPause(log, "m" + n);
            return "no";
        }
        catch (InvalidOperationException e) when (FpaThrowsIn(log, e, n))
        {
            return "mid " + e.Message;
        }
        catch (InvalidOperationException e) when (log.L("mid filter2", n == 3))
        {
            return "mid2 " + e.Message;
        }
        finally
        {
            log.Add("mid finally");
        }
    }

    private static bool FpaThrowsIn(Log log, Exception e, int n)
    {
        log.Add("throwing filter " + e.Message);
        if (n != 1) throw new ArgumentException("from the filter");
        return true;
    }

    /// <summary>Rethrow (throw;) from a catch of the middle frame, after it suspended: a fresh first pass for the outer filters.</summary>
    [Goroutine]
    public static string FpaRethrowAcrossFrames(Log log, int n)
    {
        try
        {
            return FpaRethrowMid(log, n);
        }
        catch (InvalidOperationException e) when (log.L("outer filter " + e.Message, true))
        {
            return "outer " + e.Message;
        }
        finally
        {
            log.Add("outer finally");
        }
    }

    [Goroutine]
    private static string FpaRethrowMid(Log log, int n)
    {
        try
        {
            try
            {
                FpaThrowAfterPause(log, "r" + n);
                return "no";
            }
            catch (InvalidOperationException e) when (log.L("inner filter", n != 1))
            {
                log.Add("inner catch " + e.Message);
                Go.Yield();
                throw;
            }
            catch
            {
                log.Add("catch-all");
                if (n == 1) Sp.Pause();
                throw;
            }
            finally
            {
                log.Add("mid inner finally");
            }
        }
        catch (InvalidOperationException) when (log.L("mid outer filter", n == 3))
        {
            return "mid outer";
        }
        finally
        {
            log.Add("mid outer finally");
        }
    }

    /// <summary>One try, several call sites and a loop: each throw runs each filter once, in order, before the finally blocks.</summary>
    [Goroutine]
    public static string FpaSameTrySeveralCallSites(Log log, int n)
    {
        var s = "";
        var count = 0;
        for (var i = 0; i < 3; i++)
        {
            try
            {
                s += FpaMaybeThrow(log, i == n % 3, "a" + i);
                s += FpaMaybeThrow(log, i == 2, "b" + i);
            }
            catch (InvalidOperationException e) when (log.L("filter " + e.Message + " count", ++count) % 2 == 1)
            {
                s += "[odd " + e.Message + "]";
            }
            catch (InvalidOperationException e)
            {
                s += "[even " + e.Message + "]";
            }
            finally
            {
                log.Add("finally " + i);
            }
        }
        return s + count;
    }

    [Goroutine]
    private static string FpaMaybeThrow(Log log, bool doThrow, string tag)
    {
        try
        {
            Tw(0);
            if (doThrow) throw new InvalidOperationException(tag);
            return tag;
        }
        finally
        {
            log.Add("callee finally " + tag);
        }
    }

    /// <summary>
    /// A recursion deeper than 256 nested calls that never suspends: past that depth the calls are trampolined. Every
    /// level has a filter and a finally; the filter of the level named by n catches.
    /// </summary>
    [Goroutine]
    public static string FpaDeepRecursion(Log log, int n)
    {
        var target = n == 1 ? 290 : n == 3 ? 10 : 0;
        return FpaRecurse(log, 300, target);
    }

    [Goroutine]
    private static string FpaRecurse(Log log, int depth, int target)
    {
        if (depth == 0) throw new InvalidOperationException("bottom");
        try
        {
            return FpaRecurse(log, depth - 1, target);
        }
        catch (InvalidOperationException e) when (FpaLevelFilter(log, depth, target))
        {
            return "caught at " + depth + " " + e.Message;
        }
        finally
        {
            if (depth % 37 == 0 || depth == target) log.Add("finally " + depth);
        }
    }

    private static bool FpaLevelFilter(Log log, int depth, int target)
    {
        if (depth % 37 == 0 || depth == target) log.Add("filter " + depth);
        return depth == target;
    }

    /// <summary>No filter catches in any frame: every filter runs once, then every finally, and the exception leaves the goroutine.</summary>
    [Goroutine]
    public static string FpaNobodyCatches(Log log, int n)
    {
        try
        {
            return FpaMid(log, n == 1 ? 2 : n);
        }
        catch (InvalidOperationException) when (log.L("top filter", false))
        {
            return "never";
        }
        finally
        {
            log.Add("top finally");
        }
    }

    /// <summary>A filter's pattern variables, read by its catch block, when the first pass decided the clause.</summary>
    [Goroutine]
    public static string FpaPatternVariablesOfADecidedFilter(Log log, int n)
    {
        try
        {
            FpaThrowArgumentAfterPause(log, n);
            return "none";
        }
        catch (ArgumentException e) when (e is { ParamName: { Length: > 1 } name } && log.L("filter " + name, name != "p1"))
        {
            return "caught " + name + " " + e.Message.Length;
        }
        catch (ArgumentException e) when (e.ParamName is var other && log.L("filter2 " + other, true))
        {
            Go.Yield();
            return "caught2 " + other;
        }
    }

    [Goroutine]
    private static void FpaThrowArgumentAfterPause(Log log, int n)
    {
        try
        {
            Sp.Pause();
            throw new ArgumentException("bad", "p" + n);
        }
        finally
        {
            log.Add("thrower finally");
        }
    }
}
