using System;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team): exception filters with finally blocks (suspending and not), `when` reading state,
// rethrow, an exception from a finally replacing another, a return value fixed before its finally runs.
public static partial class Cases
{
    [Goroutine]
    public static string FltWhenReadsStateBeforeFinally(Log log, int n)
    {
        var state = 0;
        var s = "";
        for (var i = 0; i < 2; i++)
        {
            try
            {
                try
                {
                    state = Tw(i + 1);
                    if (i + n > 0) throw new InvalidOperationException("t" + i);
                }
                finally
                {
                    // The filter below runs first (C#'s first pass), so it sees the state before this change.
                    if (i == 0) Go.Yield();
                    state = -state;
                    log.Add("finally " + state);
                }
            }
            catch (InvalidOperationException e) when (log.L("when " + e.Message + " state", state) > 1)
            {
                s += "c1:" + state + ";";
            }
            catch (Exception) when (log.L("when2", state) < 0)
            {
                s += "c2;";
            }
            catch
            {
                s += "c3:" + state + ";";
            }
        }
        return s;
    }

    [Goroutine]
    public static string FltNestedCalleeThrows(Log log, int n)
    {
        var s = "";
        try
        {
            s += FltCallee(log, n, 0);
            s += FltCallee(log, n, 1);
        }
        catch (ArgumentException e) when (e.Message.StartsWith("arg"))
        {
            s += "arg:" + e.Message;
        }
        catch (InvalidOperationException e) when (e.Message.Length > 100)
        {
            s += "never";
        }
        catch (InvalidOperationException e)
        {
            s += "ioe:" + e.Message;
            Go.Yield();
        }
        finally
        {
            log.Add("outer finally " + Tw(s.Length));
        }
        return s;
    }

    [Goroutine]
    private static string FltCallee(Log log, int n, int k)
    {
        try
        {
            Sp.Pause();
            if (n == 1) throw new ArgumentException("arg" + k);
            if (n == 3 && k == 1) throw new InvalidOperationException("ioe" + k);
            return "ok" + k + ";";
        }
        finally
        {
            log.Add("callee finally " + k);
        }
    }

    [Goroutine]
    public static string FltRethrowAcrossSuspensions(Log log, int n)
    {
        var s = "";
        try
        {
            try
            {
                Tw(0);
                throw new InvalidOperationException("orig" + n);
            }
            catch (InvalidOperationException e) when (n != 1)
            {
                log.Add("inner " + e.Message);
                Go.Yield();
                if (n == 3) throw new ArgumentException("replaced", e);
                throw;
            }
            finally
            {
                log.Add("inner finally");
                Sp.Pause();
            }
        }
        catch (ArgumentException e) when (log.L("f1", e.InnerException is not null))
        {
            s = "arg:" + e.Message + "<" + e.InnerException!.Message;
        }
        catch (InvalidOperationException e) when (log.L("f2", true))
        {
            s = "ioe:" + e.Message;
        }
        return s;
    }

    [Goroutine]
    public static string FltFinallyReplacesException(Log log, int n)
    {
        var s = "";
        try
        {
            try
            {
                try { throw new InvalidOperationException("first"); }
                finally
                {
                    log.Add("f1");
                    if (n > 0) { Sp.Pause(); throw new ArgumentException("second"); }
                }
            }
            catch (InvalidOperationException e) when (log.L("ioe filter", true))
            {
                s += "ioe " + e.Message + ";";
                Go.Yield();
                throw new FormatException("third");
            }
            finally
            {
                log.Add("f2");
                if (n == 3) throw new NotSupportedException("fourth" + Tw(4));
            }
        }
        catch (Exception e)
        {
            s += e.GetType().Name + " " + e.Message;
        }
        return s;
    }

    [Goroutine]
    public static int FltReturnValueFixedBeforeFinally(Log log, int n)
    {
        var x = n + 1;
        try
        {
            x *= Tw(10);
            return x;
        }
        finally
        {
            x = 999;
            Go.Yield();
            log.Add("finally x=" + x);
        }
    }

    [Goroutine]
    public static int FltFinallyThrowReplacesReturnAndBreak(Log log, int n)
    {
        var r = 0;
        for (var i = 0; i < 3; i++)
        {
            try
            {
                try
                {
                    if (i == 1) break;
                    if (i == n) return -1;
                    r += Tw(i);
                }
                finally
                {
                    log.Add("f" + i);
                    if (i == 1 && n == 3) { Go.Yield(); throw new InvalidOperationException("from finally" + i); }
                }
            }
            catch (InvalidOperationException e) when (log.L("w", r) >= 0)
            {
                log.Add("caught " + e.Message);
                r += 100;
            }
        }
        return r;
    }

