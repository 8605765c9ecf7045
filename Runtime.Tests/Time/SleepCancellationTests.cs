using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;
using static GoSharp.Runtime.Tests.TimeOps;

namespace GoSharp.Runtime.Tests.Time;

/// <summary><c>Go.Sleep(d, token)</c>: cancellation ends the sleep with OperationCanceledException.</summary>
public class SleepCancellationTests
{
    // Go sleeps for any duration; Thread.Sleep and WaitOne take at most int.MaxValue ms (24.8 days), and a longer
    // Go.Sleep on a thread threw ArgumentOutOfRangeException (runtime red team).
    [Fact]
    public void A_sleep_longer_than_a_thread_wait_takes_is_cancelled_not_refused()
    {
        using var cts = new CancellationTokenSource();
        Exception? error = null;
        var t = new Thread(() => { try { Go.Sleep(TimeSpan.FromDays(400), cts.Token); } catch (Exception ex) { error = ex; } });
        t.Start();
        Assert.True(SpinWait.SpinUntil(() => error is not null || (t.ThreadState & System.Threading.ThreadState.WaitSleepJoin) != 0, TimeSpan.FromSeconds(60)));
        cts.Cancel();
        t.Join();
        Assert.Equal(cts.Token, Assert.IsType<OperationCanceledException>(error).CancellationToken);
    }

    [Fact]
    public void Cancelled_token_ends_an_hour_long_sleep_on_a_thread_and_in_a_goroutine() => Rt.With(2, rt =>
    {
        using var cts = new CancellationTokenSource();
        Exception? fromGoroutine = null, fromThread = null;
        IEnumerable<Op> Sleeper() { var s = Sleep(TimeSpan.FromHours(1), cts.Token).Catch(); yield return s; fromGoroutine = s.Error; }
        var h = rt.Go(Sleeper());
        var t = new Thread(() => { try { Go.Sleep(TimeSpan.FromHours(1), cts.Token); } catch (Exception ex) { fromThread = ex; } });
        t.Start();
        cts.Cancel();
        h.Join();
        t.Join();
        Assert.Equal(cts.Token, Assert.IsType<OperationCanceledException>(fromGoroutine).CancellationToken);
        Assert.Equal(cts.Token, Assert.IsType<OperationCanceledException>(fromThread).CancellationToken);
        Assert.Throws<OperationCanceledException>(() => Go.Sleep(TimeSpan.Zero, cts.Token));
        Go.Sleep(TimeSpan.FromMilliseconds(1), CancellationToken.None);
    });

    [Fact]
    public void Sleep_racing_its_cancellation_in_virtual_time_under_many_seeds()
    {
        for (int seed = 1; seed <= 200; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            var rnd = new Random(seed);
            int sleepMs = rnd.Next(1, 40), cancelMs = rnd.Next(1, 40);
            using var cts = new CancellationTokenSource();
            Exception? error = null;
            double wokeAt = -1;
            long start = 0;
            IEnumerable<Op> Sleeper()
            {
                var s = Sleep(TimeSpan.FromMilliseconds(sleepMs), cts.Token).Catch();
                yield return s;
                error = s.Error;
                wokeAt = (rt.Sched.Nanotime() - start) * 1000.0 / Stopwatch.Frequency;
            }
            IEnumerable<Op> Canceller() { yield return Sleep(cancelMs); cts.Cancel(); }
            IEnumerable<Op> Main()
            {
                // Both start at virtual time 0: spawned by one goroutine, not one by one from this thread.
                start = rt.Sched.Nanotime();
                var hs = new[] { GoRuntime.Current.Go(Sleeper()), GoRuntime.Current.Go(Canceller()) };
                foreach (var h in hs) yield return Join(h);
            }
            rt.Go(Main()).Join();
            string at = $"seed {seed}: sleep {sleepMs} ms, cancel at {cancelMs} ms, woke at {wokeAt} ms, error {error?.GetType().Name}";
            if (cancelMs < sleepMs)
            {
                Assert.True(error is OperationCanceledException, at);
                Assert.True(wokeAt < sleepMs, at);
            }
            else if (cancelMs > sleepMs)
            {
                Assert.True(error is null, at);
            }
            else Assert.True(error is null or OperationCanceledException, at);
        }
    }
}
