using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// A fixed-size buffer of a struct local or parameter that lives in a frame field, read as the pointer it is
/// (<c>int* p = x.Buf;</c>). Of a local, C# takes it as it stands; of a field of a heap object it asks for a
/// <c>fixed</c> statement (CS1666), and the copy names the frame's field. An async method reads its hoisted field's
/// buffer all the same, without a word, so the copy takes the address of the buffer's first element through
/// <c>Unsafe.AsPointer</c>, which C# allows on a movable buffer:
/// <code>
/// before:  int* p = x.Buf;
/// after:   int* p = ((int*)global::System.Runtime.CompilerServices.Unsafe.AsPointer(ref _l0_x.Buf[0]));
/// </code>
/// An element read or written through the buffer (<c>x.Buf[1]</c>) needs nothing: C# indexes a movable buffer.
/// </summary>
internal sealed partial class Renamer
{
    /// <summary>The pointer type of the fixed-size buffer <paramref name="node"/> reads, of a frame variable, as a pointer; null otherwise.</summary>
    private IPointerTypeSymbol? FixedBufferOfFrameVariable(MemberAccessExpressionSyntax node)
    {
        if (Model.GetSymbolInfo(node).Symbol is not IFieldSymbol { IsFixedSizeBuffer: true, Type: IPointerTypeSymbol pointer }) return null;
        ExpressionSyntax outer = node;
        while (outer.Parent is ParenthesizedExpressionSyntax p) outer = p;
        if (outer.Parent is ElementAccessExpressionSyntax access && access.Expression == outer) return null;
        return FrameVariableOf(node.Expression) is null ? null : pointer;
    }

    private SyntaxNode FixedBufferPointer(MemberAccessExpressionSyntax node, IPointerTypeSymbol pointer)
    {
        var buffer = (ExpressionSyntax)base.VisitMemberAccessExpression(node)!;
        return SyntaxFactory.ParseExpression(
                $"(({pointer.Fq()})global::System.Runtime.CompilerServices.Unsafe.AsPointer(ref {buffer.WithoutTrivia()}[0]))")
            .WithTriviaFrom(node);
    }
}
