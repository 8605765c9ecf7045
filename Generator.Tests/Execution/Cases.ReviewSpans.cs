using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// A review of span pattern variables read beyond an if's branch, in loops and in switch sections, trying to break
// the order of the tests before them in a chain of && or || (re-tested each iteration of a loop, after continue),
// guard clauses in try blocks, case sections and loops, goto default after a section's suspension point. All agreed.
public static partial class Cases
{
    static string RStr(Log log, string tag, string s) { log.Add(tag + s); return s; }


    [Goroutine]
    public static string RvSpAndOrder(Log log, int n)
    {
        var s = "abcdef".Substring(n % 5);
        var x = 0;
        if (log.L("a", n) >= 0 && RStr(log, "b", s).AsSpan() is var sp && log.L("c", sp.Length) > 1)
        {
            x += sp[1] + Tw(1);
        }
        else x -= Tw(2);
        return s + x;
    }

    [Goroutine]
    public static string RvSpDoubleNot(Log log, int n)
    {
        var s = "abc".Substring(n % 4);
        if (!!(s.AsSpan() is { Length: > 1 } sp))
            return "t" + sp[0] + Tw(1);
        return "f" + Tw(2);
    }

    [Goroutine]
    public static string RvSpNotOrGuard(Log log, int n)
    {
        var s = "abcd".Substring(n % 5);
        var x = Tw(0);
        if (!(n >= 0 && s.AsSpan() is { Length: > 0 } sp)) { log.Add("g"); return "g" + Tw(3); }
        x += sp[^1];
        x += Tw(sp.Length);
        return s + x;
    }

    [Goroutine]
    public static string RvSpWhileBody(Log log, int n)
    {
        var s = "abcdef".Substring(n % 3);
        var x = 0;
        var i = 0;
        while (s.AsSpan(i) is { Length: > 1 } sp)
        {
            x += sp[0] * 3 + sp.Length + Tw(i);
            i += Tw(2);
        }
        return x + "," + i;
    }

    [Goroutine]
    public static string RvSpForBody(Log log, int n)
    {
        var s = "hello" + n;
        var x = 0;
        for (var i = 0; i < s.Length && s.AsSpan(i) is var sp && sp.Length > 2; i += Tw(2))
        {
            log.Add(sp.ToString());
            x += sp[0] + Tw(1);
        }
        return x + "";
    }

    [Goroutine]
    public static string RvSpElseIf(Log log, int n)
    {
        var s = "xyz".Substring(n % 4);
        var x = 0;
        if (n > 100) x = Tw(1);
        else if (s.AsSpan() is not { Length: > 1 } sp) x = Tw(2);
        else x = sp[0] + sp[1] + Tw(3);
        return x + "";
    }

    [Goroutine]
    public static string RvSpGuardThenLoop(Log log, int n)
    {
        var s = "abcd".Substring(n % 3);
        if (s.AsSpan() is not { Length: > 0 } sp) return "e";
        var x = 0;
        foreach (var c in sp) x += c;
        x += Tw(1);
        return x + "";
    }

    [Goroutine]
    public static string RvSpGuardReadAfterSusp(Log log, int n)
    {
        var s = "abcd".Substring(n % 3);
        var y = Tw(1);
        if (s.AsSpan() is not { Length: > 0 } sp) return "e" + Tw(2);
        var z = sp.Length;
        var w = sp[0];
        return (z + w + y + Tw(3)) + "";
    }

    [Goroutine]
    public static string RvSpSwitchSection(Log log, int n)
    {
        var s = "abcdef".Substring(n % 6);
        var x = 0;
        switch (RStr(log, "g", s).AsSpan())
        {
            case var sp when log.L("w", sp.Length) > 3:
                x += sp[0] + Tw(1);
                log.Add("after" + x);
                break;
            case var sp when sp.Length > 1:
                x += sp[1] * Tw(2);
                break;
            default:
                x = Tw(-1);
                break;
        }
        return x + "";
    }

