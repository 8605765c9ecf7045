using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team): instance [Goroutine] methods (implicit this in compound assignments, lambdas capturing
// this, overloads with named arguments, recursion), generic methods with constraints, switch guards that
// suspend with pattern variables captured by lambdas.
public static partial class Cases
{
    [Goroutine]
    public static string InstImplicitThisAndCaptures(Log log, int n)
    {
        var acc = new InstAccumulator(log, n);
        var s = acc.Run(3);
        s += "|" + acc.Total + "|" + acc.Describe();
        return s;
    }

    [Goroutine]
    public static string InstOverloadsAndRecursion(Log log, int n)
    {
        var s = InstOver(log, 1) + "," + InstOver(log, "s") + "," + InstOver(log, b: Tw(2), a: log.L("a", 3));
        s += "|" + InstFib(log, n + 4);
        return s;
    }

    [Goroutine]
    private static string InstOver(Log log, int a) { Sp.Pause(); return "int" + a; }

    [Goroutine]
    private static string InstOver(Log log, string a) { Sp.Pause(); return "str" + a; }

    [Goroutine]
    private static string InstOver(Log log, int a, int b) { Go.Yield(); return "two" + a + b; }

    [Goroutine]
    private static int InstFib(Log log, int k)
    {
        if (k < 2) return Tw(k);
        var r = InstFib(log, k - 1) + InstFib(log, k - 2);
        if (k == 5) log.Add("fib5=" + r);
        return r;
    }

    [Goroutine]
    public static string InstGenericConstraints(Log log, int n)
    {
        var a = InstMake<InstDerived>(log, n).Value;
        var b = InstSum(new List<int> { 1, Tw(2), n });
        var c = InstSum(new[] { 1.5, 2.5 });
        var d = InstDefault<int>() + InstDefault<string>()?.Length ?? -1;
        return $"{a},{b},{c},{d}";
    }

    [Goroutine]
    private static T InstMake<T>(Log log, int v) where T : InstBase, new()
    {
        var t = new T();
        t.Value = Tw(v) + 1;
        log.Add("made " + typeof(T).Name);
        return t;
    }

    [Goroutine]
    private static double InstSum<T>(IEnumerable<T> items) where T : struct, IConvertible
    {
        var total = 0.0;
        foreach (var item in items)
            total += Tw(item).ToDouble(null);
        return total;
    }

    [Goroutine]
    private static T? InstDefault<T>()
    {
        Go.Yield();
        return default;
    }

    [Goroutine]
    public static string InstSwitchGuardsAndCaptures(Log log, int n)
    {
        var fs = new List<Func<string>>();
        object[] items = { 1, "two", 3.0, n, "five" };
        foreach (var item in items)
        {
            switch (item)
            {
                // Lambdas capture case labels' pattern variables (each execution of the switch its own) and
                // the sections' locals.
                case int i when Tw(i) > n:
                    var big = i;
                    fs.Add(() => "int>" + big + i);
                    break;
                case int i:
                    var small = i * 10;
                    fs.Add(() => "int" + small + i);
                    goto default;
                case string s when s.Length > Tw(3):
                    fs.Add(() => "long " + s);
                    break;
                case string s:
                    var upper = s.ToUpperInvariant();
                    Go.Yield();
                    fs.Add(() => upper + s.Length);
                    break;
                default:
                    log.Add("default " + item);
                    break;
            }
        }
        var r = "";
        foreach (var f in fs) r += f() + ",";
        return r;
    }

    [Goroutine]
    public static string InstCaseLabelCapturesWithoutGuards(Log log, int n)
    {
        // No guard suspends: the original switch dispatches, copying the label's variables into the environment.
        var fs = new List<Func<string>>();
        foreach (var o in new object[] { n, "x" + n, (n, 2) })
        {
            switch (o)
            {
                case int k:
                    Go.Yield();
                    fs.Add(() => "k" + k);
                    break;
                case string t when t.Length > 1:
                    fs.Add(() => "t" + t);
                    Sp.Pause();
                    break;
                case (int a, int b):
                    fs.Add(() => "ab" + a + b);
                    break;
            }
        }
        var r = "";
        foreach (var f in fs) r += f() + ",";
        return r;
    }
}

public sealed partial class InstAccumulator(Log log, int start)
{
    private readonly Log _log = log;
    private int _total = start;
    private readonly List<Func<int>> _readers = new();

    public int Total => _total;

    [Goroutine]
    public string Run(int rounds)
    {
        var s = "";
        for (var i = 0; i < rounds; i++)
        {
            _total += Sp.Val(i) * 2 + 1;
            _total *= 1 + Sp.Val(1) - 1;
            var snapshot = _total;
            _readers.Add(() => _total - snapshot + i);
            this._total -= Tw(1);
            s += snapshot + ";";
        }
        _log.Add("ran " + _total);
        return s;
    }

    [Goroutine]
    public string Describe()
    {
        var parts = new List<string>();
        foreach (var r in _readers) parts.Add(Tw(r()).ToString());
        return string.Join(",", parts);
    }

    private static int Tw(int v) => Sp.Val(v);
}

public class InstBase { public int Value { get; set; } }

public sealed class InstDerived : InstBase { }
