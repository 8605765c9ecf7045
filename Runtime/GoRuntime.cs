using System;
using System.Runtime.CompilerServices;
using System.Threading;
using GoSharp.CompilerServices;
using GoSharp.Scheduler;

using GoSharp.Diagnostics;

namespace GoSharp;

/// <summary>
/// One independent goroutine scheduler: its Ps, Ms, run queues and goroutines (Go: the runtime of one
/// process). A process may hold several; <see cref="Default"/> starts lazily on first use. Launchers
/// (<c>GoX(...)</c>) spawn into the runtime of the goroutine that calls them, else into the one entered
/// with <see cref="Enter"/>, else into <see cref="Default"/>.
/// </summary>
/// <remarks>
/// This type is the public face only: the scheduler's state and algorithms live in the internal
/// <c>GoSharp.Scheduler.Sched</c> it owns (docs/scheduler.md maps each concept to its file).
/// </remarks>
public sealed class GoRuntime : IDisposable
{
    private static readonly DefaultRuntimeHolder s_default = new();
    private static int s_nextId;
    // The runtime Enter made current, in an AsyncLocal so that it follows the code across awaits: as a
    // thread-static, `using (rt.Enter()) { await ...; GoX(); }` spawned into Default after the await (another
    // thread), and the scope's Dispose there left the first thread entered into rt for good.
    // A goroutine spawned inside the scope gets the context from before Enter (EnteredScope.Outer), so the
    // scope alone does not give it a context to restore at every resume.
    private static readonly System.Threading.AsyncLocal<EnteredScope?> s_entered = new();

    /// <summary>
    /// What Enter set: the runtime, the scope it was entered inside (restored by its Dispose), and the
    /// ExecutionContext just before and just after setting it.
    /// </summary>
    internal sealed class EnteredScope
    {
        public readonly GoRuntime Runtime;
        public readonly EnteredScope? Previous;
        public readonly ExecutionContext? Outer;
        public ExecutionContext? Inner;
        public EnteredScope(GoRuntime runtime, EnteredScope? previous, ExecutionContext? outer) { Runtime = runtime; Previous = previous; Outer = outer; }
    }

    /// <summary>
    /// <paramref name="ec"/>, or the context it had before Enter when it is exactly the one Enter made (only
    /// the entered runtime differs, which a goroutine never reads: it spawns into its own runtime).
    /// </summary>
    internal static ExecutionContext? WithoutEnteredScope(ExecutionContext ec) =>
        s_entered.Value is { } scope && ReferenceEquals(scope.Inner, ec) ? scope.Outer : ec;

    /// <summary>The scheduler behind this runtime.</summary>
    internal readonly Sched Sched;
    /// <summary>See <see cref="Sched.OutsideOrigin"/>; set by the Sched's constructor.</summary>
    internal GOrigin? OutsideOrigin;
    /// <summary>For tests: runs in Dispose once the runtime counts as disposed, before its Ms are told to stop.</summary>
    internal Action? DisposingForTest;

    /// <summary>Creates and starts a runtime. Its threads start on demand and end with <see cref="Dispose()"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="InvalidOperationException">A setting left to configuration (AppContext or environment) is invalid.</exception>
    public GoRuntime(GoRuntimeOptions? options = null)
    {
        options ??= new GoRuntimeOptions();
        (int procs, TimeSpan? trace, int threads) = Validate(options);
        bool trampolineCalls = options.TrampolineEveryCall ?? RuntimeConfig.DebugSetting(RuntimeConfig.TrampolineCallsSetting);
        Name = options.Name ?? $"runtime{Interlocked.Increment(ref s_nextId)}";
        Sched = new Sched(this, Name, procs, options.DeterministicSeed, options.DetectDeadlocks, options.DeadlockOnAllAsleep, options.PreemptAfter,
            trace, options.TraceWriter ?? Console.Error, options.UnhandledException, options.FlowExecutionContext, threads);
        Sched.TrampolineEveryCall = trampolineCalls;
        RuntimeMetrics.Register(this);
    }

