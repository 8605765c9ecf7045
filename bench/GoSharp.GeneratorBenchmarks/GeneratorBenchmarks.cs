using BenchmarkDotNet.Attributes;
using GoSharp.Generator;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GoSharp.GeneratorBenchmarks;

/// <summary>
/// The generator's cost on a thousand [Goroutine] methods (20 files of 50), from a cold driver: what a full build
/// pays. The baseline binds and checks the same code without the generator, since most of the generator's time is
/// Roslyn binding the method bodies it asks about; the difference is the generator's own work.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;

    [Params(20)]
    public int Files { get; set; }

    [Params(50)]
    public int MethodsPerFile { get; set; }

    [GlobalSetup]
    public void Setup() => _compilation = GeneratorHarness.Compile(ManyMethodsSource.Files(Files, MethodsPerFile));

    [Benchmark]
    public int RunGenerator()
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new GoroutineGenerator().AsSourceGenerator() },
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false),
            parseOptions: GeneratorHarness.ParseOptions);
        return driver.RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;
    }

    [Benchmark(Baseline = true)]
    public int BindWithoutGenerator() =>
        _compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(_compilation.SyntaxTrees).GetDiagnostics().Length;
}
