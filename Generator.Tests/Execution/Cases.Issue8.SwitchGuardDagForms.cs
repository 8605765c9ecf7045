using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8: more forms of a switch whose 'when' clause suspends over shared reads with side effects (see
// Cases.Issue8.SwitchGuardDag.cs): an extension Deconstruct, nullable and tuple subjects, var designations,
// List<T> and array slices a guard changes, a switch inside a guard, and a getter that throws in one run of a
// switch in a loop (the next run starts with nothing read).
public static partial class Cases
{
    internal sealed class DagPair
    {
        public readonly Log Log;
        public int A, B;
        public DagPair(Log log, int a, int b) { Log = log; A = a; B = b; }
    }

    private readonly struct DagRecordStruct
    {
        private readonly Log _log;
        public DagRecordStruct(Log log, int v) { _log = log; Value = v; }
        public int Value { get; }
        public int Twice { get { _log.Add("Twice"); return Value * 2; } }
        public void Deconstruct(out int v, out int twice) { _log.Add("DeconstructStruct"); v = Value; twice = Twice; }
    }

    private sealed class DagThrows
    {
        private readonly Log _log;
        private int _calls;
        public DagThrows(Log log) { _log = log; }
        public int X { get { _log.Add("X" + _calls); if (++_calls == 2) throw new InvalidOperationException("getter"); return _calls; } }
        public int Y { get { _log.Add("Y" + _calls); return _calls * 10; } }
    }

    [Goroutine]
    public static string DagExtensionDeconstruct(Log log, int n)
    {
        var p = new DagPair(log, n, n + 1);
        var a = p switch
        {
            (var x, _) when Tw(x) > 2 => "big" + x,
            (1, var y) => "one" + y,
            (_, var y) when Tw(y) == 1 => "y1",
            var (x, y) => "pair" + x + y,
        };
        return a;
    }

    [Goroutine]
    public static string DagExtensionProperty(Log log, int n)
    {
        var p = new DagPair(log, n, 1);
        var a = p switch
        {
            { Sum: var s } when Tw(s) > 3 => "big" + s,
            { Sum: 1 } => "one",
            { Sum: var s, A: var x } => "s" + s + "a" + x,
        };
        return a;
    }

    [Goroutine]
    public static string DagNullableStruct(Log log, int n)
    {
        DagStruct? s = n == 1 ? null : new DagStruct(log, n);
        var a = s switch
        {
            { V: var v } when Tw(v) > 2 => "big" + v,
            { V: 0 } => "zero",
            null => "null",
            { V: var v } => "v" + v,
        };
        DagRecordStruct? r = new DagRecordStruct(log, n);
        var b = r switch
        {
            (var v, _) when Tw(v) > 2 => "bigr",
            (_, 2) => "two",
            { Twice: var t } => "t" + t,
            null => "null",
        };
        return a + "|" + b;
    }

    [Goroutine]
    public static string DagTupleSubject(Log log, int n)
    {
        var t = (first: new DagDerived(log, n), k: n);
        var a = t switch
        {
            ({ X: var x }, _) when Tw(x) > 2 => "big" + x,
            ({ X: 1 }, 1) => "one",
            { first.Y: var y, k: 0 } when Tw(y) >= 0 => "y" + y,
            ({ Y: var y }, var k) => "k" + k + "y" + y,
        };
        return a;
    }

    [Goroutine]
    public static string DagListOfT(Log log, int n)
    {
        var list = new List<int> { n, n + 1, n + 2 };
        var a = list switch
        {
            [var h, ..] when DagMutateList(log, list) || Tw(h) > 5 => "h",
            [0, ..] => "zero",
            [_, 2, ..] => "two",
            [.., var last] => "last" + last + "now" + list[2],
            _ => "empty",
        };
        var arr = new[] { n, n, n, n };
        var b = arr switch
        {
            [var h, .. var mid, _] when DagMutateArray(log, arr) || Tw(h) > 5 => "h",
            [_, .. [1, ..], _] => "mid1",
            [.., 0, _] => "zero",
            [.. var all] => "all" + all[0] + all[1],
        };
        return a + "|" + b;
    }

    private static bool DagMutateList(Log log, List<int> list)
    {
        log.Add("mutateList");
        list[0] += 1;
        list[1] += 1;
        list[2] += 1;
        return false;
    }

    [Goroutine]
    public static string DagSwitchInGuard(Log log, int n)
    {
        var p = new DagDerived(log, n);
        var q = new DagDerived(log, n + 1);
        var a = p switch
        {
            { X: var x } when (q switch { { Y: var y } when Tw(y) > 20 => y, { Y: var y } => -y }) > x => "outer" + x,
            { X: var x } => "x" + x,
        };
        return a;
    }

    [Goroutine]
    public static string DagGetterThrowsInLoop(Log log, int n)
    {
        var t = new DagThrows(log);
        var r = "";
        for (var i = 0; i < 3; i++)
        {
            try
            {
                r += t switch
                {
                    { X: var x } when Tw(x) > 5 => "big",
                    { X: var x, Y: var y } => "x" + x + "y" + y,
                };
            }
            catch (InvalidOperationException e)
            {
                r += e.Message;
            }
        }
        return r;
    }

    // A record whose positional member is a user property with a side effect: its compiler-made Deconstruct calls
    // the getter, so the DAG's Deconstruct is shared between the arms as a user one is.
    private sealed record DagRec(Log L, int A)
    {
        private int _a = A;
        public int A { get { L.Add("A"); return _a++; } }
    }

    [Goroutine]
    public static string DagRecordUserProperty(Log log, int n)
    {
        var r = new DagRec(log, n);
        return r switch
        {
            (_, var a) when Tw(a) > 2 => "big" + a,
            (_, 1) => "one",
            (_, var a) => "a" + a,
        };
    }

    [Goroutine]
    public static string DagGuardReassignsSubject(Log log, int n)
    {
        var p = new DagDerived(log, n);
        var q = new DagDerived(log, n + 5);
        var s = new DagStruct(log, n);
        var a = p switch
        {
            { X: var x } when (p = q) is null || Tw(x) > 100 => "never",
            { Y: var y } => "y" + y,
        };
        var b = s switch
        {
            { V: var v } when (s = new DagStruct(log, 50)).V < 0 || Tw(v) > 100 => "never",
            { V: var v } => "v" + v,
        };
        return a + "|" + b;
    }

    private sealed class DagIndexList
    {
        private readonly Log _log;
        private readonly int[] _items;
        public DagIndexList(Log log, params int[] items) { _log = log; _items = items; }
        public int Length { get { _log.Add("Length"); return _items.Length; } }
        public int this[Index i] { get { _log.Add("[" + i + "]"); return _items[i]++; } }
        public int[] this[Range r] { get { _log.Add("[" + r + "]"); return _items[r]; } }
    }

    [Goroutine]
    public static string DagIndexAndRangeIndexers(Log log, int n)
    {
        var l = new DagIndexList(log, n, n + 1, n + 2, n + 3);
        var a = l switch
        {
            [.., var last] when Tw(last) > 5 => "last" + last,
            [_, .. var mid, 4] => "mid" + mid.Length,
            [0, .., var last] when Tw(last) == 3 => "zero",
            [var first, .., _, _] => "first" + first,
            _ => "other",
        };
        return a;
    }

    [Goroutine]
    public static string DagStatementWithConstants(Log log, int n)
    {
        var p = new DagDerived(log, n);
        object o = n == 3 ? "three" : p;
        switch (o)
        {
            case "three" when Tw(n) > 5:
                return "never";
            case DagDerived { X: var x } when Tw(x) > 0:
                return "pos" + x;
            case DagBase { X: 0 }:
                return "zero";
            case string s:
                return "s" + s;
            default:
                return "other";
        }
    }
}

internal static class DagPairExtensions
{
    extension(Cases.DagPair p)
    {
        public int Sum { get { p.Log.Add("Sum"); return p.A++ + p.B; } }
    }

    public static void Deconstruct(this Cases.DagPair p, out int a, out int b)
    {
        p.Log.Add("extDeconstruct");
        a = p.A++;
        b = p.B++;
    }
}
