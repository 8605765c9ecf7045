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
}
