using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Caller information in copied code. Code copied into the frame's <c>Resume</c> would get the frame's names from
/// the compiler: <c>[CallerMemberName]</c> "Resume", <c>[CallerArgumentExpression]</c> the renamed text
/// (<c>_l0_x + 1</c>). So every call, constructor, indexer and collection-initializer <c>Add</c> whose caller-info
/// argument is omitted gets it written out, as the value the compiler computed for the user's code (the line and
/// the file come right through the span directives).
/// <code>
/// before:  var a = c[Tw(n)];  var b = new Bag { 7 };
/// after:   _l0_a = _p_c[_r0, m: "Caller"];  _l1_b = new Bag { { 7, "Caller" } };
/// </code>
/// </summary>
internal sealed partial class Renamer
{
    public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        var visited = VisitInvocationCore(node);
        return visited is InvocationExpressionSyntax call && WithCallerInfo(node, call.ArgumentList) is { } args ? call.WithArgumentList(args) : visited;
    }

    public override SyntaxNode? VisitObjectCreationExpression(ObjectCreationExpressionSyntax node)
    {
        var visited = (ObjectCreationExpressionSyntax)base.VisitObjectCreationExpression(node)!;
        return WithCallerInfo(node, visited.ArgumentList) is { } args ? visited.WithArgumentList(args) : visited;
    }

    public override SyntaxNode? VisitImplicitObjectCreationExpression(ImplicitObjectCreationExpressionSyntax node)
    {
        var visited = (ImplicitObjectCreationExpressionSyntax)base.VisitImplicitObjectCreationExpression(node)!;
        return WithCallerInfo(node, visited.ArgumentList) is { } args ? visited.WithArgumentList(args) : visited;
    }

    /// <summary>
    /// The argument list with the caller-info arguments the compiler fills in for this call made explicit, or
    /// null when there are none. In the frame, [CallerMemberName] would get "Resume" and
    /// [CallerArgumentExpression] the renamed text (<c>_l0_x + 1</c>), so they are passed as the values the
    /// compiler computed for the user's call (the line and the file come right through the span directives).
    /// A call with expanded params elements is left alone: no named argument may follow them.
    /// </summary>
    private ArgumentListSyntax? WithCallerInfo(ExpressionSyntax original, ArgumentListSyntax? visited)
    {
        var extra = CallerInfoArguments(original);
        if (extra is null && original is InvocationExpressionSyntax inv && original.SyntaxTree == Model.SyntaxTree && _owner.LaunchedMethod(inv) is { } launched)
            extra = CallerInfo.ForLauncher(Model, inv, launched);
        if (extra is null) return null;
        var given = visited is null || visited.Arguments.Count == 0 ? "" : visited.Arguments.ToFullString() + ", ";
        var list = SyntaxFactory.ParseArgumentList("(" + given + string.Join(", ", extra) + ")");
        return visited is null ? list : list.WithTriviaFrom(visited);
    }

    /// <summary><see cref="WithCallerInfo"/> for an indexer's bracketed argument list (<c>c[i]</c>, read or written).</summary>
    private BracketedArgumentListSyntax? WithCallerInfo(ElementAccessExpressionSyntax original, BracketedArgumentListSyntax visited)
    {
        if (CallerInfoArguments(original) is not { } extra) return null;
        var given = visited.Arguments.Count == 0 ? "" : visited.Arguments.ToFullString() + ", ";
        return SyntaxFactory.ParseBracketedArgumentList("[" + given + string.Join(", ", extra) + "]").WithTriviaFrom(visited);
    }

    /// <summary>The caller-info arguments the compiler fills in for <paramref name="original"/>, as named arguments, or null.</summary>
    private List<string>? CallerInfoArguments(ExpressionSyntax original) =>
        original.SyntaxTree != Model.SyntaxTree ? null : CallerInfo.Named(CallerInfo.ArgumentsOf(Model, original));

    public override SyntaxNode? VisitInitializerExpression(InitializerExpressionSyntax node)
    {
        // A collection initializer's elements are Add calls: an omitted caller-info argument of Add would get the
        // frame's names too. Elements take positional arguments only ({ x, "Caller" }).
        var visited = (InitializerExpressionSyntax)base.VisitInitializerExpression(node)!;
        if (!node.IsKind(SyntaxKind.CollectionInitializerExpression) || node.SyntaxTree != Model.SyntaxTree) return visited;
        var changed = false;
        var elements = new List<ExpressionSyntax>();
        for (var i = 0; i < node.Expressions.Count; i++)
        {
            var element = visited.Expressions[i];
            if (CallerInfo.Positional(CallerInfo.ArgumentsOfElement(Model, node.Expressions[i])) is { } extra)
            {
                var given = element is InitializerExpressionSyntax complex ? complex.Expressions.Select(e => e.ToString()) : new[] { element.ToString() };
                element = SyntaxFactory.ParseExpression("new object { { " + string.Join(", ", given.Concat(extra)) + " } }") is ObjectCreationExpressionSyntax { Initializer: { } wrapper }
                    ? wrapper.Expressions[0].WithTriviaFrom(element) : element;
                changed = true;
            }
            elements.Add(element);
        }
        return changed ? visited.WithExpressions(SyntaxFactory.SeparatedList(elements)) : visited;
    }
}