    [Goroutine]
    public static string FltThrowingAndCountingFilters(Log log, int n)
    {
        var hits = 0;
        var s = "";
        for (var i = 0; i < 3; i++)
        {
            try
            {
                try { if (Tw(i) >= 0) throw new InvalidOperationException("e" + i); }
                finally { if (i == 1) Sp.Pause(); log.Add("fin" + i); }
            }
            catch (InvalidOperationException) when (++hits > 100 || (i == n ? throw new Exception("bad filter") : false))
            {
                s += "never";
            }
            catch (InvalidOperationException e) when (FltCheck(log, e, hits))
            {
                s += e.Message + hits + ";";
                Go.Yield();
            }
            catch (InvalidOperationException)
            {
                s += "last" + hits + ";";
            }
        }
        return s;
    }

    private static bool FltCheck(Log log, Exception e, int hits)
    {
        log.Add("check " + e.Message + " " + hits);
        return hits % 2 == 1;
    }

    [Goroutine]
    public static string FltCatchThrowsInnerFinallyOrder(Log log, int n)
    {
        // An exception thrown in a catch block: the outer filter runs before the finally of that try.
        var s = "";
        try
        {
            try { Tw(0); throw new InvalidOperationException("a"); }
            catch (InvalidOperationException)
            {
                log.Add("catch a");
                throw new ArgumentException("b" + n);
            }
            finally
            {
                log.Add("finally");
                if (n > 0) Go.Yield();
                log.Add("finally end");
            }
        }
        catch (ArgumentException e) when (log.L("outer filter " + e.Message, n < 3))
        {
            s = "caught " + e.Message;
        }
        catch (ArgumentException e)
        {
            s = "second " + e.Message + Tw(1);
        }
        return s;
    }

    [Goroutine]
    public static string FltExceptionFilterOnVariableFromLoop(Log log, int n)
    {
        var s = "";
        foreach (var code in new[] { 1, 2, 3 })
        {
            var local = code * 10;
            try
            {
                using var r = new Res(log, "r" + code);
                Sp.Pause();
                throw new FltCodeException(code);
            }
            catch (FltCodeException e) when (e.Code == n || local == 20)
            {
                s += "hit" + e.Code + ";";
            }
            catch (FltCodeException e) when (log.L("never filter", e.Code < 0))
            {
                s += "unreachable" + e.Code;
            }
            catch (FltCodeException e)
            {
                s += "miss" + e.Code + ";";
            }
        }
        return s;
    }
    [Goroutine]
    public static string FltDecisionSurvivesCatchInsideFinally(Log log, int n)
    {
        // Found by the random programs: the outer filter decides (first pass) before the finally runs; inside
        // the finally another exception is thrown and caught under a filter of its own; after the finally the
        // pending exception must be caught as decided, not filtered again (x changed meanwhile).
        var x = n;
        try
        {
            try
            {
                Tw(0);
                throw new InvalidOperationException("outer");
            }
            finally
            {
                try
                {
                    try { Sp.Pause(); throw new InvalidOperationException("inner"); }
                    finally { Go.Yield(); x += 10; log.Add("inner finally"); }
                }
                catch (InvalidOperationException e) when (log.L("inner filter " + e.Message, x < 100))
                {
                    log.Add("inner caught");
                }
                x += 1;
            }
        }
        catch (InvalidOperationException e) when (log.L("outer filter " + e.Message + " x=" + x, x < 5))
        {
            log.Add("outer caught x=" + x);
        }
        catch (InvalidOperationException)
        {
            log.Add("second x=" + x);
        }
        return "x=" + x;
    }

    [Goroutine]
    public static string FltNestedRethrowsPickTheirOwnException(Log log, int n)
    {
        var s = "";
        try
        {
            try { Tw(0); throw new InvalidOperationException("outer" + n); }
            catch (InvalidOperationException outer)
            {
                try
                {
                    Go.Yield();
                    throw new ArgumentException("inner");
                }
                catch (ArgumentException inner) when (inner.Message == "inner")
                {
                    Sp.Pause();
                    s += "inner caught;";
                    if (n == 1) throw;
                }
                finally
                {
                    s += "inner finally " + Tw(outer.Message) + ";";
                }
                // This throw; is the outer catch's: the outer exception, not the inner one.
                if (n != 1) throw;
            }
        }
        catch (Exception e)
        {
            s += e.GetType().Name + " " + e.Message;
        }
        return s;
    }

    [Goroutine]
    public static string FltFirstPassBeforeNestedPlainFinallies(Log log, int n)
    {
        // Found by the random programs: the exception leaves a foreach over an iterator (its Dispose is a
        // finally) and a finally that does not suspend, then a finally that does; the outer filter still runs
        // first of all.
        var x = n;
        try
        {
            try
            {
                foreach (var v in Seqs.Count(log, 3))
                {
                    try
                    {
                        x += Tw(v);
                        if (v == 1) throw new InvalidOperationException("in foreach");
                    }
                    finally
                    {
                        log.Add("plain finally x=" + x);
                    }
                }
            }
            finally
            {
                Sp.Pause();
                x = -1;
                log.Add("suspending finally");
            }
        }
        catch (InvalidOperationException e) when (log.L("filter " + e.Message + " x=" + x, x >= 0))
        {
            log.Add("caught");
        }
        return "x=" + x;
    }
}

public sealed class FltCodeException(int code) : Exception("code " + code)
{
    public int Code { get; } = code;
}
