using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// The generated frame reaches what only the user's type may name (a primary constructor parameter's field, an init
/// accessor, a constructor leaving required members, a private <c>operator false</c>) through <c>[UnsafeAccessor]</c>
/// externs, which .NET 8 brought and .NET 9 extended to generic types. Every such use asks here which framework the
/// compilation targets, and refuses with its reason where the accessor would not work.
/// </summary>
internal sealed partial class MethodLowerer
{
    private const string UnsafeAccessorAttribute = "System.Runtime.CompilerServices.UnsafeAccessorAttribute";

    private const string NoUnsafeAccessor = "this target framework has no [UnsafeAccessor] (.NET 8 or later)";

    /// <summary>
    /// The major version of the framework whose <c>[UnsafeAccessor]</c> the generated code would use; 0 where there is
    /// none. Only the runtime's own attribute counts (a copy declared in source would compile, and do nothing); its
    /// assembly's version is the framework's (System.Runtime 8.0 on .NET 8).
    /// </summary>
    private int UnsafeAccessorRuntime()
    {
        var attribute = Model.Compilation.GetTypeByMetadataName(UnsafeAccessorAttribute);
        return attribute is null || SymbolEqualityComparer.Default.Equals(attribute.ContainingAssembly, Model.Compilation.Assembly)
            ? 0 : attribute.ContainingAssembly.Identity.Version.Major;
    }

