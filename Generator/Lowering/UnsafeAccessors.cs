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

    /// <summary>The accessors declared in a type that contains the user's generic type, as "level:declaration" (<see cref="AccessorHome"/>).</summary>
    public List<string> OuterAccessors { get; } = new();

    /// <summary>
    /// Where an <c>[UnsafeAccessor]</c> to a member of <paramref name="target"/> is declared. The runtime matches an
    /// accessor to a member of a generic type (.NET 9 on) by the type parameters of the class that declares it, which
    /// must be exactly the target's, its containing types' included (as metadata counts them). From the user's type
    /// outward (<paramref name="Level"/> 0, its container 1, ...), the first type that can hold it:
    /// <list type="bullet">
    /// <item>a type that is not generic: a method of the user's type (<paramref name="Declared"/> empty);</item>
    /// <item>a type that is not generic (nor nested in one): a class nested in it with all of the target's type
    /// parameters; past the user's type, only for a target a class outside the user's type cannot name (a private
    /// record of the container), else a <c>file</c> class (<paramref name="Level"/> -1) beside the user's type, with
    /// all of them;</item>
    /// <item>a generic type the target is nested in, used with its own type parameters, as <c>Host&lt;T&gt;.Rec&lt;U&gt;</c>
    /// used as <c>Host&lt;T&gt;.Rec&lt;X&gt;</c> in <c>Host&lt;T&gt;</c>: a class nested in it declaring only the rest,
    /// <c>U</c>, since it carries that type's own.</item>
    /// </list>
    /// <paramref name="Arguments"/> are the type arguments the call gives the class's <paramref name="Declared"/>.
    /// </summary>
    private (List<ITypeParameterSymbol> Declared, List<ITypeSymbol> Arguments, int Level) AccessorHome(INamedTypeSymbol target)
    {
        var (all, arguments) = ChainTypeParameters(target);
        if (all.Count == 0) return (all, arguments, 0);
        var level = 0;
        for (var home = _method.ContainingType.OriginalDefinition; home is not null; home = home.ContainingType, level++)
        {
            var homeParameters = ChainTypeParameters(home).Parameters;
            if (homeParameters.Count == 0)
                return level == 0 || !NameableOutsideTheUserType(new ITypeSymbol[] { target.OriginalDefinition }) ? (all, arguments, level) : (all, arguments, -1);
            var n = homeParameters.Count;
            var nestedInHome = false;
            for (var t = target.OriginalDefinition.ContainingType; t is not null; t = t.ContainingType)
                nestedInHome |= SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, home);
            if (nestedInHome && arguments.Take(n).SequenceEqual(homeParameters, SymbolEqualityComparer.Default))
                return (all.Skip(n).ToList(), arguments.Skip(n).ToList(), level);
        }
        return (all, arguments, -1);
    }

    /// <summary>The type <see cref="AccessorHome"/>'s <paramref name="level"/> names: the user's type, or one containing it.</summary>
    private INamedTypeSymbol HomeType(int level)
    {
        var home = _method.ContainingType.OriginalDefinition;
        for (var i = 0; i < level; i++) home = home.ContainingType!;
        return home;
    }

    /// <summary>Why an <c>[UnsafeAccessor]</c> to a member of <paramref name="target"/> (of <paramref name="valueTypes"/> in its signature) cannot be declared here; null when it can.</summary>
    private string? AccessorHomeRefusal(INamedTypeSymbol target, IEnumerable<ITypeSymbol> valueTypes)
    {
        var (declared, arguments, level) = AccessorHome(target);
        var version = UnsafeAccessorRuntime();
        var generic = ChainTypeParameters(target).Parameters.Count > 0;
        var types = new ITypeSymbol[] { target.OriginalDefinition }.Concat(valueTypes).ToList();
        // The type parameters the declaring class carries from the types around it, which its own must not hide.
        var carried = level < 0 ? new List<ITypeParameterSymbol>() : ChainTypeParameters(HomeType(level)).Parameters;
        return version == 0 ? NoUnsafeAccessor
            : arguments.Any(ContainsAnonymousType) ? "the type has an anonymous type argument, which the accessor's call cannot name"
            : generic && version < 9 ? "the type is generic and [UnsafeAccessor] reaches a generic type only from .NET 9 on"
            : ChainTypeParameters(_method.ContainingType.OriginalDefinition).Parameters.Count > 0 && version < 9 ? "the goroutine's type is generic and [UnsafeAccessor] in a generic type needs .NET 9"
            // A file-local class of the frame's file, outside the user's type, must name the type and its members' types.
            : level < 0 && !NameableOutsideTheUserType(types)
                ? "the type is generic and so is the goroutine's type and each type containing it up to one the type is not nested in, and the accessor, which cannot be nested in them (it would carry their type parameters), cannot name the type from outside them"
            : level > 0 && types.Any(t => t is not ITypeParameterSymbol && !Model.Compilation.IsSymbolAccessibleWithin(t, HomeType(level)))
                ? $"the accessor, declared in {HomeType(level).Name} (the goroutine's type is generic), cannot name the type there"
            : declared.Concat(carried).Select(p => p.Name).Distinct().Count() < declared.Count + carried.Count ? "the type and a type that contains it name a type parameter alike"
            : null;
    }

    /// <summary>
    /// Declares the accessor <paramref name="name"/> (<paramref name="attribute"/> over <paramref name="signature"/>, a
    /// format whose <c>{0}</c> is the method's name) to a member of <paramref name="target"/>, where
    /// <see cref="AccessorHome"/> says; returns its name, with the user's type's for one declared in a type that
    /// contains it (there, another goroutine type's accessors are its members too).
    /// </summary>
    private string DeclareAccessor(string name, INamedTypeSymbol target, string attribute, string signature)
    {
        var (declared, _, level) = AccessorHome(target);
        if (level > 0)
            for (var t = _method.ContainingType.OriginalDefinition; !SymbolEqualityComparer.Default.Equals(t, HomeType(level)); t = t.ContainingType!)
                name = name.Insert(name.IndexOf('_', 4) + 1, $"{t.Name}{t.Arity}_");
        string declaration;
        if (declared.Count == 0) declaration = attribute + "\nprivate " + string.Format(signature, name);
        else
        {
            // The class restates the type's constraints: its signature names the type with these parameters.
            var constraints = SymbolFacts.ConstraintClauses(declared, p => p.Name);
            declaration = (level < 0 ? "file " : "private ")
                + $"static class {name}<{string.Join(", ", declared.Select(p => p.Name))}>{(constraints.Length > 0 ? " " + constraints : "")}\n{{\n    {attribute}\n    internal {string.Format(signature, "Call")}\n}}";
        }
        if (level < 0) FileInitAccessors.Add(declaration);
        else if (level == 0) InitAccessors.Add(declaration);
        else OuterAccessors.Add($"{level}:{declaration}");
        return name;
    }

    /// <summary>What a call names for the accessor <paramref name="name"/> to a member of <paramref name="target"/>, with its type arguments: <c>__GoInit_F_Frame_0</c> or <c>__GoInit_F_Frame_0&lt;int&gt;.Call</c>.</summary>
    private string AccessorCall(string name, INamedTypeSymbol target)
    {
        var (declared, arguments, _) = AccessorHome(target);
        return declared.Count == 0 ? name : $"{name}<{string.Join(", ", arguments.Select(a => a.Fq()))}>.Call";
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
