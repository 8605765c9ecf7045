using System;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team round 6, wrong value): a [Goroutine] method called with a dynamic argument was made a nested
// goroutine call whose argument was dropped (default(int) in its place). C# binds such a call when it runs, and may
// pick another overload or convert differently than any call written at compile time, so it stays a plain call
// (GOSH0021, a warning; suppressed here because the test project treats warnings as errors).
#pragma warning disable GOSH0021
public static partial class Cases
{
    [Goroutine]
    public static int TakesInt(int x)
    {
        Go.Yield();
        return x * 10;
    }

    [Goroutine]
    public static string TakesInt(string s)
    {
        Go.Yield();
        return "s:" + s;
    }

    [Goroutine]
    public static string DynamicArguments(Log log, int n)
    {
        dynamic d = n;
        var r = "" + TakesInt(d) + "|" + Tw(d) + "|";
        Go.Yield();
        d = "t" + n;
        r += TakesInt(d) + "|";                 // the run-time binder picks the string overload
        log.Add(r);
        dynamic big = (long)n;
        try
        {
            r += TakesInt(big);                 // no implicit long -> int: the binder throws, as the plain call does
        }
        catch (Microsoft.CSharp.RuntimeBinder.RuntimeBinderException)
        {
            r += "binder";
        }
        return r + Tw(n);
    }
}
