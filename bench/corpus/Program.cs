using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using GoSharp.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GoSharp.Corpus;

/// <summary>
/// Marks every method of a real C# codebase <c>[Goroutine]</c> and every type partial, runs the generator in
/// memory against .NET 10 reference assemblies, and reports: methods marked, frames generated, GOSH diagnostics
/// by id, and every compiler error in generated code (the generator's promise: zero) or new in the user's code.
/// Files that do not compile before the rewrite (a missing package) are left out first.
///
///   dotnet run -c Release --project bench/corpus -- [--define A;B] path/to/checkout [more paths...]
///
/// --define: the project's preprocessor symbols (its DefineConstants), so that code behind #if is seen.
/// --exclude A.cs;Dir/B.cs: leave these files out (path endings), e.g. to --run a corpus whose other files generate
///        an error the generator still makes.
/// --preview: C#'s preview language version (a project with <LangVersion>preview</LangVersion>: `field`, `a?.b = c`).
/// --implicit-usings: the SDK's global usings of a project with <ImplicitUsings>enable</ImplicitUsings>.
/// --verbose: every GOSH diagnostic, not one of each id, and the first error of each file left out.
/// --suspend[=P] (default 0.3), --seed N (default 1): first wrap chosen rvalues e as __Sus.S(e), a yielding
///        [Goroutine] identity, with probability P each (InsertSuspensions.cs): many more suspension points.
/// --dump DIR: write the rewritten files there (to cut a mismatch down from).
/// --run: then run every method with simple parameters as the plain call and as a goroutine and compare
///        (RunDifferential.cs).
/// --skip Type.Method;...: methods --run leaves out (full type name, a dot, the method's name), e.g. one whose plain
///        call crashes the process on random input (a stack overflow cannot be caught).
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: GoSharp.Corpus <folder with C# sources>...   (tests, bin and obj folders are skipped)");
            return 2;
        }
        var defines = new List<string>();
        var verbose = false;
        var run = false;
        var instances = false;
        var implicitUsings = false;
        var language = LanguageVersion.Latest;
        var excluded = new List<string>();
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        double suspend = 0;
        int seed = 1;
        string? dump = null;
        var paths = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--verbose") verbose = true;
            else if (args[i] == "--run") run = true;
            else if (args[i] == "--instances") instances = true;
            else if (args[i] == "--implicit-usings") implicitUsings = true;
            else if (args[i] == "--preview") language = LanguageVersion.Preview;
            else if (args[i] == "--exclude" && i + 1 < args.Length) excluded.AddRange(args[++i].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            else if (args[i] == "--suspend") suspend = 0.3;
            else if (args[i].StartsWith("--suspend=", StringComparison.Ordinal)) suspend = double.Parse(args[i].Substring("--suspend=".Length), System.Globalization.CultureInfo.InvariantCulture);
            else if (args[i] == "--dump" && i + 1 < args.Length) dump = args[++i];
            else if (args[i] == "--skip" && i + 1 < args.Length) skipped.UnionWith(args[++i].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            else if (args[i] == "--seed" && i + 1 < args.Length) seed = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            else if (args[i] == "--define" && i + 1 < args.Length) defines.AddRange(args[++i].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            else paths.Add(args[i]);
        }
        foreach (var missing in paths.Where(p => !Directory.Exists(p)))
        {
            Console.Error.WriteLine($"No such folder: {missing} (give the folders of the codebase's sources, e.g. MoreLINQ/MoreLinq)");
            return 2;
        }
        var files = paths.SelectMany(a => Directory.EnumerateFiles(a, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" || p.EndsWith(".Tests", StringComparison.Ordinal)))
            .Where(f => !excluded.Any(x => f.EndsWith(Path.DirectorySeparatorChar + x, StringComparison.Ordinal)))
            .OrderBy(f => f, StringComparer.Ordinal).ToList();
        var parse = new CSharpParseOptions(language, preprocessorSymbols: defines);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f)).ToList();
        if (implicitUsings) trees.Add(CSharpSyntaxTree.ParseText(ImplicitUsings, parse, "__ImplicitUsings.cs"));
        var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(GoSharp.Go).Assembly.Location)).ToImmutableArray();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true);

        // 1. Leave out what does not compile as it is (files that need packages we do not reference).
        // Until none is left: a file left out can break the files that use its types, round after round (SharpCompress
        // took more than five), and a kept file with errors of its own gives the generator a model it need not compile.
        var baseline = CSharpCompilation.Create("Corpus", trees, references, options);
        for (int round = 0; ; round++)
        {
            var bad = baseline.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is not null)
                .Select(d => d.Location.SourceTree!).Distinct().ToHashSet();
            if (bad.Count == 0) break;
            if (verbose)
                foreach (var d in baseline.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is not null)
                    .GroupBy(d => d.Location.SourceTree).Select(g => g.First()).Take(round == 0 ? 40 : 5))
                    Console.WriteLine($"  left out (round {round + 1}): {Show(d)}");
            trees = trees.Where(t => !bad.Contains(t)).ToList();
            baseline = CSharpCompilation.Create("Corpus", trees, references, options);
        }
        var baselineErrors = baseline.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        // The errors the kept files still have (a type of a file left out), counted by what they say, not where: the
        // marker's attributes and `partial`, and --suspend's wraps, move every error after them in its file.
        var before = baseline.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)
            .GroupBy(Key).ToDictionary(g => g.Key, g => g.Count());

        // 2. --suspend: insert suspension points (InsertSuspensions.cs), and keep a file's rewrite only if it compiles.
        int inserted = 0, revertedFiles = 0, revertedPoints = 0;
        var extra = new List<SyntaxTree>();
        if (suspend > 0)
        {
            var sus = CSharpSyntaxTree.ParseText(InsertSuspensions.Source, parse, "__Sus.cs");
            var random = new Random(seed);
            var counts = new Dictionary<SyntaxTree, int>();
            var rewritten = trees.Select(t =>
            {
                var rewriter = new InsertSuspensions(baseline.GetSemanticModel(t), random, suspend);
                var r = t.WithRootAndOptions(rewriter.Visit(t.GetRoot())!, t.Options);
                counts[r] = rewriter.Inserted;
                return r;
            }).ToList();
            var check = CSharpCompilation.Create("Corpus", rewritten.Append(sus), references, options);
            var broken = check.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var brokenTrees = broken.Select(d => d.Location.SourceTree).Where(t => t is not null).ToHashSet();
            foreach (var g in broken.GroupBy(d => d.Id).OrderByDescending(g => g.Count()))
            {
                Console.WriteLine($"  the rewrite broke compilation: {g.Key} x{g.Count()}");
                foreach (var d in g.Take(3)) Console.WriteLine($"    {Show(d)}");
            }
            for (int i = 0; i < trees.Count; i++)
            {
                if (brokenTrees.Contains(rewritten[i])) { revertedFiles++; revertedPoints += counts[rewritten[i]]; continue; }
                inserted += counts[rewritten[i]];
                trees[i] = rewritten[i];
            }
            extra.Add(sus);
            if (dump is not null)
            {
                // For triage: the rewritten files, to cut a mismatch down from.
                foreach (var t in trees)
                {
                    var target = Path.Combine(dump, Path.GetFileName(Path.GetDirectoryName(t.FilePath)) ?? "", Path.GetFileName(t.FilePath));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.WriteAllText(target, t.GetText().ToString());
                }
            }
        }

        // 3. Mark everything.
        var marker = new MarkEverything();
        var marked = trees.Select(t => t.WithRootAndOptions(marker.Visit(t.GetRoot())!, t.Options)).Concat(extra).ToList();
        var compilation = CSharpCompilation.Create("Corpus", marked, references, options);

        // 4. Generate, compile, and run the assembly's analyzers (the diagnostics may come from either).
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new GoroutineGenerator().AsSourceGenerator() }, parseOptions: parse);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var analyzers = typeof(GoroutineGenerator).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();
        var analyzerDiagnostics = analyzers.IsEmpty ? ImmutableArray<Diagnostic>.Empty
            : output.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var gosh = generatorDiagnostics.Concat(analyzerDiagnostics).Where(d => d.Id.StartsWith("GOSH", StringComparison.Ordinal))
            .GroupBy(d => (d.Id, d.Location.SourceSpan, d.Location.SourceTree?.FilePath)).Select(g => g.First()).ToList();
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var generatedTrees = output.SyntaxTrees.Skip(marked.Count).ToHashSet();
        var inGenerated = errors.Where(d => d.Location.SourceTree is { } t && generatedTrees.Contains(t)).ToList();
        if (dump is not null)
            Directory.CreateDirectory(dump); // without --suspend nothing has made it yet
        if (dump is not null)
            foreach (var t in inGenerated.Select(d => d.Location.SourceTree!).Distinct())
                File.WriteAllText(Path.Combine(dump, "generated-" + Path.GetFileName(t.FilePath)), t.GetText().ToString());
        var inUserCode = errors.Where(d => !inGenerated.Contains(d) && !Known(d)).ToList();
        bool Known(Diagnostic d)
        {
            if (!before.TryGetValue(Key(d), out var left) || left == 0) return false;
            before[Key(d)] = left - 1;
            return true;
        }

        Console.WriteLine($"files: {files.Count} found, {trees.Count} compile as they are ({baselineErrors} errors left)");
        Console.WriteLine($"methods marked [Goroutine]: {marker.Methods}; generated files: {generatedTrees.Count}");
        if (suspend > 0)
            Console.WriteLine($"suspension points inserted (--suspend={suspend.ToString(System.Globalization.CultureInfo.InvariantCulture)} --seed {seed}): {inserted}; "
                + $"{revertedFiles} files ({revertedPoints} points) left as they were because their rewrite did not compile");
        Console.WriteLine($"GOSH diagnostics: {gosh.Count}");
        foreach (var g in gosh.GroupBy(d => d.Id).OrderBy(g => g.Key))
        {
            Console.WriteLine($"  {g.Key} x{g.Count()}   e.g. {Show(g.First())}");
            if (verbose) foreach (var d in g.Skip(1)) Console.WriteLine($"           {Show(d)}");
        }
        Console.WriteLine($"errors in generated code: {inGenerated.Count}");
        foreach (var g in inGenerated.GroupBy(d => d.Id).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine($"  {g.Key} x{g.Count()}");
            foreach (var d in g.Take(3)) Console.WriteLine($"    {Show(d)}");
        }
        Console.WriteLine($"new errors in the user's code: {inUserCode.Count}");
        foreach (var g in inUserCode.GroupBy(d => d.Id).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine($"  {g.Key} x{g.Count()}");
            foreach (var d in g.Take(3)) Console.WriteLine($"    {Show(d)}");
        }
        if (run && inGenerated.Count == 0 && inUserCode.Count == 0)
        {
            // Corpus methods run on random inputs may write files (a zip named by a random string): run them in a
            // scratch folder, so they leave nothing in the folder the tool was started from.
            string scratch = Path.Combine(Path.GetTempPath(), "gosharp-corpus-run-" + Environment.ProcessId);
            Directory.CreateDirectory(scratch);
            Environment.CurrentDirectory = scratch;
            Console.WriteLine($"--run: corpus methods run in a scratch folder, {scratch}");
            int code = RunDifferential.Run(output, inputsPerMethod: 8, instances, skipped);
            Environment.Exit(code); // abandoned threads of plain calls that did not finish end with the process
        }
        return inGenerated.Count == 0 ? 0 : 1;
    }

    // What Microsoft.NET.Sdk writes for <ImplicitUsings>enable</ImplicitUsings>.
    private const string ImplicitUsings = "global using System;\nglobal using System.Collections.Generic;\nglobal using System.IO;\n"
        + "global using System.Linq;\nglobal using System.Net.Http;\nglobal using System.Threading;\nglobal using System.Threading.Tasks;\n";

    private static string Key(Diagnostic d) => $"{d.Id}@{d.Location.SourceTree?.FilePath}:{d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";

    private static string Show(Diagnostic d)
    {
        var span = d.Location.GetMappedLineSpan();
        // The marked tree's lines differ from the file's (the marker adds attributes): show the code itself too.
        var code = d.Location.SourceTree?.GetText().ToString(d.Location.SourceSpan).Replace("\n", " ") ?? "";
        if (code.Length > 100) code = code.Substring(0, 100) + "...";
        return $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.GetMessage()}" + (code.Length > 0 ? $"\n      at: {code}" : "");
    }
}
