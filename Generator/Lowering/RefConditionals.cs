using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// A ref conditional (<c>c ? ref a : ref b</c>) whose condition or branches suspend, with no suspension point after
/// it in its expression: the condition into a bool temporary, each branch's location lowered on its own path, and
/// the reference chosen in the residual, after the last suspension point, as async takes it (a suspension after it
/// would keep the reference in the frame: refused, GOSH0017, as async refuses it, CS8325):
/// <code>
/// before:  (Tw(c) ? ref a : ref arr[Tw(0)]) += 5;
/// after:   ...Tw(c)..., _r0
///          _t0 = _r0;
///          if (!_t0) goto refelse1;
///          goto refend2;
///      refelse1:
///          _t1 = arr;
///          ...Tw(0)..., _r1
///      refend2:
///          (_t0 ? ref _l0_a : ref _t1[_r1]) += 5;
/// </code>
/// The branch not taken names temporaries its path did not set; the conditional never evaluates it. The chosen
/// reference is a location like any other: assigned, compounded (in place, so it is chosen once), passed by
/// reference, a deconstruction's target, or the struct whose member or indexer's element is assigned
/// (AssignmentLowering.cs). As the
/// receiver of its struct's method before a suspending argument it is refused (ExpressionLowering.cs): a spilled
/// copy would lose the method's changes.
/// </summary>
internal sealed partial class MethodLowerer
{
    private static bool IsRefConditional(ExpressionSyntax e) => e is ConditionalExpressionSyntax { WhenTrue: RefExpressionSyntax };

    private string? RefConditionalLocation(ConditionalExpressionSyntax c)
    {
        var chosen = ConditionChosen(c, "condition of a ref ?:");
        if (!HasSuspension(c.WhenTrue) && !HasSuspension(c.WhenFalse))
            return $"({chosen} ? {RewriteExpr(c.WhenTrue)} : {RewriteExpr(c.WhenFalse)})";
        var (whenTrue, whenFalse) = BranchesApart(chosen, c, "ref", BranchLocation);
        return whenTrue is null || whenFalse is null ? null : $"({chosen} ? ref {whenTrue} : ref {whenFalse})";
    }

    /// <summary>A branch's location (<c>ref arr[Tw(0)]</c>: its parts lowered, then named), without the <c>ref</c>.</summary>
    private string? BranchLocation(ExpressionSyntax branch)
    {
        var location = branch is RefExpressionSyntax re ? re.Expression : branch;
        return HasSuspension(location) ? LowerLocation(location, spillAll: false) : RewriteExpr(location);
    }
}
