using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// A review of this round's line mapping ([CallerLineNumber], [CallerFilePath]) in copied code, trying to break it:
// operands spilled beside interpolated, verbatim and raw strings written over several lines, a user's #line, #if,
// #pragma and #region inside statements, lowered checked blocks (trailing comments, labels, locals, local
// functions, unchecked inside), locks, switch guards and catch filters over several lines. All agreed; they guard it.
public static partial class Cases
{
    static int RL(int v, [CallerLineNumber] int line = 0) => v * 1000 + line;
    static string RF(string v, [CallerLineNumber] int line = 0, [CallerFilePath] string f = "") => v + "@" + line + System.IO.Path.GetFileName(f);
    static string RId(string s) => s;

    [Goroutine]
    public static string RvInterpHole(Log log, int n)
    {
        var s = $"a{RL(1) + Tw(n) + RL(
            2)}b{RL(3)
            }c";
        log.Add(s);
        return s + RL(4);
    }

    [Goroutine]
    public static string RvVerbatimOperand(Log log, int n)
    {
        var s = RId(@"x
y") + Tw(n) + RL(3);
        log.Add(s);
        return s + RL(4);
    }

    [Goroutine]
    public static string RvInterpVerbatimInHole(Log log, int n)
    {
        var s = $"{RId(@"a
b")}{Tw(n)}{RL(5)}";
        return s + RL(6);
    }

    [Goroutine]
    public static string RvRawString(Log log, int n)
    {
        var s = RId($$"""
            x{{RL(1)}}
            y{{Tw(n)}}
            """) + RL(2) + Tw(1) + RL(
            3);
        return s + RL(4);
    }

    [Goroutine]
    public static string RvLineDirInStmt(Log log, int n)
    {
        var s = RL(1) +
#line 500 "tmpl.txt"
            Tw(n) + RF("a") +
#line default
            RL(2);
        return s + RL(3) + RF("b");
    }

    [Goroutine]
    public static string RvDisabledInStmt(Log log, int n)
    {
        var s = RL(1) +
#if NEVER_DEFINED
            junk ( { "
#endif
            Tw(n) + RL(2);
        return s + "," + RL(3);
    }

    [Goroutine]
    public static string RvCheckedTrailingComment(Log log, int n)
    {
        var x = 0;
        checked
        {
            x += n * Tw(2); // trailing comment
            log.Add("c" + RL(x)); // another
            x += RL(1) /* block */;
        }
        return x + "," + RL(2);
    }

    [Goroutine]
    public static string RvCheckedLabel(Log log, int n)
    {
        var x = 0;
        checked
        {
            again: x += Tw(1);
            if (x < 3) goto again;
            log.Add("x" + RL(x));
        }
        return x + "";
    }

    [Goroutine]
    public static string RvCheckedLocalDecl(Log log, int n)
    {
        checked
        {
            int a = n * 2, b = Tw(3);
            var c = a + b; // tail
            int Loc() => c + RL(1);
            log.Add("l" + Loc());
            return (a + b + c + Id2(LocB())) + "";
            int LocB() => RL(2);
        }
        static int Id2(int v) => v;
    }

    [Goroutine]
    public static string RvLockSameLine(Log log, int n)
    {
        var o = new object();
        var x = 0;
        x += Tw(n); lock (log.L("o", o)) x += RL(n);
        lock (o) { x += RL(1); } x += RL(Tw(2));
        lock (o)
            // comment line
            x += RL(3);
        lock (o) /* c */ { x += 1; log.Add("in" + RL(1)); }
        return x + "," + RL(9);
    }

    [Goroutine]
    public static string RvCheckedLock(Log log, int n)
    {
        var o = new object();
        var x = 0;
        checked
        {
            lock (o) x += RL(n); // c
            lock (o)
            {
                x += RL(2);
            }
            x += Tw(1);
        }
        return x + "";
    }

    [Goroutine]
    public static string RvSwitchGuard(Log log, int n)
    {
        var x = 0;
        switch (Tw(n))
        {
            case int k when RL(k) > 0 &&
                RL(
                k) > 1:
                x = RL(Tw(1));
                break;
            case var k when RL(k) >= 0:
                x = RL(2);
                break;
        }
        var y = Tw(n) switch
        {
            var q when RL(q) >
                1000 + RL(0) => RL(3),
            _ => RL(Tw(4)),
        };
        return x + "," + y;
    }

    [Goroutine]
    public static string RvCatchFilter(Log log, int n)
    {
        var x = 0;
        try { x = Tw(n); throw new InvalidOperationException("a"); }
        catch (InvalidOperationException e) when (RL(1) > 0
            && RL(
               2) > 0 && e.Message == "a") { x += RL(3); }
        try { x += Tw(1); throw new Exception("b"); }
        catch (Exception) when (RL(4) < 0) { x = 0; }
        catch { x += RL(5);
            x += RL(6); }
        return x + "";
    }

    [Goroutine]
    public static string RvCatchNoSuspInBlock(Log log, int n)
    {
        var x = 0;
        try
        {
            x = Tw(n);
            if (x >= 0) throw new InvalidOperationException();
        }
        catch (InvalidOperationException) when (RF("f") != null) { log.Add(RF("c")); }
        finally { log.Add(RF("fin")); }
        return x + RF("r");
    }

    [Goroutine]
    public static string RvUserLineThenCatch(Log log, int n)
    {
        var x = 0;
#line 900 "user.tt"
        try { x = Tw(n); throw new Exception(); }
        catch when (RF("w") != "") { log.Add(RF("b")); }
#line default
        return x + RF("r");
    }

    [Goroutine]
    public static string RvLineHiddenStmt(Log log, int n)
    {
#line hidden
        var a = RL(1) + Tw(n);
#line default
        var b = RL(2) + Tw(n) + RL(3);
        return a + "," + b;
    }

    [Goroutine]
    public static string RvPragmaInStmt(Log log, int n)
    {
        var s = RL(1) +
#pragma warning disable CS0618
            Tw(n) +
#pragma warning restore CS0618
#region r
            RL(2)
#endregion
            ;
        return s + "," + RL(3);
    }

    [Goroutine]
    public static string RvNestedCalls(Log log, int n)
    {
        var s = RL(RL(1) + Tw(
            n), RL(2) + Tw(RL(
            3)));
        return s + "," + RL(Tw(RL(4)));
    }

    [Goroutine]
    public static string RvCollExpr(Log log, int n)
    {
        int[] a = [RL(1),
            Tw(n), .. new[] { RL(2) },
            RL(3)];
        List<int> l = new() { RL(4), Tw(5),
            RL(6) };
        return string.Join(",", a) + ";" + string.Join(",", l);
    }

    [Goroutine]
    public static string RvLambdaInSpilled(Log log, int n)
    {
        Func<int, int> f = null!;
        var s = RL(1) + Tw(n) + (f = z =>
        {
            return RL(z);
        })(
            7) + RL(2);
        return s + "," + f(1);
    }

    [Goroutine]
    public static string RvCondAccess(Log log, int n)
    {
        string? t = n > -1 ? "abc" : null;
        var s = t?.Substring(RL(0) % 1)
            .Insert(0, RL(1).ToString())
            .Length + Tw(n) + RL(
            2);
        return s + "";
    }

    [Goroutine]
    public static string RvTernaryLines(Log log, int n)
    {
        var s = n > 0
            ? RL(1) + Tw(n)
            : RL(2);
        var t = n > 0 ? RL(3) :
            RL(Tw(4));
        return s + "," + t + RL(5);
    }

    [Goroutine]
    public static string RvUsingDecl(Log log, int n)
    {
        using var r = new Res(log, "r");
        var a = RL(Tw(n)); using (new Res(log, "r")) { a += RL(Tw(1)); }
        return a + "";
    }

    [Goroutine]
    public static string RvCompoundAssign(Log log, int n)
    {
        var arr = new int[3];
        arr[RL(0) % 3] +=
            Tw(n) + RL(1);
        arr[2] = arr[RL(0) % 3] *
            RL(Tw(2));
        return string.Join(",", arr);
    }

    [Goroutine]
    public static string RvForeachDecon(Log log, int n)
    {
        var x = 0;
        foreach (var (a, b) in new[] { (RL(1), 2), (3,
            RL(4)) })
        {
            x += a + Tw(b) + RL(
                5);
        }
        return x + "";
    }

    [Goroutine]
    public static string RvStringLiteralBreak(Log log, int n)
    {
        var s = RId("a\nb" + RL(1)) + "c" + Tw(n) + RId(@"
") + RL(2);
        return s;
    }

    [Goroutine]
    public static string RvCheckedExprLines(Log log, int n)
    {
        var a = checked(RL(1) +
            Tw(n) * RL(
            2));
        var b = unchecked(RL(3) + Tw(1));
        return a + "," + b;
    }

    [Goroutine]
    public static string RvUncheckedInChecked(Log log, int n)
    {
        var x = 0;
        checked
        {
            unchecked
            {
                x = int.MaxValue + Tw(n) - int.MaxValue; // wraps
                x += RL(1);
            }
            x += RL(Tw(2));
        }
        return x + "";
    }

    [Goroutine]
    public static string RvCheckedBlockScope(Log log, int n)
    {
        var x = 0;
        checked
        {
            var y = Tw(n) + 1;
            { var z = y * 2; x += z; }
            for (var i = 0; i < 2; i++) x += Tw(i) + y;
            switch (x) { case 0: break; default: x++; break; }
            using var r = new Res(log, "r");
            x += RL(1);
        }
        return x + "";
    }

    [Goroutine]
    public static string RvCheckedOverflow(Log log, int n)
    {
        var x = int.MaxValue - 5;
        try
        {
            checked
            {
                x += Tw(n); // may overflow
                log.Add("no" + x);
                x += 10 * RL(0);
            }
        }
        catch (OverflowException) { log.Add("ovf" + RL(1)); }
        return x + "";
    }
}
