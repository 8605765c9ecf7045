using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
// Red team 25: more of the same ground (multi-line statements under #line, catch clauses, fixed fields, spreads).
namespace GoSharp.Generator.Tests.Execution;
public static partial class Cases
{
    [Goroutine]
    public static string R25MrMultilineCondition(Log log, int n)
    {
        var s = "";
        if (Tw(n) > 0 &&
            R25Ln() != "" &&
            Tw(n) < 10)
            s = R25Ln();
        s += (Tw(n) > 1
            ? R25Ln()
            : R25Ln());
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MrMultilineArguments(Log log, int n)
    {
        var s = R25Three(
            Tw(n),
            int.Parse(R25Ln()),
            Tw(int.Parse(R25Ln())));
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MrDoWhileDirective(Log log, int n)
    {
        var s = ""; var i = 0;
#line 3000 "dw.cshtml"
        do
        {
            s += R25W(Tw(i));
        } while (++i < n && R25Ln() != "");
#line default
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MrUsingDeclarationDirective(Log log, int n)
    {
#line 3100 "ud.cshtml"
        using var r = new Res(log, R25W(Tw(n)));
        var s = R25W(Tw(n + 1));
#line default
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MrForeachDeconstructDirective(Log log, int n)
    {
        var s = "";
#line 3200 "fd.cshtml"
        foreach (var (a, b) in new[] { (n, "x"), (Tw(n + 1), "y") })
        {
            s += R25W(a) + Tw(b);
        }
#line default
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MrLockDirective(Log log, int n)
    {
        var gate = new object();
        var s = Tw("");
#line 3300 "lk.cshtml"
        lock (gate) { s += R25W(n); }
#line default
        s += R25W(Tw(n));
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MrCatchAwaitInBody(Log log, int n)
    {
        var s = "";
        try { R25Throw(Tw(n)); }
        catch (InvalidOperationException e)
        {
            s += R25Ln() + Tw(e.Message.Length) + R25Ln();
        }
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MrCompoundIndexerAllOperands(Log log, int n)
    {
        var x = new R25Idx(log);
        Tw(x)[Tw(n), log.L("k", "k")] += Tw(log.L("v", 2)) * log.L("m", 3);
        var s = x.ToString();
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MrCoalesceAssignChain(Log log, int n)
    {
        var x = new R25Idx(log);
        var r = x.P ??= x[log.L("k", "q")] ??= Tw("z" + n);
        var s = r + ":" + x;
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MrDeconstructIntoConditionalTargets(Log log, int n)
    {
        var a = new int[2]; var b = new int[2];
        ((n > 0 ? a : b)[log.L("i", 0)], a[Tw(1)]) = (Tw(n + 5), log.L("r", 6));
        var s = string.Join(",", a) + "|" + string.Join(",", b);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MrInterpolationEveryHole(Log log, int n)
    {
        var s = $"{log.L("a", 1)}{Tw(2),3}{log.L("c", 3):D2}{Tw(4.5),-6:F1}|{(n > 0 ? Tw("p") : log.L("q", "q"))}";
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MrSwitchWhenSpilledSubject(Log log, int n)
    {
        var s = log.L("subj", n) + Tw(0) switch
        {
            0 when Tw(n) == 0 => "zero",
            1 or 2 when log.L("g", n) > 1 => "small",
            var v when Tw(v) > 2 => "big",
            _ => "other",
        };
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MrLinqSourceWithSpilledOperands(Log log, int n)
    {
        var q = from x in log.L("src", Enumerable.Range(Tw(n), 3)).Concat(Tw(new[] { 9 }))
                select x + n;
        var s = string.Join(",", q);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MrPointerSizeAfterSuspension(Log log, int n)
    {
        var k = Tw(n);
        string s;
        unsafe
        {
            var buf = stackalloc long[2];
            buf[0] = k; buf[1] = sizeof(long) * k;
            s = buf[0] + ":" + buf[1] + ":" + sizeof(nint);
        }
        s += Tw("!");
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MrFixedArrayOfStructs(Log log, int n)
    {
        var pts = new R25Pt[2];
        pts[1].X = Tw(n);
        unsafe
        {
            fixed (R25Pt* p = pts) { p[1].Y = p[1].X * 2; (p + 0)->X = 7; }
            fixed (int* py = &pts[1].Y) { *py += 1; }
        }
        var s = pts[0].X + ":" + pts[1].Y + Tw("");
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MrCollectionExpressionSpreadOfSpilledQuery(Log log, int n)
    {
        List<string> l = [.. from x in Tw(new[] { 1, 2 }) select "v" + x, Tw("z"), .. log.L("e", new[] { "e" })];
        var s = string.Join(",", l);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MrNullConditionalEventLike(Log log, int n)
    {
        var holder = n > 0 ? new R25Holder() : null;
        holder?.Arr = [Tw(1), n];
        holder?.Arr?[Tw(0)] += 5;
        var s = holder?.Arr is { } a ? string.Join(",", a) : "null";
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MrParamsSpanOfSpilledSpans(Log log, int n)
    {
        var s = R25Params([Tw(n), .. new[] { 1, 2 }]) + R25Params(Tw(3), log.L("b", 4));
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MrExtensionPropertyCompound(Log log, int n)
    {
        var l = new List<int>();
        l.Push(Tw(n));
        var s = l.Cnt.R25Twice + ":" + Tw(l).Cnt.AddTo(Tw(10)) + ":" + (int.Seven + Tw(1));
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25DgArgExprAcrossDirective(Log log, int n)
    {
        var s = R25E(Tw(n) +
#line 4600 "ae.cshtml"
            R25Ln().Length);
#line default
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25DgForHeaderDirective(Log log, int n)
    {
        var s = "";
        for (var i = Tw(0);
#line 4200 "for.cshtml"
             i < n && R25Ln() != "";
#line 4300 "for.cshtml"
             i += Tw(1) + int.Parse(R25Ln()) * 0)
#line default
        {
            s += i;
        }
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25DgInterpolatedMultilineHoles(Log log, int n)
    {
        var s = $"{Tw(n)
            .ToString()
            .PadLeft(2)}|{R25Ln()}|{Tw(1)}{
            R25Ln()}";
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25DgLambdaLineDirective(Log log, int n)
    {
        Func<int, string> f = x =>
        {
#line 4000 "lam.cshtml"
            return R25W(x);
#line default
        };
        var s = f(Tw(n)) + R25W(
#line 4100 "lam2.cshtml"
            f(Tw(n + 1)));
#line default
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25DgStackallocArgSuspends(Log log, int n)
    {
        var s = "" + R25SumSpan(stackalloc int[] { Tw(n), 2 });
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25DgSwitchArmDirective(Log log, int n)
    {
        var s = n switch
        {
#line 4400 "sw2.cshtml"
            0 => R25W(Tw(0)) + R25Ln(),
#line hidden
            1 => R25W(Tw(1)) + R25Ln(),
#line default
            _ => R25W(Tw(2))
#line 4500 "sw3.cshtml"
                 + R25Ln(),
        };
#line default
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25DhAwaitInLineDirectiveLoopBody(Log log, int n)
    {
        var s = "";
        foreach (var i in new[] { 1, 2 })
        {
            s += R25W(i)
#line 5600 "lb.cshtml"
                + R25W(Tw(i)) + R25Ln();
#line default
            s += R25Ln();
        }
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25DhCollectionDirective(Log log, int n)
    {
        List<string> l = [R25W(Tw(n)),
#line 5000 "coll.cshtml"
            R25W(n), .. new[] { R25Ln() },
#line default
            R25W(Tw(n + 1))];
        var s = string.Join(",", l);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25DhConditionalAccessDirective(Log log, int n)
    {
        R25Holder? h = n > 0 ? new R25Holder { S = "x" } : null;
        var s = h?.S
#line 5700 "ca.cshtml"
            ?.Insert(0, R25W(Tw(n)) + R25Ln()) ?? R25Ln();
#line default
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25DhHiddenThenMapped(Log log, int n)
    {
#line 5400 "hm.cshtml"
        var s = R25W(n)
#line hidden
            + R25W(Tw(1)) + R25Ln()
#line 5500 "hm2.cshtml"
            + R25W(Tw(2)) + R25Ln();
#line default
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25DhIfDirectiveInExpression(Log log, int n)
    {
        var s = R25W(Tw(n))
#if DEBUG
            + "debug"
#else
            + "release"
#endif
#line 5300 "ifd.cshtml"
            + R25W(Tw(2))
            + R25Ln();
#line default
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25DhInitializerDirective(Log log, int n)
    {
        var h = new R25Holder
        {
            S = R25W(Tw(n)),
#line 5100 "init.cshtml"
            Arr = [int.Parse(R25Ln()), Tw(1)],
#line default
        };
        var s = h.S + string.Join(",", h.Arr!);
        log.Add(s); return s;
    }
}
