using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team): loops around suspensions: the foreach collection evaluated once, enumerators disposed on
// every way out (break, return, an exception from MoveNext), conditions and increments that suspend, and deep
// nests of try/switch/using inside loops.
public static partial class Cases
{
    [Goroutine]
    public static string LoopForeachCollectionOnce(Log log, int n)
    {
        var arr = new[] { 1, 2, 3 };
        var s = "";
        foreach (var v in arr)
        {
            arr = new[] { 100, 200 };
            s += Tw(v) + ",";
        }
        var list = new List<int> { 1, 2 };
        foreach (var v in LoopLogged(log, list))
        {
            list = new List<int> { 9 };
            s += v + Tw(n) + ";";
        }
        foreach (var ch in Tw("ab" + n))
            s += ch;
        return s + "|" + arr.Length + list.Count;
    }

    [Goroutine]
    public static string LoopEnumeratorDisposedOnEveryExit(Log log, int n)
    {
        var s = "";
        foreach (var v in Seqs.Count(log, 5))
        {
            if (Tw(v) == n) break;
            s += v;
        }
        try
        {
            foreach (var v in LoopThrowing(log, n))
            {
                Sp.Pause();
                s += "<" + v + ">";
            }
        }
        catch (InvalidOperationException e)
        {
            s += "|" + e.Message;
        }
        s += "|" + LoopReturnFromForeach(log, n);
        return s;
    }

    [Goroutine]
    private static int LoopReturnFromForeach(Log log, int n)
    {
        foreach (var v in Seqs.Count(log, 4))
        {
            using var r = new Res(log, "r" + v);
            if (v == n) return Tw(v * 100);
        }
        return -1;
    }

    [Goroutine]
    public static string LoopSuspendingConditionsAndIncrements(Log log, int n)
    {
        var s = "";
        for (int i = 0, j = Tw(10); i < Tw(3) && j > log.L("j", i); i += Tw(1), j -= 2)
        {
            if (i == n) continue;
            s += i + ":" + j + ";";
        }
        var k = 0;
        while (Tw(k) < 10)
        {
            k += 3;
            switch (k % 2)
            {
                case 0:
                    if (k > 5 + n) goto exitWhile;
                    continue;
                default:
                    s += "odd" + k + ";";
                    break;
            }
        }
    exitWhile:
        var m = 0;
        do { m += Tw(2); } while (log.L("m", m) < n * 2);
        return s + "|" + k + "|" + m;
    }

    [Goroutine]
    public static string LoopDeepNest(Log log, int n)
    {
        var s = "";
        try
        {
            for (var i = 0; i < 3; i++)
            {
                try
                {
                    switch ((i + n) % 3)
                    {
                        case 0:
                            using (var r = new Res(log, "r" + i))
                            {
                                s += "zero" + Tw(i) + ";";
                                if (i == 2) throw new InvalidOperationException("deep" + i);
                            }
                            break;
                        case 1:
                            try { s += "one" + Tw(i) + ";"; if (n == 3) continue; }
                            finally { s += "f1;"; }
                            break;
                        default:
                            s += "two;";
                            if (Tw(i) == 1) break;
                            goto case 1;
                    }
                }
                catch (InvalidOperationException e) when (log.L("when " + e.Message, i > 1))
                {
                    s += "caught " + e.Message + ";";
                    Go.Yield();
                }
                s += "end" + i + ";";
            }
        }
        finally
        {
            log.Add("outer finally " + Tw(s.Length));
        }
        return s;
    }

    [Goroutine]
    public static string LoopLocalFunctionRecursion(Log log, int n)
    {
        var fs = new List<Func<int>>();
        for (var i = 0; i < 3; i++)
        {
            var depth = i + n;
            int Sum(int k) => k <= 0 ? 0 : k + depth * 0 + Sum(k - 1);
            fs.Add(() => Sum(depth));
            Go.Yield();
        }
        var s = "";
        foreach (var f in fs) s += f() + ",";
        return s;
    }

    private static IEnumerable<int> LoopLogged(Log log, List<int> list)
    {
        log.Add("enumerate " + list.Count);
        foreach (var v in list) yield return v;
    }

    private static IEnumerable<int> LoopThrowing(Log log, int n)
    {
        try
        {
            yield return 1;
            if (n > 0) throw new InvalidOperationException("movenext" + n);
            yield return 2;
        }
        finally
        {
            log.Add("throwing disposed");
        }
    }
}
