using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

/// <summary>
/// One scheduler's state (Go: <c>schedt</c>, the <c>sched</c> global, plus <c>allp</c>, <c>allm</c> and
/// <c>allgs</c>). Every field of the scheduler is declared here; the functions that act on it are the
/// other files of this folder, one concern each (Go's proc.go split by topic):
/// <see cref="Schedule"/> (the loop), IdleLists (Ms and Ps parking and waking), GlobalRunQueue,
/// GoroutineLifecycle (newproc, gfput/gfget), Ready (goready), Blocking (entersyscall/exitsyscall),
/// ProcResize (stop-the-world and procresize), Sysmon, Timers, CheckDead, Dispose.
/// <see cref="GoRuntime"/> is the public face that owns one of these.
/// </summary>
/// <remarks>
/// Locking: <see cref="_lock"/> (Go: sched.lock) guards the idle lists, the global run queue, <see cref="_allm"/>
/// and the stop-the-world counters. Fields marked "read without the lock" are written under it and read
/// racily by fast paths that re-check under the lock before acting. <see cref="_nmspinning"/> is only ever
/// changed with interlocked operations: it is one half of the spinning protocol (see Schedule.cs).
/// </remarks>
internal sealed partial class Sched
{
    // A P's free-G list above LocalFreeGMax moves Gs to the global list until LocalFreeGKeep remain
    // (Go: gfput's 64 / 32).
    private const int LocalFreeGMax = 64;
    private const int LocalFreeGKeep = 32;
    // The global free-G list keeps at most this many; the rest go to the GC (Go keeps every G forever;
    // a .NET process should not pin the peak goroutine count's Gs).
    private const int GlobalFreeGMax = 4096;

    /// <summary>The public face of this scheduler.</summary>
    public readonly GoRuntime Runtime;
    /// <summary>The runtime's name, used for its threads.</summary>
    public readonly string Name;

    // ---- Go: sched (guarded by _lock unless noted) ----
    private readonly Lock _lock = new();
    private M? _midle;                       // Go: sched.midle
    private int _nmidle;
    private P? _pidle;                       // Go: sched.pidle
    private volatile int _npidle;            // read without the lock by wakep
    private int _nmspinning;                 // Interlocked only; Go: sched.nmspinning
    private int _noteSpinner;                // 1 while an M spins on its note before blocking (SleepM)
    private GQueue _runq;                    // Go: sched.runq
    private volatile int _runqsize;          // read without the lock
    private GQueue _freeGs;                  // Go: sched.gFree; guarded by _freeGsLock
    private readonly Lock _freeGsLock = new();
    private volatile P[] _allp = Array.Empty<P>();
    private volatile int _gomaxprocs;
    private long _goidgen;                   // Interlocked
    private readonly List<M> _allm = new();
    private readonly List<G> _allgs = new(); // guarded by _allgsLock
    private readonly Lock _allgsLock = new();
    private M? _exitWaiters;                 // Ms waiting for a P to finish a blocking call

    // ---- stopping the world (ProcResize.cs) ----
    private volatile bool _stopTheWorld;       // Go: sched.gcwaiting (Go stops the world for its GC; here only resize does)
    private readonly Note _stopNote = new();   // Go: sched.stopnote
    private readonly object _worldSema = new(); // Go: worldsema: one stopper at a time

    // ---- lifetime ----
    private volatile bool _stopping;
    private int _disposed;

    // ---- modes and options ----
    private readonly DeterministicRunQueue? _det;   // deterministic mode: replaces the run queues
    private long _virtualNow = Stopwatch.GetTimestamp(); // deterministic mode's clock
    private readonly bool _flowExecutionContext;    // capture the spawner's ExecutionContext (GoRuntimeOptions.FlowExecutionContext)
    private ushort _syncDepthAtResume;              // G.SyncDepth at each resume: 0, or G.MaxSyncDepth (TrampolineEveryCall)

    /// <summary>GOSHARP_DEBUG=trampolinecalls=1: every nested goroutine call trampolines (a testing aid).</summary>
    internal bool TrampolineEveryCall
    {
        get => _syncDepthAtResume != 0;
        set => _syncDepthAtResume = value ? (ushort)G.MaxSyncDepth : (ushort)0;
    }
    private readonly Action<UnhandledGoroutineException>? _unhandled;
    internal readonly long StartTimestamp = Stopwatch.GetTimestamp();
    internal readonly long PreemptTicks;

    // ---- sysmon (Sysmon.cs) and the scheduler trace ----
    private Thread? _sysmon;
    private readonly Note _sysmonWake = new();
    /// <summary>Seconds of <see cref="Environment.TickCount64"/>, refreshed by sysmon (at most 10 ms old): park times for dumps.</summary>
    internal volatile int CoarseSeconds = (int)(Environment.TickCount64 / 1000);
    private readonly long _schedTraceTicks;
    private readonly TextWriter _traceWriter;
    private long _lastTrace;

    // ---- deadlock detection (CheckDead.cs, DeadlockProbe.cs) ----
    private readonly bool _detectDeadlocks;
    private int _deadlockReported;                  // the all-asleep rule reports once
    // The probe's own state lives in one object of its own (DeadlockProbe.cs): this class's fields are read
    // and written on every scheduling path, and a few more here moved them across cache lines and cost the
    // workers workload 10-15% at GOMAXPROCS=2 (docs/performance.md).
    private readonly DeadlockProbeState _dl;
    /// <summary>For tests: called after every probe with the number of goroutines it proved deadlocked.</summary>
    internal Action<int>? DeadlockProbeFinished { get => _dl.Finished; set => _dl.Finished = value; }
    /// <summary>
    /// For tests: called by the thread that ends an external wait (a Task await) once <see cref="ExternalWaits"/> no
    /// longer counts it, before the goroutine is queued (Ready.cs).
    /// </summary>
    internal Action? ExternalWaitEnded { get => _dl.ExternalWaitEnded; set => _dl.ExternalWaitEnded = value; }

