using System;

namespace GoSharp.Generator.Tests.Execution;

// A span pattern variable of an if, while or for condition read where async accepts it, beyond the if's branch:
// by the else branch (also of `is not`), after the if in the rest of its block (a guard clause), in a loop's body
// before its suspension point (made anew by the condition each iteration), or behind other tests of a chain of &&
// (tested first on their own). The value is made into a local of Resume first (StackOnlyPatternVariables.cs); each
// was GOSH0008.
public static partial class Cases
{
    [Goroutine]
    public static string SpsElseReads(Log log, int n)
    {
        var s = "abc".Substring(n % 3) + n;
        var x = 0;
        if (!(s.AsSpan() is var sp && sp.Length > 2)) x = log.L("then", Tw(-1));
        else x += sp[0] + Tw(1);
        if (s.AsSpan(1) is not { Length: > 1 } q) x += Tw(100);
        else { log.Add(q.ToString()); x += q[0] * Tw(2); }
        if (s.AsSpan() is var r && r.Length > 3) x += Tw(5);
        else x -= r.Length;
        return s + x;
    }

    [Goroutine]
    public static string SpsGuardClause(Log log, int n)
    {
        var s = "abcd".Substring(n % 4);
        var x = Tw(0);
        if (!(s.AsSpan() is var sp && sp.Length > 1)) return "short" + s;
        log.Add(sp.Slice(1).ToString());
        x += sp[0] + Tw(1);
        if (s.AsSpan(1) is not ['b', ..] t) throw new InvalidOperationException("no b" + x);
        return s + x + t.Length;
    }

    [Goroutine]
    public static string SpsGuardInLoop(Log log, int n)
    {
        var words = new[] { "ab", "", "cde", "f" + n };
        var x = 0;
        foreach (var w in words)
        {
            if (w.AsSpan() is not { Length: > 0 } sp) { log.Add("empty"); continue; }
            x += sp[^1] + Tw(sp.Length);
            log.Add("w" + x);
        }
        return "x" + x;
    }

    [Goroutine]
    public static string SpsLoopConditions(Log log, int n)
    {
        var s = "abcdef" + n;
        int x = 0, i = 0;
        while (s.AsSpan(i) is var sp && sp.Length > 2)
        {
            x += sp[0] + Tw(1);
            if (++i > n + 2) break;
        }
        for (var j = 0; s.AsSpan(j) is { Length: > 3 } t; j += 2) x += t[1] * Tw(2);
        for (var k = 0; k < 9 && s.AsSpan(k) is var u && u.Length > 4; k++)
        {
            log.Add(u.ToString());
            if (u[0] == 'b') continue;
            x += Tw(3);
        }
        return s + x + "|" + i;
    }

    [Goroutine]
    public static string SpsBehindOtherTests(Log log, int n)
    {
        var s = "abcd" + n;
        var x = 0;
        if (n > 0 && s.AsSpan() is var sp && sp.Length > 1) x += sp[0] + Tw(1);
        if (log.L("p", n) != 1 && log.L("q", n) < 5 && s.AsSpan(log.L("r", n % 3)) is { Length: > 1 } q) { x += q[0] + Tw(1); log.Add("in" + x); }
        else x = Tw(-1);
        var i = 0;
        while (log.L("i", i) < 4 && s.AsSpan(i) is var w && w.Length > 2) { x += w[0] + Tw(1); i++; }
        return s + x;
    }

    [Goroutine]
    public static string SpsBehindOrAndNegated(Log log, int n)
    {
        var s = n == 2 ? null : "abcd".Substring(n % 4);
        var x = 0;
        if (log.L("null", s) == null || s.AsSpan() is not { Length: > 0 } sp) return "none" + Tw(1);
        x += sp[0] + Tw(1);
        if (!(log.L("p", n) < 3 && s.AsSpan() is var q && q.Length > 1)) { x = Tw(-1); log.Add("neg"); }
        else x += q[1] + Tw(2);
        if (!(n > 2 || s.AsSpan() is not { Length: > 0 } r)) x += r[0] + Tw(3);
        if (n == 1 || s.AsSpan() is not ['a', ..] t) x += Tw(9);
        else { log.Add(t.ToString()); x += t.Length * Tw(2); }
        return s + x;
    }

    [Goroutine]
    public static string SpsSwitchSections(Log log, int n)
    {
        var s = "abcdef".Substring(n % 4) + n;
        var x = 0;
        switch (s.AsSpan())
        {
            case var sp when sp.Length > 5: x += sp[0] + Tw(1); break;
            case ['c', ..] cs: log.Add(cs.ToString()); x += cs.Length * Tw(3); break;
            case { Length: > 2 } q: log.Add("q"); x += q[1]; x += Tw(4); break;
            default: x = Tw(2); break;
        }
        var a = new[] { n, 2, 3 };
        switch ((Span<int>)stackalloc int[n + 1])
        {
            case [var first, ..] all when all.Length > 1: all[0] = 5; x += all[0] + first + Tw(all.Length); break;
            default: x += Tw(7); break;
        }
        return s + x;
    }
}
