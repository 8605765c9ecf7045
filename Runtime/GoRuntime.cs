using System;
using System.Collections.Generic;
using System.Threading;
using GoSharp.CompilerServices;
using GoSharp.Scheduler;

namespace GoSharp;

/// <summary>
/// One independent goroutine scheduler: its Ps, Ms, run queues and goroutines (Go: the <c>sched</c>
/// global plus <c>allp</c>, <c>allm</c>, <c>allgs</c>). A process may hold several; <see cref="Default"/>
/// starts lazily on first use. Launchers (<c>GoX(...)</c>) spawn into the runtime of the goroutine that
/// calls them, else into the one entered with <see cref="Enter"/>, else into <see cref="Default"/>.
/// </summary>
public sealed partial class GoRuntime : IDisposable
{
    private static readonly Lazy<GoRuntime> s_default = new(() => new GoRuntime(new GoRuntimeOptions { Name = "default" }));
    private static int s_nextId;
    [ThreadStatic] private static GoRuntime? t_entered;

    // ---- sched (guarded by _lock unless noted) ----
    private readonly Lock _lock = new();
    private M? _midle;                       // Go: sched.midle
    private int _nmidle;
    private P? _pidle;                       // Go: sched.pidle
    private volatile int _npidle;            // read without the lock by wakep
    private int _nmspinning;                 // Interlocked; Go: sched.nmspinning
    private GQueue _runq;                    // Go: sched.runq
    private volatile int _runqsize;
    private GQueue _freeGs;                  // Go: sched.gFree; guarded by _freeGsLock
    private readonly Lock _freeGsLock = new();
    private volatile P[] _allp = Array.Empty<P>();
    private volatile int _gomaxprocs;
    private long _goidgen;
    private readonly List<M> _allm = new();
    private readonly List<G> _allgs = new(); // guarded by _allgsLock
    private readonly Lock _allgsLock = new();
    private M? _exitWaiters;                 // Ms waiting for a P to finish a blocking call

    private readonly DeterministicRunQueue? _det;   // deterministic mode: replaces the run queues
    private volatile bool _stopping;
    private int _disposed;

    internal readonly long StartTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
    internal readonly long PreemptTicks;
    private readonly Action<UnhandledGoroutineException>? _unhandled;

