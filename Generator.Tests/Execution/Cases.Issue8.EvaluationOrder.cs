using System;
using System.Collections.Generic;
using System.Linq;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team): order of evaluation with several suspensions in one expression: argument lists,
// a[i()] = Tw(j()), ?:, ??, &&/||, ?., initializers, interpolation holes, with, ranges, switch expressions,
// patterns, throw expressions. Every operand logs when it runs.
public static partial class Cases
{
    [Goroutine]
    public static string OrdAssignmentTargetsFirst(Log log, int n)
    {
        var a = new int[4];
        a[log.L("i", 1)] = Tw(log.L("j", 2));
        a[Tw(log.L("k", 2))] = log.L("v", 3) + Tw(log.L("w", 4));
        var boxes = new[] { new Box(), new Box() };
        boxes[log.L("b", n % 2)].Value = Tw(log.L("bv", 5));
        OrdPick(log, boxes, 1).Name = Tw("nm") + log.L("tail", "!");
        var grid = new int[2, 2];
        grid[log.L("r", 1), Tw(log.L("c", 0))] = Tw(log.L("g", 7));
        return string.Join(",", a) + "|" + boxes[0].Value + boxes[1].Value + boxes[1].Name + "|" + grid[1, 0];
    }

    [Goroutine]
    public static string OrdShortCircuits(Log log, int n)
    {
        var s = "";
        if (log.L("a", n > 0) && Tw(log.L("b", n > 1)) || log.L("c", n == 0) && Tw(log.L("d", true)))
            s += "if;";
        var x = log.L("x", n > 2) ? Tw(log.L("t", 1)) : log.L("f", 2) + Tw(10);
        string? nul = n == 1 ? null : "v";
        var y = nul ?? Tw(log.L("fallback", "fb"));
        var z = (n > 0 ? null : Tw<string?>("zz")) ?? (n > 1 ? Tw("deep") : log.L("last", "ls"));
        var both = Tw(n) > 0 & log.L("nonshort", true) | Tw(false);
        s += x + "," + y + "," + z + "," + both;
        return s;
    }

    [Goroutine]
    public static string OrdConditionalAccess(Log log, int n)
    {
        Box? box = n > 0 ? new Box { Name = "bx", Value = n } : null;
        var a = box?.Name?.Length + Tw(1);
        var b = box?.Items.Count.ToString() + Tw("|");
        var c = Tw(box)?.Value ?? -1;
        var d = box?.Tag(Tw(log.L("tag", 3)));
        int[]? arr = n > 1 ? new[] { 5, 6 } : null;
        var e = arr?[Tw(1)];
        OrdPick(log, n > 0 ? new[] { box! } : new Box[1], 0)?.Items.Add(Tw(9));
        return $"{a},{b},{c},{d},{e},{box?.Items.FirstOrDefault()},{box?.Field}";
    }

    [Goroutine]
    public static string OrdInitializers(Log log, int n)
    {
        var box = new Box { Value = log.L("v", 1) + Tw(n), Name = Tw(log.L("nm", "n")), Field = log.L("f", 3) };
        var list = new List<int> { log.L("l1", 1), Tw(log.L("l2", 2)), log.L("l3", 3) };
        var dict = new Dictionary<string, int> { [Tw(log.L("k1", "a"))] = log.L("d1", 1), ["b"] = Tw(log.L("d2", 2)) };
        var nested = new OrdNode { Name = Tw("root"), Child = new OrdNode { Name = log.L("child", "c") + Tw(n) }, Tags = { Tw("t1"), log.L("t2", "t2") } };
        int[] arr = [log.L("e1", 1), Tw(2), .. list, Tw(n)];
        return $"{box.Value},{box.Name},{box.Field}|{string.Join(",", list)}|{dict["a"]},{dict["b"]}|{nested.Name},{nested.Child!.Name},{string.Join("/", nested.Tags)}|{string.Join(",", arr)}";
    }

