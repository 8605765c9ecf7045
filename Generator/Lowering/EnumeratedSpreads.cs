using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// When a collection expression reads its spreads' elements, with a suspension point in a later element. Roslyn has
/// two strategies (LocalRewriter_CollectionExpression), and which one it takes shows when a later element changes a
/// spread collection or an enumerator has side effects:
/// <list type="bullet">
/// <item>Known length: the target is an array, a span, <c>List&lt;T&gt;</c>, a collection builder's type or one of the
/// interfaces it makes a list or an array for, and every spread is countable (an array, or a <c>Length</c> or
/// <c>Count</c>). The elements up to the last spread are evaluated first (a spread as its collection), then the
/// length is computed and the spreads are copied, in order, then the elements after the last spread are evaluated
/// and stored: <c>int[] a = [.. s, Add(s, 9), .. s]</c> holds the 9 twice.</item>
/// <item>Otherwise (a spread of unknown length, a collection initializer type such as <c>HashSet&lt;T&gt;</c>): each
/// spread is enumerated where it stands, before the next element.</item>
/// </list>
/// Spilling a spread as its collection and letting the residual build the result gives the first strategy's
/// order when the last spread is at or after the last suspension point. Otherwise the spill is the spread's
/// elements, taken by a collection expression of its own (the enumeration C# makes, through the collection's
/// GetEnumerator pattern) where C# takes them: at the spread for the second strategy, after the last spread for the
/// first.
/// <code>
/// before:  HashSet&lt;int&gt; b = [.. src, Add(src, 9) + Tw(n)];
/// after:   _t0 = [.. _l0_src];                        // int[]: enumerated where it stands
///          _t1 = Add(_l0_src, 9);
///          _aw2 = GetTwAwaiter&lt;int&gt;(_p_n); ... suspend ...
///          _l1_b = [.. _t0, _t1 + _aw2.GetResult()];
/// </code>
/// An element a user-defined operator converts is taken converted (the operator's result type), so the operator runs
/// as C# runs it, when the element is added; a standard conversion left to the residual has no effect. A spread of anonymous-type elements is
/// taken by Enumerable.ToArray into an object field; one of ref structs is spilled as its collection.
/// </summary>
internal sealed partial class MethodLowerer
{
    /// <summary>
    /// The type the spread <paramref name="op"/>'s elements are taken as, or null: its collection's element type, or,
    /// when each is converted by a user-defined operator, the operator's result, so the operator runs as the elements
    /// are taken, where C# runs it (the residual's standard conversion to the target's element type has no effect).
    /// </summary>
    private ITypeSymbol? SpreadElementType(ExpressionSyntax op)
    {
        if (op.Parent is not SpreadElementSyntax spread || CollectionOf(op) is not { } c) return null;
        var s = c.Elements.OfType<ISpreadOperation>().FirstOrDefault(e => e.Syntax == spread);
        var element = s is null ? null : UserConvertedType(s.ElementType, s.ElementConversion) ?? s.ElementType;
        // A collection only launcher inference types (`.. arr` of `var arr = GoMake().Join()`): its element type.
        if (element is null or IErrorTypeSymbol && s is not null) element = InferredElementType(op);
        return element is null or IErrorTypeSymbol || SymbolFacts.IsRefLike(element) ? null : element;
    }

    /// <summary>The element type of a collection whose type only launcher inference knows: an array's, or its <c>IEnumerable&lt;T&gt;</c>'s.</summary>
    private ITypeSymbol? InferredElementType(ExpressionSyntax collection) => TypeOf(collection) switch
    {
        IArrayTypeSymbol array => array.ElementType,
        INamedTypeSymbol named => named.AllInterfaces.Concat(new[] { named })
            .FirstOrDefault(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)?.TypeArguments[0],
        _ => null,
    };

    private ICollectionExpressionOperation? CollectionOf(ExpressionSyntax op) =>
        op.Parent is SpreadElementSyntax { Parent: CollectionExpressionSyntax collection }
            ? Model.GetOperation(collection, _ct) as ICollectionExpressionOperation : null;

