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
/// the path taken, and a guard that fails continues the DAG where it stopped, with what it already read (also
/// what a field or an array element held before the guard ran). A guard that suspends cannot sit inside a C#
/// <c>switch</c>, so such a switch is lowered arm by arm, in C#'s order, over the DAG's values cached in frame
/// fields: the first arm that needs an evaluation reads it into its field and sets its "read yet" flag, later arms
/// (after a guard that suspended, or changed the state the value came from) test the value as read
/// (DecisionDagLowering.cs). This file decides what need not be cached: a subpattern that reads nothing with a
/// side effect (only fields, auto-properties, records' positional members, tuples, anonymous types, strings) and
/// no state that can change between two reads (a field or settable auto-property of a class or a static one, an
/// array element) is tested by C#'s own <c>is</c> on the cached value above it, since reading it again gives what
/// the DAG saw. Both halves keep C#'s order: what the arm-by-arm form reads first, it reads where the DAG does.
/// <code>
/// before: p switch { { X: var a } when Tw(a) > 5 => "big", { X: 1 } => "one", _ => "other" }   // X: a getter
/// after:  _f1 = false;
///         if (_v is null) goto __nextarm1;  if (!_f1) { _t1 = _v.X; _f1 = true; }
///         { if (!(_t1 is var a)) goto __nextarm1; _l2_a = a; }  if (!(Tw(_l2_a) > 5 (lowered))) goto __nextarm1; ...
///         __nextarm1: if (_v is null) goto __nextarm2;  if (!_f1) { _t1 = _v.X; _f1 = true; }   // not read again
///         { if (!(_t1 is 1)) goto __nextarm2; } ...
/// before: r switch { { A: var a } when Tw(a) > 5 => "big", { A: 1 } => "one", _ => "other" }   // A: a positional record member
/// after:  { if (!(_v is { A: var a })) goto __nextarm1; _l2_a = a; }  if (!(Tw(_l2_a) > 5 (lowered))) goto __nextarm1; ...
///         __nextarm1: { if (!(_v is { A: 1 })) goto __nextarm2; } ...
/// </code>
/// (A switch whose guards do not suspend, and whose arms or sections do, is matched by one C# <c>switch</c>:
/// SwitchLowering.cs.)
/// </summary>
internal sealed partial class MethodLowerer
{
    /// <summary>
    /// Whether matching <paramref name="pattern"/> again gives what C# saw the first time: it reads nothing with a
    /// possible side effect and no state that can change between two reads. Such a subpattern is C#'s own
    /// <c>is</c> on the cached value; any other is taken apart over cached evaluations (DecisionDagLowering.cs).
    /// </summary>
    private static bool IsPureForDag(IOperation pattern)
    {
        var reads = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var stateReads = new List<StateRead>();
        CollectImpureReads(pattern, reads, stateReads);
        return reads.Count == 0 && stateReads.Count == 0;
    }

    /// <summary>A read of state that can change between two reads: a member (<see cref="Index"/> null), or an element of an array.</summary>
    private sealed record StateRead(string Key, int? Index, bool FromEnd, string Display);

    /// <summary>
    /// The reads of <paramref name="op"/> with a possible side effect (<paramref name="reads"/>), and those of
    /// state that can change between two reads (<paramref name="stateReads"/>: fields and settable auto-properties
    /// of reference types or static, elements of arrays). A field of a struct the pattern reads is in a copy (the
    /// switch's value, or the value of the member above it, itself recorded); an array's length and a string do not change.
    /// </summary>
    private static void CollectImpureReads(IOperation op, HashSet<ISymbol> reads, List<StateRead> stateReads)
    {
        switch (op)
        {
            case IRecursivePatternOperation rp:
                if (rp.DeconstructSymbol is IMethodSymbol d && (!d.IsImplicitlyDeclared || !IsPureRecordDeconstruct(d))) reads.Add(d);
                else if (rp.DeconstructSymbol is ITypeSymbol t) reads.Add(t);   // ITuple: Length and the indexer
                break;
            case IPropertySubpatternOperation ps:
                CollectMemberReads(ps.Member, reads, stateReads);
                break;
            case IListPatternOperation lp:
                if (!IsPureListSource(lp.InputType))
                {
                    if (lp.LengthSymbol is not null) reads.Add(lp.LengthSymbol);
                    if (lp.IndexerSymbol is not null) reads.Add(lp.IndexerSymbol);
                }
                else if (lp.InputType is IArrayTypeSymbol array)
                {
                    var slice = -1;
                    for (var i = 0; i < lp.Patterns.Length; i++) if (lp.Patterns[i] is ISlicePatternOperation) slice = i;
                    for (var i = 0; i < lp.Patterns.Length; i++)
                    {
                        if (lp.Patterns[i] is ISlicePatternOperation or IDiscardPatternOperation) continue;
                        var fromEnd = slice >= 0 && i > slice;
                        var index = fromEnd ? lp.Patterns.Length - i : i;
                        var type = array.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
                        stateReads.Add(new StateRead(array.ToDisplayString(), index, fromEnd, $"the element [{(fromEnd ? "^" : "")}{index}] of an array '{type}'"));
                    }
                }
                break;
            case ISlicePatternOperation sp:
                if (sp.SliceSymbol is not null && !IsPureListSource(sp.InputType)) reads.Add(sp.SliceSymbol);
                break;
        }
        foreach (var child in op.ChildOperations) CollectImpureReads(child, reads, stateReads);
    }

    private static void CollectMemberReads(IOperation member, HashSet<ISymbol> reads, List<StateRead> stateReads)
    {
        // An extended property pattern { A.B: p } is a chain of member references.
        for (var m = member; m is IMemberReferenceOperation r; m = r.Instance!)
        {
            var inMutableStorage = r.Member.IsStatic || !r.Member.ContainingType.IsValueType;
            bool state;
            if (r is IPropertyReferenceOperation p)
            {
                var pure = IsPureProperty(p.Property);
                if (!pure) reads.Add(p.Property);
                state = pure && inMutableStorage && p.Property.SetMethod is { IsInitOnly: false } && !p.Property.ContainingType.IsAnonymousType;
            }
            else
            {
                state = r is IFieldReferenceOperation f && inMutableStorage && !f.Field.IsReadOnly && !f.Field.IsConst;
            }
            if (state)
                stateReads.Add(new StateRead(r.Member.ToDisplayString(), null, false, $"'{r.Member.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}'"));
            if (r.Instance is null) break;
        }
    }

    /// <summary>
    /// A record's compiler-made <c>Deconstruct</c> reads its positional members: pure when each is a pure property
    /// that cannot be set after construction, or a read-only field (a record may declare either for a parameter).
    /// </summary>
    private static bool IsPureRecordDeconstruct(IMethodSymbol d)
    {
        foreach (var p in d.Parameters)
        {
            var member = d.ContainingType.GetMembers(p.Name).FirstOrDefault(m => m is IPropertySymbol or IFieldSymbol);
            var pure = member switch
            {
                IPropertySymbol property => IsPureProperty(property) && property.SetMethod is null or { IsInitOnly: true },
                IFieldSymbol field => field.IsReadOnly || d.ContainingType.IsValueType,
                _ => false,
            };
            if (!pure) return false;
        }
        return true;
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