    [Goroutine]
    public static string OrdInterpolationAndWith(Log log, int n)
    {
        var s = $"[{log.L("h1", 1)}|{Tw(log.L("h2", 2)),4}|{log.L("h3", 3.5):F2}|{Tw(n):D3}|{(n > 1 ? Tw("big") : "small")}]";
        var rec = new OrdRecord(1, "a");
        var changed = rec with { B = Tw(log.L("b", "bb")), A = log.L("a", 2) + Tw(n) };
        var text = $"{changed}" + Tw(";") + $"{rec with { A = Tw(9) }}";
        return s + "|" + text;
    }

    [Goroutine]
    public static string OrdRangesAndIndices(Log log, int n)
    {
        var arr = Enumerable.Range(0, 10).ToArray();
        var a = arr[log.L("from", 1)..Tw(log.L("to", 4))];
        var b = arr[^Tw(log.L("end", 2))];
        var c = arr[Tw(n)..^log.L("tail", 3)];
        var str = "abcdefgh";
        var d = str[Tw(2)..^Tw(n + 1)];
        var span = arr.AsSpan()[1..3].ToArray().Sum() + Tw(0);
        return string.Join(",", a) + "|" + b + "|" + string.Join(",", c) + "|" + d + "|" + span;
    }

    [Goroutine]
    public static string OrdSwitchExpressions(Log log, int n)
    {
        object o = n switch { 0 => 1, 1 => "one", 3 => 3.5, _ => new Box { Value = 7 } };
        var s = o switch
        {
            int i when Tw(log.L("guard int", i)) > 5 => "big int",
            int i => "int " + Tw(i),
            string t when t.Length > Tw(10) => "long",
            string t => "str " + Tw(t),
            Box { Value: > 5 } bx => "box " + bx.Value,
            _ => "other" + Tw(n),
        };
        var nested = (n % 2, Tw(n) > 1) switch
        {
            (0, true) => Tw("even big"),
            (0, _) => "even",
            (_, var big) when big => "odd big",
            _ => log.L("default", "odd"),
        };
        return s + "|" + nested;
    }

    [Goroutine]
    public static string OrdPatternsAndThrowExpressions(Log log, int n)
    {
        var s = "";
        if (Tw<object>(n) is int v and > 0 && log.L("after", v) is var w && Tw(w) < 3) s += "small " + w;
        if (Tw(new Box { Value = n, Name = "b" + n }) is { Value: >= 1, Name: { Length: 2 } nm }) s += ",prop " + nm;
        s += Tw(n) is 0 or 3 ? ",zero-or-three" : ",other";
        try
        {
            var value = n == 3 ? throw new InvalidOperationException("thrown" + Tw(n)) : Tw(n);
            var checkedValue = Tw<string?>(n == 1 ? null : "x") ?? throw new ArgumentException("null at " + log.L("where", n));
            s += "," + value + checkedValue;
        }
        catch (Exception e)
        {
            s += "," + e.GetType().Name + ":" + e.Message;
        }
        return s;
    }

    [Goroutine]
    public static string OrdArgumentListsAndOperators(Log log, int n)
    {
        var r = Sum3(log.L("p1", 1), Tw(log.L("p2", 2)), log.L("p3", 3) + Tw(log.L("p4", 4)));
        var m = log.L("m1", 2) * Tw(log.L("m2", 3)) - log.L("m3", 1) * Tw(n) / (1 + Tw(log.L("m4", 0)));
        var str = log.L("s1", "a") + Tw(log.L("s2", "b")) + log.L("s3", 1) + Tw(2) * 3;
        var cmp = log.L("c1", 5).CompareTo(Tw(log.L("c2", 4)));
        var shifted = log.L("sh", 1) << Tw(n) >> log.L("sr", 0);
        var tuple = (log.L("t1", 1), Tw(log.L("t2", 2)), log.L("t3", 3));
        var cast = (long)log.L("cast", 3) * Tw(2L) + (byte)Tw(257);
        return $"{r},{m},{str},{cmp},{shifted},{tuple},{cast}";
    }

    private static Box OrdPick(Log log, Box[] boxes, int i)
    {
        log.Add("pick " + i);
        return boxes[i];
    }
}

public sealed class OrdNode
{
    public string? Name { get; set; }
    public OrdNode? Child { get; set; }
    public List<string> Tags { get; } = new();
}

public sealed record OrdRecord(int A, string B);
