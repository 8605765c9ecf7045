using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using GoSharp.Time;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;
using static GoSharp.Runtime.Tests.SelectOps;
using static GoSharp.Runtime.Tests.TimeOps;

namespace GoSharp.Runtime.Tests.Time;

public class TimeTests
{
    public static TheoryData<int> Procs => new() { 1, 2, 4 };

    private sealed class TestEntry : TimerEntry
    {
        public readonly List<long> Fired;
        public TestEntry(List<long> fired) => Fired = fired;
        internal override void Fire(long now, int seq) => Fired.Add(When);
    }

    [Fact]
    public void Heap_keeps_order_under_random_adds_and_removes()
    {
        var rnd = new Random(42);
        var heap = new TimerHeap();
        var fired = new List<long>();
        var live = new List<TestEntry>();
        for (int i = 0; i < 5000; i++)
        {
            if (live.Count > 0 && rnd.Next(3) == 0)
            {
                var t = live[rnd.Next(live.Count)];
                Assert.True(heap.Remove(t));
                Assert.False(heap.Remove(t));
                live.Remove(t);
            }
            else
            {
                var t = new TestEntry(fired);
                heap.Add(t, rnd.Next(1, 1_000_000));
                live.Add(t);
            }
            if (i % 500 == 0) Assert.True(heap.Verify());
        }
        Assert.Equal(live.Min(t => t.When), heap.NextWhen);
        Assert.True(heap.RunExpired(500_000));
        Assert.All(fired, w => Assert.True(w <= 500_000));
        Assert.Equal(fired.OrderBy(x => x), fired);
        Assert.True(heap.NextWhen > 500_000);
        heap.RunExpired(long.MaxValue - 1);
        Assert.Equal(live.Count, fired.Count);
        Assert.Equal(long.MaxValue, heap.NextWhen);
        Assert.Equal(0, heap.Count);
    }

    [Fact]
    public void Heap_moves_all_timers()
    {
        var fired = new List<long>();
        var a = new TimerHeap();
        var b = new TimerHeap();
        for (int i = 0; i < 100; i++) a.Add(new TestEntry(fired), 1000 - i);
        b.Add(new TestEntry(fired), 5000);
        a.MoveAllTo(b);
        Assert.Equal(0, a.Count);
        Assert.Equal(long.MaxValue, a.NextWhen);
        Assert.Equal(101, b.Count);
        Assert.True(b.Verify());
        b.RunExpired(10_000);
        Assert.Equal(fired.OrderBy(x => x), fired);
        Assert.Equal(101, fired.Count);
    }

    [Fact]
    public void Timers_of_retired_Ps_still_fire() => Rt.With(4, rt =>
    {
        const int N = 2000;
        int woke = 0;
        var done = new Chan<Empty>();
        var started = new WaitGroup();
        started.Add(N);
        IEnumerable<Op> Sleeper()
        {
            started.Done();
            yield return Sleep(200);
            if (Interlocked.Increment(ref woke) == N) done.Close();
        }
        for (int i = 0; i < N; i++) rt.Go(Sleeper());
        started.Wait();
        rt.SetMaxProcs(1);     // retires P1..P3 with sleepers on their heaps
        var s = Go.Select(done.RecvCase(), Go.After(TimeSpan.FromSeconds(10)).RecvCase());
        Assert.Equal(0, s.Index);
        rt.SetMaxProcs(4);
    });

    /// <summary>Virtual time elapsed since <paramref name="since"/>, in milliseconds.</summary>
    private static double MsSince(GoRuntime rt, long since) => (rt.Sched.Nanotime() - since) * 1000.0 / Stopwatch.Frequency;

