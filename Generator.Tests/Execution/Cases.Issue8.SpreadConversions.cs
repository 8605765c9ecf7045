using System.Collections.Generic;
using System.Collections.Immutable;

namespace GoSharp.Generator.Tests.Execution;

// A spread's elements converted by a user-defined operator, with a suspension point after the spread: C# converts
// each element as it adds it, before the later elements are evaluated (an array, a List, a HashSet, an
// ImmutableArray builder, a lifted conversion, a conversion followed by a standard one).
public static partial class Cases
{
    public readonly struct SpcMoney
    {
        public readonly int V;
        public SpcMoney(int v) => V = v;
        public static Log? Seen; // not [ThreadStatic]: the goroutine resumes on another thread after Tw
        public static implicit operator SpcMoney(int v) { Seen?.Add("conv " + v); return new SpcMoney(v); }
        public static implicit operator int(SpcMoney m) { Seen?.Add("back " + m.V); return m.V; }
        public override string ToString() => "m" + V;
    }

    [Goroutine]
    public static string SpcSpreadElementConversions(Log log, int n)
    {
        SpcMoney.Seen = log;
        try
        {
            int[] src = [1, 2, n];
            SpcMoney[] a = [.. src, log.L("mid", 5), Tw(log.L("tw", 7))];
            List<SpcMoney> b = [0, .. src, Tw(log.L("tw2", 8))];
            HashSet<SpcMoney> h = [.. src, Tw(log.L("tw3", 9))];
            IEnumerable<int> lazy = new List<int> { 4, n };
            ImmutableArray<SpcMoney> i = [.. lazy, Tw(log.L("tw4", 6))];
            int?[] maybe = [1, null, n];
            SpcMoney?[] lifted = [.. maybe, Tw(log.L("tw5", (int?)3))];
            long[] widened = [.. a, Tw(log.L("tw6", 2L))];
            return string.Join(",", a) + "|" + string.Join(",", b) + "|" + h.Count + "|" + string.Join(",", i) + "|"
                + string.Join(",", lifted) + "|" + string.Join(",", widened);
        }
        finally
        {
            SpcMoney.Seen = null;
        }
    }
}
