using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Member names C# infers from an expression: <c>new { x, o.A }</c> has members <c>x</c> and <c>A</c>, <c>(x, 1)</c>
/// an element <c>x</c>. Renamed to a frame field (<c>_l0_x</c>), read back by example (<c>__GoAs(_l1_o, ...)</c>) or
/// replaced by a spilled temporary, the expression would name another member or none (CS0746), so every inferred
/// name is written out: <c>new { x = _l0_x, A = ... }</c>, <c>(x: _l0_x, 1)</c>. The names come from the semantic
/// model's type of the original expression, so only the names C# really inferred are written (not a duplicated
/// one, nor <c>Item1</c> or <c>Rest</c>).
/// </summary>
internal sealed partial class Renamer
{
    public override SyntaxNode? VisitAnonymousObjectCreationExpression(AnonymousObjectCreationExpressionSyntax node)
    {
        var visited = (AnonymousObjectCreationExpressionSyntax)base.VisitAnonymousObjectCreationExpression(node)!;
        if (node.Initializers.All(i => i.NameEquals is not null)
            || Model.GetTypeInfo(node).Type is not INamedTypeSymbol { IsAnonymousType: true } type) return visited;
        var members = type.GetMembers().OfType<IPropertySymbol>().ToList();
        if (members.Count != node.Initializers.Count || visited.Initializers.Count != node.Initializers.Count) return visited;
        var initializers = visited.Initializers;
        for (var i = 0; i < node.Initializers.Count; i++)
        {
            if (node.Initializers[i].NameEquals is not null) continue;
            var declarator = initializers[i];
            initializers = initializers.Replace(declarator, declarator.WithNameEquals(
                SyntaxFactory.NameEquals(InferredName(members[i].Name)).WithLeadingTrivia(declarator.GetLeadingTrivia()))
                .WithExpression(declarator.Expression.WithoutLeadingTrivia()));
        }
        return visited.WithInitializers(initializers);
    }

    public override SyntaxNode? VisitTupleExpression(TupleExpressionSyntax node)
    {
        var visited = (TupleExpressionSyntax)base.VisitTupleExpression(node)!;
        // A deconstruction's targets (`(a, b) = ...`) name variables, not elements.
        if (IsDeconstructionTarget(node) || node.Arguments.All(a => a.NameColon is not null)
            || Model.GetTypeInfo(node).Type is not INamedTypeSymbol { IsTupleType: true } type
            || type.TupleElements.Length != node.Arguments.Count || visited.Arguments.Count != node.Arguments.Count) return visited;
        var arguments = visited.Arguments;
        for (var i = 0; i < node.Arguments.Count; i++)
        {
            var element = type.TupleElements[i];
            if (node.Arguments[i].NameColon is not null || element.Name == "Item" + (i + 1)) continue;
            var argument = arguments[i];
            arguments = arguments.Replace(argument, argument.WithNameColon(
                SyntaxFactory.NameColon(InferredName(element.Name)).WithLeadingTrivia(argument.GetLeadingTrivia()))
                .WithExpression(argument.Expression.WithoutLeadingTrivia()));
        }
        return visited.WithArguments(arguments);
    }

    /// <summary>A name as written: one that is a keyword (<c>(@delegate, state)</c> infers <c>delegate</c>) needs its <c>@</c>.</summary>
    private static IdentifierNameSyntax InferredName(string name) => SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None
        ? SyntaxFactory.IdentifierName(name)
        : SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(default, SyntaxKind.IdentifierToken, "@" + name, name, default));

    private static bool IsDeconstructionTarget(TupleExpressionSyntax tuple)
    {
        SyntaxNode t = tuple;
        while (t.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax outer }) t = outer;
        return t.Parent is AssignmentExpressionSyntax a && a.Left == t
            || t.Parent is ForEachVariableStatementSyntax f && f.Variable == t;
    }
}
