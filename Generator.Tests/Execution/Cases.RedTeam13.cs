using System;
using System.Runtime.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// Red team round 13: operators, spans, enumerators, using, exceptions.
public static partial class Cases
{
    // Bug 1: a collection expression of a span type passed before a later suspending argument
    // (`Spans13(log, [a, Tw(1), b], Tw(3))`) was spilled whole, as a span no frame can hold: GOSH0008, where async
    // accepts it, evaluating the elements in order into temporaries and building the span at the call, after the
    // later arguments. Each element is spilled now, the last too (it runs before the later argument), converted
    // as evaluated, and the span is made in place.
    [Goroutine]
    public static string Rt13SpanCollectionArguments(Log log, int n)
    {
        var r = Spans13(log, [log.L("a", 1), Tw(n), log.L("b", 2)], log.L("c", 3) + Tw(3));
        int i = 0;
        r += "|" + Spans13(log, [i++, i++], Tw(i++) + i);
        r += "|" + LongSpans13(log, [new Converted13(log.L("v", 7), log), n], "" + Tw(1));
        r += "|" + new SpanTaker13([n, Tw(2)], Tw(3)).Got;
        var t = new SpanTaker13([], 0);
        return r + "|" + t[[Tw(7), n, log.L("e", 5)], Tw(8)];
    }

    private static string Spans13(Log log, ReadOnlySpan<int> s, int k)
    {
        log.Add("span" + s.Length);
        return string.Join("", s.ToArray()) + ":" + k;
    }

    private static string LongSpans13(Log log, scoped ReadOnlySpan<long> s, string k)
    {
        log.Add("longs" + s.Length);
        return string.Join("", s.ToArray()) + ":" + k;
    }

    public sealed class SpanTaker13
    {
        public readonly string Got;
        public SpanTaker13(ReadOnlySpan<int> s, int k) => Got = string.Join("", s.ToArray()) + ":" + k;
        public int this[ReadOnlySpan<int> s, int k] => s[0] * 100 + s[^1] * 10 + k;
    }

    // Converted to long through int as it is evaluated (logged), before the later argument.
    public readonly struct Converted13
    {
        private readonly int _value;
        private readonly Log _log;
        public Converted13(int value, Log log) { _value = value; _log = log; }
        public static implicit operator int(Converted13 c) { c._log.Add("conv" + c._value); return c._value; }
    }
}

public static partial class Cases
{
    // Bug 2: a using declaration under a label (`done: using var r = ...;`, a labeled statement may be a
    // declaration) was refused with GOSH0010 where async accepts it: only an unlabeled one was taken for the start
    // of the rest of the block's try. The labels now go before the acquisition, so a goto to one acquires it.
    [Goroutine]
    public static string Rt13LabeledUsingDeclaration(Log log, int n)
    {
        var r = "";
        for (int i = 0; i < 3; i++)
        {
            if (i == n) goto done;
            log.Add("before" + i);
        done:
            using var res = new Res(log, "r" + i);
            if (Tw(i) == 1) continue;
            r += i;
        }
        return r;
    }
}

public static partial class Cases
{
    // Bug 3: a ref-returning call whose own arguments suspend, passed by reference as the last suspending argument
    // (`Add13(ref cells.At(Tw(1)), 3)`, `In13(in cells.At(Tw(0)), 1)`, also to an `in` parameter without the keyword)
    // was refused with GOSH0010 ("this assignment target"), where async accepts it: the reference is taken after
    // the last suspension point. Now the call's arguments are lowered and the call is the location, in the residual.
    // With a suspending argument after it, it stays GOSH0017 (CS8178 for async).
    [Goroutine]
    public static string Rt13RefCallArguments(Log log, int n)
    {
        var cells = new RefCells13(log);
        var r = Add13(ref cells.At(Tw(n % 4)), 3);
        r += In13(in cells.At(Tw(1)), log.L("b", 2));
        r += In13(cells.At(Tw(n % 4)), 1);
        r += Add13(ref cells.At(log.L("i", 2) + Tw(1)), 4);
        checked { r += Add13(ref cells.At(Tw(2)), n); }
        return r + "|" + cells;
    }

    private static int Add13(ref int cell, int d) => cell += d;

    private static int In13(in int cell, int d) => cell * 10 + d;

    public sealed class RefCells13
    {
        private readonly int[] _cells = new int[4];
        private readonly Log _log;
        public RefCells13(Log log) => _log = log;
        public ref int At(int i) { _log.Add("at" + i); return ref _cells[i]; }
        public override string ToString() => string.Join(",", _cells);
    }
}

public static partial class Cases
{
    // Bug 6: a span (or other ref struct) local read only in the collection of a foreach whose body suspends
    // (`foreach (var x in s.ToArray()) r += Tw(x);`) was refused with GOSH0008, where async accepts it: the collection
    // is evaluated once, before the body, so the span is dead at the suspension point. It stays a local of Resume
    // now, as one read before the suspension point of an expression statement does.
    [Goroutine]
    public static string Rt13SpanReadInAForEachCollection(Log log, int n)
    {
        var r = "";
        var arr = new[] { 1, 2, n };
        Span<int> s = arr;
        s[0] = 7;
        foreach (var x in s.Slice(log.L("slice", 1)).ToArray()) r += Tw(x);
        ReadOnlySpan<char> t = "x1,2";
        foreach (var p in t.Slice(1).ToString().Split(',')) r += Tw(p);
        return r;
    }
}
