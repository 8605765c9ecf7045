using System;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 leftovers: a ref struct or ref local read in the statement that suspends, before its suspension point,
// was refused (GOSH0008) where async accepts it (`s += await T(sp[0]);`). The value read is spilled like any
// operand and the local stays a local of Resume (StackOnlyLocals.cs). The arrays change between the read and the
// suspension, so a read made late (after the suspension, or again) shows in the result.
public static partial class Cases
{
    private static int StackUse(Log log, int a, int b)
    {
        log.Add("use" + a + "," + b);
        return a * 10 + b;
    }

    private static int Bump(Log log, int[] arr)
    {
        arr[0] += 100;
        log.Add("bump" + arr[0]);
        return arr[0];
    }

    [Goroutine]
    public static string StackOnlyReadsBeforeTheSuspension(Log log, int n)
    {
        var arr = new[] { n, n + 1, n + 2, 7 };
        var s = 10;
        Span<int> a = arr;
        s += Tw(a[0]);
        log.Add("s" + s);
        Span<int> b = arr;
        s += StackUse(log, b.Length + b[0], Tw(Bump(log, arr)));
        log.Add("s" + s);
        Span<int> c = arr;
        s += c.Slice(1)[0] + Tw(c[2] * 2) + arr[3];
        log.Add("s" + s);
        ReadOnlySpan<int> d = arr;
        var x = d[1] > 1 ? Tw(n) : d[2];
        log.Add("x" + x);
        ref int r = ref arr[1];
        r += 5;
        s += StackUse(log, r, Tw(Bump(log, arr)) + arr[1]);
        Span<int> e = arr;
        var (p, q) = (e[0], Tw(e[3]));
        log.Add("pq" + p + "," + q);
        Span<int> f = stackalloc int[3];
        f[n % 3] = n + 40;
        var y = $"{f[0]},{f[1]}".Length + Tw(f[2]);
        Span<int> g = arr;
        return s + ";" + x + ";" + y + ";" + Tw(g[0] + g.Length);
    }

    [Goroutine]
    private static int StackNested(Log log, int v)
    {
        log.Add("nested" + v);
        Go.Yield();
        return v + 1;
    }

    [Goroutine]
    public static string StackOnlyReadsInALoop(Log log, int n)
    {
        var arr = new[] { 3, 1, 4, 1, 5 };
        var r = "";
        for (var i = 0; i < n + 1; i++)
        {
            Span<int> sp = arr.AsSpan(i);
            arr[i] = StackNested(log, sp[0] * 10 + sp.Length) + Bump(log, arr);
            r += arr[i] + ",";
        }
        return r + string.Join(" ", arr);
    }

    [Goroutine]
    public static int StackOnlyReadIntoAThrow(Log log, int n)
    {
        Span<int> sp = new[] { n, 2 * n };
        if (n > 5) return 0;
        log.Add("before");
        throw new InvalidOperationException("sp" + sp[1] + ":" + Tw(sp[0]));
    }

    /// <summary>A span made by a call whose receiver and arguments suspend is made after both, as async makes it (accepted).</summary>
    [Goroutine]
    public static string SpanMadeAfterItsSuspendingOperands(Log log, int n)
    {
        var text = "hello" + n;
        ReadOnlySpan<char> t = Tw(text).AsSpan(Tw(1));
        var first = t.ToString();
        var a = new[] { 1, 2, 3, n };
        Span<int> s = Tw(a).AsSpan(Tw(1), Tw(2));
        return first + ":" + (s[0] + s[1]);
    }
}
