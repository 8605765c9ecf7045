using System;
using System.Linq;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team round 6, uncompilable): a user's local, lambda parameter or local function parameter named like
// Resume's own parameter (`__g`) or local (`__fr`) in a part of the body without a suspension point keeps its name
// there, and clashed with them (CS0136); Resume's names are now ones the method does not use.
public static partial class Cases
{
    [Goroutine]
    public static string ResumeNamesUnused(Log log, int n)
    {
        var r = "" + Tw(1) + Nested(n);
        { int __fr = 2; r += __fr; }
        for (int i = 0; i < n; i++) { string __g = "x"; r += __g; }
        int __g1 = 3;
        Func<int, int> twice = __g => __g * 2;
        r += twice(__g1 + n);
        r += Local(n);
        int Local(int __fr1) => __fr1 + 1;
        var __fr2 = new[] { 1, 2, n }.Sum(__fr => __fr);
        log.Add("sum " + __fr2);
        return r + Tw(__fr2);
    }

    [Goroutine]
    private static int Nested(int n) => Tw(n) + 10;
}
