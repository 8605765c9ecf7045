using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// The GOSH diagnostics come from <see cref="Analyzers.GoroutineAnalyzer"/> on the user's syntax tree, so the
/// compiler's ways of configuring analyzer diagnostics take effect; and a method with an error still gets no
/// frame, whatever its diagnostic's severity.
/// </summary>
public class AnalyzerTests
{
    private const string Path = "/src/Test.cs";

    private const string Blocking = """
        using System.Threading.Tasks;
        using GoSharp;
        public partial class C { [Goroutine] static void M(Task t) { t.Wait(); } }
        """;

    /// <summary>An error (GOSH0005): the method gets no frame and no launcher.</summary>
    private const string Broken = """
        using GoSharp;
        public partial class C
        {
            [Goroutine] static void Ok() { Go.Yield(); }
            [Goroutine] static void Bad(object o) { lock (o) { Go.Yield(); } }
        }
        """;

    private static GeneratorHarness.Result Run(string source, string? editorConfig = null) =>
        Run(GeneratorHarness.Compile((Path, source)), editorConfig);

    private static GeneratorHarness.Result Run(Compilation compilation, string? editorConfig)
    {
        if (editorConfig is null) return GeneratorHarness.Run(compilation);
        var (configured, options) = EditorConfig.Apply(compilation, editorConfig);
        return GeneratorHarness.Run(configured, options);
    }

    private static string[] Ids(GeneratorHarness.Result r) => r.Diagnostics.Select(d => d.Id).ToArray();

    [Fact]
    public void AWarningIsReportedOnTheSyntaxTreeByTheAnalyzerOnly()
    {
        var r = Run(Blocking);
        Assert.Empty(r.GeneratorDiagnostics);
        var d = Assert.Single(r.AnalyzerDiagnostics);
        Assert.Equal("GOSH0009", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.True(d.Location.IsInSource);
        Assert.Equal(Path, d.Location.GetLineSpan().Path);
    }

    [Fact]
    public void PragmaWarningDisableSilencesAWarning()
    {
        var r = Run(Blocking.Replace("t.Wait();", "\n#pragma warning disable GOSH0009\n t.Wait();\n#pragma warning restore GOSH0009\n"));
        Assert.DoesNotContain("GOSH0009", Ids(r));
        Assert.Empty(r.CompileDiagnostics);
    }

    [Fact]
    public void PragmaOnlyCoversItsOwnLines()
    {
        var r = Run(Blocking.Replace("t.Wait();", "\n#pragma warning disable GOSH0009\n t.Wait();\n#pragma warning restore GOSH0009\n t.Wait();"));
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(6, d.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void SuppressMessageSilencesAWarning()
    {
        var r = Run(Blocking.Replace("[Goroutine]",
            "[System.Diagnostics.CodeAnalysis.SuppressMessage(\"GoSharp.Generator\", \"GOSH0009:Thread-blocking call in a goroutine\", Justification = \"test\")] [Goroutine]"));
        Assert.DoesNotContain("GOSH0009", Ids(r));
    }

    [Theory]
    [InlineData("none", null)]
    [InlineData("silent", DiagnosticSeverity.Hidden)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    [InlineData("warning", DiagnosticSeverity.Warning)]
    [InlineData("error", DiagnosticSeverity.Error)]
    public void EditorConfigSetsTheSeverity(string configured, DiagnosticSeverity? reported)
    {
        var r = Run(Blocking, $"root = true\n[*.cs]\ndotnet_diagnostic.GOSH0009.severity = {configured}\n");
        var found = r.Diagnostics.Where(d => d.Id == "GOSH0009").ToList();
        if (reported is null) Assert.Empty(found);
        else Assert.Equal(reported, Assert.Single(found).Severity);
    }

    [Fact]
    public void EditorConfigSetsTheSeverityOfTheWholeCategory()
    {
        var r = Run(Blocking, "root = true\n[*.cs]\ndotnet_analyzer_diagnostic.category-GoSharp.Generator.severity = error\n");
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(r.Diagnostics).Severity);
    }

    [Fact]
    public void EditorConfigSectionsApplyPerFile()
    {
        var r = Run(Blocking, "root = true\n[Other.cs]\ndotnet_diagnostic.GOSH0009.severity = none\n");
        Assert.Contains("GOSH0009", Ids(r));
    }

    [Fact]
    public void WarningsAsErrorsMakesAWarningAnError()
    {
        var compilation = GeneratorHarness.Compile((Path, Blocking));
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(new[]
        {
            new System.Collections.Generic.KeyValuePair<string, ReportDiagnostic>("GOSH0009", ReportDiagnostic.Error),
        }));
        var r = GeneratorHarness.Run(compilation);
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(r.Diagnostics).Severity);
    }

    [Fact]
    public void AMethodWithAnErrorGetsNoFrame()
    {
        var r = Run(Broken);
        Assert.Equal("GOSH0005", Assert.Single(r.Diagnostics).Id);
        AssertOnlyOkWasGenerated(r);
    }

    [Theory]
    [InlineData("root = true\n[*.cs]\ndotnet_diagnostic.GOSH0005.severity = none\n")]
    [InlineData("root = true\n[*.cs]\ndotnet_diagnostic.GOSH0005.severity = warning\n")]
    public void ASilencedErrorStillGetsNoFrame(string editorConfig)
    {
        var r = Run(Broken, editorConfig);
        AssertOnlyOkWasGenerated(r);
    }

    [Fact]
    public void APragmaOnAnErrorStillGetsNoFrame()
    {
        var r = Run(Broken.Replace("lock (o)", "\n#pragma warning disable GOSH0005\n lock (o)"));
        Assert.Empty(r.Diagnostics);
        AssertOnlyOkWasGenerated(r);
    }

    /// <summary>Only the good method has a frame and a launcher, and the output compiles: no broken code was emitted.</summary>
    private static void AssertOnlyOkWasGenerated(GeneratorHarness.Result r)
    {
        var hints = r.Run.Results.SelectMany(x => x.GeneratedSources).Select(s => s.HintName).ToArray();
        Assert.Equal(new[] { "C.Ok_Frame.g.cs" }, hints);
        Assert.Empty(r.CompileDiagnostics);
    }

    [Fact]
    public void TheAnalyzerTakesTheGeneratorsResultForTheSameTrees()
    {
        // The generator's analysis is left for the analyzer (MethodAnalysisCache): a failure injected after the
        // generator ran is not seen while the analyzed compilation only adds generated files to the generator's.
        const string source = "using GoSharp; public partial class C { [Goroutine] static void Shared_AnalyzerCache() { Go.Yield(); } }";
        var r = GeneratorHarness.Run(source);
        Assert.Empty(r.Diagnostics);
        GoSharp.Generator.Model.FrameModelBuilder.InjectFailure = m => m.Name == "Shared_AnalyzerCache";
        try
        {
            Assert.Empty(GeneratorHarness.Analyze(r.Output));
            // A hand-written file added since: the generator's result may be stale, so the analyzer analyses again.
            var edited = r.Output.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Other { }", GeneratorHarness.ParseOptions, "Other.cs"));
            Assert.Equal("GOSH0001", Assert.Single(GeneratorHarness.Analyze(edited)).Id);
        }
        finally
        {
            GoSharp.Generator.Model.FrameModelBuilder.InjectFailure = null;
        }
    }
}
