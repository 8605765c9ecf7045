using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// A constant of a case label or a pattern whose <c>unchecked</c> context the copy leaves behind. C# evaluates
/// constant expressions checked (an overflow is error CS0220) except in an unchecked context, so
/// <c>unchecked { switch (h) { case int.MaxValue + 1: ... } }</c> is legal while the same label written apart
/// from its block is not. Statements the lowering copies whole keep their context (their block is written around
/// them), but a label, an arm's pattern or an <c>is</c> pattern is written on its own, so it carries its context:
/// <code>
/// before:  unchecked { switch (Tw(h)) { case int.MaxValue + 1: ... } }
/// after:   case unchecked(int.MaxValue + 1): goto __case1;
/// </code>
/// A checked context needs nothing: it is the default for constants.
/// </summary>
internal sealed partial class Renamer
{
    /// <summary>
    /// Whether <paramref name="e"/> is a constant of a label or pattern that is more than a literal or a name, whose
    /// nearest checked or unchecked context is <c>unchecked</c> and not part of the text being copied.
    /// </summary>
    private bool LeftUncheckedContext(ExpressionSyntax e)
    {
        if (e.Parent is not (ConstantPatternSyntax or RelationalPatternSyntax or CaseSwitchLabelSyntax)) return false;
        if (e is LiteralExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax or CheckedExpressionSyntax) return false;
        return MethodLowerer.CheckedContextNode(e) is { } context
            && context.Kind() is SyntaxKind.UncheckedStatement or SyntaxKind.UncheckedExpression
            && !_root.Span.Contains(context.Span);
    }

    private static ExpressionSyntax UncheckedConstant(ExpressionSyntax visited) =>
        SyntaxFactory.CheckedExpression(SyntaxKind.UncheckedExpression, visited.WithoutTrivia()).WithTriviaFrom(visited);
}
