using System;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team round 5, wrong value): the catch clauses and finally of a try lowered inside a checked block keep
// the block's context: an exception filter that overflows is false (the exception goes on), a catch or finally
// block that overflows throws. The goroutine wrapped silently there: the filter read a wrapped sum.
public static partial class Cases
{
    [Goroutine]
    public static string CheckedExceptionHandlers(Log log, int n)
    {
        var r = "";
        // n = 3 overflows in every filter and block below; 0 and 1 do not.
        try
        {
            checked
            {
                // The try suspends: its clause is decided by a first pass.
                try { Tw(0); throw new InvalidOperationException("a"); }
                catch (InvalidOperationException) when (n + int.MaxValue - 1 < 0) { r += "caught"; }
            }
        }
        catch (Exception e) { r += "outer:" + e.GetType().Name; }
        try
        {
            checked
            {
                // Only the finally suspends: the catch clause is copied after the try's lowering.
                try { throw new InvalidOperationException("b"); }
                catch (InvalidOperationException) when (n + int.MaxValue - 1 < 0) { r += "|caught2"; }
                finally { Tw(0); }
            }
        }
        catch (Exception e) { r += "|outer2:" + e.GetType().Name; }
        try
        {
            checked
            {
                // A callee goroutine throws: the frame's first pass tries the filter.
                try { CheckedHandlersThrow(log); }
                catch (InvalidOperationException) when (n + int.MaxValue - 1 < 0) { r += "|caught3"; }
            }
        }
        catch (Exception e) { r += "|outer3:" + e.GetType().Name; }
        try
        {
            checked
            {
                // The catch and finally blocks themselves, around a suspending try.
                try { Tw(0); throw new InvalidOperationException("d"); }
                catch (InvalidOperationException) { r += "|catch" + (n + int.MaxValue - 1); }
                finally { log.Add("finally" + (n * 2 + int.MaxValue - 1)); }
            }
        }
        catch (Exception e) { r += "|outer4:" + e.GetType().Name; }
        try
        {
            unchecked
            {
                try { Tw(0); throw new InvalidOperationException("e"); }
                catch (InvalidOperationException) when (n + int.MaxValue - 1 < 0) { r += "|wrapped"; }
            }
        }
        catch (Exception e) { r += "|outer5:" + e.GetType().Name; }
        log.Add(r);
        return r;
    }

    [Goroutine]
    private static void CheckedHandlersThrow(Log log)
    {
        Sp.Pause();
        log.Add("throw");
        throw new InvalidOperationException("c");
    }
}
