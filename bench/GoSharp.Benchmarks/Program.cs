using BenchmarkDotNet.Running;

namespace GoSharp.Benchmarks;

public static class Program
{
    /// <summary>
    /// <c>dotnet run -c Release --project bench/GoSharp.Benchmarks -- --filter '*'</c>; see docs/performance.md.
    /// </summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
