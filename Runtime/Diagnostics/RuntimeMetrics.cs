using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading;

namespace GoSharp.Diagnostics;

// System.Diagnostics.Metrics instruments (meter "GoSharp"), read by dotnet-counters, OpenTelemetry or a
// MeterListener. Observable instruments only: nothing is paid on the scheduler's hot paths; the values
// are read when a listener collects. Each measurement carries the runtime's name as tag "gosharp.runtime".
internal static class RuntimeMetrics
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
        meter.CreateObservableUpDownCounter("gosharp.gomaxprocs", () => Observe(rt => rt.Sched.MaxProcs),
            "{p}", "Ps (Go: GOMAXPROCS).");
        meter.CreateObservableUpDownCounter("gosharp.idle_procs", () => Observe(rt => rt.Sched.IdleProcs),
            "{p}", "Ps on the idle list.");
        meter.CreateObservableUpDownCounter("gosharp.threads", () => Observe(rt => rt.ThreadCount),
            "{thread}", "Ms (threads) created.");
        meter.CreateObservableUpDownCounter("gosharp.global_run_queue", () => Observe(rt => rt.Sched.GlobalRunQueueLength),
            "{goroutine}", "Goroutines on the global run queue.");
        meter.CreateObservableCounter("gosharp.goroutines_created", () => Observe(rt => (int)rt.Sched.GoroutinesCreated),
            "{goroutine}", "Goroutines started since the runtime began (ids handed out).");
        return meter;
    }

    /// <summary>Publishes <paramref name="runtime"/>'s state until it is disposed or collected.</summary>
    public static void Register(GoRuntime runtime)
    {
        _ = s_meter;
        lock (s_liveLock) s_live.Add(new WeakReference<GoRuntime>(runtime));
    }

    private static IEnumerable<Measurement<int>> Observe(Func<GoRuntime, int> read)
    {
        var result = new List<Measurement<int>>();
        lock (s_liveLock)
        {
            for (int i = s_live.Count - 1; i >= 0; i--)
            {
                if (!s_live[i].TryGetTarget(out var rt) || rt.Sched.IsDisposed)
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
