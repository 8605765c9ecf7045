using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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
/// </code>
/// Only a class or struct (a declared constructor of a struct) that is not generic (nor nested in one), called with its arguments by value in order, none named, no
/// <c>params</c> expansion, an omitted optional one only with a constant default (the accessor's parameter gets the
/// same default; not a caller-info one); otherwise the initializer stays one expression over values computed
/// first, with its refusals (GOSH0010).
/// </summary>
internal sealed partial class MethodLowerer
{
    private readonly Dictionary<IMethodSymbol, string> _constructorAccessors = new(SymbolEqualityComparer.Default);

    /// <summary>Whether <c>new T(...)</c> through <paramref name="ctor"/> leaves required members of <paramref name="type"/> to the initializer.</summary>
    private static bool LeavesRequiredMembers(IMethodSymbol ctor, INamedTypeSymbol type)
    {
        if (ctor.GetAttributes().Any(a => a.AttributeClass is { Name: "SetsRequiredMembersAttribute" })) return false;
        for (var t = type; t is not null; t = t.BaseType)
            if (t.GetMembers().Any(m => m is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true })) return true;
        return false;
    }

    /// <summary>Whether <paramref name="oc"/> can call <paramref name="ctor"/> through an <c>[UnsafeAccessor(Constructor)]</c>.</summary>
    private bool CanCallThroughAccessor(BaseObjectCreationExpressionSyntax oc, IMethodSymbol ctor, INamedTypeSymbol type)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsAbstract || IsGeneric(type)) return false;
        // A struct's implicit parameterless constructor is no method the accessor could bind to (`new S()` is its
        // zeroed value): only a declared one.
        if (type.TypeKind == TypeKind.Struct && ctor.IsImplicitlyDeclared) return false;
        var runtime = UnsafeAccessorRuntime();
        // An [UnsafeAccessor] declared in a generic type (the goroutine's) works from .NET 9 on.
        if (runtime == 0 || IsGeneric(_method.ContainingType) && runtime < 9) return false;
        if (!Model.Compilation.IsSymbolAccessibleWithin(type, _method.ContainingType)) return false;
        var arguments = oc.ArgumentList?.Arguments.ToList() ?? new List<ArgumentSyntax>();
        if (arguments.Count > ctor.Parameters.Length) return false;
        if (arguments.Any(a => a.NameColon is not null || a.RefKindKeyword.RawKind != 0)) return false;
        // An omitted optional argument takes the accessor's own default, the constructor's constant; a caller-info
        // one would take the call's line or name, which the generated call does not have.
        if (ctor.Parameters.Skip(arguments.Count).Any(p => !p.HasExplicitDefaultValue || HasCallerInfo(p))) return false;
        return ctor.Parameters.All(p => p.RefKind == RefKind.None && !p.IsParams && !ContainsAnonymousType(p.Type)
            && Model.Compilation.IsSymbolAccessibleWithin(p.Type, _method.ContainingType));
    }

    /// <summary>The name of the <c>[UnsafeAccessor]</c> the user's type gets to call <paramref name="ctor"/>.</summary>
    private string ConstructorAccessor(IMethodSymbol ctor)
    {
        if (_constructorAccessors.TryGetValue(ctor, out var name)) return name;
        name = $"__GoNew_{SymbolFacts.FrameName(_method)}_{_constructorAccessors.Count}";
        _constructorAccessors[ctor] = name;
        var parameters = string.Join(", ", ctor.Parameters.Select((p, i) => $"{p.Type.Fq()} p{i}" + (p.HasExplicitDefaultValue ? " = " + DefaultValueText(p) : "")));
        InitAccessors.Add("[global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.Constructor)]\n"
            + $"private static extern {ctor.ContainingType.Fq()} {name}({parameters});");
        return name;
    }
}
