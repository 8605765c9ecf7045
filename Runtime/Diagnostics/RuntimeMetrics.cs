using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading;

namespace GoSharp;

// System.Diagnostics.Metrics instruments (meter "GoSharp"), read by dotnet-counters, OpenTelemetry or a
// MeterListener. Observable instruments only: nothing is paid on the scheduler's hot paths; the values
// are read when a listener collects. Each measurement carries the runtime's name as tag "gosharp.runtime".
public sealed partial class GoRuntime
{
    /// <summary>The name of the <see cref="Meter"/> every runtime publishes its instruments on.</summary>
    public const string MeterName = "GoSharp";

    private static readonly List<WeakReference<GoRuntime>> s_live = new();
    private static readonly Lock s_liveLock = new();
    private static readonly Meter s_meter = CreateMeter();

    private static Meter CreateMeter()
    {
        var meter = new Meter(MeterName);
        meter.CreateObservableUpDownCounter("gosharp.goroutines", () => Observe(rt => rt.NumGoroutine),
            "{goroutine}", "Goroutines that exist (Go: runtime.NumGoroutine).");
        meter.CreateObservableUpDownCounter("gosharp.gomaxprocs", () => Observe(rt => rt._gomaxprocs),
            "{p}", "Ps (Go: GOMAXPROCS).");
        meter.CreateObservableUpDownCounter("gosharp.idle_procs", () => Observe(rt => rt._npidle),
            "{p}", "Ps on the idle list.");
        meter.CreateObservableUpDownCounter("gosharp.threads", () => Observe(rt => rt.ThreadCount),
            "{thread}", "Ms (threads) created.");
        meter.CreateObservableUpDownCounter("gosharp.global_run_queue", () => Observe(rt => rt._runqsize),
            "{goroutine}", "Goroutines on the global run queue.");
        meter.CreateObservableCounter("gosharp.goroutines_created", () => Observe(rt => (int)Interlocked.Read(ref rt._goidgen)),
            "{goroutine}", "Goroutines started since the runtime began (ids handed out).");
        return meter;
    }

    private void RegisterForMetrics()
    {
        _ = s_meter;
        lock (s_liveLock) s_live.Add(new WeakReference<GoRuntime>(this));
    }

    private static IEnumerable<Measurement<int>> Observe(Func<GoRuntime, int> read)
    {
        var result = new List<Measurement<int>>();
        lock (s_liveLock)
        {
            for (int i = s_live.Count - 1; i >= 0; i--)
            {
                if (!s_live[i].TryGetTarget(out var rt) || rt._disposed != 0)
                {
                    s_live.RemoveAt(i);
                    continue;
                }
                result.Add(new Measurement<int>(read(rt), new KeyValuePair<string, object?>("gosharp.runtime", rt.Name)));
            }
        }
        return result;
    }
}