    /// <summary>Creates and starts a runtime. Its threads start on demand and end with <see cref="Dispose()"/>.</summary>
    public GoRuntime(GoRuntimeOptions? options = null)
    {
        options ??= new GoRuntimeOptions();
        if (options.DeterministicSeed is int seed)
        {
            if (options.MaxProcs is int mp && mp != 1)
                throw new ArgumentOutOfRangeException(nameof(options), mp, "Deterministic mode runs on one P: leave MaxProcs unset or 1.");
            _det = new DeterministicRunQueue(seed);
        }
        int procs = _det is not null ? 1 : options.MaxProcs ?? ProcsFromEnvironment();
        if (procs < 1 || procs > MaxProcsLimit)
            throw new ArgumentOutOfRangeException(nameof(options), procs, $"MaxProcs must be between 1 and {MaxProcsLimit}.");
        if (options.PreemptAfter <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), options.PreemptAfter, "PreemptAfter must be positive.");
        Name = options.Name ?? $"runtime{Interlocked.Increment(ref s_nextId)}";
        _unhandled = options.UnhandledException;
        _detectDeadlocks = options.DetectDeadlocks;
        PreemptTicks = (long)(options.PreemptAfter.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        TimeSpan? trace = options.SchedTrace ?? TraceFromEnvironment();
        if (trace is TimeSpan t && t <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), t, "SchedTrace must be positive.");
        _schedTraceTicks = trace is TimeSpan period ? (long)(period.TotalSeconds * System.Diagnostics.Stopwatch.Frequency) : 0;
        _traceWriter = options.TraceWriter ?? Console.Error;
        lock (_lock)
        {
            ProcResize(procs);
        }
        StartSysmon();
        RegisterForMetrics();
    }

    /// <summary>The largest number of Ps a runtime accepts.</summary>
    public const int MaxProcsLimit = 1024;

    /// <summary>The process-wide runtime, started on first use.</summary>
    public static GoRuntime Default => s_default.Value;

    /// <summary>
    /// The runtime a launcher spawns into from the calling thread: the running goroutine's, else the one
    /// entered on this thread, else <see cref="Default"/>.
    /// </summary>
    public static GoRuntime Current => M.Current?.Runtime ?? t_entered ?? Default;

    /// <summary>The runtime's name, used for its threads.</summary>
    public string Name { get; }

    /// <summary>The current number of Ps (Go: GOMAXPROCS).</summary>
    public int MaxProcs => _gomaxprocs;

    /// <summary>
    /// Makes this runtime the target of launchers called on this thread until the returned scope is
    /// disposed. Tests use it to run generated launchers in a runtime of their own.
    /// </summary>
    public EnterScope Enter()
    {
        var previous = t_entered;
        t_entered = this;
        return new EnterScope(previous);
    }

    /// <summary>Restores the previously entered runtime.</summary>
    public readonly struct EnterScope : IDisposable
    {
        private readonly GoRuntime? _previous;
        internal EnterScope(GoRuntime? previous) => _previous = previous;
        /// <summary>Restores the previously entered runtime.</summary>
        public void Dispose() => t_entered = _previous;
    }

    /// <summary>
    /// Starts a goroutine whose first frame is <paramref name="root"/> (Go: <c>newproc</c>). Generated
    /// launchers call it; hand-written frames may too.
    /// </summary>
    public Goroutine Spawn(Frame root) => new(root, NewProc(root));

    /// <summary>Starts a goroutine that returns a value.</summary>
    public Goroutine<T> Spawn<T>(Frame<T> root) => new(root, NewProc(root));

    /// <summary>
    /// Changes the number of Ps while goroutines run (Go: <c>runtime.GOMAXPROCS(n)</c>): stops the world
    /// at the goroutines' next preemption checks, resizes, restarts. Returns the previous value.
    /// </summary>
    public int SetMaxProcs(int n)
    {
        if (n < 1 || n > MaxProcsLimit)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"MaxProcs must be between 1 and {MaxProcsLimit}.");
        ThrowIfDisposed();
        if (_det is not null && n != 1)
            throw new InvalidOperationException("A deterministic runtime runs on one P; SetMaxProcs accepts only 1.");
        return StopTheWorldAndResize(n);
    }

    /// <summary>The number of goroutines that exist now (Go: runtime.NumGoroutine).</summary>
    public int NumGoroutine
    {
        get
        {
            int n = 0;
            lock (_allgsLock)
            {
                foreach (var g in _allgs)
                    if (g.GetStatus() is not (GStatus.Dead or GStatus.Idle)) n++;
            }
            return n;
        }
    }

    /// <summary>For tests and dumps: every G ever allocated (live or on a free list).</summary>
    internal int AllGCount { get { lock (_allgsLock) return _allgs.Count; } }

    /// <summary>Deterministic mode's queue and random source, or null.</summary>
    internal DeterministicRunQueue? DeterministicQueue => _det;

    /// <summary>True for a runtime created with <see cref="GoRuntimeOptions.DeterministicSeed"/>.</summary>
    public bool IsDeterministic => _det is not null;

    /// <summary>The number of Ms (threads) created so far.</summary>
    public int ThreadCount { get { lock (_lock) return _allm.Count; } }

    internal static int ProcsFromEnvironment()
    {
        string? env = Environment.GetEnvironmentVariable("GOMAXPROCS");
        if (string.IsNullOrWhiteSpace(env)) return Environment.ProcessorCount;
        if (int.TryParse(env, out int n) && n >= 1 && n <= MaxProcsLimit) return n;
        throw new InvalidOperationException(
            $"GOMAXPROCS='{env}' is not a number between 1 and {MaxProcsLimit}; unset it or fix it.");
    }

    internal static TimeSpan? TraceFromEnvironment()
    {
        string? env = Environment.GetEnvironmentVariable("GOSHARP_SCHEDTRACE");
        if (string.IsNullOrWhiteSpace(env)) return null;
        if (int.TryParse(env, out int ms) && ms > 0) return TimeSpan.FromMilliseconds(ms);
        throw new InvalidOperationException($"GOSHARP_SCHEDTRACE='{env}' is not a positive number of milliseconds; unset it or fix it.");
    }

    internal void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0)
            throw new ObjectDisposedException(nameof(GoRuntime), $"The GoSharp runtime '{Name}' has been disposed.");
    }

    /// <summary>
    /// The runtime's clock in Stopwatch ticks: real time, or in deterministic mode a virtual clock that
    /// stands still while goroutines run and jumps to the next timer when all of them are blocked
    /// (Go: nanotime; the virtual clock is testing/synctest's).
    /// </summary>
    internal long Nanotime() => _det is null ? System.Diagnostics.Stopwatch.GetTimestamp() : Volatile.Read(ref _virtualNow);

    private long _virtualNow = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>The clock of the runtime whose goroutine runs on this thread, else real time.</summary>
    internal static long NowForCurrentThread() => M.Current?.Runtime.Nanotime() ?? System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>Goroutines parked on something outside the runtime (a Task); see <see cref="Go.Await(System.Threading.Tasks.Task)"/>.</summary>
    internal int ExternalWaits;

    internal void ReportUnhandled(G? g, long goid, string method, Exception ex)
    {
        var wrapped = new UnhandledGoroutineException(goid, method, ex);
        if (_unhandled is not null)
        {
            _unhandled(wrapped);
            return;
        }
        Console.Error.WriteLine($"goroutine {goid} [{method}] unhandled exception:{Environment.NewLine}{ex}");
        var t = new Thread(() => throw wrapped) { IsBackground = true, Name = "GoSharp unhandled goroutine exception" };
        t.Start();
    }
}
