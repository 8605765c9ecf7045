using System.Collections.Immutable;
using System.Linq;
using GoSharp.Generator.Lowering;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GoSharp.Generator.Suppressors;

/// <summary>
/// Suppresses IDE0051 ("private member is unused") on a private [Goroutine] method that its launcher starts. The
/// launcher makes the method's frame, not a call of the method, so a method only ever started as
/// <c>GoWork(n)</c> reads as unused, and removing it (the fix IDE0051 offers) would remove its launcher with it.
/// A method whose launcher is not referenced either is still reported: it is unused.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LaunchedPrivateGoroutineSuppressor : DiagnosticSuppressor
{
    public static readonly SuppressionDescriptor LaunchedGoroutine = new(
        id: "GOSHSPR0002",
        suppressedDiagnosticId: "IDE0051",
        justification: "The [Goroutine] method is started through its generated launcher, which runs its body as a goroutine.");

    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ImmutableArray.Create(LaunchedGoroutine);

    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            var tree = diagnostic.Location.SourceTree;
            if (tree is null) continue;
            var node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } declaration) continue;
            if (context.GetSemanticModel(tree).GetDeclaredSymbol(declaration, context.CancellationToken) is not IMethodSymbol method
                || !SymbolFacts.HasGoroutineAttribute(method))
                continue;
            if (IsLaunched(context, method)) context.ReportSuppression(Suppression.Create(LaunchedGoroutine, diagnostic));
        }
    }

    /// <summary>
    /// Whether the launcher of <paramref name="method"/> is named anywhere: a private member's launcher is private
    /// too, so only the declarations of its type (its parts, nested types included) can name it.
    /// </summary>
    private static bool IsLaunched(SuppressionAnalysisContext context, IMethodSymbol method)
    {
        var launcherName = SymbolFacts.LauncherName(method);
        var launchers = method.ContainingType.GetMembers(launcherName).OfType<IMethodSymbol>()
            .Where(l => l.Arity == method.Arity && l.Parameters.Length == method.Parameters.Length
                && l.Parameters.Select(p => p.Type.ToDisplayString()).SequenceEqual(method.Parameters.Select(p => p.Type.ToDisplayString())))
            .ToList();
        if (launchers.Count == 0) return false;
        foreach (var reference in method.ContainingType.DeclaringSyntaxReferences)
        {
            var typeSyntax = reference.GetSyntax(context.CancellationToken);
            SemanticModel? model = null;
            foreach (var name in typeSyntax.DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (name.Identifier.ValueText != launcherName) continue;
                model ??= context.GetSemanticModel(typeSyntax.SyntaxTree);
                var info = model.GetSymbolInfo(name, context.CancellationToken);
                var bound = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                if (bound is IMethodSymbol m && launchers.Any(l => SymbolEqualityComparer.Default.Equals(l, (m.ReducedFrom ?? m).OriginalDefinition)))
                    return true;
            }
        }
        return false;
    }
}
