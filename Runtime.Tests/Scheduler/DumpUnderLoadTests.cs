using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary>
/// Dumps and metrics read by another thread while the scheduler runs hot (goroutines spawning children that end at
/// once, ping-ponging on channels, yielding): no read may throw, every dump must list each goroutine once with a
/// known state, the instruments must stay within their bounds, and once the program settles with every goroutine
/// parked on one channel the dump, NumGoroutine and the meter must all give the same exact count.
/// </summary>
public partial class DumpUnderLoadTests
{
    [GeneratedRegex(@"^goroutine (\d+) \[([^\]]+)\]:$", RegexOptions.Multiline)]
    private static partial Regex Header();

    private static readonly string[] States = ["running", "runnable", "syscall", "chan receive", "chan send", "sleep", "select"];

    [Theory, InlineData(1), InlineData(2), InlineData(4)]
    public void DumpsAndMetricsStayConsistentWhileTheSchedulerRunsHot(int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs, Name = $"dump-under-load-{procs}" });
        const int Workers = 8, Rounds = 300;
        var settle = new Chan<int>();
        var settled = new Chan<int>(Workers);
        IEnumerable<Op> Child() { yield return Yield(); }
        IEnumerable<Op> Worker(Chan<int> ping, Chan<int> pong, bool first)
        {
            for (int i = 0; i < Rounds; i++)
            {
                rt.Go(Child());
                if (first) { yield return Send(ping, i); yield return Recv(pong); }
                else { yield return Recv(ping); yield return Send(pong, i); }
                if (i % 7 == 0) yield return Yield();
            }
            yield return Send(settled, 1);
            yield return Recv(settle); // parked here for the exact count
        }
        var workers = new List<Goroutine>();
        for (int k = 0; k < Workers / 2; k++)
        {
            var ping = new Chan<int>();
            var pong = new Chan<int>();
            workers.Add(rt.Go(Worker(ping, pong, true)));
            workers.Add(rt.Go(Worker(ping, pong, false)));
        }

        var problems = new ConcurrentQueue<string>();
        long lastCreated = 0;
        int dumps = 0;
        using var listener = new MeterListener();
        var readings = new ConcurrentDictionary<string, int>();
        listener.InstrumentPublished = (inst, l) => { if (inst.Meter.Name == GoRuntime.MeterName) l.EnableMeasurementEvents(inst); };
        listener.SetMeasurementEventCallback<int>((inst, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "gosharp.runtime" && (string?)tag.Value == rt.Name) readings[inst.Name] = value;
        });
        listener.Start();
        void Observe()
        {
            string dump = rt.DumpGoroutines();
            var ids = new HashSet<long>();
            foreach (Match m in Header().Matches(dump))
            {
                if (!ids.Add(long.Parse(m.Groups[1].Value))) problems.Enqueue($"goroutine {m.Groups[1].Value} listed twice");
                if (!States.Contains(m.Groups[2].Value)) problems.Enqueue($"unknown state [{m.Groups[2].Value}]");
            }
            listener.RecordObservableInstruments();
            if (readings.TryGetValue("gosharp.idle_procs", out int idle) && (idle < 0 || idle > procs)) problems.Enqueue($"idle_procs {idle}");
            if (readings.TryGetValue("gosharp.goroutines", out int n) && n < 0) problems.Enqueue($"goroutines {n}");
            if (readings.TryGetValue("gosharp.global_run_queue", out int q) && q < 0) problems.Enqueue($"global_run_queue {q}");
            if (readings.TryGetValue("gosharp.goroutines_created", out int created))
            {
                if (created < lastCreated) problems.Enqueue($"goroutines_created went back from {lastCreated} to {created}");
                lastCreated = created;
            }
            if (rt.NumGoroutine < 0) problems.Enqueue($"NumGoroutine {rt.NumGoroutine}");
            dumps++;
        }
        var observer = new Thread(() =>
        {
            for (int i = 0; i < 200; i++) Observe();
        });
        observer.Start();
        // The settled workers tell a plain thread; then every goroutine but the workers has ended.
        for (int k = 0; k < Workers; k++) settled.Recv();
        observer.Join();
        Assert.True(problems.IsEmpty, string.Join("\n", problems.Take(5)));
        Assert.True(dumps == 200);

        // Settled: the children have all ended (each was spawned before its parent's last round trip, and a child
        // only yields once), or are about to: wait for the count to fall to the workers alone.
        Assert.True(SpinWait.SpinUntil(() => rt.NumGoroutine == Workers, BlockingTests.Guard), $"NumGoroutine {rt.NumGoroutine}");
        Assert.True(SpinWait.SpinUntil(() => Header().Matches(rt.DumpGoroutines()).Count(m => m.Groups[2].Value == "chan receive") == Workers,
            BlockingTests.Guard), rt.DumpGoroutines());
        string final = rt.DumpGoroutines();
        Assert.Equal(Workers, Header().Matches(final).Count);
        listener.RecordObservableInstruments();
        Assert.Equal(Workers, readings["gosharp.goroutines"]);
        Assert.Equal(Workers * Rounds + Workers, readings["gosharp.goroutines_created"]);
        settle.Close();
        foreach (var w in workers) w.Join();
        Assert.True(SpinWait.SpinUntil(() => rt.NumGoroutine == 0, BlockingTests.Guard)); // a joined goroutine may still be on its way out
    }
}
