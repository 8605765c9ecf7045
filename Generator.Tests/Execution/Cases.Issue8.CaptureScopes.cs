using System;
using System.Collections.Generic;
using System.Linq;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team): block-scoped captures of reference locals across suspensions, per-iteration captures
// in for/foreach/while/do, closures in nested loops; each closure runs after the loops, so it shows which
// variable it captured.
public static partial class Cases
{
    [Goroutine]
    public static string CapBlockLocalOutlivesBlock(Log log, int n)
    {
        Func<string> f;
        Func<string>? g = null;
        {
            var s = "v" + n;
            var list = new List<string> { "l" };
            f = () => s + list.Count;
            Go.Yield();
            s += Tw("!");
            list.Add("m");
        }
        if (n > 0)
        {
            var t = new string('t', n);
            g = () => t;
            t += Tw("+");
        }
        Go.Yield();
        {
            var s = "other";
            log.Add(s + Tw(1));
        }
        return f() + "|" + (g?.Invoke() ?? "none");
    }

    [Goroutine]
    public static string CapForBodyAndForVariable(Log log, int n)
    {
        var fs = new List<Func<string>>();
        for (int i = 0, k = 10; i < 3; i++, k += Tw(1))
        {
            var j = i * 2;
            var o = new object[] { "o" + i };
            fs.Add(() => $"{i}/{j}/{k}/{o[0]}");
            Go.Yield();
            j += Tw(100);
        }
        return string.Join(",", fs.Select(f => f()));
    }

    [Goroutine]
    public static string CapWhileAndDo(Log log, int n)
    {
        var fs = new List<Func<int>>();
        var k = 0;
        while (k < 3)
        {
            var c = k * 10;
            k++;
            fs.Add(() => c + k);
            Tw(0);
            c++;
        }
        do
        {
            var t = k;
            fs.Add(() => t);
            if (t == 4) continue;
            t += 1000;
        }
        while (Tw(++k) < 6 + n);
        return string.Join(",", fs.Select(f => f()));
    }

    [Goroutine]
    public static string CapNestedLoopsShareOuter(Log log, int n)
    {
        var fs = new List<Func<int>>();
        foreach (var x in new[] { 1, 2 })
        {
            var sum = 0;
            foreach (var y in new[] { 10, 20 })
            {
                var p = x * y;
                fs.Add(() => sum += p);
                Go.Yield();
            }
            for (var z = 0; z < n; z++)
            {
                var q = Tw(z);
                fs.Add(() => sum * 1000 + q);
            }
            fs.Add(() => sum);
        }
        return string.Join(",", fs.Select(f => f()));
    }

    [Goroutine]
    public static string CapCatchAndPatternVariables(Log log, int n)
    {
        var fs = new List<Func<string>>();
        object[] items = { "a", 1, "bb", 2.5 };
        for (var i = 0; i <= n && i < items.Length; i++)
        {
            try
            {
                if (items[i] is string s) fs.Add(() => "str " + s);
                Tw(0);
                if (items[i] is not string) throw new InvalidOperationException("not string " + items[i]);
            }
            catch (InvalidOperationException e)
            {
                Sp.Pause();
                fs.Add(() => e.Message);
            }
        }
        return string.Join(",", fs.Select(f => f()));
    }

    [Goroutine]
    public static string CapSwitchSectionAndUsing(Log log, int n)
    {
        var fs = new List<Func<string>>();
        for (var i = 0; i < 3; i++)
        {
            switch ((i + n) % 3)
            {
                case 0:
                    var a = "zero" + i;
                    fs.Add(() => a);
                    Go.Yield();
                    break;
                case 1:
                    {
                        using var r = new Res(log, "r" + i);
                        fs.Add(() => r.ToString()!.Length > 0 ? "res" + i : "");
                        Tw(1);
                        break;
                    }
                default:
                    var b = Tw("two") + i;
                    fs.Add(() => b);
                    break;
            }
        }
        return string.Join(",", fs.Select(f => f()));
    }

    [Goroutine]
    public static string CapLocalFunctionsAndNestedLambdas(Log log, int n)
    {
        var fs = new List<Func<int>>();
        foreach (var x in new[] { 1, 2, 3 })
        {
            var y = x * 10;
            int L() => x + y;
            fs.Add(() => L());
            fs.Add(() => { Func<int> g = () => y + x * 100; return g(); });
            Go.Yield();
            y += n;
        }
        return string.Join(",", fs.Select(f => f()));
    }

    [Goroutine]
    public static string CapDeferredQueryInLoop(Log log, int n)
    {
        var queries = new List<IEnumerable<int>>();
        for (var k = 0; k < 3; k++)
        {
            var bound = Tw(k);
            var arr = new[] { 0, 1, 2, 3 };
            queries.Add(from v in arr where v > bound select v + bound * 10);
            bound += n;
        }
        return string.Join("|", queries.Select(q => string.Join(",", q)));
    }

    [Goroutine]
    public static string CapModifiedThroughClosureAcrossSuspension(Log log, int n)
    {
        var s = "";
        for (var i = 0; i < 2; i++)
        {
            var count = 0;
            Action inc = () => count++;
            inc();
            Go.Yield();
            inc();
            count += Tw(10);
            inc();
            s += count + ";";
        }
        var total = n;
        Action add = () => total += 5;
        add();
        total *= Tw(2);
        add();
        return s + total;
    }

    [Goroutine]
    public static string CapOutVarAndPatternInLoop(Log log, int n)
    {
        var fs = new List<Func<string>>();
        foreach (var text in new[] { "1", "x", "3" })
        {
            if (int.TryParse(text, out var v)) fs.Add(() => "v" + v);
            var w = Tw(text) is { Length: 1 } one ? one : "?";
            fs.Add(() => w + n);
        }
        return string.Join(",", fs.Select(f => f()));
    }

    [Goroutine]
    public static string CapNestedForVariableSharedPerExecution(Log log, int n)
    {
        // The inner for's variable is one variable per execution of the inner for statement: the closures of
        // one outer iteration share it (its last value), those of another outer iteration do not.
        var fs = new List<Func<int>>();
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 2 + n % 2; j++)
            {
                fs.Add(() => i * 100 + j);
                Tw(0);
            }
        }
        return string.Join(",", fs.Select(f => f()));
    }

    [Goroutine]
    public static string CapSiblingBlocksSameNames(Log log, int n)
    {
        var fs = new List<Func<string>>();
        for (var k = 0; k < 2; k++)
        {
            {
                var v = "a" + k;
                fs.Add(() => v);
                Go.Yield();
                v += "!";
            }
            {
                var v = Tw("b") + k;
                fs.Add(() => v);
            }
            if (k == n % 2)
            {
                var v = k * 10;
                fs.Add(() => "c" + v);
                v += Tw(1);
            }
        }
        return string.Join(",", fs.Select(f => f()));
    }
}
