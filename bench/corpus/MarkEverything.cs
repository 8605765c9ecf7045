using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Corpus;

/// <summary>
/// The rewrite a corpus run applies: every class, struct and record becomes partial (with its enclosing types),
/// and every method with a body gets <c>[global::GoSharp.Goroutine]</c>, and so does every abstract method and interface
/// method without a body (calls through them become goroutine calls of the receiver's implementation). Interfaces keep their default methods
/// unmarked only when they are not partial-able (they are: interfaces can be partial too).
/// </summary>
internal sealed class MarkEverything : CSharpSyntaxRewriter
{
    public int Methods { get; private set; }

    public override SyntaxNode? VisitClassDeclaration(ClassDeclarationSyntax node) => MakePartial(base.VisitClassDeclaration(node));
    public override SyntaxNode? VisitStructDeclaration(StructDeclarationSyntax node) => MakePartial(base.VisitStructDeclaration(node));
    public override SyntaxNode? VisitRecordDeclaration(RecordDeclarationSyntax node) => MakePartial(base.VisitRecordDeclaration(node));
    public override SyntaxNode? VisitInterfaceDeclaration(InterfaceDeclarationSyntax node) => MakePartial(base.VisitInterfaceDeclaration(node));

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var visited = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        // An abstract method, and an interface method without a body (instance, not a partial definition): marked
        // too, so every call through one is a goroutine call of the receiver's implementation (AbstractGoroutines).
        var abstractMember = visited.Modifiers.Any(SyntaxKind.AbstractKeyword)
            || node.Parent is InterfaceDeclarationSyntax && !visited.Modifiers.Any(SyntaxKind.StaticKeyword) && !visited.Modifiers.Any(SyntaxKind.PartialKeyword)
                && !visited.Modifiers.Any(SyntaxKind.ExternKeyword) && visited.ExplicitInterfaceSpecifier is null;
        if (visited.Body is null && visited.ExpressionBody is null && !abstractMember) return visited;
        Methods++;
        var attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
            SyntaxFactory.Attribute(SyntaxFactory.ParseName("global::GoSharp.Goroutine"))));
        // Keep the method's leading trivia (doc comments, #if) in front of the new attribute list.
        var leading = visited.GetLeadingTrivia();
        return visited.WithoutLeadingTrivia()
            .WithAttributeLists(visited.AttributeLists.Insert(0, attribute.WithTrailingTrivia(SyntaxFactory.Space)))
            .WithLeadingTrivia(leading);
    }

    private static SyntaxNode? MakePartial(SyntaxNode? node)
    {
        if (node is not TypeDeclarationSyntax type || type.Modifiers.Any(SyntaxKind.PartialKeyword)) return node;
        // `partial` goes last among the modifiers, before `class`/`struct`/`record`/`interface` (ref struct: after ref).
        return type.WithModifiers(type.Modifiers.Add(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space)));
    }
}