    /// <summary>
    /// Where an <c>[UnsafeAccessor]</c> to a member of <paramref name="target"/> is declared. The runtime matches an
    /// accessor to a member of a generic type (.NET 9 on) by the type parameters of the class that declares it, which
    /// must be exactly the target's, its containing types' included (as metadata counts them):
    /// <list type="bullet">
    /// <item>a type that is not generic: a method of the user's type (<paramref name="Declared"/> empty);</item>
    /// <item>a type nested in the user's generic type, as <c>Host&lt;T&gt;.Rec&lt;U&gt;</c> used as
    /// <c>Host&lt;T&gt;.Rec&lt;X&gt;</c> in <c>Host&lt;T&gt;</c>: a class nested in the user's type declaring only the
    /// rest, <c>U</c>, since it carries the user type's own (a private type is reached so);</item>
    /// <item>else, in a user's type that is not generic, a class nested in it with all of the target's;</item>
    /// <item>else (<paramref name="InFile"/>) a <c>file</c> class beside the user's type, with all of them, which must
    /// then name the target from outside the user's type.</item>
    /// </list>
    /// <paramref name="Arguments"/> are the type arguments the call gives the class's <paramref name="Declared"/>.
    /// </summary>
    private (List<ITypeParameterSymbol> Declared, List<ITypeSymbol> Arguments, bool InFile) AccessorHome(INamedTypeSymbol target)
    {
        var (all, arguments) = ChainTypeParameters(target);
        var user = _method.ContainingType.OriginalDefinition;
        var (userParameters, _) = ChainTypeParameters(user);
        if (all.Count == 0 || userParameters.Count == 0) return (all, arguments, false);
        var n = userParameters.Count;
        var nestedInUser = false;
        for (var t = target.OriginalDefinition.ContainingType; t is not null; t = t.ContainingType)
            nestedInUser |= SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, user);
        if (nestedInUser && arguments.Take(n).SequenceEqual(userParameters, SymbolEqualityComparer.Default))
            return (all.Skip(n).ToList(), arguments.Skip(n).ToList(), false);
        return (all, arguments, true);
    }

    /// <summary>Why an <c>[UnsafeAccessor]</c> to a member of <paramref name="target"/> (of <paramref name="valueTypes"/> in its signature) cannot be declared here; null when it can.</summary>
    private string? AccessorHomeRefusal(INamedTypeSymbol target, IEnumerable<ITypeSymbol> valueTypes)
    {
        var (declared, arguments, inFile) = AccessorHome(target);
        var version = UnsafeAccessorRuntime();
        var generic = ChainTypeParameters(target).Parameters.Count > 0;
        var userParameters = ChainTypeParameters(_method.ContainingType.OriginalDefinition).Parameters;
        return version == 0 ? NoUnsafeAccessor
            : arguments.Any(ContainsAnonymousType) ? "the type has an anonymous type argument, which the accessor's call cannot name"
            : generic && version < 9 ? "the type is generic and [UnsafeAccessor] reaches a generic type only from .NET 9 on"
            : userParameters.Count > 0 && version < 9 ? "the goroutine's type is generic and [UnsafeAccessor] in a generic type needs .NET 9"
            // A file-local class of the frame's file, outside the user's type, must name the type and its members' types.
            : inFile && !NameableOutsideTheUserType(new ITypeSymbol[] { target.OriginalDefinition }.Concat(valueTypes))
                ? "the type is generic and so is the goroutine's type, and the accessor, which cannot be nested in it (it would carry its type parameters), cannot name the type from outside it"
            : declared.Concat(inFile ? Enumerable.Empty<ITypeParameterSymbol>() : userParameters).Select(p => p.Name).Distinct().Count()
                < declared.Count + (inFile ? 0 : userParameters.Count) ? "the type and a type that contains it name a type parameter alike"
            : null;
    }

    /// <summary>
    /// Declares the accessor <paramref name="name"/> (<paramref name="attribute"/> over <paramref name="signature"/>, a
    /// format whose <c>{0}</c> is the method's name) to a member of <paramref name="target"/>, where
    /// <see cref="AccessorHome"/> says; returns what a call names for it with <paramref name="target"/>'s type arguments:
    /// <c>__GoInit_F_Frame_0</c> or <c>__GoInit_F_Frame_0&lt;int&gt;.Call</c>.
    /// </summary>
    private string DeclareAccessor(string name, INamedTypeSymbol target, string attribute, string signature)
    {
        var (declared, arguments, inFile) = AccessorHome(target);
        if (declared.Count == 0)
        {
            InitAccessors.Add(attribute + "\nprivate " + string.Format(signature, name));
            return name;
        }
        // The class restates the type's constraints: its signature names the type with these parameters.
        var constraints = SymbolFacts.ConstraintClauses(declared, p => p.Name);
        var nested = $"static class {name}<{string.Join(", ", declared.Select(p => p.Name))}>{(constraints.Length > 0 ? " " + constraints : "")}\n{{\n    {attribute}\n    internal {string.Format(signature, "Call")}\n}}";
        if (inFile) FileInitAccessors.Add("file " + nested);
        else InitAccessors.Add("private " + nested);
        return $"{name}<{string.Join(", ", arguments.Select(a => a.Fq()))}>.Call";
    }

    /// <summary>Whether a class at namespace level of this assembly can name each of <paramref name="types"/>.</summary>
    private bool NameableOutsideTheUserType(IEnumerable<ITypeSymbol> types)
    {
        var assembly = Model.Compilation.Assembly;
        foreach (var type in types)
            if (type is not ITypeParameterSymbol && !Model.Compilation.IsSymbolAccessibleWithin(type, assembly)) return false;
        return true;
    }

    /// <summary>The type parameters of <paramref name="type"/>'s definition and its containing types', outermost first, as metadata counts them, with <paramref name="type"/>'s type arguments for them.</summary>
    private static (List<ITypeParameterSymbol> Parameters, List<ITypeSymbol> Arguments) ChainTypeParameters(INamedTypeSymbol type)
    {
        var typeParameters = new List<ITypeParameterSymbol>();
        var typeArguments = new List<ITypeSymbol>();
        for (var t = type; t is not null; t = t.ContainingType)
        {
            typeParameters.InsertRange(0, t.OriginalDefinition.TypeParameters);
            typeArguments.InsertRange(0, t.TypeArguments);
        }
        return (typeParameters, typeArguments);
    }
}
