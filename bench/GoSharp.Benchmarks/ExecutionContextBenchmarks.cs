using System.Threading;
using BenchmarkDotNet.Attributes;
using GoSharp.Runtime.Tests.Frames;

namespace GoSharp.Benchmarks;

/// <summary>Whose ExecutionContext the goroutines of a benchmark run in.</summary>
public enum ContextCase
{
    /// <summary>Flow on, the spawner has no AsyncLocal set: the default context (the common case).</summary>
    Empty,
    /// <summary>Flow on, the spawner has an AsyncLocal set: every resume switches contexts.</summary>
    Flowed,
    /// <summary>The spawner has an AsyncLocal set, but <see cref="GoRuntimeOptions.FlowExecutionContext"/> is off.</summary>
    FlowOff,
}

/// <summary>
/// The cost of flowing ExecutionContext (GoRuntimeOptions.FlowExecutionContext) on a spawn and on a
/// park/ready round trip, per operation, on one P (the scheduler's own cost, without cross-P noise).
/// </summary>
[MemoryDiagnoser, MedianColumn]
public class ExecutionContextBenchmarks
{
    private const int N = 100_000;
    private static readonly AsyncLocal<string?> s_request = new();
    private GoRuntime _runtime = null!;

    [Params(ContextCase.Empty, ContextCase.Flowed, ContextCase.FlowOff)]
    public ContextCase Context { get; set; }

    [GlobalSetup]
    public void Setup() => _runtime = new GoRuntime(new GoRuntimeOptions
    {
        MaxProcs = 1,
        Name = "bench",
        FlowExecutionContext = Context != ContextCase.FlowOff,
    });

    [GlobalCleanup]
    public void Cleanup() => _runtime.Dispose();

    /// <summary>As SchedulerBenchmarks.SpawnExit: the children inherit the root goroutine's context.</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public void SpawnExit()
    {
        if (Context != ContextCase.Empty) s_request.Value = "request";
        _runtime.Spawn(new SpawnLoopFrame(N)).Join();
        s_request.Value = null;
    }

    /// <summary>As SchedulerBenchmarks.ParkReadyRoundTrip: two parks and two resumes per operation.</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public void ParkReadyRoundTrip()
    {
        if (Context != ContextCase.Empty) s_request.Value = "request";
        var ping = new Signal();
        var pong = new Signal();
        var a = _runtime.Spawn(new PingPongFrame(ping, pong, N, first: true));
        var b = _runtime.Spawn(new PingPongFrame(pong, ping, N, first: false));
        s_request.Value = null;
        a.Join();
        b.Join();
    }
}

/// <summary>
/// The two ways to run code in a captured context, as Execute would per resume: Restore in and out
/// (what the scheduler does), or ExecutionContext.Run with a callback.
/// </summary>
[MedianColumn]
public class ExecutionContextSwitchBenchmarks
{
    private static readonly AsyncLocal<string?> s_request = new();
    private static readonly ContextCallback s_callback = static state => ((int[])state!)[0]++;
    private readonly int[] _counter = new int[1];
    private ExecutionContext _captured = null!;
    private ExecutionContext _default = null!;

    [GlobalSetup]
    public void Setup()
    {
        _default = ExecutionContext.Capture()!;
        s_request.Value = "request";
        _captured = ExecutionContext.Capture()!;
        s_request.Value = null;
    }

    [Benchmark(Baseline = true)]
    public void RestoreInAndOut()
    {
        ExecutionContext.Restore(_captured);
        _counter[0]++;
        ExecutionContext.Restore(_default);
    }

    [Benchmark]
    public void Run() => ExecutionContext.Run(_captured, s_callback, _counter);
}
