using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Xunit;

namespace GoSharp.Runtime.Tests.Faults;

/// <summary>
/// Scenario 2: Timer.Reset/Stop, AfterFunc and Ticker.Stop/Reset from plain threads and goroutines while
/// another thread flips SetMaxProcs between 1 and 4 (timers move between P heaps). Each timer's expected
/// number of firings is exact: arms (creation + each Reset) minus the Stop/Reset calls that returned true
/// (Go 1.23 semantics: true means the pending firing, or its unreceived value, was prevented). So a timer
/// whose Stop returned true never fires afterwards, and a timer not stopped fires exactly once.
/// </summary>
[Collection(FaultsCollection.Name)]
public class TimerResizeFaultTests
{
    private sealed class Tracked
    {
        public Go.Timer? Timer;      // channel timer, or the AfterFunc timer
        public bool IsFunc;
        public int Fired;             // AfterFunc runs
        public int Arms = 1;
        public int Prevented;         // Stop/Reset calls that returned true
        public int Expected => Arms - Prevented;
        public string Log = "";
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void StopResetAndAfterFuncRacingSetMaxProcs(int procs)
    {
        procs = FaultEnv.Procs(procs);
        for (int round = 0; round < 5 * FaultEnv.Rounds; round++) Round(procs, seed: round * 131 + procs);
    }

    private static void Round(int procs, int seed)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        var errors = new ConcurrentQueue<Exception>();
        var all = new ConcurrentQueue<Tracked>();
        var tickers = new ConcurrentQueue<Go.Ticker>();
        int stopFlipping = 0;
        const int workers = 4, perWorker = 120;

        var flipper = FaultEnv.Start(() =>
        {
            int[] seq = { 1, 4, 2, 3, 1, 2, 4, 3 };
            for (int i = 0; Volatile.Read(ref stopFlipping) == 0; i++)
            {
                try { rt.SetMaxProcs(seq[i % seq.Length]); }
                catch (Exception ex) { errors.Enqueue(new Exception("SetMaxProcs threw", ex)); return; }
            }
        }, null, "flipper");

        void Work(int w)
        {
            var rnd = new Random(seed * 17 + w);
            for (int i = 0; i < perWorker; i++)
            {
                var t = new Tracked { IsFunc = rnd.Next(3) == 0 };
                try
                {
                    var d = TimeSpan.FromMicroseconds(rnd.Next(0, 3000));
                    t.Timer = t.IsFunc ? Go.AfterFunc(d, () => Interlocked.Increment(ref t.Fired)) : Go.NewTimer(d);
                    all.Enqueue(t);
                    int ops = rnd.Next(0, 4);
                    for (int k = 0; k < ops; k++)
                    {
                        if (rnd.Next(2) == 0)
                        {
                            bool r = t.Timer.Stop();
                            t.Log += r ? " stop:true" : " stop:false";
                            if (r) t.Prevented++;
                        }
                        else
                        {
                            bool r = t.Timer.Reset(TimeSpan.FromMicroseconds(rnd.Next(0, 3000)));
                            t.Log += r ? " reset:true" : " reset:false";
                            t.Arms++;
                            if (r) t.Prevented++;
                        }
                    }
                    if (i % 20 == 0)
                    {
                        var tk = Go.NewTicker(TimeSpan.FromMicroseconds(200 + rnd.Next(0, 800)));
                        tk.Reset(TimeSpan.FromMicroseconds(200 + rnd.Next(0, 800)));
                        if (rnd.Next(2) == 0) tk.Reset(TimeSpan.FromMicroseconds(100));
                        tk.Stop();
                        tk.C.TryRecv(out _); // a tick from before Stop may be buffered; none may come after
                        tickers.Enqueue(tk);
                    }
                }
                catch (Exception ex) { errors.Enqueue(new Exception($"timer op threw ({t.Log})", ex)); }
            }
        }

        // Half the workers are plain threads (timers on P0's heap), half goroutines (timers on their P's heap).
        var threads = Enumerable.Range(0, workers / 2).Select(w => FaultEnv.Start(() => Work(w), rt, $"timer worker {w}")).ToList();
        var gs = Enumerable.Range(workers / 2, workers / 2).Select(w => rt.Spawn(new PlainFrame(() => Work(w)))).ToList();
        foreach (var t in threads) FaultEnv.Joined(t, "timer worker thread");
        foreach (var h in gs)
        {
            var e = FaultEnv.JoinError(h, "timer worker goroutine");
            if (e is not null) errors.Enqueue(e);
        }
        Volatile.Write(ref stopFlipping, 1);
        FaultEnv.Joined(flipper, "flipper");
        FaultEnv.NoErrors(errors, "Stop/Reset/SetMaxProcs");

