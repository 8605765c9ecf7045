using System.Linq;
using Microsoft.CodeAnalysis;

namespace GoSharp.Generator.Lowering;

internal static partial class SymbolFacts
{
    /// <summary>
    /// The <c>[OverloadResolutionPriority]</c> C# gives <paramref name="method"/> when it picks among overloads: the
    /// one on the method that declared it first (an override's own cannot be written, CS9262, and C# reads its
    /// original's), or null.
    /// </summary>
    public static int? OverloadResolutionPriority(IMethodSymbol method)
    {
        var root = method;
        while (root.OverriddenMethod is { } overridden) root = overridden;
        return root.GetAttributes().FirstOrDefault(a => a.AttributeClass is { Name: "OverloadResolutionPriorityAttribute", ContainingNamespace.Name: "CompilerServices" })
            is { ConstructorArguments.Length: 1 } attribute && attribute.ConstructorArguments[0].Value is int priority ? priority : null;
    }

    /// <summary>
    /// <paramref name="method"/>'s launcher's copy of its priority (<see cref="OverloadResolutionPriority"/>), so that
    /// <c>GoM(x)</c> starts the overload <c>M(x)</c> calls; empty without one.
    /// </summary>
    public static string OverloadResolutionPriorityAttribute(IMethodSymbol method) =>
        OverloadResolutionPriority(method) is { } priority && priority != 0
            ? $"[global::System.Runtime.CompilerServices.OverloadResolutionPriority({priority})]"
            : "";

    /// <summary>
    /// Some method of <paramref name="method"/>'s name, in its type or a base type, has an [OverloadResolutionPriority]:
    /// a call by that name with the method's own parameters (<c>this.M(x)</c>, a <c>Func</c> made of <c>M</c>,
    /// <c>__GoFrame_M(x)</c>) may then pick another overload, one of higher priority that also takes the arguments.
    /// </summary>
    public static bool HasPriorityAmongOverloads(IMethodSymbol method)
    {
        for (var t = method.ContainingType; t is not null; t = t.BaseType)
            if (t.GetMembers(method.Name).OfType<IMethodSymbol>().Any(m => OverloadResolutionPriority(m) is { } p && p != 0)) return true;
        return false;
    }
}