    /// <summary>
    /// Checks <paramref name="options"/> and resolves what it leaves to configuration: the number of Ps
    /// and the trace period (AppContext, else environment; see docs/configuration.md).
    /// </summary>
    internal static (int Procs, TimeSpan? Trace, int Threads) Validate(GoRuntimeOptions options)
    {
        if (options.DeterministicSeed is not null && options.MaxProcs is int mp && mp != 1)
            throw new ArgumentOutOfRangeException(nameof(options), mp, "Deterministic mode runs on one P: leave MaxProcs unset or 1.");
        int procs = options.DeterministicSeed is not null ? 1 : options.MaxProcs ?? RuntimeConfig.MaxProcs() ?? Environment.ProcessorCount;
        if (procs < 1 || procs > MaxProcsLimit)
            throw new ArgumentOutOfRangeException(nameof(options), procs, $"MaxProcs must be between 1 and {MaxProcsLimit}.");
        if (options.PreemptAfter <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), options.PreemptAfter, "PreemptAfter must be positive.");
        TimeSpan? trace = options.SchedTrace ?? RuntimeConfig.SchedTrace();
        if (trace is TimeSpan t && t <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), t, "SchedTrace must be positive.");
        int threads = options.MaxThreads ?? RuntimeConfig.MaxThreads() ?? DefaultMaxThreads;
        if (threads < 1)
            throw new ArgumentOutOfRangeException(nameof(options), threads, "MaxThreads must be positive.");
        return (procs, trace, threads);
    }

    /// <summary>The thread limit when none is configured (Go's, 10,000); see <see cref="GoRuntimeOptions.MaxThreads"/>.</summary>
    public const int DefaultMaxThreads = 10_000;

    /// <summary>The largest number of Ps a runtime accepts.</summary>
    public const int MaxProcsLimit = 1024;

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> every runtime publishes its instruments on.</summary>
    public const string MeterName = RuntimeMetrics.MeterName;

    /// <summary>
    /// The process-wide runtime, started on first use with the options given to
    /// <see cref="ConfigureDefault"/>, else with settings from AppContext switches and environment
    /// variables (<c>GOMAXPROCS</c>, <c>GOSHARP_*</c>; docs/configuration.md).
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// A configured value is invalid. Nothing is cached: once the value is fixed, the next use succeeds.
    /// </exception>
    public static GoRuntime Default => s_default.Get();

    /// <summary>
    /// Sets the options <see cref="Default"/> starts with, instead of reading them from AppContext and
    /// the environment. Call it once, before anything uses the default runtime (first thing in
    /// <c>Main</c>). <see cref="GoRuntimeOptions.MaxProcs"/> and <see cref="GoRuntimeOptions.SchedTrace"/>
    /// left null still come from configuration, as for every runtime.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The default runtime is already configured or has already started, or a setting left to
    /// configuration is invalid.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static void ConfigureDefault(GoRuntimeOptions options) => s_default.Configure(options);

    /// <summary>
    /// The runtime a launcher spawns into from the calling thread: the running goroutine's, else the one
    /// entered by the calling code (<see cref="Enter"/>; it follows awaits, as an AsyncLocal does), else <see cref="Default"/>.
    /// </summary>
    public static GoRuntime Current => M.Current?.Sched.Runtime ?? s_entered.Value?.Runtime ?? Default;

    /// <summary>The runtime's name, used for its threads.</summary>
    public string Name { get; }

    /// <summary>The current number of Ps (Go: GOMAXPROCS).</summary>
    public int MaxProcs => Sched.MaxProcs;

    /// <summary>True for a runtime created with <see cref="GoRuntimeOptions.DeterministicSeed"/>.</summary>
    public bool IsDeterministic => Sched.DeterministicQueue is not null;

    /// <summary>The number of goroutines that exist now (Go: runtime.NumGoroutine).</summary>
    public int NumGoroutine => Sched.NumGoroutine;

    /// <summary>The number of Ms (threads) created so far.</summary>
    public int ThreadCount => Sched.ThreadCount;

    /// <summary>
    /// Makes this runtime the target of launchers called by this code until the returned scope is
    /// disposed: on this thread, after an <c>await</c> on whichever thread the code resumes, and in Tasks and
    /// threads it starts meanwhile (the scope lives in the ExecutionContext, like an AsyncLocal). Tests use it to run generated launchers in a runtime of their own.
    /// </summary>
    /// <remarks>
    /// Scopes nest. Disposing one restores the runtime entered before it and ends the scopes entered inside
    /// it that are still open (disposed out of order, the outer first); disposing a scope that has already
    /// ended, by its own Dispose or an outer one's, changes nothing.
    /// </remarks>
    public EnterScope Enter()
    {
        var scope = new EnteredScope(this, s_entered.Value, ExecutionContext.Capture());
        s_entered.Value = scope;
        scope.Inner = ExecutionContext.Capture();
        return new EnterScope(scope);
    }

    /// <summary>Ends an <see cref="Enter"/> scope: restores the runtime entered before it.</summary>
    public readonly struct EnterScope : IDisposable
    {
        private readonly EnteredScope? _scope;
        internal EnterScope(EnteredScope scope) => _scope = scope;

        /// <summary>
        /// Restores the runtime entered before this scope, ending any scope entered inside it that is still
        /// open; does nothing if this scope has already ended.
        /// </summary>
        public void Dispose()
        {
            if (_scope is null) return;
            for (var s = s_entered.Value; s is not null; s = s.Previous)
            {
                if (!ReferenceEquals(s, _scope)) continue;
                s_entered.Value = _scope.Previous;
                return;
            }
        }
    }

    /// <summary>
    /// Starts a goroutine whose first frame is <paramref name="root"/> (Go: <c>newproc</c>). Generated
    /// launchers call it; hand-written frames may too.
    /// </summary>
    public Goroutine Spawn(Frame root) => new(root, Sched.NewProc(root));

    /// <summary>Starts a goroutine that returns a value.</summary>
    public Goroutine<T> Spawn<T>(Frame<T> root) => new(root, Sched.NewProc(root));

    /// <summary>
    /// Runs <paramref name="main"/> as the program's main goroutine (Go: <c>func main</c>) and blocks the calling
    /// thread until that goroutine ends, rethrowing its exception. <paramref name="main"/> is called with this
    /// runtime entered on the thread, so the launcher it calls spawns here: <c>rt.Run(GoMain)</c>.
    /// </summary>
    /// <remarks>
    /// Unlike <c>GoMain().Join()</c>, the waiting thread keeps nothing of the goroutine: a handle held by the
    /// caller's own frame (always, in Debug builds and in a method's first, unoptimized compilation) holds the
    /// goroutine's whole state, and so hides a deadlock from <see cref="GoRuntimeOptions.DetectDeadlocks"/>.
    /// Keep the channels the program deadlocks on inside goroutines, not in locals or captures of the caller.
    /// See docs/deadlocks.md.
    /// </remarks>
    /// <exception cref="DeadlockException">The main goroutine, and whatever it waits for, can never run again.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="main"/> returned a default handle.</exception>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)] // the frame dies here at the join (DeadlockProbe.cs)
    public void Run(Func<Goroutine> main) => JoinState.BlockUntilDone(StartMain(main)).ThrowIfFailed();

    /// <summary>Runs <paramref name="main"/> as the program's main goroutine and returns its result; see <see cref="Run(Func{Goroutine})"/>.</summary>
    /// <exception cref="DeadlockException">The main goroutine, and whatever it waits for, can never run again.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="main"/> returned a default handle.</exception>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public T Run<T>(Func<Goroutine<T>> main) => JoinState.BlockUntilDone(StartMain(main)).GetResult();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Frame StartMain(Func<Goroutine> main)
    {
        ArgumentNullException.ThrowIfNull(main);
        Sched.ThrowIfDisposed();
        Goroutine handle;
        using (Enter()) handle = main();
        return handle.Root ?? throw DefaultMain();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Frame<T> StartMain<T>(Func<Goroutine<T>> main)
    {
        ArgumentNullException.ThrowIfNull(main);
        Sched.ThrowIfDisposed();
        Goroutine<T> handle;
        using (Enter()) handle = main();
        return handle.Root ?? throw DefaultMain();
    }

    private static InvalidOperationException DefaultMain() =>
        new("The main delegate returned a default Goroutine handle: return the handle of the goroutine it starts (rt.Run(GoMain), where GoMain is the launcher of a [Goroutine] method).");

    /// <summary>
    /// Changes the number of Ps while goroutines run (Go: <c>runtime.GOMAXPROCS(n)</c>): stops the world
    /// at the goroutines' next preemption checks, resizes, restarts. Returns the previous value. As in Go,
    /// <paramref name="n"/> &lt; 1 (or the current value) changes nothing and only returns the current value.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is above <see cref="MaxProcsLimit"/>.</exception>
    public int SetMaxProcs(int n)
    {
        Sched.ThrowIfDisposed();
        if (n > MaxProcsLimit)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"MaxProcs must be between 1 and {MaxProcsLimit}; pass 0 to read the current value.");
        int current = Sched.MaxProcs;
        if (n < 1 || n == current) return current;
        if (IsDeterministic && n != 1)
            throw new InvalidOperationException("A deterministic runtime runs on one P; SetMaxProcs accepts only 1.");
        return Sched.StopTheWorldAndResize(n);
    }

    /// <summary>
    /// Sets the most threads (Ms) the runtime may use and returns the previous limit (Go:
    /// <c>debug.SetMaxThreads</c>; see <see cref="GoRuntimeOptions.MaxThreads"/>). A lower limit than the
    /// threads in use now stops no thread: it applies to the next blocking call that would need one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is below 1.</exception>
    public int SetMaxThreads(int n)
    {
        Sched.ThrowIfDisposed();
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "MaxThreads must be positive.");
        return Sched.SetMaxThreads(n);
    }

    /// <summary>
    /// Every live goroutine in Go's traceback format: a header with id, status and how long it has
    /// waited, then each frame's method and, for suspended frames, <c>file:line</c> of the suspension
    /// point, then <c>created by</c>. Taken without stopping the world: a goroutine that is running while
    /// the dump is taken may show a frame chain that is a moment out of date.
    /// </summary>
    public string DumpGoroutines() => GoroutineDump.Format(Sched);

    /// <summary>
    /// Stops the runtime. New spawns throw <see cref="ObjectDisposedException"/>. Running goroutines run
    /// until their next suspension point or preemption check; then every M exits. Goroutines that have not
    /// ended (parked, runnable, or stopped mid-way) are abandoned: their frames are dropped without running
    /// pending <c>finally</c> blocks, and anyone joining them gets an <see cref="ObjectDisposedException"/>.
    /// Waits up to a timeout (default 10 s) for the Ms; an M stuck in user code that
    /// never returns is left behind as a background thread.
    /// </summary>
    public void Dispose() => Dispose(TimeSpan.FromSeconds(10));

    /// <inheritdoc cref="Dispose()"/>
    public void Dispose(TimeSpan timeout) => Sched.Dispose(timeout);
}