    [Goroutine]
    public static string RvSpSwitchInLoop(Log log, int n)
    {
        var x = 0;
        foreach (var w in new[] { "a", "bcd", "", "ef" + n })
        {
            switch (w.AsSpan())
            {
                case var sp when sp.Length > 2:
                    x += sp[2] + Tw(1);
                    continue;
                case var sp when sp.IsEmpty:
                    x += Tw(100);
                    break;
                default:
                    x += Tw(7);
                    break;
            }
            log.Add("w" + x);
        }
        return x + "";
    }

    [Goroutine]
    public static string RvSpSameNameTwice(Log log, int n)
    {
        var s = "abc".Substring(n % 3);
        var x = 0;
        if (s.AsSpan() is { Length: > 0 } sp) x += sp[0] + Tw(1);
        if (s.AsSpan(1) is { Length: > 0 } sp2) x += sp2[0] + Tw(2);
        else x -= Tw(3);
        {
            if (s.AsSpan() is not { Length: > 1 } sp3) return x + "s";
            x += sp3[1];
        }
        x += Tw(4);
        return x + "";
    }

    [Goroutine]
    public static string RvSpGuardInTry(Log log, int n)
    {
        var s = "abc".Substring(n % 4);
        var x = 0;
        try
        {
            if (s.AsSpan() is not { Length: > 0 } sp) throw new InvalidOperationException("e");
            x += sp[0] + Tw(1);
        }
        catch (InvalidOperationException e) { x = Tw(-1); log.Add(e.Message); }
        return x + "";
    }

    [Goroutine]
    public static string RvSpGuardInCase(Log log, int n)
    {
        var s = "abc".Substring(n % 4);
        var x = 0;
        switch (n % 2)
        {
            case 0:
                if (s.AsSpan() is not { Length: > 0 } sp) break;
                x += sp[0] + Tw(1);
                break;
            default:
                x = Tw(2);
                break;
        }
        return x + "";
    }

    [Goroutine]
    public static string RvSpWhileIsNot(Log log, int n)
    {
        var s = "abcde".Substring(n % 3);
        var i = 0; var x = 0;
        while (!(s.AsSpan(i) is not { Length: > 0 } sp))
        {
            x += sp[0] + Tw(1);
            i++;
        }
        return x + "," + i;
    }

    [Goroutine]
    public static string RvSpCondTernaryInside(Log log, int n)
    {
        var s = "abcd".Substring(n % 3);
        var x = 0;
        if ((n > 0 ? s.AsSpan() : s.AsSpan(1)) is { Length: > 1 } sp)
            x = sp[0] + Tw(1);
        else x = Tw(2);
        return x + "";
    }

    [Goroutine]
    public static string RvSpGuardSideEffects(Log log, int n)
    {
        var s = "abcd".Substring(n % 5);
        if (RStr(log, "a", s).AsSpan() is not [var first, .., var last] sp)
            return "short" + Tw(0);
        log.Add("" + first + last);
        var x = sp.Length + Tw(first);
        return x + "";
    }

    [Goroutine]
    public static string RvSpForLoopGuard(Log log, int n)
    {
        var x = 0;
        for (var i = 0; i < 3; i++)
        {
            var s = "ab".Substring(0, (i + n) % 3);
            if (s.AsSpan() is not { Length: > 0 } sp) continue;
            x += sp[0] + Tw(i);
            log.Add("k" + x);
        }
        return x + "";
    }

}

