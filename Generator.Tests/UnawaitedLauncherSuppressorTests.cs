using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using GoSharp.Generator.Suppressors;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// A launcher called as a statement in an async method is Go's <c>go f()</c>: the compiler's CS4014 ("not
/// awaited") is suppressed for it, and only for it.
/// </summary>
public class UnawaitedLauncherSuppressorTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using GoSharp;

        public static partial class C
        {
            [Goroutine] static void Work(int n) { }
            [Goroutine] static int Square(int n) => n * n;

            public static async Task Run()
            {
                GoWork(1);             // a goroutine launcher: suppressed
                GoSquare(2);           // Goroutine<int>: suppressed
                Task.Delay(1);         // a forgotten await: still CS4014
                await Task.Yield();
            }
        }
        """;

    [Fact]
    public async Task CS4014_is_suppressed_for_launchers_only()
    {
        var output = GeneratorHarness.Run(Source).Output;
        var withSuppressor = await output.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new UnawaitedLauncherSuppressor()),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null,
                    concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true))
            .GetAllDiagnosticsAsync();

        var cs4014 = withSuppressor.Where(d => d.Id == "CS4014").ToList();
        Assert.Equal(3, cs4014.Count); // the compiler reports all three; the suppressor answers two
        var suppressedLines = cs4014.Where(d => d.IsSuppressed).Select(d => d.Location.GetLineSpan().StartLinePosition.Line).Order().ToArray();
        var reported = Assert.Single(cs4014, d => !d.IsSuppressed);
        Assert.Contains("Task.Delay", reported.Location.SourceTree!.GetText().ToString(reported.Location.SourceSpan));
        Assert.Equal(2, suppressedLines.Length);
        Assert.All(cs4014.Where(d => d.IsSuppressed), d =>
            Assert.StartsWith("Go", d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)));
    }
}
