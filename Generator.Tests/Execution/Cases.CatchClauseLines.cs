using System;

namespace GoSharp.Generator.Tests.Execution;

// A catch clause copied as written (its block holds no suspension point) sits under the span directives of the user's
// filter and block (ExceptionHandlerLowering.Mapped): before, it was under #line hidden, and a [CallerLineNumber] in it
// gave the generated file's line, a [CallerFilePath] the generated file.
public static partial class Cases
{
    [Goroutine]
    public static string CatchBlockLinesUnderADirective(Log log, int n)
    {
        var s = "";
        try
        {
            var a = Tw(n);
#line 600 "after.cshtml"
            s = "v" + LnThrow(a + Tw(1));
        }
        catch (InvalidOperationException e) { s = e.Message + LnLine(); }
#line default
        log.Add(s); return s;
    }

    [Goroutine]
    public static string CatchFilterAndBlockLinesUnderADirective(Log log, int n)
    {
        var s = "";
        try { LnThrow(Tw(n)); }
#line 1400 "f.cshtml"
        catch (Exception e) when (e.Message.Length > 0 && LnLine() != "")
        {
            s = LnWhere(e.Message) + LnLine();
        }
#line default
        log.Add(s); return s;
    }

    [Goroutine]
    public static string CatchBlockLines(Log log, int n)
    {
        var s = "";
        try { Go.Yield(); LnThrow(n); }
        catch (InvalidOperationException e) when (LnLine() != "")
        {
            s = LnWhere(e.Message) + LnLine();
        }
        try { Go.Yield(); LnThrow(n); }
        catch (InvalidOperationException) { s += LnLine(); }
        log.Add(s); return s;
    }

    [Goroutine]
    public static string CatchFilterLines(Log log, int n)
    {
        var s = "";
        try { Go.Yield(); LnThrow(n); }
        catch (InvalidOperationException e) when (log.L("f", LnLine()) != "" &&
                                                 log.L("g", LnLine()) != "")
        {
            s = e.Message;
        }
        log.Add(s); return s;
    }

    [Goroutine]
    public static string NestedCatchBlockLines(Log log, int n)
    {
        var s = "";
        try
        {
            try { Go.Yield(); LnThrow(n); }
            catch (InvalidOperationException) when (n > 1)
            {
                s += "inner" + LnLine();
                throw;
            }
            catch (InvalidOperationException e)
            {
                s += "inner2" + LnLine() + e.Message.Length;
            }
        }
        catch (Exception)
        {
            s += "outer" + LnLine();
        }
        log.Add(s); return s;
    }

    [Goroutine]
    public static string CheckedCatchBlockLines(Log log, int n)
    {
        var s = "";
        checked
        {
            try { Go.Yield(); s += int.MaxValue + n; }
            catch (OverflowException) when (LnLine() != "")
            {
                s += "ovf" + LnLine();
            }
        }
        log.Add(s); return s;
    }
}
