using BenchmarkDotNet.Attributes;
using GoSharp.Runtime.Tests.Frames;

namespace GoSharp.Benchmarks;

/// <summary>
/// The scheduler's basic costs, per operation (OperationsPerInvoke), with allocations. Hand-written
/// frames isolate the runtime from the generator.
/// </summary>
[MemoryDiagnoser]
public class SchedulerBenchmarks : RuntimeBenchmark
{
    /// <summary>Go: <c>go f()</c> + exit + wg.Done, spawned from a goroutine.</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public void SpawnExit() => Runtime.Spawn(new SpawnLoopFrame(N)).Join();

    /// <summary>Two goroutines yielding to each other (Go: runtime.Gosched): per yield.</summary>
    [Benchmark(OperationsPerInvoke = 2 * N)]
    public void YieldPair()
    {
        var a = Runtime.Spawn(new YieldLoopFrame(N));
        var b = Runtime.Spawn(new YieldLoopFrame(N));
        a.Join();
        b.Join();
    }

    /// <summary>Park/ready hand-off: per round trip (two parks, two readies).</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public void ParkReadyRoundTrip()
    {
        var ping = new Signal();
        var pong = new Signal();
        var a = Runtime.Spawn(new PingPongFrame(ping, pong, N, first: true));
        var b = Runtime.Spawn(new PingPongFrame(pong, ping, N, first: false));
        a.Join();
        b.Join();
    }

    /// <summary>A nested [Goroutine] call that completes synchronously: per call.</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public int NestedSyncCall() => Runtime.Spawn(new NestedLoopFrame(N)).Join();

    /// <summary>
    /// An empty <c>Go.Blocking</c> section in a goroutine (Go: entersyscall + exitsyscall fast path): per
    /// section. The P stays reserved, so this is the cost every wrapped blocking .NET call pays on top of itself.
    /// </summary>
    [Benchmark(OperationsPerInvoke = N)]
    public int BlockingSection()
    {
        int sum = 0;
        Runtime.Spawn(new ActionFrame(() =>
        {
            for (int i = 0; i < N; i++) sum += Go.Blocking(static () => 1);
        })).Join();
        return sum;
    }

    private sealed class ActionFrame : GoSharp.CompilerServices.Frame
    {
        private readonly System.Action _action;
        public ActionFrame(System.Action action) => _action = action;
        public override GoSharp.CompilerServices.FrameResult Resume(GoSharp.CompilerServices.G g)
        {
            _action();
            return GoSharp.CompilerServices.FrameResult.Completed;
        }
    }
}
