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
}
