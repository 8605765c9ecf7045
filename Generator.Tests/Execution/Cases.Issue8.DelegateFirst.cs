using System;

namespace GoSharp.Generator.Tests.Execution;

/// <summary>A delegate field and property, for invocations whose arguments replace them.</summary>
public sealed class DelegateHolder
{
    public Func<int, string> F = x => "old" + x;
    public Func<int, string> P { get; set; } = x => "oldP" + x;
    public static int Swap(ref Func<int, string> f, string tag) { f = x => tag + x; return 1; }
    public int SwapP(string tag) { P = x => tag + x; return 2; }
}

// Issue 8 (red team, stop 25): a delegate invocation reads the delegate before its arguments, as C# does; an
// argument that assigns another delegate to the variable, field or property does not change the call.
public static partial class Cases
{
    [Goroutine]
    public static string DlgLocalReplacedByArgument(Log log, int n)
    {
        Func<int, string> f = x => "old" + x;
        var s = f(DelegateHolder.Swap(ref f, "new") + Tw(n));
        s += "," + f(((f = x => "third" + x)(0).Length > 0 ? 0 : 1) + Tw(n));
        s += "," + f(n);
        return s;
    }

    [Goroutine]
    public static string DlgFieldAndPropertyReplacedByArgument(Log log, int n)
    {
        var h = new DelegateHolder();
        var s = h.F(DelegateHolder.Swap(ref h.F, "new") + Tw(n));
        s += "," + h.P(h.SwapP("newP") + Tw(n));
        s += "," + h.F(n) + h.P(n);
        var holders = new[] { h };
        s += "," + holders[0].F(DelegateHolder.Swap(ref holders[0].F, "arr") + Tw(n + 1));
        return s;
    }

    [Goroutine]
    public static string DlgThroughConditionalAccess(Log log, int n)
    {
        var h = new DelegateHolder();
        var s = h?.F(DelegateHolder.Swap(ref h.F, "new") + Tw(n));
        DelegateHolder? none = n > 100 ? h : null;
        var t = none?.F(Tw(n)) ?? "none";
        s += "," + h?.P(h.SwapP("newP") + Tw(n));
        return s + "," + t + "," + h?.F(n);
    }
}
