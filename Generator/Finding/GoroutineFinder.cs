using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Finding;

/// <summary>The find stage: which syntax nodes carry [Goroutine], and the fingerprint of each (no binding beyond Roslyn's own
/// check of the attribute).</summary>
internal static class GoroutineFinder
{
    public const string AttributeName = RuntimeContract.GoroutineAttribute.MetadataName;

    /// <summary>Purely syntactic: a method declaration (the attribute name was matched by Roslyn already; [Goroutine] on a
    /// local function gets no frame, and GoroutineAnalyzer reports it: GOSH0018).</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node is MethodDeclarationSyntax;

    public static FoundMethod Find(GeneratorAttributeSyntaxContext context, CancellationToken ct)
    {
        var decl = (MethodDeclarationSyntax)context.TargetNode;
        var fingerprint = MethodFingerprint.Of(decl, ct, out var firstLine);
        // What the file name is made of (FrameModelBuilder's hint), exact: LineBases tells apart the methods whose
        // names collide once sanitized or compared as Roslyn compares hint names, ignoring case.
        var identity = context.TargetSymbol is IMethodSymbol { ContainingType: { } type } symbol
            ? type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "") + "." + symbol.Name
            : "";
        return new FoundMethod(fingerprint, firstLine, new RunPayload(context.SemanticModel.Compilation, decl), identity);
    }
}
