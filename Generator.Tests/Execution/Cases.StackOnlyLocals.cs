using System;

namespace GoSharp.Generator.Tests.Execution;

// Ref locals and ref struct locals (a type parameter that allows ref struct included) declared after the last
// suspension point of their block: async accepts them (C# 13), and the goroutine keeps them as locals of Resume.
public static partial class Cases
{
    private static int SoLength<T>(int n) where T : allows ref struct { T v = default!; return n + (v is null ? 1 : 2); }

    [Goroutine]
    private static int SoGeneric<T>(int n) where T : allows ref struct { Go.Yield(); T v = default!; return n + SoLength<T>(n) + (v is null ? 10 : 20); }

    [Goroutine]
    public static string StackOnlyLocalsAfterTheLastSuspension(Log log, int n)
    {
        var a = new[] { n, n + 1, n + 2 };
        var sum = 0;
        for (var i = 0; i < 3; i++)
        {
            sum += Tw(i);
            Span<int> s = a;
            ref int r = ref s[i];
            r += 10 * i;
            log.Add("r=" + r);
            if (r > 20) break;
            sum += r;
        }
        {
            Go.Yield();
            Span<int> s = stackalloc int[2];
            s[0] = sum;
            sum = s[0] + s.Length;
        }
        return sum + "," + string.Join(",", a) + "," + SoGeneric<ReadOnlySpan<int>>(n) + "," + SoGeneric<int>(n);
    }

    /// <summary>
    /// Declared before a suspension point and dead at it (red team round 5, GOSH0008 before): locals of Resume, as
    /// async keeps them (C# 13 refuses by liveness); in a lowered loop's body, in a try, and a ref local.
    /// </summary>
    [Goroutine]
    public static string StackOnlyLocalsDeadAtTheSuspension(Log log, int n)
    {
        var arr = new[] { 1, 2, 3 };
        Span<int> sp = arr.AsSpan();
        int s = 0;
        for (int i = 0; i < sp.Length; i++) s += sp[i] * n;
        s += Tw(1);
        for (var k = 0; k < 2; k++)
        {
            ref int r = ref arr[k];
            r += n;
            scoped ReadOnlySpan<int> view = arr;
            log.Add("k" + k + "=" + view[k]);
            var v = r;
            s += Tw(v);
        }
        try
        {
            Span<int> small = stackalloc int[2];
            small[0] = s;
            s = small[0] + small.Length;
            s += Tw(n);
            log.Add("s=" + s);
        }
        finally
        {
            log.Add("finally");
        }
        return s + "," + string.Join(",", arr);
    }
}
