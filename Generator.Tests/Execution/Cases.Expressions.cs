using System;
using System.Collections.Generic;
using System.Linq;

namespace GoSharp.Generator.Tests.Execution;

// Spilling: operands before the last suspension point keep C#'s left-to-right evaluation order.
public static partial class Cases
{
    private static int Sum3(int a, int b, int c) => a * 100 + b * 10 + c;

    private static int[] s_array = new int[4];

    [Goroutine]
    public static int ArgumentOrder(Log log, int n)
    {
        var r = Sum3(log.L("a", 1), Sp.Val(log.L("b", n)), log.L("c", 3));
        r += Sum3(Sp.Val(4), log.L("d", 5), Sp.Val(6));
        return r;
    }

    [Goroutine]
    public static int ReceiverOrder(Log log, int n)
    {
        var list = new List<int>();
        Pick(log, list).Add(Sp.Val(n));
        Pick(log, list).Add(Sp.Val(n + 1) + log.L("after", 1));
        return list.Sum();
    }

    private static List<int> Pick(Log log, List<int> list) { log.Add("pick"); return list; }

    [Goroutine]
    public static int LogicalOperators(Log log, int n)
    {
        var a = log.L("l1", n > 0) && Sp.Val(log.L("r1", n > 1));
        var b = log.L("l2", n > 0) || Sp.Val(log.L("r2", true));
        var c = Sp.Val(n == 3) && log.L("r3", true);
        return (a ? 1 : 0) + (b ? 10 : 0) + (c ? 100 : 0);
    }

    [Goroutine]
    public static int Coalesce(Log log, int n)
    {
        string? s = n == 1 ? "one" : null;
        var t = s ?? Sp.Val("default");
        int? maybe = n > 1 ? n : null;
        var u = maybe ?? Sp.Val(-1);
        var w = Sp.Val(s) ?? "w";
        log.Add(t + u + w);
        return t.Length + u + w.Length;
    }

    [Goroutine]
    public static int Conditional(Log log, int n)
    {
        var a = n > 1 ? Sp.Val(log.L("t", 10)) : log.L("f", 20);
        var b = Sp.Val(n) == 0 ? "zero" : Sp.Val("nonzero");
        return a + b.Length;
    }

    private static int s_field;

    [Goroutine]
    public static int CompoundAssignments(Log log, int n)
    {
        var x = 5;
        x += Sp.Val(n);
        x *= Sp.Val(2);
        s_field = 1;
        s_field += Sp.Val(10);
        var box = new Box { Value = 3 };
        box.Value += Sp.Val(4);
        box.Field -= Sp.Val(1);
        s_array[n % 4] = 2;
        s_array[Index(log, n)] += Sp.Val(7);
        var s = "a";
        s += Sp.Val("b");
        log.Add(s + x + box.Value + box.Field + s_field);
        return x + s_field + box.Value + box.Field + s_array[n % 4];
    }

    private static int Index(Log log, int n) { log.Add("index"); return n % 4; }

    [Goroutine]
    public static int Initializers(Log log, int n)
    {
        var box = new Box { Value = log.L("v", 1), Name = Sp.Val("named"), Field = log.L("f", n) };
        var list = new List<int> { log.L("e1", 1), Sp.Val(2), n };
        var dict = new Dictionary<string, int> { { "a", Sp.Val(1) }, { log.L("k", "b"), 2 } };
        var arr = new[] { 1, Sp.Val(n), 3 };
        log.Add(box.Name + box.Value + box.Field);
        return list.Sum() + dict.Count + arr.Sum();
    }

    [Goroutine]
    public static string Interpolation(Log log, int n)
    {
        var s = $"a{log.L("x", n)}b{Sp.Val(n + 1),3}c{Sp.Val(2.5):F2}d";
        return s;
    }

    [Goroutine]
    public static int Tuples(Log log, int n)
    {
        var t = (log.L("a", 1), Sp.Val(n), name: "x");
        var (p, q) = (Sp.Val(3), 4);
        (p, q) = (q, p);
        log.Add($"{t.Item1},{t.Item2},{t.name},{p},{q}");
        return t.Item1 + t.Item2 + p;
    }

    [Goroutine]
    public static int IsPatterns(Log log, int n)
    {
        object o = n;
        var a = Sp.Val(o) is int i && i > 0;
        var b = Sp.Val((object)"s") is string { Length: 1 };
        var c = Sp.Val(n) is > 1 and < 10;
        return (a ? 1 : 0) + (b ? 10 : 0) + (c ? 100 : 0);
    }

