using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// [CallerLineNumber] in code the lowering copies inside lines of its own making: a switch's or switch expression's
// guard in the dispatch (MethodLowerer.MappedExpression), a statement of a lowered checked block or a braced copy
// (on the statement's first line now), a lock's body after its lowered expression; and, guarding what already
// worked, local functions, lambdas, loop heads, using, finally and query lambdas.

public static partial class Cases
{
    static int SLI(Log log, int v, [CallerLineNumber] int line = 0) { log.Add(v + "@" + line); return v; }
    sealed class SLD : IDisposable { public Log L = null!; public void Dispose() => SLI(L, 99); }

    [Goroutine]
    public static string CallerLineInStatement1(Log log, int n)
    {
        int Local(int x)
        {
            var y = SLI(log, x);
            return y +
                SLI(log, 1);
        }
        Func<int, int> lam = z =>
        {
            return SLI(log,
               z);
        };
        var a = Local(Tw(n));
        var b = lam(Tw(2));
        static int St(Log l) => SLI(l, 3);
        return a + "," + b + "," + St(log);
    }

    [Goroutine]
    public static string CallerLineInStatement2(Log log, int n)
    {
        var s = 0;
        for (var i = SLI(log, 0); i < SLI(log, 2) + Tw(0); i += SLI(log,
               1))
        {
            s += Tw(i);
        }
        var j = 0;
        while (SLI(log, j) < 2)
        {
            j += Tw(1);
        }
        do
        {
            j -= Tw(1);
        } while (SLI(log,
            j) > 0);
        foreach (var k in new[] { SLI(log, 5), 6 })
            s += Tw(k);
        return s + "";
    }

    [Goroutine]
    public static string CallerLineInStatement3(Log log, int n)
    {
        switch (Tw(n))
        {
            case 0 when SLI(log, 10) > 0:
                return "z" + SLI(log, 11);
            case int v when SLI(log,
                12) > 100:
                return "big";
            case 1:
            case 3:
                Go.Yield();
                return "o" + SLI(log, 13);
            default:
                return "d";
        }
    }

    [Goroutine]
    public static string CallerLineInStatement4(Log log, int n)
    {
        using (var d = new SLD { L = log })
        {
            SLI(log, 20 + Tw(n));
        }
        using var e = new SLD { L = log };
        lock (log)
        {
            SLI(log, 21);
        }
        SLI(log, Tw(22));
        return "u";
    }

    [Goroutine]
    public static string CallerLineInStatement5(Log log, int n)
    {
        var r = 0;
        try
        {
            r += Tw(1);
        }
        finally
        {
            SLI(log, 30);
            r += SLI(log,
                31);
        }
        try
        {
            r += 1;
        }
        finally
        {
            SLI(log, Tw(32));
        }
        return r + "";
    }

    [Goroutine]
    public static string CallerLineInStatement6(Log log, int n)
    {
        var list = new List<int> { 1, 2, 3 };
        var q = list.Where(x => SLI(log, x) > -10)
            .Select(x =>
                 SLI(log, x * 10));
        var sum = 0;
        foreach (var v in q) sum += v + Tw(0);
        checked
        {
            sum += SLI(log, 40) + Tw(1);
            unchecked { sum += SLI(log,
                41); }
        }
        return sum + "";
    }
}

public static partial class Cases
{
    static readonly object SLGate = new();

    [Goroutine]
    public static string CallerLineInStatement7(Log log, int n)
    {
        lock (Tw(SLGate)) { SLI(log, 1); SLI(log,
            2); }
        lock (Tw(SLGate))
        {
            SLI(log, 3);
        }
        lock (Tw(SLGate))
            SLI(log,
              4);
        checked
        {
            var a = SLI(log, 5) + Tw(0);
            if (a > 0) { object o = a; if (o is int q) SLI(log,
                q); }
            SLI(log, 6 +
                SLI(log, 7));
        }
        return "l";
    }

    [Goroutine]
    public static string CallerLineInStatement8(Log log, int n)
    {
        var v = Tw(n);
        var s = v switch
        {
            0 when SLI(log, 1) > 0 => "a",
            int k when SLI(log,
                2) > 100 => "b",
            _ when SLI(log, 3) > 0 &&
              SLI(log, 4) > 0 => "c" + Tw(1),
            _ => "d",
        };
        object o = v;
        { if (o is int q) SLI(log, q); }
        Go.Yield();
        { if (o is int q) SLI(log,
            q + 10); }
        return s;
    }
}
