using BenchmarkDotNet.Attributes;

namespace GoSharp.Benchmarks;

/// <summary>A runtime of its own per GOMAXPROCS value, for every benchmark class.</summary>
[MemoryDiagnoser]
public abstract class RuntimeBenchmark
{
    /// <summary>Operations per benchmark invocation (OperationsPerInvoke).</summary>
    protected const int N = 100_000;

    /// <summary>The runtime under test.</summary>
    protected GoRuntime Runtime { get; private set; } = null!;

    [Params(1, 2)]
    public int Procs { get; set; }

    [GlobalSetup]
    public void Setup() => Runtime = new GoRuntime(new GoRuntimeOptions { MaxProcs = Procs, Name = "bench" });

    [GlobalCleanup]
    public void Cleanup() => Runtime.Dispose();
}