    /// <summary>Goroutines parked on something outside the runtime (a Task); see <see cref="Go.Await(System.Threading.Tasks.Task)"/>.</summary>
    internal int ExternalWaits;

    /// <summary>
    /// The origin of goroutines started in the default context from outside this runtime's goroutines (and of
    /// free Gs). Kept on the GoRuntime: a field here moves Sched's hot fields (docs/performance.md).
    /// </summary>
    internal GOrigin OutsideOrigin => Runtime.OutsideOrigin!;

    /// <summary>Builds the scheduler from validated settings and starts sysmon; Ms start on demand.</summary>
    public Sched(GoRuntime runtime, string name, int procs, int? deterministicSeed, bool detectDeadlocks, bool deadlockOnAllAsleep,
        TimeSpan preemptAfter, TimeSpan? schedTrace, TextWriter traceWriter, Action<UnhandledGoroutineException>? unhandled,
        bool flowExecutionContext, int maxThreads = GoRuntime.DefaultMaxThreads)
    {
        Runtime = runtime;
        runtime.OutsideOrigin = new GOrigin(this, 0, null, null);
        _maxThreads = maxThreads;
        Name = name;
        if (deterministicSeed is int seed) _det = new DeterministicRunQueue(seed, _virtualNow);
        _detectDeadlocks = detectDeadlocks;
        _dl = new DeadlockProbeState(deadlockOnAllAsleep);
        _flowExecutionContext = flowExecutionContext;
        _unhandled = unhandled;
        PreemptTicks = StopwatchTicks(preemptAfter);
        _schedTraceTicks = schedTrace is TimeSpan period ? StopwatchTicks(period) : 0;
        _traceWriter = traceWriter;
        lock (_lock)
        {
            ProcResize(procs);
        }
        StartSysmon();
        if (_detectDeadlocks && !_dl.OnAllAsleep) RegisterProver(add: true);
    }

    /// <summary>The current number of Ps (Go: gomaxprocs).</summary>
    public int MaxProcs => _gomaxprocs;

    /// <summary>Ps on the idle list (read without the lock).</summary>
    public int IdleProcs => _npidle;

    /// <summary>Goroutine ids handed out so far.</summary>
    public long GoroutinesCreated => Interlocked.Read(ref _goidgen);

    /// <summary>Deterministic mode's queue and random source, or null.</summary>
    public DeterministicRunQueue? DeterministicQueue => _det;

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

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
                foreach (var p in _dl.Probed)
                    if (p.Target is G g && g.GetStatus() is not (GStatus.Dead or GStatus.Idle)) n++;
            }
            return n;
        }
    }

    /// <summary>Every G ever allocated (live or on a free list), for tests and dumps.</summary>
    public int AllGCount { get { lock (_allgsLock) return _allgs.Count; } }

    /// <summary>A snapshot of every G ever allocated (with those a deadlock probe holds weakly that still live).</summary>
    public G[] AllGs()
    {
        lock (_allgsLock)
        {
            if (_dl.Probed.Count == 0) return _allgs.ToArray();
            var all = new List<G>(_allgs.Count + _dl.Probed.Count);
            all.AddRange(_allgs);
            foreach (var p in _dl.Probed)
                if (p.Target is G g) all.Add(g);
            return all.ToArray();
        }
    }

    /// <summary>The number of Ms (threads) created so far.</summary>
    public int ThreadCount { get { lock (_lock) return _allm.Count; } }

    public void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0)
            throw new ObjectDisposedException(nameof(GoRuntime), $"The GoSharp runtime '{Name}' has been disposed.");
    }

    /// <summary>
    /// The runtime's clock in Stopwatch ticks: real time, or in deterministic mode a virtual clock that
    /// stands still while goroutines run and jumps to the next timer when all of them are blocked
    /// (Go: nanotime; the virtual clock is testing/synctest's).
    /// </summary>
    public long Nanotime() => _det is null ? Stopwatch.GetTimestamp() : Volatile.Read(ref _virtualNow);

    /// <summary>
    /// The time a timer channel sends (Go: time.Now): the wall clock, or in deterministic mode the virtual clock read
    /// as a time (the runtime's start plus the virtual time elapsed), so <c>Go.After(1 hour)</c> delivers start + 1 hour,
    /// as synctest's fake clock does.
    /// </summary>
    public DateTime UtcNow() => _det is null
        ? DateTime.UtcNow
        : _det.StartUtc + TimeSpan.FromSeconds((double)(Volatile.Read(ref _virtualNow) - _det.StartTicks) / Stopwatch.Frequency);

    /// <summary>The clock of the scheduler whose goroutine runs on this thread, else real time.</summary>
    public static long NowForCurrentThread() => M.Current?.Sched.Nanotime() ?? Stopwatch.GetTimestamp();

    /// <summary>Stopwatch ticks in <paramref name="d"/> (at least one).</summary>
    public static long StopwatchTicks(TimeSpan d) =>
        Math.Max(1, (long)(d.Ticks * (double)Stopwatch.Frequency / TimeSpan.TicksPerSecond));

    /// <summary>
    /// Reports a goroutine's exception that nobody observed: to <see cref="GoRuntimeOptions.UnhandledException"/>,
    /// else to stderr and then crashes the process as an unhandled thread exception would.
    /// </summary>
    public void ReportUnhandled(long goid, string method, Exception ex)
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
