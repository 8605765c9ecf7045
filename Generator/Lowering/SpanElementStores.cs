using System.Collections.Generic;
using System.Linq;
using GoSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// An element stored through a span that is no variable (a property's or a call's span, indexed through its
/// ref-returning indexer) in an assignment with a suspension point. A struct value that is no variable cannot be
/// spilled and written back, but a span need not be: when nothing suspends after the receiver's own suspension points,
/// the span is made after them, in the residual, and indexed at once, as async accepts it. A suspending index or
/// right side would keep the span across that suspension point, which async refuses too (CS4007): GOSH0008.
/// <code>
/// before: Tw(h).Memory.Span[q++] = (byte)lit;
/// after:  ... Tw(h) lowered into _t1 ...
///         _t1.Memory.Span[_l0_q++] = (byte)_l1_lit;
/// </code>
/// (Found by the corpus' --suspend in SharpCompress, corpus round 12.)
/// </summary>
internal sealed partial class MethodLowerer
{
    private bool IsSpanElement(ElementAccessExpressionSyntax ea, ITypeSymbol? receiverType) =>
        receiverType is not null && SymbolFacts.IsRefLike(receiverType)
        && Model.GetSymbolInfo(ea, _ct).Symbol is IPropertySymbol { ReturnsByRef: true };

    private string? SpanElementLocation(ElementAccessExpressionSyntax ea, bool spillAll, Dictionary<SyntaxNode, string> repl)
    {
        if (spillAll || ea.ArgumentList.Arguments.Any(x => HasSuspension(x.Expression)))
        {
            Report(DiagnosticDescriptors.RefAcrossSuspension, ea.Expression, ea.Expression.ToString());
            return null;
        }
        repl[ea.Expression] = LowerExpression(ea.Expression);
        return Rewrite(ea, ea, repl);
    }
}
