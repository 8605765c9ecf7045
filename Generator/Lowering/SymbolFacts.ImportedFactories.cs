using Microsoft.CodeAnalysis;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Goroutine calls across assemblies: a [Goroutine] method of another assembly is called through the frame factory
/// its own build emitted (docs/frame-contract.md, Calls across assemblies), found here by signature and attribute.
/// </summary>
internal static partial class SymbolFacts
{
    /// <summary>
    /// A [Goroutine] method of another assembly that has no frame factory (an assembly built without the GoSharp
    /// generator, or by a version before factories): a call to it stays a plain call (GOSH0020).
    /// </summary>
    public static bool IsImportedGoroutineWithoutFactory(IMethodSymbol m, IAssemblySymbol here) =>
        !IsInAssembly(m, here) && m.Definition().MethodKind == MethodKind.Ordinary && HasGoroutineAttribute(m)
        && SuspensionAwaiterName(m) is null && ImportedFrameFactory(m) is null;

    /// <summary>
    /// The frame factory of a [Goroutine] method of another assembly (docs/frame-contract.md, Calls across
    /// assemblies): in the method's own type, named <see cref="FrameFactoryName"/>, marked
    /// <c>[GoroutineFrameFactory(nameof(M))]</c>, with the method's static-ness, arity and parameter types (method
    /// type parameters matched by position), no ref parameters, returning <c>Frame</c> or <c>Frame&lt;R&gt;</c>
    /// for the method's return type R. Found through the original definition, so a generic type's or generic
    /// method's factory is the one of the definition; the call site supplies the type arguments.
    /// </summary>
    public static IMethodSymbol? ImportedFrameFactory(IMethodSymbol m)
    {
        var def = m.Definition();
        if (def.MethodKind != MethodKind.Ordinary || !HasGoroutineAttribute(def)) return null;
        foreach (var member in def.ContainingType.GetMembers(FrameFactoryName(def)))
        {
            if (member is IMethodSymbol f && HasSignatureOf(f, def) && IsFrameFactoryOf(f, def)) return f;
        }
        return null;
    }

    /// <summary>A factory with the method's static-ness, arity and parameter types, no ref parameters, returning its frame type.</summary>
    private static bool HasSignatureOf(IMethodSymbol f, IMethodSymbol def)
    {
        if (f.IsStatic != def.IsStatic || f.Arity != def.Arity || f.Parameters.Length != def.Parameters.Length || f.ReturnsByRef || f.ReturnsByRefReadonly)
            return false;
        for (var i = 0; i < f.Parameters.Length; i++)
            if (f.Parameters[i].RefKind != RefKind.None || !SameShape(f.Parameters[i].Type, def.Parameters[i].Type)) return false;
        return ReturnsFrameOf(f, def);
    }

    private static bool ReturnsFrameOf(IMethodSymbol factory, IMethodSymbol def)
    {
        if (factory.ReturnType is not INamedTypeSymbol r) return false;
        if (def.ReturnsVoid) return r.Arity == 0 && IsRuntimeType(r, RuntimeContract.Frame.MetadataName);
        return r.Arity == 1 && IsRuntimeType(r.OriginalDefinition, RuntimeContract.FrameOfT.MetadataName) && SameShape(r.TypeArguments[0], def.ReturnType);
    }

    private static bool IsFrameFactoryOf(IMethodSymbol factory, IMethodSymbol def)
    {
        foreach (var a in factory.GetAttributes())
            if (IsRuntimeType(a.AttributeClass, RuntimeContract.GoroutineFrameFactoryAttribute.MetadataName)
                && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string name && name == def.Name)
                return true;
        return false;
    }
}
