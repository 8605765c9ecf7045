using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8: an argument, an array element or a collection element converted by a user-defined implicit operator is
// converted as it is evaluated, before the next one, also when a later one suspends (positional and named
// arguments out of order, params arrays, collection expressions, bare array initializers).
public static partial class Cases
{
    private sealed class Convertible
    {
        public Log? Log;
        public int V;
        public static implicit operator long(Convertible c) { c.Log!.Add("conv" + c.V); return c.V; }
    }

    private static string TakeLongs(long a, int b, int c, long d = 0) => a + "," + b + "," + c + "," + d;

    [Goroutine]
    private static string TakeLongsG(long a, int b, int c, long d = 0) { Go.Yield(); return a + "," + b + "," + c + "," + d; }

    private static string Longs(params long[] values) => string.Join(",", values);

    [Goroutine]
    public static string ArgumentConversionsAsEvaluated(Log log, int n)
    {
        Convertible C(int v) => new() { Log = log, V = v };
        var s1 = TakeLongs(C(n), log.L("b", 2), Tw(3));
        var s2 = TakeLongsG(C(n + 1), log.L("b", 2), Tw(3));
        var s3 = TakeLongsG(d: C(4), a: C(n), c: Tw(3), b: log.L("b", 5));
        var s4 = Longs(C(n), log.L("e", 5L), Tw(6L));
        List<long> list = [C(n), log.L("f", 2L), Tw(3L)];
        var arr = new long[] { C(n), log.L("g", 2L), Tw(3L) };
        long[] bare = { C(n + 2), log.L("h", 2L), Tw(4L) };
        int[] ints = { log.L("i", n), Tw(n + 1) };
        return s1 + "|" + s2 + "|" + s3 + "|" + s4 + "|" + string.Join(",", list) + "|" + string.Join(",", arr)
            + "|" + string.Join(",", bare) + "|" + string.Join(",", ints);
    }
}
