using System;
using System.Collections.Generic;
using System.Linq;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team): arguments are evaluated in source order whatever the parameter order (named arguments),
// omitted optional parameters get their defaults, params arrays and collections collect the arguments (an
// array passed as itself is not copied), and ref/in/out arguments name the variable the call sees.
public static partial class Cases
{
    [Goroutine]
    public static string ArgNamedToPlainMethods(Log log, int n)
    {
        var s = ArgPlain(c: Tw(log.L("c", 3)), a: log.L("a", 1), b: Tw(log.L("b", n)));
        s += "|" + ArgPlain(b: log.L("b2", 5), c: log.L("c2", 6), a: Tw(log.L("a2", 4)));
        s += "|" + ArgPlain(log.L("a3", 7), c: Tw(log.L("c3", 9)), b: log.L("b3", 8));
        s += "|" + ArgDefaults(tail: Tw("t"), head: log.L("h", n));
        return s;
    }

    [Goroutine]
    public static string ArgNamedToGoroutinesAndOptionals(Log log, int n)
    {
        var s = ArgGoDefaults(log, z: Tw(log.L("z", 2.5)), x: log.L("x", n));
        s += "|" + ArgGoDefaults(log);
        s += "|" + ArgGoDefaults(log, kind: ArgKind.C, m: Tw(1.25m), x: 7);
        s += "|" + ArgGoDefaults(name: log.L("name", "nm"), log: log, q: Tw<int?>(n));
        return s;
    }

    [Goroutine]
    private static string ArgGoDefaults(Log log, int x = 1, double z = 0.5, string? name = null, ArgKind kind = ArgKind.B,
        decimal m = 1.1m, int? q = null, DateTime when = default, string text = "t\"q")
    {
        Sp.Pause();
        return $"{x},{z},{name ?? "null"},{kind},{m},{q?.ToString() ?? "null"},{when.Ticks},{text}";
    }

    [Goroutine]
    public static string ArgParamsArrays(Log log, int n)
    {
        var s = ArgGoSum(log, "a") + "," + ArgGoSum(log, "b", 1, Tw(2), log.L("three", 3));
        var arr = new[] { 10, 20 };
        s += "," + ArgGoSum(log, "c", arr);
        s += "|" + string.Join(",", arr);
        s += "," + ArgGoSum(log, Tw("d"), null!);
        s += "," + ArgPlainSum(Tw(n), 5, Tw(6));
        s += "," + ArgPlainSum();
        s += "," + string.Format("{0}-{1}-{2}-{3}", Tw(1), n, Tw("x"), 'y');
        return s;
    }

    [Goroutine]
    private static int ArgGoSum(Log log, string tag, params int[] values)
    {
        Sp.Pause();
        if (values is null) { log.Add(tag + " null"); return -1; }
        log.Add(tag + " " + values.Length);
        if (values.Length > 0) values[0] = -values[0];
        return values.Sum();
    }

    [Goroutine]
    public static string ArgParamsCollections(Log log, int n)
    {
        var s = ArgGoList(log, 1, Tw(2), n) + "," + ArgGoList(log);
        s += "," + ArgGoEnumerable(Tw(3), log.L("four", 4));
        s += "," + ArgPlainSpan(Tw(n), 2, Tw(3)) + "," + ArgPlainSpan();
        s += "," + ArgPlainReadOnlyList(Tw(5), n);
        return s;
    }

    [Goroutine]
    private static int ArgGoList(Log log, params List<int> values)
    {
        Sp.Pause();
        log.Add("list " + values.Count);
        return values.Sum();
    }

    [Goroutine]
    private static int ArgGoEnumerable(params IEnumerable<int> values)
    {
        Go.Yield();
        return values.Sum() * 2;
    }

    [Goroutine]
    public static string ArgRefInOut(Log log, int n)
    {
        var x = n;
        ArgInc(ref x, Tw(5));
        var arr = new[] { 1, 2, 3 };
        ArgInc(ref arr[Tw(1)], Tw(10));
        var first = arr;
        ArgInc(ref arr[0], Tw((arr = new[] { 100 }).Length));
        var p = new CmpPoint { X = 1 };
        ArgInc(ref p.X, Tw(n));
        var box = new Box();
        ArgInc(ref box.Field, Tw(4) * 2);
        var total = ArgIn(in x, Tw(2)) + ArgIn(Tw(3), 4);
        ArgSplit(Tw(n * 10 + 7), out var tens, out arr[Tw(0)]);
        var ok = int.TryParse(Tw("4" + n), out var parsed);
        return $"{x}|{string.Join(",", first)}|{string.Join(",", arr)}|{p.X}|{box.Field}|{total}|{tens}|{ok},{parsed}";
    }

    [Goroutine]
    public static string ArgRefSeesLaterArguments(Log log, int n)
    {
        // The callee reads through the ref after every argument ran: it sees what later arguments did.
        var x = 1;
        var seen = ArgReadRef(ref x, Tw(x = 50 + n), x);
        var arr = new[] { 1, 2 };
        var i = 0;
        var seen2 = ArgReadRef(ref arr[i], Tw(i = 1), i);
        var y = 2;
        var seen3 = ArgIn(in y, Tw(y = 7 + n)) + ArgIn(y, Tw(y = 9));
        var p = new CmpPoint { X = 3 };
        var seen4 = ArgInPoint(p, Tw(p.X = 40 + n));
        return seen + "|" + seen2 + "|" + x + "|" + string.Join(",", arr) + "|" + seen3 + "|" + seen4;
    }

    [Goroutine]
    public static string ArgExtensionAndInstanceReceivers(Log log, int n)
    {
        var box = new Box { Field = 0 };
        var r = box.Tag(Tw(n)) + box.Tag(log.L("tag", 2));
        var sb = new System.Text.StringBuilder();
        sb.Append(Tw("a")).Append(n).Append(Tw('c')).Insert(index: Tw(0), value: log.L("ins", "<"));
        var words = new List<string> { "b", "a" };
        var joined = string.Join(separator: Tw("-"), values: words.OrderBy(w => w));
        return r + "|" + box.Field + "|" + sb + "|" + joined;
    }

    private static string ArgPlain(int a, int b, int c) => $"{a}{b}{c}";

    private static string ArgDefaults(int head, string mid = "m", string tail = "") => head + mid + tail;

    private static int ArgPlainSum(params int[] values) => values.Sum();

    private static int ArgPlainSpan(params ReadOnlySpan<int> values)
    {
        var t = 0;
        foreach (var v in values) t = t * 10 + v;
        return t;
    }

    private static int ArgPlainReadOnlyList(params IReadOnlyList<int> values) => values.Count * 100 + values[0];

    private static void ArgInc(ref int x, int by) => x += by;

    private static int ArgIn(in int x, int y) => x * 10 + y;

    private static int ArgInPoint(in CmpPoint p, int y) => p.X * 100 + y;

    private static void ArgSplit(int v, out int tens, out int ones) { tens = v / 10; ones = v % 10; }

    private static int ArgReadRef(ref int x, int a, int b) => x * 10000 + a * 100 + b;
}

public enum ArgKind { A, B, C }
