using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// More of the line-mapping review (Cases.ReviewLines.cs): scoping in a lowered checked block (out and pattern
// variables, labels, local functions used before their declaration, using declarations), directives and comments
// inside a checked block's statements, guards with verbatim strings, lambdas and #if, named params arguments beside
// caller information, locks whose value suspends, and `in this` to a ref readonly parameter.
public static partial class Cases
{
    [Goroutine]
    public static string RvCtorCond(Log log, int n)
    {
        ReadOnlySpan<char> sp = "ab".AsSpan();
        var q = new RvMade(log, sp, 3) { A = n > 0 ? Tw(1) : 2 };
        return q + "";
    }
    [Goroutine]
    public static string RvCtorNested2(Log log, int n)
    {
        ReadOnlySpan<char> sp = "ab".AsSpan();
        var r = new RvMade(log, sp, 3) { Inner = new RvMade(log, "q".AsSpan(), 4) { A = Tw(n) } };
        return r + "";
    }
    [Goroutine]
    public static string RvCheckedOutVar(Log log, int n)
    {
        var x = 0;
        checked
        {
            _ = int.TryParse("5" + n, out var v);
            object o = n;
            if (!(o is int k)) k = 0;
            x += v + k + Tw(1);
            x += v * RL(2);
        }
        return x + "";
    }
    [Goroutine]
    public static string RvCheckedLabelPlain(Log log, int n)
    {
        var x = 0;
        checked
        {
            x += Tw(n);
        again:
            x++;
            if (x < 5) goto again;
            x += Tw(1);
        }
        return x + "";
    }
    [Goroutine]
    public static string RvCheckedLocalFnFirst(Log log, int n)
    {
        var x = 0;
        checked
        {
            x += Twice(Tw(n));
            int Twice(int a) => a * 2 + RL(0);
            x += Twice(3);
        }
        return x + "";
    }
    [Goroutine]
    public static string RvCheckedUsing(Log log, int n)
    {
        var x = 0;
        checked
        {
            using var r = new Res(log, "r1");
            log.Add("body");
            x += Tw(n);
            log.Add("end");
        }
        log.Add("out");
        return x + "";
    }
    [Goroutine]
    public static string RvCheckedDirective(Log log, int n)
    {
        var x = 0;
        checked
        {
            x += Tw(n) +
#line 700 "t.tt"
                RL(1);
#line default
            x += RL(2) // c
                + Tw(3);
#if NEVER
            junk
#endif
            x += RL(4);
        }
        return x + "";
    }
    [Goroutine]
    public static string RvGuardVerbatim(Log log, int n)
    {
        var x = 0;
        switch (Tw(n))
        {
            case var k when RId(@"a
b").Length + RL(k) > 0:
                x = RL(Tw(1));
                break;
        }
        try { throw new Exception(@"q
r"); }
        catch (Exception e) when (e.Message == @"q
r" && RL(0) > 0) { x += RL(Tw(2)); }
        return x + "";
    }
    [Goroutine]
    public static string RvGuardLambda(Log log, int n)
    {
        var x = 0;
        switch (Tw(n))
        {
            case var k when ((Func<int, bool>)(z =>
            {
                return RL(z) > 0;
            }))(k):
                x = RL(Tw(1));
                break;
        }
        var y = Tw(n) switch
        {
            var q when q >= 0
#if NEVER
                && junk
#endif
                && RL(q) > 0 => RL(1),
            _ => 0,
        };
        return x + "," + y;
    }
    [Goroutine]
    public static string RvSpilledComment(Log log, int n)
    {
        var s = RL(n, // first
            1) + Tw(n) /* mid
            */ + RL(
            2);
        return s + "," + RL(3);
    }
    static int RL(int a, int b, [CallerLineNumber] int l = 0) => a * 100 + b * 10000 + l;
    static string RNP(string a, [CallerArgumentExpression(nameof(a))] string e = "", [CallerLineNumber] int l = 0, params object[] r) => a + e + l + r.Length;
    [Goroutine]
    public static string RvNamedParams3(Log log, int n)
    {
        var s = RNP(Tw(n).ToString() + "x", r: Tw(1));
        var t = RNP(r: new object[] { 1, 2 }, a:
            Tw("q"));
        var u = RNP(n.ToString(), l: 5, r: Tw(3));
        return s + t + u;
    }
    [Goroutine]
    public static string RvInterpOld(Log log, int n)
    {
        var s = $"{RId("a") + Tw(n)}{RL(1)}" + RId($@"{RL(2)}
{Tw(1)}") + RL(3);
        return s;
    }
}

public static partial class Cases
{
    [Goroutine]
    public static string RvLockExpr(Log log, int n)
    {
        var o = new object();
        var x = 0;
        lock (Tw(o)) x += RL(1);
        lock (Tw(o))
        {
            x += RL(2);
        }
        lock (RId("a").Length > Tw(0) ? o
            : o)

            x += RL(3);
        lock (o)
#line 300 "lk.tt"
        {
            x += RL(4) + RF("k").Length;
        }
#line default
        return x + "," + RL(5);
    }
    [Goroutine]
    public static string RvLockInChecked(Log log, int n)
    {
        var o = new object();
        var x = Tw(n);
        checked
        {
            x += Tw(1);
            lock (o) x += RL(3); x += RL(Tw(4));
            lock (Tw(o))
                x += RL(5) /* c */ ; // t
        }
        return x + "";
    }
    [Goroutine]
    public static string RvCaseGuardSameLine(Log log, int n)
    {
        var x = 0;
        switch (Tw(n)) { case var k when RL(k) > 0: x = RL(Tw(1)); break; default: x = RL(2); break; }
        switch (Tw(n))
        {
            case var k when
                RL(k) > 0:
                x += RL(3);
                break;
        }
        return x + "";
    }
}
public partial struct RvRef
{
    public int F;
    static string Show(ref readonly RvRef c, int extra, [CallerArgumentExpression(nameof(c))] string e = "") => c.F + "+" + extra + e;
    [Goroutine]
    public readonly string Run(int n) => Show(in this, Sp.Val(n)) + Show(in this, Sp.Val(n + 1), "x");
}
public static partial class Cases
{
    [Goroutine]
    public static string RvInThisRefReadonly(Log log, int n) => new RvRef { F = n }.Run(n);
}

public static partial class Cases
{
    [Goroutine]
    public static string RvSectionScope(Log log, int n)
    {
        var x = 0;
        checked
        {
            switch (n % 2)
            {
                case 0:
                    var z = Tw(1) + RL(1);
                    x += z;
                    break;
                case 1:
                    z = 5;
                    x += z + RL(Tw(2));
                    break;
            }
            int a;
            a = Tw(3);
            int b = a; x += b;
            const int K = 4; x += K;
            Span<int> sp = stackalloc int[2]; sp[0] = x; x = sp[0];
            x += Tw(1);
        }
        return x + "";
    }
    [Goroutine]
    public static string RvBracedCopy(Log log, int n)
    {
        var x = 0;
        {
            var (a, b) = (RL(1), RL(2)); // decon
            x += a + b + Tw(n);
            if (x is var y && y > 0) x += y;
            x += y + RL(3);
        }
        return x + "";
    }
}
