using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// An object initializer that sets required members the constructor leaves (no <c>[SetsRequiredMembers]</c>), where
/// the object must be created before its members (an accessor with a body set before a suspending value, a
/// constructor that runs code): <c>new T(args)</c> alone does not compile (CS9035), so the constructor is called
/// through an <c>[UnsafeAccessor(Constructor)]</c> the user's type gets, and each member is then set in order, as
/// C#'s own lowering does.
/// <code>
/// before:  var r = new R(k) { A = a, B = Tw(b) };       // A required, with an init accessor that logs
/// after:   _t0 = __GoNew_M_Frame_0(_p_k);               // [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
///          __GoInit_M_Frame_1(_t0, _p_a);               // A's init accessor
///          ... _t1 = Tw(b) (lowered) ...
///          _t0.B = _t1;
/// before:  var o = new Outer&lt;string&gt;.Inner(k) { ... };   // a generic type (.NET 9 on)
/// after:   _t0 = __GoNew_M_Frame_0&lt;string&gt;.Call(_p_k);  // a class with the type's type parameters (UnsafeAccessors.cs)
/// before:  var s = new S { B = b, A = Tw(a) };           // a struct's implicit parameterless constructor
/// after:   _t0 = default(S);                             // no method runs: `new S()` is the zeroed value
///          __GoInit_M_Frame_0(ref _t0, _p_b); ...
/// </code>
/// The arguments are passed as written: <c>in</c>, <c>ref readonly</c>, <c>ref</c> and <c>out</c> ones by reference,
/// named ones by name, <c>params</c> ones expanded (the accessor's parameters have the constructor's names, ref kinds,
/// <c>params</c> and constant defaults, so an omitted optional one takes the same value). Refused (GOSH0010, with the
/// reason) where the call cannot be written so: an omitted optional argument without a constant default, an omitted
/// <c>[CallerMemberName]</c> or <c>[CallerArgumentExpression]</c> one after expanded params elements (elsewhere it is
/// passed by name; a <c>[CallerLineNumber]</c> or <c>[CallerFilePath]</c> one is the accessor parameter's too, under
/// the user's <c>#line</c>), a parameter type the user's type cannot name, or where <see cref="AccessorHomeRefusal"/>
/// refuses.
/// </summary>
internal sealed partial class MethodLowerer
{
    private readonly Dictionary<string, string> _constructorAccessors = new();

    /// <summary>Whether <c>new T(...)</c> through <paramref name="ctor"/> leaves required members of <paramref name="type"/> to the initializer.</summary>
    private static bool LeavesRequiredMembers(IMethodSymbol ctor, INamedTypeSymbol type)
    {
        if (ctor.GetAttributes().Any(a => a.AttributeClass is { Name: "SetsRequiredMembersAttribute" })) return false;
        for (var t = type; t is not null; t = t.BaseType)
            if (t.GetMembers().Any(m => m is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true })) return true;
        return false;
    }

    /// <summary>A struct's implicit parameterless constructor: no method (a struct with field initializers must declare one, CS8983), its value is <c>default</c>.</summary>
    private static bool IsZeroingConstructor(IMethodSymbol ctor) =>
        ctor.ContainingType.IsValueType && ctor.IsImplicitlyDeclared && ctor.Parameters.Length == 0;

    /// <summary>Why <paramref name="oc"/> cannot call <paramref name="ctor"/> through an <c>[UnsafeAccessor(Constructor)]</c>; null when it can.</summary>
    private string? ConstructorAccessorRefusal(BaseObjectCreationExpressionSyntax oc, IMethodSymbol ctor, INamedTypeSymbol type)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsAbstract) return "the type is no class or struct";
        if (IsZeroingConstructor(ctor)) return null;
        if (!Model.Compilation.IsSymbolAccessibleWithin(type, _method.ContainingType)) return "the type is not accessible from the goroutine's type";
        var definition = ctor.OriginalDefinition;
        if (AccessorHomeRefusal(type, definition.Parameters.Select(p => p.Type)) is { } why) return why;
        // An omitted optional argument takes the accessor's own default, the constructor's constant.
        var omitted = Model.GetOperation(oc, _ct) is IObjectCreationOperation { Arguments: var passed }
            ? passed.Where(a => a.ArgumentKind == ArgumentKind.DefaultValue && a.Parameter is not null).Select(a => a.Parameter!).ToList()
            : new List<IParameterSymbol>();
        // An omitted [CallerMemberName] or [CallerArgumentExpression] one is passed by name (ObjectInitializers.cs),
        // but not after expanded params elements.
        if (omitted.Any(p => HasCallerAttribute(p, "CallerMemberNameAttribute", "CallerArgumentExpressionAttribute"))
            && CallerInfo.Named(CallerInfo.ArgumentsOf(Model, oc)) is null)
            return "an omitted caller-info argument follows expanded params elements, and the accessor's call would give its own name or expression";
        if (omitted.Any(p => !p.HasExplicitDefaultValue)) return "an omitted optional argument has no constant default the accessor could declare";
        if (ctor.Parameters.Any(p => ContainsAnonymousType(p.Type) || !Model.Compilation.IsSymbolAccessibleWithin(p.Type, _method.ContainingType)))
            return "a parameter's type cannot be named from the goroutine's type";
        return null;
    }

    private static bool HasCallerAttribute(IParameterSymbol p, params string[] names) =>
        HasCallerInfo(p) && p.GetAttributes().Any(a => a.AttributeClass is { } c && names.Contains(c.Name));

    /// <summary>
    /// The expression that creates <paramref name="type"/> through <paramref name="ctor"/> with <paramref name="args"/>
    /// without its required members: the zeroed value of a struct made by its implicit constructor, else a call of the
    /// <c>[UnsafeAccessor]</c> the user's type gets.
    /// </summary>
    private string ConstructorCall(IMethodSymbol ctor, INamedTypeSymbol type, string args)
    {
        if (IsZeroingConstructor(ctor)) return $"default({type.Fq()})";
        var definition = ctor.OriginalDefinition;
        var key = AccessorKey(definition, type);
        if (!_constructorAccessors.TryGetValue(key, out var name))
        {
            name = $"__GoNew_{SymbolFacts.FrameName(_method)}_{_constructorAccessors.Count}";
            // Named as the constructor's, so that named arguments pass as written; a params one expands as it does.
            // A [CallerLineNumber] or [CallerFilePath] one is the accessor's too: its call is under the user's #line.
            var parameters = string.Join(", ", definition.Parameters.Select(p =>
                (HasCallerAttribute(p, "CallerLineNumberAttribute") ? "[global::System.Runtime.CompilerServices.CallerLineNumber] " : "")
                + (HasCallerAttribute(p, "CallerFilePathAttribute") ? "[global::System.Runtime.CompilerServices.CallerFilePath] " : "")
                + $"{(p.IsParams ? "params " : "")}{RefKindText(p.RefKind)}{p.Type.Fq()} {CallerInfo.ArgumentName(p)}" + (p.HasExplicitDefaultValue ? " = " + DefaultValueText(p) : "")));
            name = DeclareAccessor(name, definition.ContainingType,
                "[global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.Constructor)]",
                $"static extern {definition.ContainingType.Fq()} {{0}}({parameters});");
            _constructorAccessors[key] = name;
        }
        return AccessorCall(name, type) + $"({args})";
    }
}
