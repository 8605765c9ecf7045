using System;
using BenchmarkDotNet.Running;

namespace GoSharp.GeneratorBenchmarks;

public static class Program
{
    /// <summary>
    /// <c>dotnet run -c Release --project bench/GoSharp.GeneratorBenchmarks -- --filter '*'</c> runs the benchmarks;
    /// <c>... -- --print File.cs</c> prints what the generator makes of one file; <c>... -- --interleaved 15</c> runs the
    /// binding and the one-method re-run of <see cref="IncrementalBenchmarks"/> alternately (see docs/generator.md).
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "--print") return PrintGenerated.Run(args[1], Console.Out);
        if (args.Length == 2 && args[0] == "--interleaved") return InterleavedRatio.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), Console.Out);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
