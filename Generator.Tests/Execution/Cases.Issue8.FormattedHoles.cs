using System;
using System.Globalization;
using System.Text;

namespace GoSharp.Generator.Tests.Execution;

/// <summary>A value whose formatting is seen: it logs each ToString.</summary>
public sealed class Shown(Log log, string name) : IFormattable
{
    public int X;
    public override string ToString() { log.Add("ToString " + name + X); return name + X; }
    public string ToString(string? format, IFormatProvider? provider) { log.Add("format " + name + X + ":" + format); return name + X + "/" + format; }
}

/// <summary>A struct that is formatted by ToString only.</summary>
public struct ShownValue
{
    public Log Log;
    public int X;
    public override string ToString() { Log.Add("value" + X); return "V" + X; }
}

// Issue 8 (red team, stop 25): a string built from an interpolated string formats each hole as it is evaluated
// (DefaultInterpolatedStringHandler), before the next hole runs; a hole before a suspending one is spilled as its
// formatted text, so a later hole's changes and the order of ToString calls are C#'s.
public static partial class Cases
{
    [Goroutine]
    public static string FmtToStringBeforeLaterHole(Log log, int n)
    {
        var t = new Shown(log, "t") { X = 1 };
        var s = $"{t}{Tw(t.X = 5 + n)}";
        return s + "|" + $"[{t,8:F2}|{log.L("b", n)}|{Tw(t.X++)}|{t}]";
    }

    [Goroutine]
    public static string FmtMutatedBuilder(Log log, int n)
    {
        var sb = new StringBuilder("a");
        var s = $"{sb}{Tw(sb.Append('b', n + 1)).Length}";
        s += $"{sb,-6}|{sb,6}|{Tw(sb.Clear())}{sb.Append("x")}";
        return s;
    }

    [Goroutine]
    public static string FmtStructAndAlignment(Log log, int n)
    {
        var v = new ShownValue { Log = log, X = 1 };
        var s = $"{v,4}|{log.L("b", n)}|{Tw(2)}|{v,-4}";
        v.X = 7;
        s += @$"{v}\{Tw(v.X = 9)}""{v}";
        s += $$"""{{v}}{{{Tw(n)}}}{{v,3}}""";
        s += $"""
            {v}
            {Tw(v.X = 11)}
            {v:X}
            """;
        return s;
    }

    [Goroutine]
    public static string FmtNestedAndConcatenated(Log log, int n)
    {
        var a = new Shown(log, "a");
        var b = new Shown(log, "b");
        var s = $"{a}-{$"{b}{Tw(b.X = n)}"}-{Tw(a.X = 3)}" + $"{a}{Tw(a.X = 4)}";
        object o = $"{a:G}{Tw(a.X = 8)}";
        return s + o;
    }

    [Goroutine]
    public static string FmtFormattableKeepsLateFormatting(Log log, int n)
    {
        var a = new Shown(log, "f");
        FormattableString f = $"{a}{Tw(a.X = n + 1)}";
        IFormattable g = $"{a:N}{Tw(a.X = n + 2)}";
        log.Add("made");
        return f.ToString(CultureInfo.InvariantCulture) + g.ToString(null, CultureInfo.InvariantCulture);
    }

    [Goroutine]
    public static string FmtHoleWithSuspensionInside(Log log, int n)
    {
        var a = new Shown(log, "s");
        var s = $"{(Tw(a).X = n) + 1}{a}{Tw(a.X = 2)}{a}";
        var c = new Chan<int>(1);
        c.Send(n);
        s += $"{a}{c.Recv() + a.X++}{a}";
        return s;
    }

    [Goroutine]
    public static string FmtConcatenationConvertsInOrder(Log log, int n)
    {
        var a = new Shown(log, "c");
        var v = new ShownValue { Log = log, X = 1 };
        var s = "x" + a + v + Tw(a.X = n + v.X++) + a;
        s += a + "-" + Tw(a.X = 4) + 1 + v;
        object o = a;
        s += o + (n + "!") + Tw(a.X = 5);
        return s;
    }
}

