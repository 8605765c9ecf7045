using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GoSharp.Generator.Suppressors;

/// <summary>
/// Suppresses CS4014 ("this call is not awaited") on a call that returns a goroutine handle
/// (<c>Goroutine</c>/<c>Goroutine&lt;T&gt;</c>) in an async method. The handle is awaitable so that async code
/// can join a goroutine, which makes the compiler read a bare launcher statement, <c>GoWorker(jobs);</c>, as a
/// forgotten await; it is Go's <c>go worker(jobs)</c>, and the goroutine runs whether or not anyone joins it.
/// A suppressor rather than a handle that is not awaitable: <c>await GoX(...)</c> stays the way to join from
/// async code, and the suppression shows (and can be turned off) like any other.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnawaitedLauncherSuppressor : DiagnosticSuppressor
{
    public static readonly SuppressionDescriptor LauncherNotAwaited = new(
        id: "GOSHSPR0001",
        suppressedDiagnosticId: "CS4014",
        justification: "A call that returns a goroutine handle starts a goroutine (Go's `go f()`); it runs whether or not it is awaited.");

    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ImmutableArray.Create(LauncherNotAwaited);

    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        var handle = context.Compilation.GetTypeByMetadataName(RuntimeContract.Goroutine.MetadataName);
        var handleOfT = context.Compilation.GetTypeByMetadataName(RuntimeContract.GoroutineOfT.MetadataName);
        if (handle is null && handleOfT is null) return;
        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            var tree = diagnostic.Location.SourceTree;
            if (tree is null) continue;
            var node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var call = node as InvocationExpressionSyntax ?? node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (call is null) continue;
            var model = context.GetSemanticModel(tree);
            if (model.GetTypeInfo(call, context.CancellationToken).Type is INamedTypeSymbol type
                && (SymbolEqualityComparer.Default.Equals(type, handle) || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, handleOfT)))
                context.ReportSuppression(Suppression.Create(LauncherNotAwaited, diagnostic));
        }
    }
}