    [Goroutine]
    public static int NestedSuspensionArguments(Log log, int n)
    {
        return Sp.Val(Sp.Val(n) + Sp.Val(Sp.Val(2) * 3));
    }

    [Goroutine]
    public static int MemberAccessOnResult(Log log, int n)
    {
        var len = Sp.Val("hello").Length + Sp.Val(new List<int> { 1, 2 }).Count;
        var upper = Sp.Val("abc").ToUpperInvariant();
        log.Add(upper);
        return len + n;
    }

    [Goroutine]
    public static int UnaryAndCasts(Log log, int n)
    {
        var a = -Sp.Val(n);
        var b = !Sp.Val(n > 0);
        var c = (long)Sp.Val(n) * 2;
        var d = (Sp.Val(n) + 1) * (Sp.Val(2) - 1);
        return a + (b ? 1 : 0) + (int)c + d;
    }

    [Goroutine]
    public static int SwitchExpressionGoverning(Log log, int n)
    {
        var s = Sp.Val(n) switch { 0 => "zero", 1 => "one", _ => "many" };
        log.Add(s);
        return s.Length;
    }

    [Goroutine]
    public static int ElementAccess(Log log, int n)
    {
        var arr = new[] { 10, 20, 30, 40 };
        var x = arr[Sp.Val(n % 4)];
        var y = Sp.Val(arr)[1];
        arr[Sp.Val(0)] = Sp.Val(99);
        return x + y + arr[0];
    }

    [Goroutine]
    public static int AssignmentAsValue(Log log, int n)
    {
        int a;
        var b = (a = Sp.Val(n)) + 1;
        return a + b;
    }

    private static string? s_cached;

    [Goroutine]
    public static int CoalesceAssignment(Log log, int n)
    {
        string? a = n == 1 ? "set" : null;
        a ??= Sp.Val("filled");
        int? b = n > 1 ? n : null;
        var c = b ??= Sp.Val(7);
        s_cached = null;
        s_cached ??= Sp.Val("x" + n);
        s_cached ??= Sp.Val("never");
        var box = new Box();
        box.Name ??= Sp.Val(log.L("name", "nm"));
        log.Add(a + b + c + s_cached + box.Name);
        return a.Length + c + s_cached.Length;
    }

    [Goroutine]
    public static int ConditionalAccess(Log log, int n)
    {
        string? s = n == 0 ? null : "abc" + n;
        var i = s?.IndexOf(Sp.Val("c"));
        var len = Sp.Val(s)?.Length;
        Box? box = n > 1 ? new Box { Items = { 1, 2 } } : null;
        box?.Items.Add(Sp.Val(5));
        var count = box?.Items.Count ?? -1;
        var nested = Sp.Val(box)?.Name?.Length;
        int[]? arr = n == 3 ? new[] { 7, 8 } : null;
        var el = arr?[Sp.Val(1)];
        log.Add($"{i},{len},{count},{nested},{el}");
        return (i ?? -5) + (len ?? -7) + count + (el ?? 0);
    }

    [Goroutine]
    public static int SuspendingSwitchExpression(Log log, int n)
    {
        var total = 0;
        for (var k = 0; k < 5; k++)
        {
            object o = k % 2 == 0 ? k + n : "s" + k;
            var v = o switch
            {
                int i when Sp.Val(i) > 3 => i * 10,
                int i => Sp.Val(i) + log.L("int", 1),
                string { Length: > 1 } s => s.Length + Sp.Val(100),
                _ => -1,
            };
            log.Add("v" + v);
            total += v;
        }
        try
        {
#pragma warning disable CS8509 // not exhaustive: on purpose, no arm matches
            var bad = Sp.Val(n) switch { 100 => Sp.Val(1), 200 => 2 };
#pragma warning restore CS8509
            total += bad;
        }
        catch (System.Runtime.CompilerServices.SwitchExpressionException)
        {
            log.Add("no arm");
        }
        return total;
    }

    private static event Action<string>? s_changed;

    private static Action<string> Handler(Log log, string name) { log.Add("make " + name); return v => log.Add(name + ":" + v); }

    [Goroutine]
    public static int EventSubscriptions(Log log, int n)
    {
        s_changed = null;
        s_changed += Handler(log, Sp.Val("a" + n));
        var h = Handler(log, "b");
        s_changed += h;
        s_changed?.Invoke("one");
        s_changed -= Sp.Val(h);
        s_changed?.Invoke("two");
        s_changed = null;
        return n;
    }
}
