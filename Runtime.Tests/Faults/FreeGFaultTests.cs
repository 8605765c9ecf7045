using System.Collections.Generic;
using System.Threading;
using Xunit;

namespace GoSharp.Runtime.Tests.Faults;

/// <summary>
/// Scenario 6: after a burst of short goroutines has exited, the scheduler keeps a bounded number of Gs
/// (the global free list is capped at 4,096 and each P keeps at most 64), not one per goroutine ever run.
/// </summary>
[Collection(FaultsCollection.Name)]
public class FreeGFaultTests
{
    private const int GlobalFreeCap = 4096, PerPFree = 64, Slack = 256;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void FreeGListsStayBoundedAfterABurstOfShortGoroutines(int procs)
    {
        procs = FaultEnv.Procs(procs);
        int total = 100_000 * FaultEnv.Rounds, batch = 20_000;
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        int ran = 0;
        for (int done = 0, b = 0; done < total; done += batch, b++)
        {
            var hs = new Goroutine[batch];
            if (b % 2 == 0)
            {
                // From a plain thread: every goroutine of the batch may be alive at once.
                for (int i = 0; i < batch; i++) hs[i] = rt.Spawn(new PlainFrame(() => Interlocked.Increment(ref ran)));
            }
            else
            {
                // From a goroutine: Gs come from and go back to the Ps' free lists.
                FaultEnv.Guarded("spawner", () => rt.Spawn(new PlainFrame(() =>
                {
                    for (int i = 0; i < batch; i++) hs[i] = GoRuntime.Current.Spawn(new PlainFrame(() => Interlocked.Increment(ref ran)));
                })).Join());
            }
            FaultEnv.Guarded("batch", () => { foreach (var h in hs) h.Join(); });
        }
        Assert.Equal(total, Volatile.Read(ref ran));
        int allg = rt.Sched.AllGCount;
        Assert.True(allg <= GlobalFreeCap + PerPFree * procs + Slack,
            $"{allg} Gs allocated after {total} goroutines exited on {procs} P(s)");
        FaultEnv.AssertHealthy(rt);
    }
}
