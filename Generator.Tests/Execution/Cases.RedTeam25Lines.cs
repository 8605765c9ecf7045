using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
// Red team 25: template-engine output (#line, #line hidden/default, span directives between statements and inside
// expressions with suspension points) with caller-info helpers; each value exposes the caller line and file.
namespace GoSharp.Generator.Tests.Execution;
public static partial class Cases
{
    static string R25W(object v, [CallerLineNumber] int line = 0, [CallerFilePath] string path = "", [CallerMemberName] string member = "") => line + ":" + Path.GetFileName(path) + ":" + member + ":" + v;
    static string R25E(object v, [CallerArgumentExpression(nameof(v))] string expr = "") => "[" + expr.Replace("\r", "") + "]=" + v;
    static string R25E2(object a, object b, [CallerArgumentExpression(nameof(b))] string eb = "", [CallerArgumentExpression(nameof(a))] string ea = "") => ea + "|" + eb + "=" + a + "," + b;
    static string R25Ln([CallerLineNumber] int line = 0) => line.ToString();
    static string R25Loc(Exception e) { var f = new StackTrace(e, true).GetFrames().FirstOrDefault(x => x.GetFileLineNumber() != 0); return f is null ? "none" : Path.GetFileName(f.GetFileName()) + ":" + f.GetFileLineNumber(); }
    static int R25Throw(int v, [CallerLineNumber] int line = 0) => throw new InvalidOperationException("at " + line + " v" + v);

