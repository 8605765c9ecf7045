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

    // A ticker nobody stops or reads: once its channel holds a tick, every later tick is dropped, so it can
    // wake no one. The virtual clock jumped from dropped tick to dropped tick forever (a busy loop: the
    // runtime never went quiescent, so a goroutine blocked for good was never reported). Go's synctest
    // reports it (a ticker with no receiver is not in its timer heap); here the clock stops at the last tick
    // that mattered and deadlock detection, proof or all-asleep, reports the blocked goroutine.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AForgottenTickerDoesNotKeepTheVirtualClockRunningPastADeadlock(bool allAsleep)
    {
        for (int seed = 1; seed <= 5; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed, DeadlockOnAllAsleep = allAsleep });
            long start = rt.Sched.Nanotime();
            var ticks = new List<DateTime>();
            IEnumerable<Op> Main()
            {
                var ticker = Go.NewTicker(TimeSpan.FromMilliseconds(10));
                for (int i = 0; i < 2; i++)
                {
                    var r = Ops.Recv(ticker.C);
                    yield return r;
                    ticks.Add(r.Result);
                }
                yield return Ops.Recv(new Chan<int>()); // nothing can ever send: a deadlock, the ticker still running
            }
            // Run, as Go.Run starts main: it holds the goroutine only weakly, so the proof can see it.
            Assert.IsType<DeadlockException>(Assert.ThrowsAny<Exception>(() => rt.Run(() => rt.Go(Main()))));
            Assert.Equal(TimeSpan.FromMilliseconds(10), ticks[1] - ticks[0]);
            // The clock went one tick past the last receive (that tick fills the buffer), not on and on.
            double virtualMs = (rt.Sched.Nanotime() - start) * 1000.0 / Stopwatch.Frequency;
            Assert.InRange(virtualMs, 20.0, 30.5);
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
