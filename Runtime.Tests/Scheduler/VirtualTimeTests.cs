using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Xunit;
using static GoSharp.Runtime.Tests.SelectOps;
using static GoSharp.Runtime.Tests.TimeOps;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary>Deterministic mode's virtual clock (Go: testing/synctest) and seeded select.</summary>
public class VirtualTimeTests
{
    [Fact]
    public void SleepsOfHoursFinishAtOnceAndInDeadlineOrderForEverySeed()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            var woke = new List<int>();
            var real = Stopwatch.StartNew();
            long start = rt.Sched.Nanotime();
            IEnumerable<Op> Sleeper(int hours)
            {
                yield return Sleep(TimeSpan.FromHours(hours));
                lock (woke) woke.Add(hours);
            }
            IEnumerable<Op> Root()
            {
                foreach (int h in new[] { 3, 1, 2, 5, 4 }) GoRuntime.Current.Go(Sleeper(h));
                yield return Sleep(TimeSpan.FromHours(6));
            }
            rt.Go(Root()).Join();
            Assert.Equal(new[] { 1, 2, 3, 4, 5 }, woke);
            double virtualHours = (rt.Sched.Nanotime() - start) / (double)Stopwatch.Frequency / 3600;
            Assert.InRange(virtualHours, 6.0, 6.001);
            Assert.True(real.Elapsed < TimeSpan.FromMinutes(1)); // it did not really sleep six hours
        }
    }

    private static int[] SelectChoices(int seed)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
        var a = new Chan<int>();
        var b = new Chan<int>();
        a.Close();
        b.Close();
        var picks = new List<int>();
        IEnumerable<Op> Body()
        {
            for (int i = 0; i < 64; i++)
            {
                var s = Select(a.RecvCase(), b.RecvCase());
                yield return s;
                picks.Add(s.Result.Index);
            }
        }
        rt.Go(Body()).Join();
        return picks.ToArray();
    }

    [Fact]
    public void ASeedReplaysSelectChoices()
    {
        for (int seed = 0; seed < 10; seed++) Assert.Equal(SelectChoices(seed), SelectChoices(seed));
        Assert.True(Enumerable.Range(0, 10).Select(s => string.Concat(SelectChoices(s))).Distinct().Count() >= 9);
    }
}