        var timers = all.ToArray();
        // Every expected firing arrives (hang guard, not a deadline).
        foreach (var t in timers.Where(t => !t.IsFunc && t.Expected == 1))
        {
            var c = t.Timer!.C;
            int v = 0;
            FaultEnv.Guarded("timer value", () => { c.Recv(); v = 1; });
            Assert.Equal(1, v);
        }
        Assert.True(SpinWait.SpinUntil(() => timers.Where(t => t.IsFunc).All(t => Volatile.Read(ref t.Fired) >= t.Expected), FaultEnv.Guard),
            "an AfterFunc that was not stopped never ran");
        // A sentinel armed after every other deadline (all under 3 ms from their last Stop/Reset): once it
        // fired and a fresh goroutine ran, a stopped timer that was going to fire late had its chance.
        FaultEnv.Guarded("sentinel", () => Go.NewTimer(TimeSpan.FromMilliseconds(20)).C.Recv(), rt);
        FaultEnv.AssertHealthy(rt);
        foreach (var t in timers)
        {
            Assert.True(t.Expected is 0 or 1 || t.IsFunc, $"channel timer with {t.Expected} expected firings:{t.Log}");
            if (t.IsFunc) Assert.True(t.Expected == Volatile.Read(ref t.Fired), $"AfterFunc ran {t.Fired} time(s), expected {t.Expected}:{t.Log}");
            else Assert.False(t.Timer!.C.TryRecv(out _), $"channel timer fired more than expected ({t.Expected}):{t.Log}");
        }
        foreach (var tk in tickers) Assert.False(tk.C.TryRecv(out _), "a stopped ticker ticked");
    }
    /// <summary>
    /// The same exact counts in deterministic mode (virtual time) over many seeds: goroutines arm timers,
    /// sleep seed-chosen virtual durations so that Stop/Reset land before, at and after the deadlines, and a
    /// final sleep past every deadline lets whatever is due fire.
    /// </summary>
    [Fact]
    public void StopResetAndAfterFuncOverSeedsInVirtualTime()
    {
        int seeds = 40 * FaultEnv.Rounds;
        for (int seed = 0; seed < seeds; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            var all = new ConcurrentQueue<Tracked>();
            var errors = new ConcurrentQueue<Exception>();
            IEnumerable<Op> Worker(int w)
            {
                var rnd = new Random(seed * 7919 + w);
                for (int i = 0; i < 8; i++)
                {
                    var t = new Tracked { IsFunc = rnd.Next(2) == 0 };
                    var d = TimeSpan.FromMilliseconds(rnd.Next(0, 10));
                    t.Timer = t.IsFunc ? Go.AfterFunc(d, () => Interlocked.Increment(ref t.Fired)) : Go.NewTimer(d);
                    all.Enqueue(t);
                    int ops = rnd.Next(0, 4);
                    for (int k = 0; k < ops; k++)
                    {
                        yield return TimeOps.Sleep(rnd.Next(0, 12));
                        bool r;
                        try
                        {
                            if (rnd.Next(2) == 0) { r = t.Timer.Stop(); t.Log += $" stop:{r}"; }
                            else { r = t.Timer.Reset(TimeSpan.FromMilliseconds(rnd.Next(0, 10))); t.Log += $" reset:{r}"; t.Arms++; }
                        }
                        catch (Exception ex) { errors.Enqueue(ex); yield break; }
                        if (r) t.Prevented++;
                    }
                }
            }
            var hs = new List<Goroutine>();
            IEnumerable<Op> Main()
            {
                for (int w = 0; w < 4; w++) hs.Add(GoRuntime.Current.Go(Worker(w)));
                foreach (var h in hs) yield return Ops.Join(h);
                yield return TimeOps.Sleep(100); // virtual: every deadline (under 10 ms after the last op) is past
            }
            FaultEnv.Guarded($"seed {seed}", () => rt.Go(Main()).Join());
            FaultEnv.NoErrors(errors, $"seed {seed}: Stop/Reset");
            // AfterFunc actions run as goroutines: let them finish (they are runnable, not waiting on time).
            Assert.True(SpinWait.SpinUntil(() => rt.NumGoroutine == 0, FaultEnv.Guard), rt.DumpGoroutines());
            foreach (var t in all)
            {
                if (t.IsFunc) Assert.True(t.Expected == Volatile.Read(ref t.Fired), $"seed {seed}: AfterFunc ran {t.Fired} time(s), expected {t.Expected}:{t.Log}");
                else
                {
                    Assert.True(t.Expected is 0 or 1, $"seed {seed}: channel timer with {t.Expected} expected firings:{t.Log}");
                    int n = 0;
                    while (t.Timer!.C.TryRecv(out _)) n++;
                    Assert.True(t.Expected == n, $"seed {seed}: channel timer delivered {n} value(s), expected {t.Expected}:{t.Log}");
                }
            }
        }
    }
}
