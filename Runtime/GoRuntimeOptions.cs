using System;

namespace GoSharp;

/// <summary>Settings of a <see cref="GoRuntime"/>. Invalid values throw when the runtime is created.</summary>
public sealed class GoRuntimeOptions
{
    /// <summary>
    /// The number of Ps (Go: GOMAXPROCS). Null takes the <c>GoSharp.MaxProcs</c> AppContext setting if
    /// set, else the <c>GOMAXPROCS</c> environment variable if set, else <see cref="Environment.ProcessorCount"/>.
    /// </summary>
    public int? MaxProcs { get; set; }

    /// <summary>
    /// The most threads (Ms) the runtime may use (Go: <c>debug.SetMaxThreads</c>, default 10,000). Ms beyond
    /// one per P exist only for goroutines blocked in plain code (<c>Go.Blocking</c>, a channel operation in a
    /// plain helper); a goroutine whose blocking call would need more fails at once with
    /// <see cref="ThreadExhaustionException"/> instead of growing the process without bound. Null takes the
    /// <c>GoSharp.MaxThreads</c> AppContext setting, else the <c>GOSHARP_MAXTHREADS</c> environment variable,
    /// else 10,000. Change it later with <see cref="GoRuntime.SetMaxThreads"/>.
    /// </summary>
    public int? MaxThreads { get; set; }

    /// <summary>A name for the runtime's threads and dumps.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// Called when a goroutine ends with an exception that nobody observes: its handle was collected
    /// without a <c>Join</c>, <c>await</c> or <c>Exception</c> read. Null keeps the default: the exception
    /// is written to standard error with the goroutine's id, then rethrown on a new thread, which ends
    /// the process like any unhandled exception.
    /// </summary>
    public Action<UnhandledGoroutineException>? UnhandledException { get; set; }

    /// <summary>
    /// Time a goroutine may hold its P before sysmon asks it to yield at its next preemption check
    /// (Go: forcePreemptNS, 10 ms). The default runtime, unless configured in code, reads it from the
    /// <c>GoSharp.PreemptMs</c> AppContext setting or the <c>GOSHARP_PREEMPT_MS</c> environment variable.
    /// </summary>
    public TimeSpan PreemptAfter { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Prints Go's <c>SCHED</c> line this often (Go: <c>GODEBUG=schedtrace=ms</c>). Null takes the
    /// <c>GoSharp.SchedTraceMs</c> AppContext setting, else the <c>GOSHARP_SCHEDTRACE</c> environment
    /// variable (milliseconds) if set, else no trace.
    /// </summary>
    public TimeSpan? SchedTrace { get; set; }

    /// <summary>
    /// Deterministic mode for reproducible tests: one P, every runnable goroutine in one queue, and the
    /// next one to run picked by a random generator seeded with this value, so a goroutine-only program
    /// runs the same interleaving for the same seed (test with many seeds to explore interleavings).
    /// No time-based preemption. <see cref="MaxProcs"/> must be unset or 1. Null: off.
    /// </summary>
    public int? DeterministicSeed { get; set; }

    /// <summary>
    /// Detect deadlocks (Go: checkdead). Default true. When the runtime goes idle with goroutines parked, it
    /// proves with a garbage collection which of them nothing can ever wake: parked goroutines that only the
    /// runtime and each other can reach, which no thread, timer, Task or other outside code holds a way to.
    /// Their joiners get a <see cref="DeadlockException"/> with the goroutine dump. A goroutine that some
    /// thread could still wake (the thread holds its channel, its Task, its mutex) is never reported. The
    /// proof costs a full blocking garbage collection, taken only when the runtime is idle and rate-limited
    /// with a backoff; set false to never take one. What counts as "can still be woken" is in
    /// docs/deadlocks.md. The default runtime, unless configured in code, reads it from the
    /// <c>GoSharp.DetectDeadlocks</c> AppContext setting or the <c>GOSHARP_DETECTDEADLOCKS</c> environment
    /// variable (1 or 0).
    /// </summary>
    public bool DetectDeadlocks { get; set; } = true;

    /// <summary>
    /// Report a deadlock as Go does, without the proof: as soon as every goroutine is parked and nothing
    /// inside the runtime can wake one (no runnable goroutine, timer, Task await or blocking plain code),
    /// whoever holds what they wait on. Immediate and free, but code on ordinary .NET threads that would
    /// have sent to a parked goroutine later finds it written off. For programs and tests whose goroutines
    /// talk only to each other. Default false; has effect only with <see cref="DetectDeadlocks"/>.
    /// </summary>
    public bool DeadlockOnAllAsleep { get; set; }

    /// <summary>Where the scheduler trace goes; null is standard error, as in Go.</summary>
    public System.IO.TextWriter? TraceWriter { get; set; }

    /// <summary>
    /// Run each goroutine in the <see cref="System.Threading.ExecutionContext"/> of the code that spawned
    /// it, as <c>Task.Run</c> does: <c>AsyncLocal</c> values, <c>Activity.Current</c> and
    /// <c>CultureInfo.CurrentCulture</c> set before <c>GoX(...)</c> are seen inside, at every resume, on
    /// whichever thread. Default true. False skips the capture at spawn and the context switch around each
    /// resume (a few nanoseconds, paid only when the spawner had a context): goroutines start in the
    /// default, empty context. Either way, what a goroutine sets stays its own: it survives its parks and
    /// never shows in another goroutine or the thread that spawned it. The default runtime, unless
    /// configured in code, reads it from the <c>GoSharp.FlowExecutionContext</c> AppContext setting or
    /// the <c>GOSHARP_FLOWEXECUTIONCONTEXT</c> environment variable (1 or 0).
    /// </summary>
    public bool FlowExecutionContext { get; set; } = true;

    /// <summary>
    /// Testing aid, not API: every nested goroutine call is trampolined through the scheduler instead of
    /// running on the thread's stack, so every caller takes its resume path as if the callee had suspended.
    /// Null: <c>GOSHARP_DEBUG=trampolinecalls=1</c> decides (RuntimeConfig.DebugSetting), for every runtime.
    /// </summary>
    internal bool? TrampolineEveryCall { get; set; }

    /// <summary>A shallow copy, so later changes by the caller do not reach a runtime configured with it.</summary>
    internal GoRuntimeOptions Copy() => (GoRuntimeOptions)MemberwiseClone();
}

/// <summary>A goroutine's exception that nobody observed, as passed to <see cref="GoRuntimeOptions.UnhandledException"/>.</summary>
public sealed class UnhandledGoroutineException : Exception
{
    internal UnhandledGoroutineException(long goroutineId, string method, Exception inner)
        : base($"goroutine {goroutineId} ({method}) ended with an exception that no one observed: {inner.GetType().Name}: {inner.Message}", inner)
    {
        GoroutineId = goroutineId;
        Method = method;
    }

    /// <summary>The goroutine's id.</summary>
    public long GoroutineId { get; }

    /// <summary>The goroutine's method.</summary>
    public string Method { get; }
}