    [Goroutine]
    public static string R25LdBetween(Log log, int n)
    {
        var s = R25W(n);
#line 10 "Views/Index.cshtml"
        s += "|" + R25W(Tw(n));
#line 20 "Views/Index.cshtml"
        s += "|" + R25W(n + 1);
        Go.Yield();
        s += "|" + R25W(n + 2);
#line default
        s += "|" + R25W(Tw(n + 3));
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdInsideArgs(Log log, int n)
    {
        var s = R25W(
#line 50 "b.cshtml"
            Tw(n)
#line default
            );
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdHiddenAwait(Log log, int n)
    {
#line hidden
        var a = Tw(n);
        var s = R25W(a);
#line default
        s += R25W(Tw(a + 1));
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdSpan(Log log, int n)
    {
#line (1,1)-(1,10) 5 "x.razor"
        var s = R25W(Tw(n));
#line (7,3)-(9,20) 2 "y.razor"
        s += R25W(Tw(n)) + R25Ln();
#line default
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdSpanMultiLine(Log log, int n)
    {
#line (100,1)-(100,30) "z.razor"
        var s = R25W(Tw(n)) +
            R25W(Tw(n + 1)) +
            R25Ln();
#line default
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdArgExpr(Log log, int n)
    {
        var s = R25E(Tw(n) + 1);
        s += R25E(Tw(n) * Tw(2));
        s += R25E2(Tw(n), n + Tw(3));
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdArgExprMultiline(Log log, int n)
    {
        var s = R25E(Tw(n)
            + Tw(1)
            + 2);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdArgExprWithDirective(Log log, int n)
    {
        var s = R25E(Tw(n)
#line 5 "in.cshtml"
            + Tw(1)
#line default
            );
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdArgExprComment(Log log, int n)
    {
        var s = R25E(Tw(n) /* c */ + /* d */ Tw(1));
        s += R25E(Tw($"{n}x"));
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdArgExprLambda(Log log, int n)
    {
        Func<int, string> f = x => R25E(x + 1) + R25W(x);
        var s = f(Tw(n));
        Func<int, string> g = x => R25E(x) + n;
        s += g(n);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdLocalFunction(Log log, int n)
    {
        string Local(int x) => R25W(x);
#line 300 "local.cshtml"
        var s = Local(Tw(n)) + R25W(Tw(n));
#line default
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdThrowLine(Log log, int n)
    {
        var s = "";
        try
        {
            Go.Yield();
#line 400 "throw.cshtml"
            if (Tw(n) >= 0) throw new InvalidOperationException("x" + n);
#line default
        }
        catch (InvalidOperationException e) { s = R25Loc(e) + e.Message; }
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdThrowHelperLine(Log log, int n)
    {
        var s = "";
        try
        {
#line 500 "helper.cshtml"
            s = "v" + R25Throw(Tw(n));
#line default
        }
        catch (InvalidOperationException e) { s = e.Message; }
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdInLoop(Log log, int n)
    {
        var s = "";
        for (var i = 0; i < n + 1; i++)
        {
#line 700 "loop.cshtml"
            s += R25W(Tw(i));
#line default
            s += R25Ln();
        }
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdInSwitch(Log log, int n)
    {
        var s = "";
        switch (Tw(n))
        {
#line 800 "sw.cshtml"
            case 0: s = R25W(Tw(0)); break;
            case 1: s = R25W(Tw(1)); break;
#line default
            default: s = R25W(Tw(n)); break;
        }
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdInTernary(Log log, int n)
    {
        var s = n > 0
#line 900 "t.cshtml"
            ? R25W(Tw(n))
#line 950 "t.cshtml"
            : R25W(Tw(-n));
#line default
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdInterpolation(Log log, int n)
    {
        var s = $"a{R25W(Tw(n))}b{R25Ln()}c{
            R25W(Tw(n + 1))}";
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdRazorLike(Log log, int n)
    {
        var sb = new System.Text.StringBuilder();
#line 1 "Pages/Home.cshtml"
        sb.Append("<h1>");
#line 2 "Pages/Home.cshtml"
        sb.Append(R25W(Tw(n)));
#line hidden
        sb.Append("</h1>");
#line 3 "Pages/Home.cshtml"
        foreach (var item in new[] { n, n + 1 })
        {
#line 4 "Pages/Home.cshtml"
            sb.Append(R25W(Tw(item)));
#line hidden
            sb.Append("<br/>");
        }
#line default
        var s = sb.ToString();
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdMemberNames(Log log, int n)
    {
        Func<string> f = () => R25W(0);
        var s = f() + R25W(Tw(n));
        string L() => R25W(1);
        s += L();
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdUsing(Log log, int n)
    {
        var s = "";
#line 1100 "u.cshtml"
        using (var r = new Res(log, R25W(Tw(n))))
        {
            s += R25W(Tw(n));
        }
#line default
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdCallerLineMultilineCall(Log log, int n)
    {
        var s = R25W
        (
            Tw(n)
        );
        s += R25Ln(
        );
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdFinally(Log log, int n)
    {
        var s = "";
        try { s += R25W(Tw(n)); }
#line 1500 "fin.cshtml"
        finally { s += R25W(Tw(n + 1)); log.Add(s); }
#line default
        return s;
    }

    [Goroutine]
    public static string R25LdArgExprNamed(Log log, int n)
    {
        var s = R25E2(b: Tw(n + 1), a: log.L("a", n));
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdArgExprInterpolated(Log log, int n)
    {
        var s = R25E($"{Tw(n),4}|{n:X2}");
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdStaticLambdaInside(Log log, int n)
    {
#line 1600 "sl.cshtml"
        var s = R25W(Tw(n)) + ((Func<string>)(static () => R25W(9)))();
#line default
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdPragmaMix(Log log, int n)
    {
#pragma warning disable CS0219
        var unused = 5;
#pragma warning restore CS0219
#region r
        var s = R25W(Tw(n));
#endregion
#line 1700 "p.cshtml"
#nullable disable
        string t = null;
#nullable restore
        s += t ?? R25W(Tw(1));
#line default
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdIfElse(Log log, int n)
    {
        var s = "";
#line 1800 "if.cshtml"
        if (Tw(n) > 0)
#line 1810 "if.cshtml"
            s = R25W(Tw(n));
#line 1820 "if.cshtml"
        else
            s = R25W(Tw(-1));
#line default
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdWhileCond(Log log, int n)
    {
        var s = ""; var i = 0;
#line 1900 "w.cshtml"
        while (Tw(i) < n && R25Ln() != "")
        {
            s += R25W(i++);
        }
#line default
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LdSwitchExpr(Log log, int n)
    {
        var s = Tw(n) switch
        {
#line 2000 "se.cshtml"
            0 => R25W(Tw(0)),
#line 2010 "se.cshtml"
            var x when R25Ln() == "2010" && Tw(x) > 0 => R25W(x),
#line default
            _ => R25W(n),
        };
        log.Add(s); return s;
    }
}
public static partial class Cases
{
}
