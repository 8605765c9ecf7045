using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Primary constructor parameters (<c>partial class C(int seed) { [Goroutine] int M() =&gt; seed + 1; }</c>) used in a
/// goroutine body. C# puts such a parameter in scope only in the members of the part that declares it: neither the
/// frame (a nested class, in another part) nor any member the generator adds to the type can name it. What exists at
/// run time is the field the compiler declares for a parameter that a member captures, <c>&lt;seed&gt;P</c> (Roslyn's
/// name for it); the goroutine method's own use is such a capture, so the field is there whenever this runs. The
/// generated part of the type gets an <c>[UnsafeAccessor]</c> to that field, returning it by reference, and the frame
/// reads and writes through it, so <c>seed++</c> in the goroutine changes the object's own storage, as the plain
/// method does, and another goroutine sees it at once.
/// <code>
/// before:  partial class C(int seed) { [Goroutine] int M() { Go.Yield(); return seed++; } }
/// after:   frame:  ... return __GoPrimary_M_Frame_seed(_this)++;
///          type:   [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "&lt;seed&gt;P")]
///                  private static extern ref int __GoPrimary_M_Frame_seed(C @this);
/// </code>
/// A struct's accessor takes the struct by reference: the frame's copy of a (readonly) struct receiver, the same
/// copy every other member access of the frame reads (GOSH0014 keeps mutable struct methods out). In a readonly member
/// (or a readonly struct's) the parameter is a readonly variable, as <c>this</c> is: the frame reads it through a
/// wrapper returning <c>ref readonly</c>, so a mutating method called on it runs on an implicit copy, as in the plain call.
/// <c>[UnsafeAccessor]</c> needs .NET 8, and .NET 9 for a field of a generic type (the accessor is a member of the
/// type itself, so its type parameters are the type's, the form the runtime requires); on an older target the use
/// stays refused (GOSH0017) and the message says why.
/// </summary>
internal sealed partial class MethodLowerer
{
    private readonly Dictionary<IParameterSymbol, string> _primaryAccessorNames = new(SymbolEqualityComparer.Default);

    /// <summary>The accessors of primary constructor parameters the user's type gets, as declarations.</summary>
    public List<string> PrimaryParameterAccessors { get; } = new();

    /// <summary>The frame's text for a use of <paramref name="parameter"/>, a variable; null when refused (reported at <paramref name="at"/>).</summary>
    public string? PrimaryParameterAccess(IParameterSymbol parameter, SyntaxNode at)
    {
        var type = _method.ContainingType;
        if (!_primaryAccessorNames.TryGetValue(parameter, out var name))
        {
            var runtime = UnsafeAccessorRuntime();
            var why = runtime == 0 ? NoUnsafeAccessor
                : IsGeneric(type) && runtime < 9
                    ? "the type is generic and [UnsafeAccessor] reaches a generic type's fields only from .NET 9 on"
                    : null;
            if (why is not null)
            {
                Report(Diagnostics.DiagnosticDescriptors.CannotLiveInFrame, at,
                    $"'{parameter.Name}' is a primary constructor parameter, which only the type's own declaration can name, and the generated frame reaches its field through [UnsafeAccessor], but {why}; declare a field or property initialized from it (private readonly {parameter.Type.ToDisplayString()} _{parameter.Name} = {parameter.Name};) and use that");
                return null;
            }
            name = $"__GoPrimary_{SymbolFacts.FrameName(_method)}_{parameter.Name}";
            _primaryAccessorNames[parameter] = name;
            var receiver = type.IsValueType ? "ref " : "";
            PrimaryParameterAccessors.Add(
                $"[global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.Field, Name = \"<{parameter.Name}>P\")]\n"
                + $"private static extern ref {parameter.Type.Fq()} {name}({receiver}{type.Fq()} @this);");
            // A readonly member (or a readonly struct's): the parameter is a readonly variable there, as `this` is, so a
            // mutating method called on it runs on an implicit copy; the frame reaches it by readonly reference, through
            // a wrapper that takes the frame's readonly field by `in` (C# allows no write to it in such a member).
            if (type.IsValueType && SymbolFacts.HasReadOnlyThis(_method))
                PrimaryParameterAccessors.Add(
                    $"private static ref readonly {parameter.Type.Fq()} {name}_ReadOnly(in {type.Fq()} @this) => "
                    + $"ref {name}(ref global::System.Runtime.CompilerServices.Unsafe.AsRef(in @this));");
        }
        UsesThis = true;
        if (!type.IsValueType) return $"{name}(_this)";
        return SymbolFacts.HasReadOnlyThis(_method) ? $"{name}_ReadOnly(in _this)" : $"{name}(ref _this)";
    }

    private static bool IsGeneric(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
            if (t.TypeParameters.Length > 0) return true;
        return false;
    }
}
