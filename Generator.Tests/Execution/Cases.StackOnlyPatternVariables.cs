using System;

// Two switch expressions are not exhaustive on purpose: an unmatched span throws SwitchExpressionException without the value.
#pragma warning disable CS8509

namespace GoSharp.Generator.Tests.Execution;

// Span pattern variables only the test declaring them reads (an if condition, a case label and its guard, a switch
// expression arm), and switch expressions over a span: async accepts them, GOSH0008 refused them
// (Lowering/StackOnlyPatternVariables.cs). Red team round 21.
public static partial class Cases
{
    [Goroutine]
    public static string SopSpIf(Log log, int n)
    {
        string s = n > 1 ? "abcdef" : "ab";
        if (s.AsSpan() is var sp && sp.Length > 3) return "long" + Tw(1);
        return "short" + Tw(2);
    }

    [Goroutine]
    public static string SopSpCase(Log log, int n)
    {
        string s = n > 1 ? "abcdef" : "ab";
        switch (s.AsSpan())
        {
            case var sp when sp.Length > 3: log.Add("l" + sp.Length); break;
            default: log.Add("d" + Tw(n)); break;
        }
        return "x" + Tw(3);
    }

    [Goroutine]
    public static string SopSpSwitchExpr(Log log, int n)
    {
        string s = n switch { 0 => "one", 1 => "two", _ => "zz" };
        var r = s.AsSpan() switch { "one" => Tw("1"), "two" => "2", _ => "d" };
        return r + Tw(0);
    }

    [Goroutine]
    public static string SopSpMore(Log log, int n)
    {
        string s = n switch { 0 => "one", 1 => "two", _ => "zz" };
        var r = Tw(s).AsSpan() switch { "one" => Tw("1"), var q when q.Length == 3 => "3", _ => "d" + Tw(n) };
        switch (Tw(s).AsSpan())
        {
            case "one": log.Add("o" + Tw(1)); break;
            case var q when q.Length == 2: log.Add("two"); break;
            case ['t', ..] t: log.Add("t" + Tw(2)); break;
            default: log.Add("d"); break;
        }
        if (!(s.AsSpan() is ['z', ..] sp)) log.Add("nz" + Tw(4)); else log.Add("z" + Tw(5));
        if (s.AsSpan() is var sp2 && sp2.Length > 2 && n > 0) { log.Add("x" + Tw(3)); }
        try { var u = s.AsSpan(1) switch { "ne" => 1, "wo" => 2 }; log.Add("u" + u + Tw(0)); }
        catch (Exception e) { log.Add(e.GetType().Name + Tw(6)); }
        return r + Tw(0);
    }

    [Goroutine]
    public static string SopSpInline(Log log, int n)
    {
        string s = n switch { 0 => "one", 1 => "two", _ => "three" };
        for (int k = 0; k < 2; k++)
        {
            switch (s.AsSpan(k))
            {
                case "one": log.Add("o" + Tw(1)); break;
                case var q when q.Length == 3:
                    var len = q.Length;
                    if (len > 2) { log.Add("q" + q.ToString()); break; }
                    log.Add("never");
                    break;
                case [_, .. var rest] when rest.Length > 2:
                    log.Add("rest" + rest.ToString());
                    if (n == 3) break;
                    if (k == 1) return "early" + rest.Length;
                    goto default;
                default: log.Add("d" + Tw(k)); break;
            }
        }
        return "end" + Tw(0);
    }

    [Goroutine]
    public static string SopSpIfElse(Log log, int n)
    {
        string s = n > 0 ? "abcdef" : "ab";
        if (s.AsSpan() is ['a', .. var r] && r.Length > n) log.Add("a" + Tw(1));
        else log.Add("b" + Tw(3));
        if (!(s.AsSpan(1) is ['b', ..] t)) log.Add("nb" + Tw(1));
        if (s.AsSpan() is var sp && n > 1) { var u = Tw(n); log.Add("u" + u); }
        if (s.AsSpan() is var sp3 && sp3.Length > n) { log.Add("v" + Tw(n)); } else if (s.AsSpan() is var sp4 && sp4.Length < 3) log.Add("w" + Tw(1));
        return "x";
    }

    [Goroutine]
    public static string SopSpSwitchExprs(Log log, int n)
    {
        string s = n switch { 0 => "one", 1 => "two", _ => "zz" };
        var a = s.AsSpan() switch { var q when q.Length == 3 && q[0] == 'o' => Tw("three-o"), ['t', ..] => "t" + Tw(n), _ => "d" };
        var b = Tw(s).AsSpan() switch { "zz" => Tw(1), _ => 2 } + Tw(10);
        string c;
        try { c = s.AsSpan(1) switch { "ne" => Tw("ne"), "wo" => "wo" }; }
        catch (Exception e) { c = e.GetType().Name + ":" + e.Message; }
        return a + b + c;
    }

    // A span local read in a later arm of a switch expression than an arm whose value suspends: only one of the two
    // values runs, as with the branches of a ?:, so the span is not live across the suspension (async accepts it).
    [Goroutine]
    public static string SopSpanInLaterArm(Log log, int n)
    {
        int[] a = { 1, 2, 3, 4 };
        int x = 0;
        Span<int> s = a;
        x += n switch { 0 => Tw(1), 1 => s[3] + Tw(10), _ => Tw(s[2]) };
        s = a.AsSpan(1);
        x += a.AsSpan(n % 4) switch { [var e, ..] when e > 2 => Tw(e), [_, var f, ..] => f + s[0], _ => 5 };
        log.Add("x" + x);
        return "x" + Tw(x);
    }

    // A loop's condition is evaluated afresh each time: its span variable read by the condition alone is dead at the
    // body's suspension points.
    [Goroutine]
    public static string SopSpanLoopConditions(Log log, int n)
    {
        string s = "abcdef".Substring(n);
        int i = 0, x = 0;
        while (s.AsSpan(i) is var sp && sp.Length > 2) { i += Tw(1); x += i; }
        do { x += Tw(2); i--; } while (s.AsSpan(i) is [_, _, ..] two && two[0] != 'a');
        for (int j = 0; s.AsSpan(j) is var t && t.Length > 1; j += Tw(2)) log.Add("j" + j);
        log.Add("x" + x + "i" + i);
        return "r" + Tw(x);
    }
}
