using System;

namespace GoSharp.Generator.Tests.Execution;

// What the random draw families of ExpressionPropertyTests (Handlers, Loops, Switches, Places, Calls, Values) and the
// probes written beside them found, written out.
public static partial class Cases
{
    // A list pattern with no slice fixes the list's length on the path that passed its length test; there C#'s DAG
    // takes an element read from the start and the same element from the end (at that length) in a later arm as one
    // read. A switch whose guard suspends read [1] for the first arm and [^1] again for the second (DagList's indexer
    // logs and counts its reads: the second read also gave another value).
    [Goroutine]
    public static string Or28ListElementFromBothEnds(Log log, int n)
    {
        var a = new DagList(log, 1, n) switch
        {
            [1, var b] when Tw(b) == 3 => "b" + b,
            [.., var last] => "last" + last,
            _ => "none",
        };
        var c = new DagList(log, n + 2) switch
        {
            [var only] when Tw(only) > 100 => "only",
            [.., var end] => "end" + end,
            _ => "none",
        };
        var r = "";
        switch (new DagList(log, n, n + 1))
        {
            case [_, var second] when Tw(second) > 10:
                r = "s" + second;
                break;
            case [var first, ..] when Tw(first) > 10:
                r = "f" + first;
                break;
            case [.., var z]:
                r = "z" + z;
                break;
        }
        return a + "," + c + "," + r;
    }

    private static int Or28Index(Log log, int i) { log.Add("ix" + i); return ((i % 3) + 3) % 3; }

    private static int Or28Two(int a, out int b) { b = a + 1; return a; }

    // A ref or span local whose initializer declares an out or pattern variable (an `out var`, an `is var`, a switch
    // expression arm's variable), used before the next suspension point and dead at it, is accepted as async accepts
    // it, when no later statement mentions that variable: it was GOSH0008 whatever the variable's use.
    [Goroutine]
    public static string Or28RefLocalDeclaringVariables(Log log, int n)
    {
        var arr = new[] { 1, 2, 3 };
        var x = n;
        {
            ref int r1 = ref arr[Or28Index(log, 7 switch { var w when w > x++ => w, _ => log.L("l", 3) })];
            r1 += 5;
            x += r1;
            Tw(1);
            x += Tw(x);
        }
        {
            ref int r2 = ref arr[int.TryParse("" + n, out var i) ? i % 3 : 0];
            r2 += 10;
            Tw(2);
        }
        {
            Span<int> sp = arr.AsSpan(n is var k && k > 1 ? 1 : 0);
            sp[0] += 100;
            x += Tw(sp.Length);
        }
        for (var t = 0; t < 2; t++)
        {
            ref int r3 = ref arr[Or28Two(t, out var u) + u * 0];
            r3 += t;
            x += Tw(r3);
        }
        return x + ";" + string.Join("/", arr);
    }

    public sealed record Or28Rec
    {
        private readonly Log _log;
        private readonly int _a;
        private readonly string _b = "";
        public Or28Rec(Log log, int a, string b) { _log = log; _a = a; _b = b; }
        public int A { get => _a; init { _log.Add("initA" + value); _a = value; } }
        public string B { get => _b; init { _log.Add("initB" + value); _b = value; } }
    }

    // A with expression on a record class (no copy constructor of its own) whose init accessors log: C# runs each
    // accessor right after its value, before the next value. The frame cloned the record again with all the values
    // once the last one had suspended, so B's accessor ran after A's value (and its suspension point).
    [Goroutine]
    public static string Or28WithInitAccessorOrder(Log log, int n)
    {
        var r = new Or28Rec(log, 1, "r");
        var q = r with { B = "q" + n, A = Tw(log.L("a", n)) };
        var p = q with { A = Tw(n + 1), B = "p" + log.L("b", q.A) };
        return q.A + q.B + "," + p.A + p.B + "," + r.A + r.B;
    }
}
