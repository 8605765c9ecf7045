using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;
using static GoSharp.Runtime.Tests.SelectOps;
using static GoSharp.Runtime.Tests.TimeOps;

namespace GoSharp.Runtime.Tests.Time;

/// <summary>
/// Thousands of timers and tickers started, stopped and reset from many goroutines at once. Each owner keeps
/// a model of its timers (armed or not, deadline) and checks every <c>Stop</c>/<c>Reset</c> answer against Go
/// 1.23's: true exactly when the timer was armed and its value not received (a fired value nobody took counts
/// as not received, and Stop discards it). The single-timer cases are in <see cref="TimeTests"/>; this looks
/// for state one timer's operations leak into another's when many share the heaps.
/// </summary>
public class TimerStormTests
{
    public static TheoryData<int> Procs => new() { 1, 2, 4 };

    private sealed class Model
    {
        public required Go.Timer Timer;
        public bool Armed;
        public long Deadline;
    }

    /// <summary>
    /// Joins every goroutine before rethrowing the first failure: a handle left unjoined after an earlier Join threw
    /// would report its own failure at a collection, which ends the test process instead of failing the test.
    /// </summary>
    private static void JoinAll(IEnumerable<Goroutine> gs)
    {
        Exception? first = null;
        foreach (var g in gs)
        {
            try { g.Join(); }
            catch (Exception e) { first ??= e; }
        }
        if (first is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
    }

    private static long Ms(int ms) => ms * Stopwatch.Frequency / 1000;

    /// <summary>One owner: <paramref name="timers"/> timers and a ticker, <paramref name="ops"/> random operations.</summary>
    private static IEnumerable<Op> Owner(GoRuntime rt, int seed, int timers, int ops, int[] checksOut)
    {
        var rnd = new Random(seed); // owned by this goroutine alone
        var ts = new List<Model>();
        for (int i = 0; i < timers; i++)
        {
            int d = rnd.Next(1, 30);
            ts.Add(new Model { Timer = Go.NewTimer(TimeSpan.FromMilliseconds(d)), Armed = true, Deadline = rt.Sched.Nanotime() + Ms(d) });
        }
        int period = rnd.Next(1, 10);
        var tk = Go.NewTicker(TimeSpan.FromMilliseconds(period));
        int checks = 0;
        for (int k = 0; k < ops; k++)
        {
            var m = ts[rnd.Next(ts.Count)];
            long now = rt.Sched.Nanotime();
            switch (rnd.Next(6))
            {
                case 0:
                    Assert.Equal(m.Armed, m.Timer.Stop());
                    m.Armed = false;
                    Assert.False(m.Timer.C.TryRecv(out _)); // nothing from before Stop is received after it
                    checks++;
                    break;
                case 1:
                {
                    int d = rnd.Next(0, 30);
                    Assert.Equal(m.Armed, m.Timer.Reset(TimeSpan.FromMilliseconds(d)));
                    m.Armed = true;
                    m.Deadline = now + Ms(d);
                    checks++;
                    break;
                }
                case 2 when m.Armed:
                {
                    // Receive the value: it comes at the deadline (or at once if it has passed), exactly once.
                    var r = Recv(m.Timer.C);
                    yield return r;
                    Assert.True(rt.Sched.Nanotime() >= m.Deadline, "a timer fired before its deadline");
                    m.Armed = false;
                    Assert.False(m.Timer.C.TryRecv(out _));
                    Assert.False(m.Timer.Stop()); // received: Stop is too late
                    checks++;
                    break;
                }
                case 3:
                {
                    // The value is in C once the deadline has passed, and not before. At the deadline's own instant
                    // the timer and this goroutine may run in either order, so a tie is not checked.
                    int n = m.Timer.C.Len;
                    if (!m.Armed || m.Deadline > now) Assert.Equal(0, n);
                    else if (m.Deadline < now) Assert.Equal(1, n);
                    checks++;
                    break;
                }
                case 4:
                {
                    // A tick arrives one period after the last Reset or tick received, on the dot.
                    if (rnd.Next(4) == 0)
                    {
                        period = rnd.Next(1, 10);
                        tk.Reset(TimeSpan.FromMilliseconds(period));
                        long t0 = rt.Sched.Nanotime();
                        Assert.Equal(0, tk.C.Len); // Reset discards a tick sent before it
                        yield return Recv(tk.C);
                        Assert.InRange(rt.Sched.Nanotime() - t0, Ms(period) - 1, Ms(period) + 1);
                        checks++;
                    }
                    else yield return Recv(tk.C);
                    break;
                }
                default:
                    yield return Sleep(rnd.Next(0, 8));
                    break;
            }
        }
        tk.Stop();
        Assert.Equal(0, tk.C.Len);
        foreach (var m in ts) { Assert.Equal(m.Armed, m.Timer.Stop()); m.Armed = false; }
        // A stopped timer never fires later: wait past every deadline and look again.
        yield return Sleep(40);
        Assert.All(ts, m => Assert.Equal(0, m.Timer.C.Len));
        Assert.Equal(0, tk.C.Len);
        checksOut[0] = checks;
    }

    [Fact]
    public void Stop_and_Reset_answer_as_Go_for_thousands_of_timers_of_many_goroutines_under_virtual_time()
    {
        const int Owners = 40, Timers = 50, Ops = 200;
        long total = 0;
        for (int seed = 0; seed < 12; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            // A root goroutine starts the owners (so no outside thread races the deterministic scheduler); the test
            // joins each, so an owner's failed assertion fails the test with its own message.
            var owners = new Goroutine[Owners];
            var checks = new int[Owners][];
            IEnumerable<Op> Root()
            {
                for (int o = 0; o < Owners; o++) owners[o] = rt.Go(Owner(rt, seed * 1000 + o, Timers, Ops, checks[o] = new int[1]));
                yield break;
            }
            rt.Go(Root()).Join();
            JoinAll(owners);
            total += checks.Sum(c => c[0]);
        }
        Assert.True(total > 12 * Owners * Ops / 3, $"only {total} checks ran");
    }

    /// <summary>
    /// In real time on several Ps: a timer nobody receives from is stopped by another goroutine while it may be
    /// firing on some P. Its value is never received, so Stop must say true whether it won the race or found the
    /// value in C (and then C is empty); a Reset of such a timer likewise, and after the Reset exactly one value
    /// comes.
    /// </summary>
    [Theory, MemberData(nameof(Procs))]
    public void Stop_racing_the_firing_of_an_unread_timer_is_always_true(int procs) => Rt.With(procs, rt =>
    {
        const int Workers = 16, PerWorker = 250;
        var stoppedBy = new int[Workers];
        IEnumerable<Op> Worker(int w)
        {
            var rnd = new Random(w);
            int stopped = 0;
            for (int i = 0; i < PerWorker; i++)
            {
                var t = Go.NewTimer(TimeSpan.FromTicks(rnd.Next(0, 20_000))); // 0 to 2 ms
                for (int y = rnd.Next(0, 4); y > 0; y--) yield return Yield();
                if (rnd.Next(2) == 0)
                {
                    Assert.True(t.Stop(), "Stop of a timer whose value was never received said false");
                    Assert.Equal(0, t.C.Len);
                    Assert.False(t.Stop());
                    stopped++;
                }
                else
                {
                    // The new arming may fire at once on another P, so C is not checked empty here; the value
                    // received is stamped after the Reset began, so it is not one the Reset should have discarded.
                    var before = DateTime.UtcNow;
                    Assert.True(t.Reset(TimeSpan.FromTicks(rnd.Next(0, 20_000))), "Reset of a timer whose value was never received said false");
                    var r = Recv(t.C);
                    yield return r;
                    Assert.True(r.Result >= before, "a value from before Reset was received after it");
                    Assert.False(t.C.TryRecv(out _)); // one value per arming
                    Assert.False(t.Stop());
                }
            }
            stoppedBy[w] = stopped;
        }
        var workers = Enumerable.Range(0, Workers).Select(w => rt.Go(Worker(w))).ToArray();
        JoinAll(workers); // an assertion failed in a worker fails the test here
        Assert.InRange(stoppedBy.Sum(), 1, Workers * PerWorker - 1);
    });

    /// <summary>Many goroutines Stop one armed timer at once: exactly one of them stopped it.</summary>
    [Theory, MemberData(nameof(Procs))]
    public void Concurrent_Stops_of_one_timer_exactly_one_is_true(int procs) => Rt.With(procs, rt =>
    {
        const int Rounds = 200, Stoppers = 8;
        var answers = new Chan<bool>(Stoppers);
        IEnumerable<Op> Stopper(Go.Timer t, int yields)
        {
            for (int y = 0; y < yields; y++) yield return Yield();
            yield return Send(answers, t.Stop());
        }
        IEnumerable<Op> Root()
        {
            for (int r = 0; r < Rounds; r++)
            {
                // An hour: it cannot fire during the round, so exactly one Stop finds it armed.
                var t = Go.NewTimer(TimeSpan.FromHours(1));
                for (int s = 0; s < Stoppers; s++) rt.Go(Stopper(t, (r + s) % 3));
                int yes = 0;
                for (int s = 0; s < Stoppers; s++) { var a = Recv(answers); yield return a; if (a.Result) yes++; }
                Assert.Equal(1, yes);
            }
        }
        rt.Go(Root()).Join();
    });
}
