using System.Collections.Generic;
using System.Linq;
using GoSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Operands whose user-defined conversion C# makes where they are evaluated, before later suspension points: a
/// spilled operand is converted when it is spilled, so an <c>implicit operator</c> with a side effect runs in C#'s
/// order (<c>n + Tw(m)</c> of a Money m converts n to Money before Tw runs):
/// <code>
/// before:  var r = n + Tw(m);
/// after:   _t0 = n;            // _t0 a Money field: the implicit conversion runs here, as C# runs it
///          ...Tw(m)..., _r0
///          var r = _t0 + _r0;
/// </code>
/// </summary>
internal sealed partial class MethodLowerer
{
    /// <summary>
    /// The type an argument, an array initializer's element, a collection expression's element or an operator's
    /// operand is converted to, when that conversion is user-defined (an <c>implicit operator</c>) and the type can
    /// be named; else null. (`n + Tw(m)` of a Money m converts n to Money before Tw runs, and async keeps that.)
    /// </summary>
    private ITypeSymbol? UserConversionAsEvaluated(ExpressionSyntax op)
    {
        // An index (`a[x] = Tw(v)`, an indexer's argument), an array's size and a with expression's member value
        // (`r with { A = x, B = Tw(y) }`, assigned before B's value runs) are converted as evaluated too.
        if (op.Parent is not (ArgumentSyntax { RefKindKeyword.RawKind: 0 } or InitializerExpressionSyntax or ExpressionElementSyntax
            or BinaryExpressionSyntax or ArrayRankSpecifierSyntax)
            && !(op.Parent is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax { Parent: WithExpressionSyntax } } member && member.Right == op)) return null;
        if (!Model.GetConversion(op, _ct).IsUserDefined)
        {
            // An argument of a call the model bound over values it could not see: the conversion C# makes is the
            // one of the call bound again over examples (LauncherTypeInference.OperationOf).
            if (op.Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax call } argument
                && _launchers.OperationOf(call) is ({ } bound, var original) && !ReferenceEquals(bound, Model.GetOperation(call, _ct))
                && bound.Arguments.FirstOrDefault(x => original(x.Syntax) == argument || original(x.Syntax) is ExpressionSyntax e && AsWritten(e).Parent == argument) is { } taken
                && (taken.Value is IConversionOperation { Conversion.IsUserDefined: true, Type: { } target } ? target : UserConvertedType(taken.Value.Type, taken.InConversion)) is { } to
                && !ContainsAnonymousType(to))
                return to;
            // An operand of an operator the model could not bind over the other operand: likewise.
            return _launchers.UserConvertedOperandType(op) is { } operandTo && !ContainsAnonymousType(operandTo) ? operandTo : null;
        }
        var converted = Model.GetTypeInfo(op, _ct).ConvertedType;
        return converted is null or { TypeKind: TypeKind.Error } || ContainsAnonymousType(converted) ? null : converted;
    }

    /// <summary>
    /// What <paramref name="conversion"/> of a <paramref name="source"/> value gives when it is user-defined, or null:
    /// the operator's result, lifted for a nullable source (int? to Money? through Money(int): null stays null).
    /// </summary>
    private ITypeSymbol? UserConvertedType(ITypeSymbol? source, CommonConversion conversion)
    {
        if (conversion is not { IsUserDefined: true, MethodSymbol.ReturnType: { } converted } || ContainsAnonymousType(converted)) return null;
        var lifted = source is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T }
            && converted is { IsValueType: true } and not INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
        return lifted ? Model.Compilation.GetSpecialType(SpecialType.System_Nullable_T).Construct(converted) : converted;
    }

    /// <summary>
    /// A spilled operand converted as C# converts it where it is evaluated (see UserConversionAsEvaluated): by
    /// assignment to a field of the converted type, an implicit conversion as C#'s is. A cast would be an explicit
    /// conversion, which may bind another operator (an explicit Money(int) beside the implicit Money(long) that C#
    /// chose for an int).
    /// </summary>
    private string SpillConverted(ExpressionSyntax op, ITypeSymbol converted, string value, string what)
    {
        var ct = Temp(converted, op, what);
        Src(op);
        Stmt($"{ct} = {value};");
        return ct;
    }
}
