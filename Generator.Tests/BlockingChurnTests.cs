using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace GoSharp.Generator.Tests;

public static partial class BlockingChurnCases
{
    public static long Counter;

    /// <summary>A generated loop: its back-edge preemption check is where a stop-the-world catches it.</summary>
    [Goroutine]
    public static void Work(WaitGroup wg, int n)
    {
        for (int k = 0; k < n; k++)
            Go.Blocking(() => { Interlocked.Increment(ref Counter); Thread.SpinWait(1000); });
        wg.Done();
    }
}

/// <summary>
/// Red-team regression: SetMaxProcs flipping 1..4 from a thread while 20 goroutines (more than Ps) loop over
/// short Go.Blocking sections. A P that entered a blocking section after the stop-the-world's first sweep was
/// stopped without being counted, and SetMaxProcs never returned (5 of 5 runs before the fix).
/// </summary>
public class BlockingChurnTests
{
    [Fact]
    public void SetMaxProcs_churn_while_goroutines_loop_over_blocking_sections()
    {
        Interlocked.Exchange(ref BlockingChurnCases.Counter, 0);
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2 });
        const int G = 20, N = 500;
        var wg = new WaitGroup();
        using (rt.Enter())
        {
            for (int i = 0; i < G; i++) { wg.Add(1); BlockingChurnCases.GoWork(wg, N); }
        }
        int resizes = 0;
        var stop = new ManualResetEventSlim();
        var churn = new Thread(() =>
        {
            int n = 1;
            while (!stop.IsSet)
            {
                n = n % 4 + 1;
                rt.SetMaxProcs(n);
                resizes++;
                Thread.SpinWait(20_000); // let the goroutines run between resizes
            }
        }) { IsBackground = true };
        churn.Start();
        bool finished = Finishes(() => wg.Wait());
        stop.Set();
        bool churnEnded = churn.Join(TimeSpan.FromSeconds(60));
        Assert.True(finished, $"goroutines stalled: {Interlocked.Read(ref BlockingChurnCases.Counter)} of {G * N} sections ran, {resizes} resizes");
        Assert.True(churnEnded, "SetMaxProcs never returned");
        Assert.Equal(G * N, Interlocked.Read(ref BlockingChurnCases.Counter));
    }

    private static bool Finishes(Action action) => Task.Run(action).Wait(TimeSpan.FromSeconds(60));
}
