using System;
using System.Collections.Generic;
using System.Linq;

namespace GoSharp.Generator.Tests.Execution;

// Control flow around suspension points. Each case runs as a goroutine and as a plain call; the
// results and logs must be identical. Sp.* are test suspension points (see TestPrimitives.cs).
public static partial class Cases
{
    [Goroutine]
    public static int Straight(Log log, int n)
    {
        log.Add("a");
        Go.Yield();
        log.Add("b");
        var x = Sp.Val(n + 1);
        log.Add("x" + x);
        Sp.Pause();
        return x * 2;
    }

    [Goroutine]
    public static int IfElse(Log log, int n)
    {
        var r = 0;
        if (n > 0)
        {
            Sp.Pause();
            r = 1;
            log.Add("then");
        }
        else if (n == 0)
        {
            log.Add("elseif");
            r = Sp.Val(2);
        }
        else
        {
            r = 3;
        }
        if (Sp.Val(n) > 1) log.Add("big"); else { Go.Yield(); log.Add("small"); }
        return r;
    }

    [Goroutine]
    public static int While(Log log, int n)
    {
        var i = 0;
        var sum = 0;
        while (i < n + 3)
        {
            i++;
            if (i == 2) continue;
            if (i == 5) break;
            sum += Sp.Val(i);
            log.Add("i" + i);
        }
        return sum;
    }

    [Goroutine]
    public static int DoWhile(Log log, int n)
    {
        var i = 0;
        do
        {
            log.Add("do" + i);
            Sp.Pause();
            i++;
        }
        while (i < n);
        do i++; while (Sp.Val(i) < 5);
        return i;
    }

    [Goroutine]
    public static int ForNested(Log log, int n)
    {
        var total = 0;
        for (var i = 0; i < n + 2; i++)
        {
            for (int j = 0, k = 10; j < 3; j++, k--)
            {
                if (j == 1) continue;
                total += Sp.Val(i * k);
                if (total > 40) goto done;
            }
            log.Add("row" + i);
        }
    done:
        log.Add("done");
        return total;
    }

    [Goroutine]
    public static int PlainLoops(Log log, int n)
    {
        // Loops without suspension points still get preemption checks.
        var s = 0;
        for (var i = 0; i < 1000; i++) s += i % (n + 2);
        var j = 0;
        while (j < 10) { j++; if (j % 3 == 0) continue; s++; }
        foreach (var c in "hello") s += c;
        log.Add("s" + s);
        return s;
    }

    [Goroutine]
    public static int ForeachArray(Log log, int n)
    {
        var arr = new[] { 1, 2, 3, n };
        var sum = 0;
        foreach (var x in arr)
        {
            sum += Sp.Val(x);
            log.Add("x" + x);
        }
        foreach (long y in new int[] { 5, 6 }) sum += (int)y;
        return sum;
    }

    [Goroutine]
    public static int ForeachList(Log log, int n)
    {
        var list = new List<string> { "a", "b", "c" };
        var s = "";
        foreach (var x in list)
        {
            if (x == "b" && n == 1) continue;
            Go.Yield();
            s += x;
        }
        log.Add(s);
        return s.Length;
    }

    [Goroutine]
    public static int ForeachEnumerableBreak(Log log, int n)
    {
        var sum = 0;
        foreach (var x in Seqs.Count(log, 10))
        {
            if (x > n) break;
            sum += Sp.Val(x);
            log.Add("x" + x);
        }
        log.Add("after");
        return sum;
    }

    [Goroutine]
    public static int ForeachEnumerableReturn(Log log, int n)
    {
        foreach (var x in Seqs.Count(log, 5))
        {
            Sp.Pause();
            if (x == n) return x * 100;
        }
        return -1;
    }