    /// <summary>Exact up to the tick rounding of a duration (virtual time jumps to the deadline itself).</summary>
    private static void AssertVirtualMs(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) < 0.001, $"{what}: {actual} ms of virtual time, expected {expected}");

    [Fact]
    public void Sleeping_goroutines_wake_in_deadline_order_at_their_deadlines()
    {
        // Deterministic mode, many schedules: no wall clock, so the order and the wake times are exact.
        for (int seed = 0; seed < 20; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            var order = new List<(int Ms, double WokeAt)>();
            long start = 0;
            IEnumerable<Op> Sleeper(int ms) { yield return Sleep(ms); order.Add((ms, MsSince(rt, start))); }
            IEnumerable<Op> Main()
            {
                start = rt.Sched.Nanotime();
                var hs = new[] { GoRuntime.Current.Go(Sleeper(150)), GoRuntime.Current.Go(Sleeper(10)), GoRuntime.Current.Go(Sleeper(80)) };
                foreach (var h in hs) yield return Join(h);
            }
            rt.Go(Main()).Join();
            Assert.Equal(new[] { 10, 80, 150 }, order.Select(o => o.Ms));
            foreach (var (ms, wokeAt) in order) AssertVirtualMs(ms, wokeAt, $"seed {seed}: sleeper of {ms} ms");
        }
    }

    [Theory, MemberData(nameof(Procs))]
    public void Hundred_thousand_sleepers_all_wake(int procs) => Rt.With(procs, rt =>
    {
        const int N = 100_000;
        int woke = 0;
        var rnd = new Random(procs);
        var done = new Chan<Empty>();
        IEnumerable<Op> Sleeper(int ms)
        {
            yield return Sleep(ms);
            if (Interlocked.Increment(ref woke) == N) done.Close();
        }
        for (int i = 0; i < N; i++) rt.Go(Sleeper(rnd.Next(1, 50)));
        var s = Go.Select(done.RecvCase(), Go.After(TimeSpan.FromSeconds(30)).RecvCase());
        Assert.Equal(0, s.Index);
        Assert.Equal(N, woke);
        // Sleeping goroutines hold no threads. The runtime's own Ms, not the process's threads: other
        // tests run in parallel and start threads of their own.
        Assert.InRange(rt.ThreadCount, 1, procs + 20);
    });

    [Fact]
    public void Hundred_thousand_sleepers_wake_in_deadline_order_under_virtual_time()
    {
        // Deterministic mode: the clock jumps from timer to timer, so "in order of deadline within the
        // scheduler's granularity" is exact: wake order never goes back in deadline.
        using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = 42 });
        const int N = 100_000;
        var rnd = new Random(7);
        var wakes = new List<(long Deadline, long Woke)>(N);
        IEnumerable<Op> Sleeper(int ms)
        {
            long deadline = rt.Sched.Nanotime() + ms * Stopwatch.Frequency / 1000;
            yield return Sleep(ms);
            wakes.Add((deadline, rt.Sched.Nanotime())); // one P: goroutines never run at once
        }
        IEnumerable<Op> Root()
        {
            for (int i = 0; i < N; i++) GoRuntime.Current.Go(Sleeper(rnd.Next(1, 1000)));
            yield return Sleep(2000);
        }
        rt.Go(Root()).Join();
        Assert.Equal(N, wakes.Count);
        for (int i = 0; i < N; i++)
        {
            Assert.True(wakes[i].Woke >= wakes[i].Deadline, "a sleeper woke early");
            if (i > 0) Assert.True(wakes[i].Deadline >= wakes[i - 1].Deadline, $"wake {i} went back in deadline");
        }
    }

    [Theory, MemberData(nameof(Procs))]
    public void Sleepers_never_wake_early(int procs) => Rt.With(procs, rt =>
    {
        const int N = 20_000;
        var rnd = new Random(procs);
        var early = 0;
        var done = new WaitGroup();
        done.Add(N);
        IEnumerable<Op> Sleeper(int ms)
        {
            long deadline = Stopwatch.GetTimestamp() + ms * Stopwatch.Frequency / 1000;
            yield return Sleep(ms);
            if (Stopwatch.GetTimestamp() < deadline) Interlocked.Increment(ref early);
            done.Done();
        }
        for (int i = 0; i < N; i++) rt.Go(Sleeper(rnd.Next(1, 30)));
        done.Wait();
        Assert.Equal(0, early);
    });

    [Theory, MemberData(nameof(Procs))]
    public void After_as_select_timeout_in_goroutine(int procs) => Rt.With(procs, rt =>
    {
        var never = new Chan<int>();
        Selected<int, DateTime> r = default;
        long elapsed = 0;
        IEnumerable<Op> Body()
        {
            var sw = Stopwatch.StartNew();
            var s = Select(never.RecvCase(), Go.After(TimeSpan.FromMilliseconds(30)).RecvCase());
            yield return s;
            r = s.Result;
            elapsed = sw.ElapsedMilliseconds;
        }
        rt.Go(Body()).Join();
        Assert.Equal(1, r.Index);
        Assert.True(elapsed >= 29, $"{elapsed} ms");
    });

    [Fact]
    public void After_and_sleep_on_a_plain_thread()
    {
        var sw = Stopwatch.StartNew();
        Go.Sleep(TimeSpan.FromMilliseconds(20));
        Assert.True(sw.ElapsedMilliseconds >= 19);
        sw.Restart();
        var t = Go.After(TimeSpan.FromMilliseconds(25)).Recv();
        Assert.True(sw.ElapsedMilliseconds >= 24);
        Assert.True(t <= DateTime.UtcNow);
        var s = Go.Select(Chan<int>.Nil.RecvCase(), Go.After(TimeSpan.FromMilliseconds(10)).RecvCase());
        Assert.Equal(1, s.Index);
    }

    [Theory, MemberData(nameof(Procs))]
    public void Timer_stop_and_reset(int procs) => Rt.With(procs, rt =>
    {
        // Real Ps and a plain thread. Where a timer must still be pending when the next call comes, its
        // duration is an hour, so a stalled machine cannot turn the check around; the exact timings are
        // in Timer_stop_and_reset_under_virtual_time.
        var t = Go.NewTimer(TimeSpan.FromHours(1));
        Assert.True(t.Stop());
        Assert.False(t.Stop());
        Assert.False(t.Reset(TimeSpan.FromMilliseconds(10)));
        t.C.Recv();
        Assert.False(t.Stop()); // already fired and received
        t.Reset(TimeSpan.FromHours(1));
        var sw = Stopwatch.StartNew(); // before the Reset, so a stall in between cannot shorten what it measures
        Assert.True(t.Reset(TimeSpan.FromMilliseconds(60))); // pushes a pending timer in
        t.C.Recv();
        Assert.True(sw.ElapsedMilliseconds >= 59, $"{sw.ElapsedMilliseconds} ms"); // never early
        // No stale value after Stop once it has fired into the channel: wait for the fire itself.
        var u = Go.NewTimer(TimeSpan.FromMilliseconds(1));
        Assert.True(SpinWait.SpinUntil(() => u.C.Len == 1, TimeSpan.FromSeconds(30)), "a 1 ms timer never fired");
        Assert.True(u.Stop()); // Go 1.23: Stop drains the unread value and reports it
        Assert.False(u.C.TryRecv(out _));
        // AfterFunc runs its action in a goroutine.
        var ran = new Chan<long>(1);
        Go.AfterFunc(TimeSpan.FromMilliseconds(5), () => ran.Send(Go.CurrentId));
        Assert.NotEqual(0, ran.Recv());
        var f = Go.AfterFunc(TimeSpan.FromHours(1), () => ran.Send(-1));
        Assert.True(f.Stop());
        Assert.True(f.C.IsNil);
    });

    [Fact]
    public void Timer_stop_and_reset_under_virtual_time()
    {
        for (int seed = 0; seed < 10; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            var ran = new Chan<long>(1);
            IEnumerable<Op> Body()
            {
                long t0 = rt.Sched.Nanotime();
                var t = Go.NewTimer(TimeSpan.FromMilliseconds(40));
                Assert.True(t.Stop());
                Assert.False(t.Stop());
                var s = Select(t.C.RecvCase(), Go.After(TimeSpan.FromMilliseconds(80)).RecvCase());
                yield return s;
                Assert.Equal(1, s.Result.Index); // 80 ms passed and the stopped timer never fired
                AssertVirtualMs(80, MsSince(rt, t0), "After(80 ms)");

                Assert.False(t.Reset(TimeSpan.FromMilliseconds(10)));
                t0 = rt.Sched.Nanotime();
                yield return Recv(t.C);
                AssertVirtualMs(10, MsSince(rt, t0), "Reset(10 ms)");
                Assert.False(t.Stop()); // fired and received

                t0 = rt.Sched.Nanotime();
                t.Reset(TimeSpan.FromMilliseconds(20));
                yield return Sleep(10);
                Assert.True(t.Reset(TimeSpan.FromMilliseconds(60))); // pending at 10 of 20 ms: pushed out
                yield return Recv(t.C);
                AssertVirtualMs(70, MsSince(rt, t0), "Reset(60 ms) 10 ms into a 20 ms timer");

                // A fire nobody has read yet: Stop drains it and reports true (Go 1.23).
                var u = Go.NewTimer(TimeSpan.FromMilliseconds(1));
                yield return Sleep(2);
                Assert.Equal(1, u.C.Len);
                Assert.True(u.Stop());
                Assert.False(u.C.TryRecv(out _));

                // AfterFunc runs its action in a goroutine of its own, at its time.
                t0 = rt.Sched.Nanotime();
                long self = Go.CurrentId;
                Go.AfterFunc(TimeSpan.FromMilliseconds(5), () => ran.Send(Go.CurrentId));
                var r = Recv(ran);
                yield return r;
                Assert.NotEqual(0, r.Result);
                Assert.NotEqual(self, r.Result);
                AssertVirtualMs(5, MsSince(rt, t0), "AfterFunc(5 ms)");
                var f = Go.AfterFunc(TimeSpan.FromMilliseconds(30), () => ran.Send(-1));
                Assert.True(f.Stop());
                Assert.True(f.C.IsNil);
                yield return Sleep(60);
                Assert.False(ran.TryRecv(out _)); // the stopped AfterFunc never ran
            }
            rt.Go(Body()).Join();
        }
    }

    [Theory, MemberData(nameof(Procs))]
    public void Ticker_ticks_and_stops(int procs) => Rt.With(procs, rt =>
    {
        var sw = Stopwatch.StartNew(); // before the ticker starts, so a stall in between cannot shorten what it measures
        var tk = Go.NewTicker(TimeSpan.FromMilliseconds(10));
        int n = 0;
        IEnumerable<Op> Body()
        {
            for (int i = 0; i < 5; i++) { var r = Recv(tk.C); yield return r; n++; }
            tk.Stop();
        }
        rt.Go(Body()).Join();
        Assert.Equal(5, n);
        Assert.True(sw.ElapsedMilliseconds >= 49, $"{sw.ElapsedMilliseconds} ms"); // five periods, never early
        tk.Reset(TimeSpan.FromMilliseconds(5));
        tk.C.Recv();
        tk.Stop();
        Assert.Throws<ArgumentOutOfRangeException>(() => Go.NewTicker(TimeSpan.Zero));
    });

    [Fact]
    public void Ticker_ticks_and_stops_under_virtual_time()
    {
        for (int seed = 0; seed < 10; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            IEnumerable<Op> Body()
            {
                long t0 = rt.Sched.Nanotime();
                var tk = Go.NewTicker(TimeSpan.FromMilliseconds(10));
                for (int i = 1; i <= 5; i++)
                {
                    yield return Recv(tk.C);
                    AssertVirtualMs(10 * i, MsSince(rt, t0), $"tick {i}");
                }
                yield return Sleep(15); // a tick fires meanwhile and waits unread in the channel
                tk.Stop();              // no tick is delivered after Stop, that one included
                var s = Select(tk.C.RecvCase(), Go.After(TimeSpan.FromMilliseconds(40)).RecvCase());
                yield return s;
                Assert.Equal(1, s.Result.Index);
                t0 = rt.Sched.Nanotime();
                tk.Reset(TimeSpan.FromMilliseconds(5));
                yield return Recv(tk.C);
                AssertVirtualMs(5, MsSince(rt, t0), "first tick after Reset(5 ms)");
                yield return Recv(tk.C);
                AssertVirtualMs(10, MsSince(rt, t0), "second tick after Reset(5 ms)");
                tk.Stop();
            }
            rt.Go(Body()).Join();
        }
    }
}
