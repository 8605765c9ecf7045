using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// Many methods over many files in one run: one source file each, no diagnostics, and the output compiles.
/// The thousand-method timing of the same workload is a benchmark (bench/GoSharp.GeneratorBenchmarks).
/// </summary>
public class ManyMethodsTests
{
    [Fact]
    public void ManyMethodsGenerateAndCompile()
    {
        const int classes = 10, perClass = 10;
        var r = GeneratorHarness.Run(ManyMethodsSource.Files(classes, perClass));
        Assert.Equal(classes * perClass, r.Run.GeneratedTrees.Length);
        Assert.Equal(classes * perClass, r.Run.GeneratedTrees.Select(t => t.FilePath).Distinct().Count());
        Assert.Empty(r.Diagnostics);
        Assert.Empty(r.CompileDiagnostics);
    }
}