    [Goroutine]
    public static int ForeachDictionary(Log log, int n)
    {
        var d = new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 };
        var s = 0;
        foreach (var kv in d)
        {
            s += Sp.Val(kv.Value) * (n + 1);
            log.Add(kv.Key);
        }
        foreach (var (k, v) in d.Select(p => (p.Key, p.Value)).ToList()) s += v;
        return s;
    }

    [Goroutine]
    public static int ForeachNested(Log log, int n)
    {
        var s = 0;
        foreach (var a in Seqs.Count(log, 3))
        {
            foreach (var b in Seqs.Count(log, 3))
            {
                if (b > a) break;
                if (a == n) goto outer;
                s += Sp.Val(a * 10 + b);
            }
        }
    outer:
        return s;
    }

    [Goroutine]
    public static int SwitchPatterns(Log log, int n)
    {
        object o = n switch { 0 => "zero", 1 => 1, _ => 3.5 };
        var r = 0;
        switch (o)
        {
            case string s when s.Length > 2:
                Sp.Pause();
                log.Add("str " + s);
                r = s.Length;
                break;
            case 99:
                r += 1;
                break;
            case int i:
                r = Sp.Val(i) + 10;
                log.Add("int " + i);
                goto case 99;
            case double d when d > 3:
                log.Add("double");
                Go.Yield();
                r = (int)d;
                goto default;
            default:
                log.Add("default");
                r += 100;
                break;
        }
        return r;
    }

    [Goroutine]
    public static int SwitchString(Log log, int n)
    {
        var r = 0;
        for (var i = 0; i <= n; i++)
        {
            switch (Sp.Val("k" + i))
            {
                case "k0": r += 1; break;
                case "k1": Sp.Pause(); r += 10; continue;
                default: r += 100; break;
            }
            log.Add("r" + r);
        }
        return r;
    }

    [Goroutine]
    public static int GotoLoop(Log log, int n)
    {
        var i = 0;
    again:
        i++;
        Sp.Pause();
        log.Add("i" + i);
        if (i < n + 2) goto again;
        return i;
    }

    [Goroutine]
    public static int ShadowedNames(Log log, int n)
    {
        var total = 0;
        {
            var x = 1;
            Sp.Pause();
            total += x;
        }
        {
            var x = "two";
            Sp.Pause();
            total += x.Length;
        }
        for (var i = 0; i < 2; i++) { var x = i * 100; Sp.Pause(); total += x; }
        log.Add("t" + total);
        return total + n;
    }

    [Goroutine]
    public static int OutAndPatternVars(Log log, int n)
    {
        object o = n > 0 ? n : "s";
        if (!int.TryParse((n * 7).ToString(), out var parsed)) return -1;
        Sp.Pause();
        if (o is int k)
        {
            Sp.Pause();
            log.Add("k" + k);
            parsed += k;
        }
        var ok = Dictionary().TryGetValue("a", out var v);
        Sp.Pause();
        return parsed + v + (ok ? 1 : 0);
    }

    private static Dictionary<string, int> Dictionary() => new() { ["a"] = 5 };

    [Goroutine]
    public static int CheckedOverflow(Log log, int n)
    {
        var x = int.MaxValue - 1;
        unchecked { x += Sp.Val(n); }
        log.Add("unchecked " + x);
        checked
        {
            var y = Sp.Val(int.MaxValue - 2);
            y += n;
            log.Add("y " + y);
        }
        return x;
    }

    [Goroutine]
    public static int LambdasAndLocalFunctions(Log log, int n)
    {
        var factor = Sp.Val(3);
        Func<int, int> mul = x => x * factor;
        int Add(int a) => a + factor + n;
        Sp.Pause();
        var xs = new List<int> { 1, 2, 3 }.Select(mul).Where(x => x > n).ToList();
        log.Add(string.Join(";", xs));
        return Add(xs.Sum());
    }

    [Goroutine]
    public static int ExpressionBodied(Log log, int n) => Sp.Val(n) + Sp.Val(log.L("b", 2));

    [Goroutine]
    public static void VoidMethod(Log log, int n)
    {
        log.Add("start");
        if (n == 1) return;
        Sp.Pause();
        log.Add("end");
    }

    [Goroutine]
    public static int CallsVoid(Log log, int n)
    {
        VoidMethod(log, n);
        VoidMethod(log, n + 1);
        return 7;
    }

    [Goroutine]
    public static int ReturnFromNested(Log log, int n)
    {
        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                Sp.Pause();
                if (i * j == n + 2) return i * 10 + j;
            }
        }
        return -1;
    }

    [Goroutine]
    public static int FastPath(Log log, int n)
    {
        var s = 0;
        for (var i = 0; i < n + 3; i++) s += Sp.Fast(i);
        log.Add("s" + s);
        return s;
    }

    [Goroutine]
    public static int ConstLocal(Log log, int n)
    {
        const int K = 5;
        Sp.Pause();
        var r = K + n;
        {
            const string K2 = "a";
            Sp.Pause();
            log.Add(K2);
        }
        {
            const string K2 = "bb";
            Sp.Pause();
            log.Add(K2);
            switch (n) { case K: r++; break; }
        }
        const double D = 1.5, E = -2.25;
        const char C = 'q';
        const long L = long.MaxValue;
        const float F = 0.1f;
        const double N = double.NaN, Big = 1e300;
        const decimal M = 1.25m;
        log.Add($"{D}{E}{C}{L}{F}{N}{Big}{M}{F * 3}");
        return r;
    }
}

public static partial class Cases
{
    [Goroutine]
    public static int LoopClosuresWithoutSuspension(Log log, int n)
    {
        // Loops holding lambdas but no suspension point stay plain code: each iteration keeps its own variable.
        var fs = new List<Func<int>>();
        foreach (var x in new[] { 1, 2, 3 }) fs.Add(() => x * 10);
        for (var i = 0; i < 3; i++) { var copy = i + n; fs.Add(() => copy); }
        Sp.Pause();
        var s = 0;
        foreach (var f in fs) s += f();
        log.Add("s" + s);
        return s;
    }
}

public static partial class Cases
{
    [Goroutine]
    public static int SuspendingCaseGuards(Log log, int n)
    {
        var r = 0;
        for (var k = 0; k < 4; k++)
        {
            object o = (k + n) % 3 == 0 ? (object)(k + n) : "s" + k;
            switch (o)
            {
                case int i when Sp.Val(log.L("guard1", i)) > 2:
                    r += i * 100;
                    break;
                case int i when i == 0:
                    r += 7;
                    break;
                case "s1":
                    Sp.Pause();
                    r += 1;
                    break;
                default:
                    r += 1000;
                    break;
                case string s when Sp.Val(s.Length) == 2 && log.L("guard2", s) != "":
                    r += 10;
                    goto default;
            }
        }
        return r;
    }
}

public static partial class Cases
{
    private sealed record Point(int X, int Y);

    [Goroutine]
    public static int NestedPatternVariables(Log log, int n)
    {
        object o = new Point(n, n + 1);
        var r = 0;
        if (o is Point { X: var px, Y: > 0 and var py } && px >= 0)
        {
            Sp.Pause();
            r = px * 10 + py;
        }
        {
            if (Sp.Val(o) is Point { X: var qx })
            {
                Sp.Pause();
                r += qx;
            }
        }
        if (!(o is Point(var a, var b))) return -1;
        Sp.Pause();
        log.Add($"{a},{b}");
        return r + a + b;
    }
}
