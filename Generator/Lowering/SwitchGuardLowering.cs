using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using GoSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Switches whose <c>when</c> clauses suspend, and what C#'s decision DAG reads.
///
/// C# matches all the arms of a switch (statement or expression) with one decision DAG: each property, each
/// <c>Deconstruct</c>, each <c>Length</c>/<c>Count</c>, indexer and slice of a list pattern is read at most once on
/// the path taken, and a guard that fails continues the DAG where it stopped, with what it already read. A guard
/// that suspends cannot sit inside a C# <c>switch</c>, so such a switch is lowered arm by arm, each arm's pattern
/// tested on its own (<c>if (!(v is pattern)) goto next;</c>, then the guard). That is exact only when no
/// evaluation with a possible side effect is shared between arms: each arm's own <c>is</c> is C#'s DAG for that
/// arm, and the arms are tried in C#'s order. So when two arms read the same member (a property that is not a
/// field or an auto-property, a user <c>Deconstruct</c>, <c>ITuple</c>, a list pattern's members on anything but an
/// array or a string), where the arm-by-arm form would read it again, the switch is refused (GOSH0010 at the
/// suspending guard) instead of calling a getter twice.
/// <code>
/// refused: p switch { { X: var a } when Tw(a) > 5 => "big", { X: 1 } => "one", _ => "other" }   // X read by two arms
/// lowered: p switch { { X: var a } when Tw(a) > 5 => "big", { Y: 1 } => "one", _ => "other" }
///          { if (!(_v is { X: var a })) goto __nextarm1; _l2_a = a; }  if (!(Tw(_l2_a) > 5 (lowered))) goto __nextarm1; ...
///          __nextarm1: { if (!(_v is { Y: 1 })) goto __nextarm2; } ...
/// </code>
/// (A switch whose guards do not suspend, and whose arms or sections do, is matched by one C# <c>switch</c>:
/// SwitchLowering.cs.)
/// </summary>
internal sealed partial class MethodLowerer
{
    /// <summary>
    /// True (and GOSH0010 reported at <paramref name="guard"/>) when arms of the switch read one member with a
    /// possible side effect more than once between them.
    /// </summary>
    private bool RefuseSharedPatternReads(IEnumerable<IPatternOperation?> armPatterns, SyntaxNode guard)
    {
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var pattern in armPatterns)
        {
            if (pattern is null) continue;
            var reads = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            CollectImpureReads(pattern, reads);
            foreach (var r in reads)
            {
                if (seen.Add(r)) continue;
                Report(DiagnosticDescriptors.Unsupported, guard,
                    $"A 'when' clause with a suspension point in a switch whose patterns read '{r.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}' in more than one arm (C# reads it once for all the arms; compute the value into a local before the switch and match on that)");
                return true;
            }
        }
        return false;
    }

    private static void CollectImpureReads(IOperation op, HashSet<ISymbol> reads)
    {
        switch (op)
        {
            case IRecursivePatternOperation rp:
                if (rp.DeconstructSymbol is IMethodSymbol d && !d.IsImplicitlyDeclared) reads.Add(d);
                else if (rp.DeconstructSymbol is ITypeSymbol t) reads.Add(t);   // ITuple: Length and the indexer
                break;
            case IPropertySubpatternOperation ps:
                CollectMemberReads(ps.Member, reads);
                break;
            case IListPatternOperation lp:
                if (!IsPureListSource(lp.InputType))
                {
                    if (lp.LengthSymbol is not null) reads.Add(lp.LengthSymbol);
                    if (lp.IndexerSymbol is not null) reads.Add(lp.IndexerSymbol);
                }
                break;
            case ISlicePatternOperation sp:
                if (sp.SliceSymbol is not null && !IsPureListSource(sp.InputType)) reads.Add(sp.SliceSymbol);
                break;
        }
        foreach (var child in op.ChildOperations) CollectImpureReads(child, reads);
    }

    private static void CollectMemberReads(IOperation member, HashSet<ISymbol> reads)
    {
        // An extended property pattern { A.B: p } is a chain of member references.
        for (var m = member; m is IMemberReferenceOperation r; m = r.Instance!)
        {
            if (r is IPropertyReferenceOperation p && !IsPureProperty(p.Property)) reads.Add(p.Property);
            if (r.Instance is null) break;
        }
    }

    private static bool IsPureListSource(ITypeSymbol type) =>
        type is IArrayTypeSymbol || type.SpecialType == SpecialType.System_String;

    /// <summary>A property whose read has no side effect: an auto-property (records' positional ones too), an anonymous type's, or string's.</summary>
    private static bool IsPureProperty(IPropertySymbol p)
    {
        if (p.ContainingType.SpecialType == SpecialType.System_String) return true;
        if (p.ContainingType.IsTupleType || p.ContainingType.IsAnonymousType) return true;
        if (p.IsAbstract || p.IsVirtual || p.IsOverride || p.IsExtern || p.ContainingType.TypeKind == TypeKind.Interface) return false;
        var refs = p.OriginalDefinition.DeclaringSyntaxReferences;
        if (refs.Length == 0) return false;
        foreach (var r in refs)
        {
            switch (r.GetSyntax())
            {
                case ParameterSyntax:
                    continue;   // a record's positional property
                case PropertyDeclarationSyntax pd when !pd.Modifiers.Any(m => m.ValueText == "partial") && pd.ExpressionBody is null && pd.AccessorList is not null
                        && pd.AccessorList.Accessors.All(a => a.Body is null && a.ExpressionBody is null)
                        && !pd.AccessorList.Accessors.Any(a => a.Keyword.ValueText == "get" && a.Modifiers.Any(m => m.ValueText == "extern")):
                    continue;
                default:
                    return false;
            }
        }
        return true;
    }
}
