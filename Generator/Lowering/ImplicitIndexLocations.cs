using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Assignment targets through the implicit Index indexer: <c>c[^k]</c> on a type with <c>Count</c> (or
/// <c>Length</c>) and an <c>int</c> indexer, no <c>Index</c> one. C# evaluates the receiver, the index, then reads
/// <c>Count</c> once and computes the offset, all before the right side; the getter (of a compound assignment) and
/// the setter then use that one offset. Left as written, <c>c[^k]</c> in the residual would read <c>Count</c> again
/// after the right side (which may have changed it), and a compound assignment would read it twice.
/// <code>
/// before: c[^Tw(1)] += Tw(Grow(c));
/// after:  _t1 = c; _t2 = Tw(1) (lowered, may suspend); _t3 = _t1.Count - _t2;
///         _t4 = _t1[_t3]; _t5 = Tw(Grow(c)) (lowered); _t1[_t3] = (int)(_t4 + _t5);
/// </code>
/// An <c>Index</c> that is not written <c>^k</c> is spilled as a value and turned into the offset by
/// <c>Index.GetOffset(Count)</c>, as Roslyn does.
/// </summary>
internal sealed partial class MethodLowerer
{
    /// <summary>The location <c>recv[offset]</c> with receiver, index and offset spilled; null when <paramref name="ea"/> is no implicit Index access.</summary>
    private string? LowerImplicitIndexLocation(ElementAccessExpressionSyntax ea)
    {
        if (Model.GetOperation(ea, _ct) is not IImplicitIndexerReferenceOperation { IndexerSymbol: IPropertySymbol, LengthSymbol: IPropertySymbol length }
            || ea.ArgumentList.Arguments.Count != 1)
            return null;
        var recvType = TypeOf(ea.Expression);
        if (recvType is null || recvType.IsValueType) return null;   // refused by the caller, as any struct element
        string recv;
        if (IsMaybeValueTypeVariable(ea.Expression))
        {
            // A type parameter's variable (`where T : IList<int>`): a struct's setter must change the variable, not
            // a copy; a class's object is the one read before the index (Roslyn's answer, as for a call on it).
            recv = SpillMaybeValueTypeReceiver(ea.Expression);
        }
        else if (ea.Expression is ThisExpressionSyntax) recv = LowerExpression(ea.Expression);
        else
        {
            recv = LowerExpression(ea.Expression);
            var (t, read) = ValueTemp(recvType, ea.Expression, "receiver of an implicit Index access");
            Src(ea.Expression);
            Stmt($"{t} = {recv};");
            recv = read;
        }
        var arg = ea.ArgumentList.Arguments[0].Expression;
        string offset;
        if (arg is PrefixUnaryExpressionSyntax hat && hat.IsKind(SyntaxKind.IndexExpression))
        {
            var fromEnd = Temp(TypeOf(hat.Operand), hat.Operand, "index from the end");
            var k = LowerExpression(hat.Operand);
            Src(hat.Operand);
            Stmt($"{fromEnd} = {k};");
            offset = $"{recv}.{length.Name} - {fromEnd}";
        }
        else
        {
            var index = Temp(TypeOf(arg), arg, "index of an implicit Index access");
            var v = LowerExpression(arg);
            Src(arg);
            Stmt($"{index} = {v};");
            offset = $"{index}.GetOffset({recv}.{length.Name})";
        }
        var off = Temp(Model.Compilation.GetSpecialType(SpecialType.System_Int32), ea, "offset of an implicit Index access");
        Src(ea);
        Stmt($"{off} = {offset};");
        return $"{recv}[{off}]";
    }
}
