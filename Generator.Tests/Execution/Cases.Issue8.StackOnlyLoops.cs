using System;
using System.Runtime.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8: loops among stack-only locals (StackOnlyLoops.cs). A loop with no real suspension point in the scope of
// a span, a ref local or a ref struct (or a foreach over a span or an inline array) stays plain code, as async
// accepts it (C# 13): the loop's preemption is no suspension. Also `using var` of a ref struct after the last
// suspension point.
public static partial class Cases
{
    [InlineArray(4)]
    private struct Buffer4 { private int _e; }

    private ref struct Tracked
    {
        public Log Log;
        public int K;
        public void Dispose() => Log.Add("dispose" + K);
    }

    [Goroutine]
    public static int SpanLocalWithLoopsAndNoSuspension(Log log, int n)
    {
        Span<int> s = stackalloc int[4];
        for (var i = 0; i < s.Length; i++) s[i] = i * n;
        var sum = 0;
        foreach (var x in s) sum += x;
        var arr = new[] { n, n + 1 };
        ref var r = ref arr[1];
        while (r < 10) { r += 3; log.Add("r" + r); }
        return sum * 100 + arr[1];
    }

    [Goroutine]
    public static string StackOnlyLoopsAfterTheLastSuspension(Log log, int n)
    {
        var b = new Buffer4();
        var first = Tw(n);
        b[0] = first;
        b[1] = n + 1;
        var sum = 0;
        foreach (var x in b) sum = sum * 10 + x;
        Span<int> s = stackalloc int[3];
        for (var i = 0; i < s.Length; i++)
            for (var j = 0; j <= i; j++)
                s[i] += j + sum;
        var total = 0;
        do { total += s[total % 3]; log.Add("t" + total); } while (total < 20 + n);
        using var t = new Tracked { Log = log, K = n };
        for (var k = 0; k < 2; k++) log.Add("k" + k + t.K);
        return sum + "|" + s[0] + "," + s[1] + "," + s[2] + "|" + total;
    }

    [Goroutine]
    public static int UsingRefStructAfterTheLastSuspension(Log log, int n)
    {
        Tw(n);
        using var t = new Tracked { Log = log, K = n };
        log.Add("body" + t.K);
        return n + 1;
    }

    [Goroutine]
    public static int SuspendingLoopBeforeSpanLoop(Log log, int n)
    {
        var sum = 0;
        for (var i = 0; i < 3; i++) sum += Tw(i + n);
        {
            Span<int> s = stackalloc int[2];
            for (var i = 0; i < 2; i++) s[i] = sum + i;
            sum = s[0] + s[1];
        }
        return sum;
    }
}
