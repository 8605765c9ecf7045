using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// `var h = GoX(...)` of a generic [Goroutine] method called with named arguments out of order, or with an expanded
// params array, kept across a suspension point: its type argument is inferred from the argument its parameter gets
// (it was refused with GOSH0010, "declare the local's type explicitly", found by the red team, round 11).
public static partial class Cases
{
    [Goroutine]
    public static string LnaNamed<T>(Log log, T first, int second = 2, params string[] rest)
    {
        return Tw(first) + "/" + second + "/" + string.Join("+", rest);
    }

    [Goroutine]
    public static string LnaItems<T>(Log log, string tag, params T[] items)
    {
        return tag + Tw(items.Length) + string.Join(",", items);
    }

    [Goroutine]
    public static string LnaLaunchersWithNamedArguments(Log log, int n)
    {
        var h1 = GoLnaNamed(log, rest: new[] { "r" }, first: n);
        var h2 = GoLnaNamed(log, second: n, first: "s" + n);
        var h3 = GoLnaNamed(log, first: new List<int> { n }.Count, rest: "x");
        var h4 = GoLnaItems(log, "t", n, n + 1);
        var h5 = GoLnaItems(items: new[] { 'a', 'b' }, log: log, tag: "c");
        Tw(0);
        return h1.Join() + "|" + h2.Join() + "|" + h3.Join() + "|" + h4.Join() + "|" + h5.Join();
    }
}