public static partial class Cases
{
    [Goroutine]
    public static string RvLoopBefore1(Log log, int n)
    {
        var s = "abcdefghij";
        var i = 0; var x = 0;
        while (log.L("t", i) < 3 + n % 2 && s.AsSpan(i) is { Length: > 0 } sp)
        {
            x += sp[0] + Tw(1);
            i++;
        }
        return x + "," + i;
    }
    [Goroutine]
    public static string RvLoopBefore2(Log log, int n)
    {
        var s = "abcdefghij";
        var x = 0;
        for (var i = 0; log.L("t", i) < 4 && s.AsSpan(i) is var sp; i++)
        {
            if (i == 1) continue;
            x += sp[0] + Tw(i);
        }
        return x + "";
    }
    [Goroutine]
    public static string RvLoopBefore3(Log log, int n)
    {
        var s = "abcdef";
        var i = 0; var x = 0;
        while (!(log.L("t", i) >= 3 || s.AsSpan(i) is not { Length: > 0 } sp))
        {
            x += sp[0] + Tw(1);
            i++;
        }
        return x + "," + i;
    }
    [Goroutine]
    public static string RvLoopBefore4(Log log, int n)
    {
        var x = 0;
        var i = 0;
        while (true)
        {
            if (log.L("t", i) >= 2 + n % 3 || "abcde".AsSpan(i) is not { Length: > 0 } sp) break;
            x += sp[0] + Tw(1);
            i++;
        }
        return x + "," + i;
    }
    [Goroutine]
    public static string RvLoopBefore5(Log log, int n)
    {
        var x = 0;
        for (var i = 0; i < 6; i++)
        {
            if (i % 2 == 0 && "abcdefg".AsSpan(i) is { Length: > 2 } sp) { x += sp[1] + Tw(1); continue; }
            else x += Tw(100);
        }
        return x + "";
    }
    [Goroutine]
    public static string RvLoopBefore6(Log log, int n)
    {
        var s = "abcdefghij";
        var i = 0; var x = 0;
        do
        {
            x += Tw(1);
            i++;
        } while (i < 3 && s.AsSpan(i) is { Length: > 0 } sp && sp[0] > 0);
        while (n >= 0 && i < 5 && s.AsSpan(i) is { Length: > 0 } sq) { x += sq[0] + Tw(2); i++; }
        return x + "," + i;
    }
}

public static partial class Cases
{
    [Goroutine]
    public static string RvSwGoto(Log log, int n)
    {
        var x = 0;
        switch (RStr(log, "g", "abcdef".Substring(n % 5)).AsSpan())
        {
            case var sp when sp.Length > 4:
                x += sp[0] + Tw(1);
                goto default;
            case ['b', ..]:
                x += Tw(2);
                break;
            case { Length: 0 }:
                x = -1;
                break;
            default:
                x += Tw(10);
                break;
        }
        return x + "";
    }
    [Goroutine]
    public static string RvSwListFirst(Log log, int n)
    {
        var x = 0;
        var s = "abc".Substring(n % 3);
        switch (s.AsSpan())
        {
            case ['a', ..]:
                x = Tw(1);
                break;
            case var sp when sp.Length == 2 && sp[0] == 'b':
                x = sp[1] + Tw(2);
                break;
            case var sp:
                log.Add("n" + sp.Length);
                x = Tw(3) + s.Length;
                break;
        }
        return x + "";
    }
    [Goroutine]
    public static string RvSwNested(Log log, int n)
    {
        var x = 0;
        foreach (var w in new[] { "ab", "cde" + n })
            switch (w.AsSpan())
            {
                case var sp when sp.Length > 2:
                    switch (sp[0])
                    {
                        case 'c': x += sp[1] + Tw(1); break;
                        default: x += Tw(2); break;
                    }
                    break;
                default:
                    x += Tw(5);
                    break;
            }
        return x + "";
    }
    [Goroutine]
    public static string RvSwTry(Log log, int n)
    {
        var x = 0;
        try
        {
            switch ("abcd".AsSpan(n % 3))
            {
                case var sp when sp.Length > 2:
                    x += sp[0] + Tw(1);
                    if (x > 0) throw new InvalidOperationException("t");
                    break;
                default: x = Tw(9); break;
            }
        }
        catch (InvalidOperationException) { x += Tw(100); }
        return x + "";
    }
    [Goroutine]
    public static string RvSwReturnInSection(Log log, int n)
    {
        switch ("abcd".AsSpan(n % 4))
        {
            case var sp when sp.Length > 1:
                var c = sp[0];
                return c + "" + Tw(1);
            case var sp:
                return sp.Length + "," + Tw(2);
        }
    }
}
