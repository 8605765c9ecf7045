using System.Collections.Generic;
using System.Linq;
using GoSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// <c>operator false</c> called alone, for a user-defined <c>&amp;&amp;</c> whose right operand suspends. C# means
/// <c>x &amp;&amp; y</c> as <c>T.false(x) ? x : x &amp; y</c>; C# source can call <c>operator false</c> only inside
/// <c>&amp;&amp;</c>, which would run <c>&amp;</c> before the right operand could suspend. So the user's type gets an
/// <c>[UnsafeAccessor(StaticMethod, Name = "op_False")]</c> (the first parameter names the operator's type, its value
/// unused), and the frame tests the left operand through it:
/// <code>
/// before:  TB s = a &amp;&amp; Tw(b);
/// after:   _t1 = a;
///          if (__GoFalse_F_Frame_0(default, _t1)) goto logic2;
///          _t3 = ...Tw(b)...;
///          _t1 = _t1 &amp; _t3;
///      logic2:
///          _l1_s = _t1;
/// type:    [UnsafeAccessor(UnsafeAccessorKind.StaticMethod, Name = "op_False")]
///          private static extern bool __GoFalse_F_Frame_0(global::TB owner, global::TB value);
/// </code>
/// An operator of a generic type (<c>G&lt;T&gt;</c>) is reached, as the runtime requires, from a class whose type
/// parameters are the generic type's own, in order (a generic method does not do): a nested
/// <c>__GoFalse_F_Frame_0&lt;T&gt;</c>, called with the type arguments. A nested class of a generic user type would
/// carry that type's parameters too, so that case is refused (GOSH0010), and so is a target without
/// <c>[UnsafeAccessor]</c> (before .NET 8, or before .NET 9 for a generic type), as for <c>with</c> expressions.
/// </summary>
internal sealed partial class MethodLowerer
{
    /// <summary>The <c>[UnsafeAccessor]</c>s to <c>operator false</c> the user's type gets, as declarations.</summary>
    public List<string> OperatorAccessors { get; } = new();

    private readonly Dictionary<IMethodSymbol, string> _falseAccessorNames = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// The call of <c>operator false</c> of the user-defined <c>&amp;&amp;</c> <paramref name="b"/> on
    /// <paramref name="value"/>; null when refused (reported at the right operand).
    /// </summary>
    private string? FalseOperatorCall(BinaryExpressionSyntax b, string value)
    {
        var and = Model.GetSymbolInfo(b, _ct).Symbol as IMethodSymbol;
        var falseOp = and?.ContainingType.GetMembers("op_False").OfType<IMethodSymbol>()
            .OrderBy(m => SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type, and.Parameters[0].Type) ? 0 : 1)
            .FirstOrDefault();
        return FalseOperatorCall(falseOp, b, value, "A user-defined && whose right operand has a suspension point");
    }

    /// <summary>
    /// The call of <paramref name="falseOp"/> on <paramref name="value"/> for the <c>&amp;&amp;</c>
    /// <paramref name="b"/>; null when refused (reported at the right operand, as <paramref name="construct"/>).
    /// </summary>
    private string? FalseOperatorCall(IMethodSymbol? falseOp, BinaryExpressionSyntax b, string value, string construct)
    {
        var owner = falseOp?.ContainingType;
        var typeParameters = new List<ITypeParameterSymbol>();
        var typeArguments = new List<ITypeSymbol>();
        for (var t = owner; t is not null; t = t.ContainingType)
        {
            typeParameters.InsertRange(0, t.OriginalDefinition.TypeParameters);
            typeArguments.InsertRange(0, t.TypeArguments);
        }
        var runtime = UnsafeAccessorRuntime();
        var why = falseOp is null ? "its operator false was not found"
            : runtime == 0 ? NoUnsafeAccessor
            : typeParameters.Count > 0 && runtime < 9
                ? "the operator's type is generic and [UnsafeAccessor] reaches a generic type only from .NET 9 on"
            : typeParameters.Count > 0 && IsGeneric(_method.ContainingType)
                ? "the operator's type is generic and so is the goroutine's type, whose type parameters an accessor nested in it would carry"
            : typeArguments.Any(ContainsAnonymousType)
                ? "the operator's type has an anonymous type argument, which the accessor's call cannot name"
            : typeParameters.Select(p => p.Name).Distinct().Count() < typeParameters.Count
                ? "the operator's type and a type that contains it name a type parameter alike"
            : null;
        if (why is not null)
        {
            Report(DiagnosticDescriptors.Unsupported, b.Right,
                DiagnosticDescriptors.NotSupported(construct,
                    $"its operator false is called through an [UnsafeAccessor], and here {why}; take the right operand into a local first if evaluating it every time is right, or use ||"));
            return null;
        }
        var definition = falseOp!.OriginalDefinition;
        if (!_falseAccessorNames.TryGetValue(definition, out var name))
        {
            name = $"__GoFalse_{SymbolFacts.FrameName(_method)}_{_falseAccessorNames.Count}";
            _falseAccessorNames[definition] = name;
            var attributeText = $"[global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.StaticMethod, Name = \"{definition.MetadataName}\")]";
            var signature = $"static extern bool {{0}}({definition.ContainingType.Fq()} owner, {definition.Parameters[0].Type.Fq()} value);";
            OperatorAccessors.Add(typeParameters.Count == 0
                ? attributeText + "\nprivate " + string.Format(signature, name)
                : $"private static class {name}<{string.Join(", ", typeParameters.Select(p => p.Name))}>\n{{\n    {attributeText}\n    internal {string.Format(signature, "Call")}\n}}");
        }
        return typeParameters.Count == 0
            ? $"{name}(default, {value})"
            : $"{name}<{string.Join(", ", typeArguments.Select(a => a.Fq()))}>.Call(default, {value})";
    }
}
