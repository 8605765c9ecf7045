using System;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8: checked/unchecked expressions keep their own context inside a block of the other kind.
public static partial class Cases
{
    [Goroutine]
    public static int UncheckedInsideChecked(Log log, int n)
    {
        int big = int.MaxValue - n;
        int r;
        checked
        {
            r = unchecked(big + Tw(10));
            r += unchecked(big * 2 + Tw(1) * 3);
            log.Add("r=" + r);
        }
        unchecked
        {
            try { r += checked(big + Tw(10)); }
            catch (OverflowException) { log.Add("overflow"); }
            try { r = checked(big + 1 + Tw(n)); }
            catch (OverflowException) { log.Add("overflow2"); }
            r += big + Tw(5);
        }
        return r;
    }

    [Goroutine]
    public static int UncheckedCompoundInsideChecked(Log log, int n)
    {
        int big = int.MaxValue;
        checked
        {
            var t = unchecked((big + n) * Tw(2));
            try { t *= Tw(3) + big; }
            catch (OverflowException) { log.Add("overflow"); }
            return t;
        }
    }
}
