using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GoSharp.Generator.Tests.Infrastructure;

/// <summary>
/// Applies an <c>.editorconfig</c> to a compilation the way the command-line compiler does: Roslyn's own parser
/// (<see cref="AnalyzerConfigSet"/>) gives each file's <c>dotnet_diagnostic.ID.severity</c> entries, which reach
/// the compilation through its <see cref="SyntaxTreeOptionsProvider"/>, and the other keys, which reach analyzers
/// through an <see cref="AnalyzerConfigOptionsProvider"/>.
/// </summary>
public static class EditorConfig
{
    public static (Compilation Compilation, AnalyzerOptions Options) Apply(Compilation compilation, string editorConfigText, string directory = "/src")
    {
        var set = AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse(editorConfigText, directory + "/.editorconfig") });
        var results = compilation.SyntaxTrees.ToDictionary(t => t, t => set.GetOptionsForSourcePath(t.FilePath));
        var options = compilation.Options.WithSyntaxTreeOptionsProvider(new TreeOptions(results, set.GlobalConfigOptions));
        return (compilation.WithOptions(options), new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new ConfigOptionsProvider(results)));
    }

    private sealed class TreeOptions(Dictionary<SyntaxTree, AnalyzerConfigOptionsResult> results, AnalyzerConfigOptionsResult global) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = default;
            return results.TryGetValue(tree, out var r) && r.TreeOptions.TryGetValue(diagnosticId, out severity);
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            global.TreeOptions.TryGetValue(diagnosticId, out severity);
    }

    private sealed class ConfigOptionsProvider(Dictionary<SyntaxTree, AnalyzerConfigOptionsResult> results) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) =>
            results.TryGetValue(tree, out var r) ? new Options(r.AnalyzerOptions) : GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
