using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GoSharp.Generator.Tests.Infrastructure;

/// <summary>Runs the generator in memory over source text, against .NET 10 reference assemblies and the GoSharp runtime.</summary>
public static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(GoSharp.Go).Assembly.Location))
            .ToImmutableArray());

    public static ImmutableArray<MetadataReference> References => s_references.Value;

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Compile(params (string Path, string Source)[] files) => Compile(files, null);

    public static CSharpCompilation Compile((string Path, string Source)[] files, MetadataReference[]? extraReferences, bool allowUnsafe = false) =>
        CSharpCompilation.Create(
            "TestAssembly" + Guid.NewGuid().ToString("N"),
            files.Select(f => CSharpSyntaxTree.ParseText(Microsoft.CodeAnalysis.Text.SourceText.From(f.Source, System.Text.Encoding.UTF8), ParseOptions, f.Path)),
            extraReferences is null ? References : References.AddRange(extraReferences),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Debug, allowUnsafe: allowUnsafe));

    /// <param name="GeneratorDiagnostics">What the generator itself reported (only a failure while writing a file).</param>
    /// <param name="AnalyzerDiagnostics">What <see cref="GoSharp.Generator.Analyzers.GoroutineAnalyzer"/> reported on the output compilation.</param>
    /// <param name="CompileDiagnostics">The compiler's warnings and errors on the output compilation.</param>
    public sealed record Result(
        GeneratorDriverRunResult Run,
        Compilation Output,
        ImmutableArray<Diagnostic> GeneratorDiagnostics,
        ImmutableArray<Diagnostic> AnalyzerDiagnostics,
        ImmutableArray<Diagnostic> CompileDiagnostics)
    {
        /// <summary>Every GOSH diagnostic: the generator's, then the analyzer's.</summary>
        public ImmutableArray<Diagnostic> Diagnostics => GeneratorDiagnostics.AddRange(AnalyzerDiagnostics);
    }

    public static Result Run(string source, string path = "Test.cs", bool allowUnsafe = false) => Run(new[] { (path, source) }, null, allowUnsafe);

    /// <summary>
    /// Runs <paramref name="markedSource"/> with its one <c>[|...|]</c> marker removed; <paramref name="span"/> is the
    /// marked text's span, where a test expects a diagnostic.
    /// </summary>
    public static Result RunMarked(string markedSource, out TextSpan span)
    {
        var start = markedSource.IndexOf("[|", StringComparison.Ordinal);
        var end = markedSource.IndexOf("|]", StringComparison.Ordinal) - 2;
        span = TextSpan.FromBounds(start, end);
        return Run(markedSource.Replace("[|", "").Replace("|]", ""));
    }

    public static Result Run((string Path, string Source)[] files, MetadataReference[]? extraReferences = null, bool allowUnsafe = false) =>
        Run(Compile(files, extraReferences, allowUnsafe));

    /// <summary>Runs the generator, then the analyzer with <paramref name="analyzerOptions"/> (an .editorconfig's options).</summary>
    public static Result Run(Compilation compilation, AnalyzerOptions? analyzerOptions = null)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new GoroutineGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var genDiags);
        var run = driver.GetRunResult();
        var compileDiags = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        return new Result(run, output, genDiags, Analyze(output, analyzerOptions), compileDiags);
    }

    /// <summary>Runs the goroutine analyzer as the compiler does (pragmas, [SuppressMessage] and the options' severities applied).</summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, AnalyzerOptions? options = null) =>
        compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new GoSharp.Generator.Analyzers.GoroutineAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>Compiles the generator's output to an assembly and loads it in a collectible context.</summary>
    public static Assembly Load(Compilation output)
    {
        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        var emit = output.Emit(pe, pdb, options: new Microsoft.CodeAnalysis.Emit.EmitOptions(debugInformationFormat: Microsoft.CodeAnalysis.Emit.DebugInformationFormat.PortablePdb));
        if (!emit.Success)
            throw new InvalidOperationException("Compilation failed:\n" + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        pe.Position = 0;
        pdb.Position = 0;
        var context = new AssemblyLoadContext("gosharp-test-" + Guid.NewGuid(), isCollectible: true);
        context.Resolving += (ctx, name) =>
            name.Name == "GoSharp" ? typeof(GoSharp.Go).Assembly
            : name.Name == typeof(GeneratorHarness).Assembly.GetName().Name ? typeof(GeneratorHarness).Assembly
            : null;
        return context.LoadFromStream(pe, pdb);
    }

    public static string GeneratedText(Result r) =>
        string.Join("\n", r.Run.Results.SelectMany(x => x.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => "//HintName: " + s.HintName + "\n" + s.SourceText));
}
