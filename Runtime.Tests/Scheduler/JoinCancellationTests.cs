using System;
using System.Collections.Generic;
using System.Threading;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary><c>Join(token)</c> on goroutine handles, from threads and from goroutines.</summary>
public class JoinCancellationTests
{
    public static TheoryData<int> Procs => new() { 1, 2 };

    static IEnumerable<Op> WaitThenReturn(Chan<int> gate) { yield return Recv(gate); }

    [Theory, MemberData(nameof(Procs))]
    public void A_cancelled_join_gives_up_and_the_goroutine_runs_on(int procs) => Rt.With(procs, rt =>
    {
        var gate = new Chan<int>();
        var target = rt.Go(WaitThenReturn(gate));
        using var cts = new CancellationTokenSource();
        Exception? fromGoroutine = null, fromThread = null;
        IEnumerable<Op> Joiner() { var j = Join(target, cts.Token).Catch(); yield return j; fromGoroutine = j.Error; }
        var joiner = rt.Go(Joiner());
        var t = new Thread(() => { try { target.Join(cts.Token); } catch (Exception ex) { fromThread = ex; } });
        t.Start();
        SpinWait.SpinUntil(() => target.Root!.Joins is { Goroutines: not null, Threads.Count: > 0 });
        cts.Cancel();
        joiner.Join();
        t.Join();
        Assert.Equal(cts.Token, Assert.IsType<OperationCanceledException>(fromGoroutine).CancellationToken);
        Assert.Equal(cts.Token, Assert.IsType<OperationCanceledException>(fromThread).CancellationToken);
        Assert.Null(target.Root!.Joins!.Goroutines);             // the cancelled joiner is no longer listed
        Assert.False(target.IsCompleted);
        gate.Send(1);
        target.Join(CancellationToken.None);
        Assert.Throws<OperationCanceledException>(() => target.Join(cts.Token)); // cancelled token: throws even when done
    });

    [Fact]
    public void Join_racing_the_goroutine_end_under_many_seeds()
    {
        for (int seed = 1; seed <= 300; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            var rnd = new Random(seed);
            int targetYields = rnd.Next(0, 6), cancelYields = rnd.Next(0, 6);
            using var cts = new CancellationTokenSource();
            IEnumerable<Op> Target() { for (int i = 0; i < targetYields; i++) yield return Yield(); }
            Goroutine target = default;
            int joined = 0, cancelled = 0;
            IEnumerable<Op> Joiner()
            {
                var j = Join(target, cts.Token).Catch();
                yield return j;
                if (j.Error is null)
                {
                    if (!target.IsCompleted) throw new InvalidOperationException("a join returned before the goroutine ended");
                    joined++;
                }
                else if (j.Error is OperationCanceledException) cancelled++;
                else throw j.Error;
            }
            IEnumerable<Op> Canceller() { for (int i = 0; i < cancelYields; i++) yield return Yield(); cts.Cancel(); }
            IEnumerable<Op> Main()
            {
                // Everything starts from one goroutine, so the seed alone decides the interleaving.
                target = GoRuntime.Current.Go(Target());
                var hs = new[] { GoRuntime.Current.Go(Joiner()), GoRuntime.Current.Go(Joiner()), GoRuntime.Current.Go(Canceller()) };
                foreach (var h in hs) yield return Join(h);
                yield return Join(target);
            }
            try
            {
                rt.Go(Main()).Join();
                Assert.Equal(2, joined + cancelled);
                Assert.True(target.IsCompleted);
                Assert.Null(target.Root!.Joins?.Goroutines);        // no cancelled joiner left listed
            }
            catch (Exception ex)
            {
                throw new Exception($"seed {seed}", ex);
            }
        }
    }
}
