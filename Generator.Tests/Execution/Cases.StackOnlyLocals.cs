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
}
