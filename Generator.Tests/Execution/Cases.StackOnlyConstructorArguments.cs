using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// A span local passed to a constructor whose object initializer suspends: C# runs the constructor before the
// initializer's values, so the span is dead at the suspension point and async accepts it. The object is created
// into a temporary first (ObjectInitializers.cs) with the span read in place; it was GOSH0008.
public static partial class Cases
{
    public sealed class SpanMade
    {
        public SpanMade(Log log, Span<int> s) { log.Add("made" + s.Length); L = s.Length + s[0]; }
        public int L;
        public int A { get; set; }
        public int B { get; init; }
        public List<int> Items { get; } = new();
        public override string ToString() => L + ":" + A + ":" + B + ":" + string.Join("/", Items);
    }

    public struct SpanMadeStruct
    {
        public SpanMadeStruct(Log log, ReadOnlySpan<char> s) { log.Add("struct" + s.Length); L = s.Length; }
        public int L;
        public int A { get; set; }
        public override readonly string ToString() => L + ":" + A;
    }

    [Goroutine]
    public static string SocMemberAfterTheConstructor(Log log, int n)
    {
        var a = new[] { n, 2, 3 };
        Span<int> sp = a;
        var p = new SpanMade(log, sp) { A = log.L("a", Tw(n)) };
        return p.ToString();
    }

    [Goroutine]
    public static string SocInitOnlyAndNested(Log log, int n)
    {
        var a = new[] { 5, n };
        Span<int> sp = a.AsSpan(n % 2);
        var p = new SpanMade(log, sp.Slice(0, 1)) { B = sp[0] + Tw(1), Items = { Tw(n), 3 }, A = log.L("a", 4) };
        return p.ToString();
    }

    [Goroutine]
    public static string SocStructInReturnAndArgument(Log log, int n)
    {
        var s = "abc" + n;
        ReadOnlySpan<char> sp = s;
        log.Add(string.Concat("x", new SpanMadeStruct(log, sp) { A = Tw(n) }.ToString()));
        ReadOnlySpan<char> t = s.AsSpan(1);
        return new SpanMadeStruct(log, t) { A = log.L("t", Tw(2)) }.ToString();
    }

    [Goroutine]
    public static string SocCollectionInitializer(Log log, int n)
    {
        Span<int> sp = stackalloc int[n + 1];
        sp[0] = 7;
        var p = new SpanMade(log, sp) { Items = { sp[0], Tw(n), 2 } };
        return p.ToString();
    }
}
