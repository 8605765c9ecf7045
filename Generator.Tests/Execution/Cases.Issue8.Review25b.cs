using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace GoSharp.Generator.Tests.Execution;

public class RvDlgBase
{
    public Func<int, string> F = x => "oldF" + x;
    public Func<int, string> P { get; set; } = x => "oldP" + x;
}

public sealed partial class RvDlgDerived : RvDlgBase
{
    private int SwapAll() { F = x => "newF" + x; P = x => "newP" + x; return 0; }

    [Goroutine]
    public string Run(int n)
    {
        var s = base.F(SwapAll() + Cases.TwR(n));
        F = x => "oldF" + x; P = x => "oldP" + x;
        s += this.P(SwapAll() + Cases.TwR(n));
        F = x => "oldF" + x;
        s += F(SwapAll() + Cases.TwR(n));
        return s;
    }
}

public sealed class RvArgHolder
{
    public string S;
    public string P = "";
    public RvArgHolder(Func<int, int> f, Func<int, int> g, int d, int[] xs, string t) { S = f(1) + "," + g(2) + "," + d + "," + xs.Length + t; }
}

public static partial class Cases
{
    public static T TwR<T>(T v) => Tw(v);

    private static event Func<int, string>? RvE;
    private static int RvSwapE() { RvE = x => "newE" + x; return 0; }
    private static int RvTwice(int x) => x * 2;

    [Goroutine]
    public static string RvDlgEvent(Log log, int n)
    {
        RvE = x => "oldE" + x;
        var s = RvE(RvSwapE() + Tw(n));
        RvE = x => "oldE" + x;
        s += Cases.RvE(RvSwapE() + Tw(n));
        return s;
    }

    [Goroutine]
    public static string RvDlgBaseThis(Log log, int n) => new RvDlgDerived().Run(n);

    [Goroutine]
    public static string RvDlgAnonymousDelegate(Log log, int n)
    {
        var f = (int a, int b = 1) => a + b;
        return "" + f(Tw(n));
    }

    [Goroutine]
    public static string RvFmtMisc(Log log, int n)
    {
        const int w = 5;
        var sb = new StringBuilder("a");
        var sb2 = new StringBuilder("z");
        var s = $"{sb,w}|{(n > 0 ? sb : sb2),-w}|{System.Environment.NewLine.Length}|{(global::System.Math.Max(n, 2)):D3}{Tw(sb.Append('b')).Length}";
        s += @$"{sb:a""b}{Tw(sb.Append('c')).Length}";
        s += @$"{sb,3:a\b}{Tw(sb.Append('d')).Length}";
        return s;
    }

    [Goroutine]
    public static string RvFmtRawMultiline(Log log, int n)
    {
        var sb = new StringBuilder("a");
        var s = $"""
            x{sb
               .Append('e')}y
            {Tw(sb.Append('f')).Length}
            """;
        return s;
    }

    private static T RvAddGet<T>(List<T> l, T v) { l.Add(v); return v; }
    private static string RvShowL<T>(List<T> xs) => string.Join(",", xs);
    private static string RvShow<T>(HashSet<T> xs) => string.Join(",", xs);

    [Goroutine]
    public static string RvSpreadNested(Log log, int n)
    {
        var src = new List<int> { 1, n };
        List<int[]> x = [[.. src], [.. src, AddTo(src, 9) + Tw(n)], [.. src]];
        HashSet<int>[] y = [[.. src], [.. src, AddTo(src, 8) + Tw(n)]];
        return string.Join("|", x.Select(a => string.Join(",", a))) + "#" + string.Join("|", y.Select(a => string.Join(",", a)));
    }

    [Goroutine]
    public static string RvCheckedArgs(Log log, int n)
    {
        RvArgHolder h;
        checked { h = new RvArgHolder(x => x + 1, RvTwice, default, [1, 2], $"{n}") { P = Tw("p") }; }
        return h.S + h.P;
    }

    [Goroutine]
    public static string RvDynForeachWidening(Log log, int n)
    {
        dynamic xs = new List<int> { 1, n };
        long sum = 0;
        foreach (long l in xs) sum += l + Tw(1);
        return "" + sum;
    }

    [Goroutine]
    public static string RvFmtCommentInHole(Log log, int n)
    {
        var sb = new StringBuilder("a");
        var s = $"""
            x{sb // the builder
            }y{Tw(sb.Append('f')).Length}
            """;
        var t = $"{sb /* c */}{Tw(sb.Append('g')).Length}";
        return s + t;
    }

    [Goroutine]
    public static string RvSpreadAnon(Log log, int n)
    {
        var anons = new[] { new { A = 1 } }.ToList();
        return RvShowL([.. anons.Select(a => a), RvAddGet(anons, new { A = 9 }), new { A = Tw(n) }])
            + "|" + RvShowL([.. anons, RvAddGet(anons, new { A = 8 }) , new { A = Tw(n + 1) }]);
    }
}
