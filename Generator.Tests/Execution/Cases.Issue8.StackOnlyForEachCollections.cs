using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// A foreach over a span (or with a `ref` variable, or a ref struct enumerator) whose collection expression suspends
// and whose body does not: async accepts it (the span never lives across an await), so does the generator. The
// collection is lowered first, then the loop runs as plain code over its value.
public static partial class Cases
{
    [InlineArray(3)]
    public struct Sofc3 { private int _e; }

    public ref struct SofcRange
    {
        private readonly int _end;
        private int _i;
        public SofcRange(int start, int end) { _i = start - 1; _end = end; }
        public SofcRange GetEnumerator() => this;
        public bool MoveNext() => ++_i < _end;
        public int Current => _i;
    }

    [Goroutine]
    public static string StackOnlyForEachOverSuspendingCollections(Log log, int n)
    {
        var arr = new[] { 1, 2, 3, 4 };
        var s = 0;
        foreach (var x in arr.AsSpan(Tw(1))) s += x;
        foreach (ref var x in Tw(arr).AsSpan(0, Tw(n % 4 + 1))) { x += 10; s += x; }
        foreach (var x in (ReadOnlySpan<int>)Tw(arr))
        {
            if (x == 12) continue;
            if (x > 20 && n == 3) break;
            for (var i = 0; i < 2; i++) s += x * i;
        }
        foreach (var (a, b) in new[] { (1, "a"), (Tw(n), "b") }.AsSpan()) log.Add(a + b);
        foreach (var i in new SofcRange(Tw(n), n + 3)) s += i * 100;
        var inline = new Sofc3();
        inline[0] = Tw(5);
        foreach (ref readonly var x in inline[Tw(1)..]) s += x;
        log.Add(string.Join(",", arr));
        return s + ":" + Tw(s);
    }

    [Goroutine]
    public static int StackOnlyForEachInsideASuspendingLoop(Log log, int n)
    {
        var total = 0;
        var rows = new List<int[]> { new[] { 1, 2 }, new[] { 3, 4, 5 }, new int[0] };
        for (var r = 0; r < rows.Count; r++)
        {
            checked
            {
                foreach (ref var v in Tw(rows[r]).AsSpan()) { v *= n + 1; total += v; }
            }
            total += Tw(r);
            log.Add("row " + r + " " + total);
        }
        return total;
    }
}
