using System;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8: exception filters run before the finally blocks the exception leaves (C#'s first pass), also when
// such a finally suspends. (Across a nested goroutine call that suspended, see Cases.Issue8.FilterAcrossFrames.cs.)
public static partial class Cases
{
    [Goroutine]
    public static int FilterBeforeSuspendingFinally(Log log, int n)
    {
        try
        {
            try { if (n >= 0) throw new InvalidOperationException("x" + n); }
            finally { Go.Yield(); log.Add("inner finally"); }
        }
        catch (InvalidOperationException e) when (log.L("filter " + e.Message, n != 1))
        {
            log.Add("caught");
            return -1;
        }
        catch (Exception e)
        {
            log.Add("second " + e.Message);
            return -2;
        }
        return 0;
    }

    [Goroutine]
    public static int FilterBeforeNestedSuspendingFinallies(Log log, int n)
    {
        var r = 0;
        for (var i = 0; i < 2; i++)
        {
            try
            {
                try
                {
                    try { if (Tw(i + n) % 2 == 0) throw new ArgumentException("a" + i); else throw new InvalidOperationException("b" + i); }
                    finally { log.Add("f1 " + Tw(i)); }
                }
                catch (ArgumentException e) when (log.L("inner filter " + e.Message, i == 0))
                {
                    log.Add("inner caught");
                    r += 1;
                }
                finally { Sp.Pause(); log.Add("f2"); }
            }
            catch (Exception e) when (log.L("outer filter " + e.Message, n > 0))
            {
                log.Add("outer caught");
                r += 10;
            }
            catch (Exception) when (log.L("throwing filter", n > 2 ? throw new Exception("in filter") : false))
            {
                r += 100;
            }
            catch
            {
                log.Add("catch all");
                r += 1000;
            }
        }
        return r;
    }

    [Goroutine]
    public static int FilterSeesNewExceptionFromFinally(Log log, int n)
    {
        try
        {
            try { throw new InvalidOperationException("first"); }
            finally
            {
                Go.Yield();
                if (n > 0) throw new ArgumentException("second");
            }
        }
        catch (Exception e) when (log.L("filter " + e.Message, true))
        {
            log.Add("caught " + e.Message);
        }
        return n;
    }

    [Goroutine]
    public static int FilterInSuspendingCatch(Log log, int n)
    {
        try
        {
            try { throw new InvalidOperationException("x"); }
            finally { Sp.Pause(); log.Add("finally"); }
        }
        catch (InvalidOperationException) when (log.L("filter", n < 3))
        {
            Go.Yield();
            log.Add("moved catch");
            return 1;
        }
        catch (InvalidOperationException) when (log.L("filter2", true))
        {
            return 2;
        }
    }
}
