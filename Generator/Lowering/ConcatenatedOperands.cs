using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// An operand of a string concatenation that is no string (<c>o + Tw(x)</c>, <c>s + Tw("x")</c> of an object, a
/// struct, a char), before a suspension point in a later operand. C# turns such an operand into its text as soon
/// as it is evaluated, before the next operand runs (<c>o?.ToString()</c> on a reference; a struct's
/// <c>ToString</c> on a copy, so a mutating one leaves the variable as it was), and Roslyn's async lowering keeps
/// that order (it lowers the concatenation before it spills around the <c>await</c>). Spilled as a value and
/// concatenated after the suspension, the operand would call its <c>ToString</c> late and show what a later
/// operand changed. So the spill is the text, made on a boxed copy as the concatenation makes it:
/// <code>
/// before:  var r = o + Tw(n);
/// after:   _t0 = ((object?)(_l0_o))?.ToString();
///          _aw1 = GetTwAwaiter&lt;int&gt;(_p_n); ... suspend ...
///          _l1_r = _t0 + _aw1.GetResult();
/// </code>
/// The residual then concatenates two strings, which gives the same string (a null operand is the empty string
/// either way). An operand converted to string by a user-defined operator is converted as it is evaluated
/// (<c>UserConversionAsEvaluated</c>); a dynamic concatenation binds at run time and is left alone.
/// </summary>
internal sealed partial class MethodLowerer
{
    private bool ConcatenatedAsString(ExpressionSyntax op)
    {
        if (op.Parent is not BinaryExpressionSyntax b || !b.IsKind(SyntaxKind.AddExpression) || Model.GetConstantValue(op, _ct).HasValue) return false;
        var operation = Model.GetOperation(b, _ct);
        if (operation is IInvalidOperation || operation is IBinaryOperation bound && (bound.OperatorKind == BinaryOperatorKind.None || bound.Type is null or { TypeKind: TypeKind.Error }))
        {
            // The model could not bind the operator over an operand only launcher inference types: a string added
            // to a type with no `+` of its own is C#'s concatenation all the same.
            var other = op == b.Left ? b.Right : b.Left;
            return Model.GetTypeInfo(op, _ct).Type is { SpecialType: not SpecialType.System_String, TypeKind: not TypeKind.Dynamic and not TypeKind.Error, IsRefLikeType: false } own
                && !LauncherTypeInference.HasErrorType(own) && !DeclaresAddition(own)
                && TypeOf(other) is { SpecialType: SpecialType.System_String } && !Model.GetConversion(op, _ct).IsUserDefined;
        }
        if (operation is not IBinaryOperation { Type.SpecialType: SpecialType.System_String } add
            || add.OperatorMethod is { MethodKind: not MethodKind.BuiltinOperator }) return false;
        var info = Model.GetTypeInfo(op, _ct);
        return info.Type is { SpecialType: not SpecialType.System_String, TypeKind: not TypeKind.Dynamic, IsRefLikeType: false }
            && info.ConvertedType is { SpecialType: SpecialType.System_Object }
            && !Model.GetConversion(op, _ct).IsUserDefined;
    }

    /// <summary>A user-defined <c>+</c> of the type or a base type, which a concatenation with it would call instead.</summary>
    private static bool DeclaresAddition(ITypeSymbol type)
    {
        for (var t = type; t is not null; t = t.BaseType)
            if (!t.GetMembers("op_Addition").IsEmpty) return true;
        return false;
    }

    /// <summary>The text of a spilled concatenation operand, as the concatenation makes it (see the class comment).</summary>
    private string SpillConcatenatedText(ExpressionSyntax op, string value)
    {
        var t = Temp(Model.Compilation.GetSpecialType(SpecialType.System_String), op, "concatenated operand's text");
        Src(op);
        Stmt($"{t} = ((object?)({value}))?.ToString();");
        return t;
    }
}
