using System;
using System.Runtime.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// Red team round 15: inline arrays around suspension points.
public static partial class Cases
{
    // Bug 1 (silently wrong): an inline array variable given to a span parameter before a later suspending argument
    // (`Sum15(b, Set15(ref b[0], Tw(9)))`) was spilled as a copy of its value, so the callee read the elements as they
    // were before the later arguments ran. C# (async too) makes the span over the variable itself, at the call: the
    // variable's location is spilled now, as for an `in` argument.
    [Goroutine]
    public static string Rt15InlineArraySpanArguments(Log log, int n)
    {
        var b = new Buf15();
        b[0] = 1;
        b[1] = n;
        var r = Sum15(b, Set15(ref b[0], Tw(9))) + "," + SumMutable15(b, Set15(ref b[1], Tw(7)));
        var h = new BufHolder15();
        h.B[2] = 4;
        var old = h;
        r += "," + Sum15(h.B, Set15(ref h.B[2], Tw(5)) + Replace15(ref h));
        var arr = new Buf15[2];
        var i = 0;
        r += "," + Sum15(arr[i], Set15(ref arr[i++][1], Tw(6)) + i);
        return r + "," + old.B[2] + h.B[2] + arr[0][1];
    }

    // Bug 2 (refused where async accepts it): a foreach with a suspension point over an inline array was refused,
    // GOSH0008 (its enumerator is a span's). C# walks the elements by index, reading each from the variable as the
    // loop reaches it (a write to a later element is seen), or from a copy of a value that is no variable; so does
    // the frame now.
    [Goroutine]
    public static string Rt15InlineArrayForEach(Log log, int n)
    {
        var b = new Buf15();
        b[0] = n;
        var r = "";
        foreach (var x in b) { b[2] = 9; r += Tw(x); }
        var arr = new Buf15[2];
        var i = 0;
        arr[0][0] = 3;
        foreach (var x in arr[i]) { arr[0][1] = 4; i = 1; r += Tw(x); }
        var h = new BufHolder15();
        var old = h;
        foreach (long x in h.B) { h.B[1] = 5; Replace15(ref h); r += Tw(x); }
        foreach (var x in Made15(n)) { if (x == 2) break; r += Tw(x); }
        var c = new Buf15();
        foreach (var x in c) { if (x > 0) continue; c[x + 1] = Tw(x + 1); r += x; }
        return r + "," + old.B[1] + h.B[1];
    }

    // Bug 3 (silently wrong, and refused where async accepts it): an element of an inline array of structs is a
    // variable, but it was taken for a value: its method called with a suspending argument (`b[0].Add(Tw(5))`, `h.B[i].Add(..)`)
    // ran on a spilled copy, so the change was lost, and a member or indexer assigned around a suspension point
    // (`b[1].X = Tw(2)`, `b[1][0] = Tw(9)`) was refused (GOSH0010). Both work on the element in place now, its
    // variable's location spilled as an array element's is.
    [Goroutine]
    public static string Rt15InlineArrayStructElements(Log log, int n)
    {
        var b = new Counters15();
        b[0].Add(Tw(5));
        b[1].X = Tw(n + 1);
        b[Tw(2)].Add(Tw(7));
        b[1][0] = Tw(9) + b[1].X;
        b[Tw(2)].X -= Tw(1);
        var i = 0;
        b[i++].Add(Tw(i));
        var h = new CountersHolder15();
        h.B[0].Add(Tw(n));
        var old = h;
        h.B[0].X = ReplaceCounters15(ref h) + Tw(1);
        var arr = new Counters15[2];
        arr[1][2].Add(Tw(3));
        return $"{b[0].X} {b[1].X} {b[2].X} {old.B[0].X} {h.B[0].X} {arr[1][2].X}";
    }

    private static int Sum15(ReadOnlySpan<int> s, int k)
    {
        var t = k;
        foreach (var x in s) t = t * 10 + x;
        return t;
    }

    private static int SumMutable15(Span<int> s, int k) => Sum15(s, k);

    private static int Set15(ref int x, int v)
    {
        x = v;
        return v;
    }

    private static int Replace15(ref BufHolder15 h)
    {
        h = new BufHolder15();
        return 0;
    }

    private static Buf15 Made15(int n)
    {
        var b = new Buf15();
        b[0] = n;
        b[1] = 2;
        return b;
    }

    [InlineArray(3)]
    public struct Buf15
    {
        private int _e0;
    }

    private sealed class BufHolder15
    {
        public Buf15 B;
    }

    public struct Counter15
    {
        public int X;

        public void Add(int v) => X = X * 10 + v;

        public int this[int i]
        {
            get => X + i;
            set => X = value + i;
        }
    }

    [InlineArray(3)]
    public struct Counters15
    {
        private Counter15 _e0;
    }

    private sealed class CountersHolder15
    {
        public Counters15 B;
    }

    private static int ReplaceCounters15(ref CountersHolder15 h)
    {
        h = new CountersHolder15();
        return 7;
    }
}
