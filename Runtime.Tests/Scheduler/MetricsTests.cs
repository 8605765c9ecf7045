using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using GoSharp.Runtime.Tests.Frames;
using Xunit;

namespace GoSharp.Runtime.Tests.Scheduler;

public class MetricsTests
{
    [Fact]
    public void TheGoSharpMeterReportsEachRuntimesState()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 3, Name = "metrics-" + Guid.NewGuid().ToString("N"), DetectDeadlocks = false });
        var never = new Signal();
        for (int i = 0; i < 5; i++) rt.Spawn(new WaitOnceFrame(never));
        // Every goroutine parked, not merely created: a spawned goroutine sits on a run queue (the global
        // one, when spawned from a plain thread) until an M picks it up.
        Assert.True(SpinWait.SpinUntil(() => rt.NumGoroutine == 5 && Dumps.CountInStatus(rt, "[waiting]") == 5, TimeSpan.FromSeconds(30)),
            "the goroutines never all parked:\n" + rt.DumpGoroutines());

        var seen = new Dictionary<string, int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GoRuntime.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "gosharp.runtime" && (string?)tag.Value == rt.Name) seen[instrument.Name] = value;
        });
        listener.Start();
        listener.RecordObservableInstruments();

        Assert.Equal(5, seen["gosharp.goroutines"]);
        Assert.Equal(3, seen["gosharp.gomaxprocs"]);
        Assert.Equal(5, seen["gosharp.goroutines_created"]);
        Assert.True(seen["gosharp.threads"] >= 1);
        Assert.InRange(seen["gosharp.idle_procs"], 0, 3);
        Assert.Equal(0, seen["gosharp.global_run_queue"]);
    }
}
