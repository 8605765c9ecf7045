using System.Threading;
using GoSharp.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Finding;

/// <summary>The find stage: which syntax nodes carry [Goroutine], and turning each into a model.</summary>
internal static class GoroutineFinder
{
    public const string AttributeName = RuntimeContract.GoroutineAttribute.MetadataName;

    /// <summary>Purely syntactic: a method declaration, or a local function (reported: GOSH0018) (the attribute name was matched by Roslyn already).</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node is MethodDeclarationSyntax or LocalFunctionStatementSyntax;

    public static GoroutineResult Transform(GeneratorAttributeSyntaxContext context, CancellationToken ct)
    {
        if (context.TargetNode is LocalFunctionStatementSyntax local)
        {
            var at = LocationInfo.From(local.Identifier.GetLocation());
            var info = new DiagnosticInfo(Diagnostics.DiagnosticDescriptors.LocalFunctionGoroutine.Id, at, new[] { local.Identifier.ValueText }.ToEquatableArray());
            return new GoroutineResult(null, new[] { info }.ToEquatableArray());
        }
        var decl = (MethodDeclarationSyntax)context.TargetNode;
        var method = (IMethodSymbol)context.TargetSymbol;
        return FrameModelBuilder.Build(decl, method, context.SemanticModel, ct);
    }
}
