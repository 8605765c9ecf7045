using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8: a switch whose 'when' clause suspends, whose arms share reads with side effects (getters, Deconstruct,
// ITuple, list patterns over types with logging members) or test state a guard changes. C#'s decision DAG reads
// each evaluation once on the path taken and tests later arms on what it read before the guard; the goroutine
// caches each evaluation in a frame field (DecisionDagLowering.cs). Every getter logs and answers differently each
// time, so a second read changes the log and usually the arm taken.
public static partial class Cases
{
    private class DagBase
    {
        protected readonly Log Log;
        private int _x;
        public DagBase(Log log, int x) { Log = log; _x = x; }
        public int X { get { Log.Add("X"); return _x++; } }
    }

    private sealed class DagDerived : DagBase
    {
        private int _y;
        public DagDerived(Log log, int x) : base(log, x) { _y = x * 10; }
        public int Y { get { Log.Add("Y"); return _y++; } }
        public DagDerived? Next { get { Log.Add("Next"); return _y % 2 == 0 ? this : null; } }
        public void Deconstruct(out int a, out int b) { Log.Add("Deconstruct"); a = X; b = Y; }
    }

    private sealed class DagList
    {
        private readonly Log _log;
        private readonly List<int> _items;
        public DagList(Log log, params int[] items) { _log = log; _items = new List<int>(items); }
        public int Count { get { _log.Add("Count"); return _items.Count; } }
        public int this[int i] { get { _log.Add("[" + i + "]"); return _items[i]++; } }
        public DagList Slice(int start, int length) { _log.Add("Slice(" + start + "," + length + ")"); return new DagList(_log, _items.GetRange(start, length).ToArray()); }
    }

    private sealed class DagTuple : ITuple
    {
        private readonly Log _log;
        private readonly object?[] _items;
        public DagTuple(Log log, params object?[] items) { _log = log; _items = items; }
        public int Length { get { _log.Add("Length"); return _items.Length; } }
        public object? this[int index] { get { _log.Add("item" + index); return _items[index]; } }
    }

    private struct DagStruct
    {
        private readonly Log _log;
        private int _v;
        public DagStruct(Log log, int v) { _log = log; _v = v; }
        public int V { get { _log.Add("V" + _v); return _v++; } }
    }

    private interface IDagX { int X { get; } }

    private sealed class DagXImpl : IDagX
    {
        private readonly Log _log;
        private int _x;
        public DagXImpl(Log log, int x) { _log = log; _x = x; }
        public int X { get { _log.Add("iX"); return _x++; } }
    }

    private sealed class DagState
    {
        public int F;
        public int Auto { get; set; }
        public int[] Arr = { 1, 2, 3 };
        public DagState? Inner;
    }

    private static bool DagMutate(Log log, DagState s)
    {
        log.Add("mutate");
        s.F += 1;
        s.Auto += 1;
        s.Arr[0] += 1;
        if (s.Inner is not null) s.Inner.F += 1;
        return false;
    }

    [Goroutine]
    public static string DagSharedGetter(Log log, int n)
    {
        var p = new DagDerived(log, n);
        var a = p switch
        {
            { X: var x } when Tw(x) > 2 => "big" + x,
            { X: 1 } => "one",
            { X: 2, Y: var y } => "two" + y,
            { Y: var y } when Tw(y) > 100 => "y" + y,
            { Y: > 5, X: var x } => "late" + x,
            _ => "other",
        };
        return a + "|" + p.X + p.Y;
    }

    [Goroutine]
    public static string DagSharedDeconstruct(Log log, int n)
    {
        var p = new DagDerived(log, n);
        var a = p switch
        {
            (var x, _) when Tw(x) > 2 => "big" + x,
            (1, var y) => "one" + y,
            (_, > 5) when Tw(n) > 0 => "y",
            { X: var x } => "x" + x,
        };
        return a;
    }

    [Goroutine]
    public static string DagSharedListPattern(Log log, int n)
    {
        var list = new DagList(log, n, n + 1, n + 2);
        var a = list switch
        {
            [var h, ..] when Tw(h) > 2 => "h" + h,
            [0, .. var mid, _] when Tw(mid.Count) > 5 => "mid",
            [_, var m, ..] when Tw(m) == 2 => "m" + m,
            [.., var last] => "last" + last,
            _ => "short",
        };
        var b = new DagList(log, n) switch
        {
            [] => "empty",
            [var only] when Tw(only) < 0 => "neg",
            [_] => "one",
            _ => "many",
        };
        return a + "|" + b;
    }

    [Goroutine]
    public static string DagSharedITuple(Log log, int n)
    {
        object o = new DagTuple(log, n, "s" + n);
        var a = o switch
        {
            (int i, _) when Tw(i) > 2 => "big" + i,
            (1, var s) => "one" + s,
            (_, string s) when Tw(s.Length) > 5 => "long",
            (var i, var s) => "pair" + i + s,
            _ => "other",
        };
        return a;
    }

    [Goroutine]
    public static string DagGuardChangesState(Log log, int n)
    {
        var s = new DagState { F = n, Auto = n, Inner = new DagState { F = n } };
        var a = s switch
        {
            { F: var f } when DagMutate(log, s) || Tw(f) > 5 => "first",
            { F: 1 } => "f1",
            { Auto: 1, F: var f } => "auto" + f,
            { Arr: [1, ..] } when Tw(n) < 0 => "never",
            { Inner.F: 0 } => "inner0",
            _ => "other" + s.F,
        };
        var arr = new[] { n, n };
        var b = arr switch
        {
            [var x, _] when DagMutateArray(log, arr) || Tw(x) > 5 => "x",
            [1, _] => "one",
            [_, 1] => "second",
            _ => "other" + arr[0],
        };
        return a + "|" + b;
    }

    private static bool DagMutateArray(Log log, int[] arr)
    {
        log.Add("mutateArray");
        arr[0] += 1;
        arr[1] += 1;
        return false;
    }

    [Goroutine]
    public static string DagOrNotPatterns(Log log, int n)
    {
        var p = new DagDerived(log, n);
        var a = p switch
        {
            { X: 1 or 3 } when Tw(n) > 5 => "odd",
            not { Y: 10 or 30 } when Tw(n) == 0 => "noty",
            { X: not 0 } or { Y: 0 } => "either",
            _ => "other",
        };
        return a;
    }

    [Goroutine]
    public static string DagSwitchStatement(Log log, int n)
    {
        var p = new DagDerived(log, n);
        string r;
        switch (p)
        {
            case { X: var x } when Tw(x) > 2:
                r = "big" + x;
                break;
            case { X: 1, Y: > 0 }:
            case { X: 0, Y: var y } when Tw(y) >= 0:
                r = "small" + p.Y;
                break;
            case (2, _):
                r = "two";
                break;
            default:
                r = "other";
                break;
        }
        return r;
    }

    [Goroutine]
    public static string DagGuardInLoop(Log log, int n)
    {
        var r = "";
        for (var i = 0; i < 3; i++)
        {
            var p = new DagDerived(log, n + i);
            r += p switch
            {
                { X: var x } when Tw(x) > 3 => "b" + x,
                { X: var x, Y: var y } when Tw(y) % 2 == 0 => "e" + x,
                { X: var x } => "x" + x,
            };
        }
        return r;
    }

    [Goroutine]
    public static string DagGenericSubject(Log log, int n) =>
        DagGeneric<IDagX>(log, new DagXImpl(log, n)) + "|" + DagGeneric(log, new DagXImpl(log, n + 1));

    [Goroutine]
    private static string DagGeneric<T>(Log log, T value) where T : IDagX =>
        value switch
        {
            { X: var x } when Tw(x) > 2 => "big" + x,
            { X: 1 } => "one",
            { X: var x } => "x" + x,
        };

    [Goroutine]
    public static string DagStructSubject(Log log, int n)
    {
        var s = new DagStruct(log, n);
        var a = s switch
        {
            { V: var v } when Tw(v) > 2 => "big" + v,
            { V: 1 } => "one",
            { V: var v } => "v" + v,
        };
        return a + "|" + s.V;
    }

    [Goroutine]
    public static string DagTypeTestsAndNesting(Log log, int n)
    {
        DagBase b = n == 1 ? new DagBase(log, n) : new DagDerived(log, n);
        var a = b switch
        {
            DagDerived { X: var x } when Tw(x) > 2 => "big" + x,
            { X: 1 } => "one",
            DagDerived { Next.Next.Y: var y } when Tw(y) > 0 => "next" + y,
            DagDerived { Next: { X: _ } } => "hasnext",
            DagDerived { Y: _, X: var x } => "x" + x,
            _ => "base",
        };
        return a;
    }

    [Goroutine]
    public static string DagSwitchValueSuspends(Log log, int n)
    {
        var r = new DagDerived(log, Tw(n)) switch
        {
            { X: > 0 and var x } when Tw(x) > 1 => "x" + x,
            { X: var x, Y: var y } => x + "." + y,
        };
        return r;
    }
}
