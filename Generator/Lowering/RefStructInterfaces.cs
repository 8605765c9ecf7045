using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace GoSharp.Generator.Lowering;

/// <summary>The interfaces that ref structs of a compilation implement (SymbolFacts.IsGeneratedGoroutine, FrameModelBuilder).</summary>
internal static class RefStructInterfaces
{
    /// <summary>
    /// A ref struct of this compilation that implements <paramref name="type"/>, an interface, or null. A ref struct
    /// takes no default implementation of an interface member (C# 13: it must implement each itself, CS9245), so the
    /// default factory and launcher the generator adds to an interface for an instance [Goroutine] method would
    /// break it: such a method is refused (FrameModelBuilder.BuildCore). One walk of the assembly's types per
    /// compilation, kept with its assembly symbol.
    /// </summary>
    public static INamedTypeSymbol? Implementer(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Interface || type.DeclaringSyntaxReferences.Length == 0) return null;
        var implementers = Cache.GetValue(type.ContainingAssembly, Of);
        return implementers.TryGetValue(type.OriginalDefinition, out var refStruct) ? refStruct : null;
    }

    private static readonly ConditionalWeakTable<IAssemblySymbol, Dictionary<INamedTypeSymbol, INamedTypeSymbol>> Cache = new();

    private static Dictionary<INamedTypeSymbol, INamedTypeSymbol> Of(IAssemblySymbol assembly)
    {
        var map = new Dictionary<INamedTypeSymbol, INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var namespaces = new Stack<INamespaceOrTypeSymbol>();
        namespaces.Push(assembly.GlobalNamespace);
        while (namespaces.Count > 0)
        {
            foreach (var member in namespaces.Pop().GetMembers())
            {
                if (member is INamespaceSymbol ns) namespaces.Push(ns);
                else if (member is INamedTypeSymbol t)
                {
                    namespaces.Push(t);
                    if (!t.IsRefLikeType || t.TypeKind != TypeKind.Struct) continue;
                    foreach (var i in t.AllInterfaces)
                        if (!map.ContainsKey(i.OriginalDefinition)) map.Add(i.OriginalDefinition, t);
                }
            }
        }
        return map;
    }
}
