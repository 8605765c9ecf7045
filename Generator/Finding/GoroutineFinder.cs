using System.Threading;
using GoSharp.Generator.Analyzers;
using GoSharp.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Finding;

/// <summary>The find stage: which syntax nodes carry [Goroutine], and turning each into a model.</summary>
internal static class GoroutineFinder
{
    public const string AttributeName = RuntimeContract.GoroutineAttribute.MetadataName;

    /// <summary>Purely syntactic: a method declaration (the attribute name was matched by Roslyn already; [Goroutine] on a
    /// local function gets no frame, and GoroutineAnalyzer reports it: GOSH0018).</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node is MethodDeclarationSyntax;

    public static GoroutineResult Transform(GeneratorAttributeSyntaxContext context, CancellationToken ct)
    {
        var decl = (MethodDeclarationSyntax)context.TargetNode;
        var method = (IMethodSymbol)context.TargetSymbol;
        return MethodAnalysisCache.Build(decl, method, context.SemanticModel, ct);
    }
}
