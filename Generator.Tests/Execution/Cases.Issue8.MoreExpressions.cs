using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8, "refused, but C# async accepts it": ++/-- over an operand with a suspension, with expressions,
// index initializers, ranges and throw expressions with suspension points.
public static partial class Cases
{
    [Goroutine]
    public static int IncrementWithSuspendingOperand(Log log, int n)
    {
        var a = new[] { 10, 20, 30 };
        a[Tw(0)]++;
        var old = a[log.L("i", Tw(1))]--;
        var pre = ++a[Tw(n % 3)];
        var box = new Box { Value = n, Field = 5 };
        var boxes = new[] { box };
        boxes[Tw(0)].Value++;
        var f = --boxes[log.L("j", 0)].Field + Tw(100);
        var d = new Dictionary<string, int> { ["k"] = n };
        d[Tw("k")]++;
        checked { a[Tw(2)]--; }
        log.Add($"{a[0]},{a[1]},{a[2]},{old},{pre},{box.Value},{box.Field},{f},{d["k"]}");
        return a[0] + a[1] + a[2] + old + pre + box.Value + f + d["k"];
    }

    public sealed record TaggedPair(int X, int Y)
    {
        public string Tag { get; init; } = "";
    }

    public readonly record struct ValuePair(int X, int Y);

    [Goroutine]
    public static string WithExpressions(Log log, int n)
    {
        var p = new TaggedPair(1, 2);
        var q = p with { X = Tw(n + 5) };
        var r = q with { Tag = log.L("tag", "t" + n), Y = q.X + Tw(1) };
        var v = new ValuePair(n, n) with { Y = Tw(7) };
        var s = Tw(p) with { Tag = "s" };
        return $"{p}|{q}|{r}|{v}|{s}";
    }

    [Goroutine]
    public static string IndexInitializers(Log log, int n)
    {
        var d = new Dictionary<string, int> { ["a"] = Tw(n), [log.L("key", "b")] = log.L("value", 2), [Tw("c")] = 3 };
        var arr = new int[3];
        var holder = new Dictionary<int, string> { [Tw(1)] = "one", [n + 10] = "x" + Tw(n) };
        log.Add(string.Join(",", d) + ";" + string.Join(",", holder) + arr.Length);
        return d["a"] + "," + d["b"] + "," + d["c"] + "," + holder[1];
    }

    [Goroutine]
    public static string RangesWithSuspensions(Log log, int n)
    {
        var a = new[] { 1, 2, 3, 4, 5, 6 };
        var s1 = a[Tw(0)..^1];
        var s2 = a[..Tw(n + 1)];
        var s3 = a[log.L("from", 1)..^Tw(2)];
        var text = "goroutine"[Tw(1)..(n + 3)];
        var r = Tw(1)..;
        return string.Join(",", s1) + "|" + string.Join(",", s2) + "|" + string.Join(",", s3) + "|" + text + "|" + a[r].Length;
    }

    [Goroutine]
    private static int ThrowsFromExpressionBody(int n) => throw new InvalidOperationException("body" + Tw(n));

    [Goroutine]
    public static string ThrowExpressionsWithSuspensions(Log log, int n)
    {
        var r = "";
        try { r += ThrowsFromExpressionBody(n); }
        catch (InvalidOperationException e) { r += e.Message; }
        string? maybe = n > 0 ? "v" + n : null;
        try { r += maybe ?? throw new ArgumentException("missing" + Tw(n)); }
        catch (ArgumentException e) { r += e.Message; }
        try
        {
            r += n switch
            {
                0 => throw new FormatException("zero" + Tw(0)),
                1 => "one" + Tw(1),
                _ => "many",
            };
        }
        catch (FormatException e) { r += e.Message; }
        return r;
    }

    public sealed class Node
    {
        private readonly Log? _log;
        private readonly Node? _child;

        public Node() { }

        public Node(Log log, int depth) { _log = log; if (depth > 0) _child = new Node(log, depth - 1); }

        public int X { get; set; }
        public List<int> Items { get; } = new();

        /// <summary>Logs each read: C# reads it again for every element of a nested initializer.</summary>
        public Node Child { get { _log?.Add("get Child"); return _child!; } }
    }

    [Goroutine]
    public static string NestedObjectInitializers(Log log, int n)
    {
        var node = new Node(log, 2)
        {
            X = log.L("x", 1),
            Child = { X = Tw(n + 2), Items = { log.L("i", 5), Tw(6) }, Child = { X = Tw(7) } },
            Items = { Tw(n), n + 1 },
        };
        return $"{node.X},{node.Child.X},{string.Join("+", node.Child.Items)},{node.Child.Child.X},{string.Join("+", node.Items)}";
    }

    public struct Vec
    {
        public int X;
        public int Y;
        public Inner In;

        public struct Inner { public int Z; }

        public override readonly string ToString() => $"({X},{Y},{In.Z})";
    }

    public sealed class VecHolder { public Vec V; }

    private static Vec s_vec;

    [Goroutine]
    public static string WritesToFieldsOfStructVariables(Log log, int n)
    {
        var p = new Vec { X = 1 };
        p.X = Tw(n + 3);
        p.Y += Tw(2);
        p.In.Z = log.L("z", 4) + Tw(1);
        var arr = new Vec[2];
        arr[Tw(1)].X = log.L("ax", 9);
        arr[log.L("index", 0)].In.Z -= Tw(5);
        var holder = new VecHolder();
        holder.V.Y = Tw(6);
        s_vec = default;
        s_vec.X = Tw(n);
        return $"{p}|{arr[0]}{arr[1]}|{holder.V}|{s_vec}";
    }

    [Goroutine]
    public static string CollectionExpressionsWithSpreads(Log log, int n)
    {
        int[] a = [1, 2];
        List<int> b = [.. a, Tw(n), .. log.L("spread", new[] { 7, 8 })];
        int[] c = [.. Tw(a), .. b, n + 1];
        IEnumerable<int> d = [Tw(0), .. c[..Tw(2)]];
        return string.Join(",", b) + "|" + string.Join(",", c) + "|" + string.Join(",", d);
    }
}
