using System;
using System.Threading;
using Xunit;

namespace GoSharp.Generator.Tests;

public static partial class DeepRecursionCases
{
    public static int Finallies;

    [Goroutine]
    public static long Depth(int n) => n == 0 ? 0 : 1 + Depth(n - 1);

    /// <summary>Every level has a finally; the bottom throws, the exception crosses every level.</summary>
    [Goroutine]
    public static long Throws(int n)
    {
        try
        {
            if (n == 0) throw new InvalidOperationException("bottom");
            return Throws(n - 1) + 1;
        }
        finally { Interlocked.Increment(ref Finallies); }
    }

    public static int FilterRuns, FinalliesSeenByFilter = -1;

    /// <summary>
    /// A filter above a deep recursion whose levels' finally blocks suspend (every 500th) or count: the filter runs
    /// once, in the first pass, before any of them.
    /// </summary>
    [Goroutine]
    public static string FilterAboveSuspendingFinallys(int n)
    {
        try
        {
            return "none " + ThrowsThroughSuspendingFinallys(n);
        }
        catch (InvalidOperationException e) when (SeeFinallies(e))
        {
            return "caught " + e.Message;
        }
    }

    private static bool SeeFinallies(Exception e)
    {
        Interlocked.Increment(ref FilterRuns);
        FinalliesSeenByFilter = Volatile.Read(ref Finallies);
        return e.Message == "bottom";
    }

    [Goroutine]
    public static long ThrowsThroughSuspendingFinallys(int n)
    {
        try
        {
            if (n == 0) throw new InvalidOperationException("bottom");
            return ThrowsThroughSuspendingFinallys(n - 1) + 1;
        }
        finally
        {
            if (n % 500 == 0) Go.Yield();
            Interlocked.Increment(ref Finallies);
        }
    }

    /// <summary>Suspends at the bottom and every 1,000 levels on the way back up.</summary>
    [Goroutine]
    public static long Suspends(int n, Chan<int> c)
    {
        if (n == 0) return c.Recv();
        long below = Suspends(n - 1, c);
        if (n % 1000 == 0) Go.Yield();
        return below + 1;
    }
}

/// <summary>
/// Nested [Goroutine] calls that complete synchronously run on the M's thread stack until it runs low, then
/// continue as trampoline calls from the scheduler (G.Invoke): recursion depth is bounded by memory, as in Go.
/// A plain C# recursion of this depth would overflow the thread's stack.
/// </summary>
public class DeepRecursionTests
{
    [Theory, InlineData(1), InlineData(2)]
    public void A_million_nested_calls_complete(int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        using (rt.Enter())
            Assert.Equal(1_000_000, DeepRecursionCases.GoDepth(1_000_000).Join());
    }

    [Fact]
    public void An_exception_crosses_a_hundred_thousand_levels_running_every_finally()
    {
        const int N = 100_000;
        Interlocked.Exchange(ref DeepRecursionCases.Finallies, 0);
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        using (rt.Enter())
        {
            var ex = Assert.Throws<InvalidOperationException>(() => DeepRecursionCases.GoThrows(N).Join());
            Assert.Equal("bottom", ex.Message);
            // The trace keeps the throw site, but stops growing past FrameFailure.TracedLevels rethrows: a
            // trace naming every one of the levels would be quadratic to build.
            Assert.Contains(nameof(DeepRecursionCases.Throws), ex.StackTrace);
            Assert.True(ex.StackTrace!.Length < 1_000_000, $"a {ex.StackTrace.Length}-character stack trace");
        }
        Assert.Equal(N + 1, Volatile.Read(ref DeepRecursionCases.Finallies));
    }

    [Fact]
    public void A_filter_above_a_deep_recursion_runs_once_before_every_finally()
    {
        const int N = 20_000;
        Interlocked.Exchange(ref DeepRecursionCases.Finallies, 0);
        Interlocked.Exchange(ref DeepRecursionCases.FilterRuns, 0);
        DeepRecursionCases.FinalliesSeenByFilter = -1;
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2 });
        using (rt.Enter())
            Assert.Equal("caught bottom", DeepRecursionCases.GoFilterAboveSuspendingFinallys(N).Join());
        Assert.Equal(1, Volatile.Read(ref DeepRecursionCases.FilterRuns));
        Assert.Equal(0, DeepRecursionCases.FinalliesSeenByFilter);
        Assert.Equal(N + 1, Volatile.Read(ref DeepRecursionCases.Finallies));
    }

    [Fact]
    public void Deep_recursion_suspends_and_resumes()
    {
        const int N = 300_000;
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2 });
        using (rt.Enter())
        {
            var c = new Chan<int>();
            var h = DeepRecursionCases.GoSuspends(N, c);
            c.Send(7);
            Assert.Equal(N + 7, h.Join());
        }
    }
}