    /// <summary>Whether C# builds the collection <paramref name="op"/> is a spread of with its length known first (above).</summary>
    private bool BuiltWithKnownLength(ExpressionSyntax op)
    {
        if (CollectionOf(op) is not { Type: { } target } c) return false;
        var knownLengthTarget = target switch
        {
            IArrayTypeSymbol => true,
            INamedTypeSymbol { IsGenericType: true } g => g.ConstructedFrom.ToDisplayString() is "System.Span<T>" or "System.ReadOnlySpan<T>"
                or "System.Collections.Generic.List<T>" or "System.Collections.Generic.IEnumerable<T>" or "System.Collections.Generic.IReadOnlyCollection<T>"
                or "System.Collections.Generic.IReadOnlyList<T>" or "System.Collections.Generic.ICollection<T>" or "System.Collections.Generic.IList<T>"
                || c.ConstructMethod is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: true },
            _ => c.ConstructMethod is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: true },
        };
        return knownLengthTarget && c.Elements.OfType<ISpreadOperation>().All(s => IsCountable(
            s.Operand.Type is null or IErrorTypeSymbol && s.Operand.Syntax is ExpressionSyntax e ? TypeOf(e) : s.Operand.Type));
    }

    /// <summary>An array, or a type with an instance <c>int Length</c> or <c>int Count</c> (Roslyn's "countable").</summary>
    private static bool IsCountable(ITypeSymbol? type)
    {
        if (type is IArrayTypeSymbol) return true;
        if (type is null) return false;
        var types = new List<ITypeSymbol>();
        if (type is ITypeParameterSymbol tp)
        {
            // Through its constraints, as Roslyn looks the property up (`where T : List<int>`).
            foreach (var c in tp.ConstraintTypes)
            {
                if (c is ITypeParameterSymbol) { if (IsCountable(c)) return true; continue; }
                for (var t = c; t is not null; t = t.BaseType) types.Add(t);
                types.AddRange(c.AllInterfaces);
            }
        }
        else if (type.TypeKind == TypeKind.Interface) { types.Add(type); types.AddRange(type.AllInterfaces); }
        else for (var t = type; t is not null; t = t.BaseType) types.Add(t);
        return types.Any(t => t.GetMembers().OfType<IPropertySymbol>().Any(p => p.Name is "Length" or "Count" && !p.IsStatic
            && p.Parameters.Length == 0 && p.Type.SpecialType == SpecialType.System_Int32 && p.GetMethod is not null));
    }

    /// <summary>The spread's elements taken now, into an array temporary: its name.</summary>
    private string SpillSpreadElements(ExpressionSyntax op, ITypeSymbol element, string value)
    {
        var arrayType = Model.Compilation.CreateArrayTypeSymbol(element);
        if (ContainsAnonymousType(element))
        {
            // No type to write a collection expression's target with: the array waits in an object field, read back
            // by example (AnonymousTypes.cs), made by Enumerable.ToArray, which infers the element type.
            var (write, read) = ValueTemp(arrayType, op, "spread's elements, taken where C# takes them");
            Src(op);
            Stmt($"{write} = global::System.Linq.Enumerable.ToArray({value});");
            return read;
        }
        var array = Temp(arrayType, op, "spread's elements, taken where C# takes them");
        Src(op);
        Stmt($"{array} = [.. {Parenthesized(value)}];");
        return array;
    }

    /// <summary>
    /// After the operand at <paramref name="i"/> of a collection expression's operands: the spreads' elements C#
    /// takes at this point, into temporaries (<see cref="SpillSpreadElements"/>).
    /// </summary>
    private void TakeSpreadsAfter(List<ExpressionSyntax> operands, int i, int last, Dictionary<SyntaxNode, string> repl)
    {
        var op = operands[i];
        if (i >= last || op.Parent is not SpreadElementSyntax) return;
        if (!BuiltWithKnownLength(op))
        {
            if (SpreadElementType(op) is { } element) repl[op] = SpillSpreadElements(op, element, repl[op]);
            return;
        }
        // Known length: every spread is taken once the last one has been evaluated.
        if (operands.FindLastIndex(o => o.Parent is SpreadElementSyntax) != i) return;
        for (var j = 0; j <= i; j++)
            if (operands[j].Parent is SpreadElementSyntax && SpreadElementType(operands[j]) is { } element)
                repl[operands[j]] = SpillSpreadElements(operands[j], element, repl[operands[j]]);
    }
}
