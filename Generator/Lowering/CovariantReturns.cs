using System.Linq;
using Microsoft.CodeAnalysis;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// C# 9 covariant returns (<c>override Dog Self()</c> over <c>virtual Animal Self()</c>): such a [Goroutine] override
/// has no frame, since its <c>Frame&lt;Dog&gt;</c> cannot be the overridden factory's <c>Frame&lt;Animal&gt;</c>
/// (FrameModelBuilder reports GOSH0017; calls to it are plain).
/// </summary>
internal static partial class SymbolFacts
{
    /// <summary>
    /// The overridden method's return type when <paramref name="m"/> overrides it with a covariant (C# 9) one, else
    /// null: its frame, a <c>Frame&lt;Derived&gt;</c>, cannot be the overridden factory's <c>Frame&lt;Base&gt;</c>, so the
    /// method is refused (GOSH0017) and has none. Compared in the override's terms (its own method type parameters),
    /// with <c>dynamic</c> as <c>object</c> and tuple element names and nullability left out, as C# matches overrides.
    /// </summary>
    public static ITypeSymbol? CovariantReturnOf(IMethodSymbol m)
    {
        if (!m.IsOverride || m.OverriddenMethod is not { } overridden || m.ReturnsVoid) return null;
        if (overridden.IsGenericMethod && overridden.TypeParameters.Length == m.TypeParameters.Length)
            overridden = overridden.ConstructedFrom.Construct(m.TypeParameters.Cast<ITypeSymbol>().ToArray());
        return SameForOverride(m.ReturnType, overridden.ReturnType) ? null : overridden.ReturnType;
    }

    private static bool SameForOverride(ITypeSymbol a, ITypeSymbol b)
    {
        if (a.TypeKind == TypeKind.Dynamic) return b.TypeKind == TypeKind.Dynamic || b.SpecialType == SpecialType.System_Object;
        if (b.TypeKind == TypeKind.Dynamic) return a.SpecialType == SpecialType.System_Object;
        switch (a, b)
        {
            case (IArrayTypeSymbol x, IArrayTypeSymbol y):
                return x.Rank == y.Rank && SameForOverride(x.ElementType, y.ElementType);
            case (INamedTypeSymbol x, INamedTypeSymbol y) when x.IsGenericType && y.IsGenericType:
                return SymbolEqualityComparer.Default.Equals(x.OriginalDefinition, y.OriginalDefinition)
                    && x.TypeArguments.Length == y.TypeArguments.Length
                    && x.TypeArguments.Zip(y.TypeArguments, SameForOverride).All(e => e)
                    && (x.ContainingType is null || y.ContainingType is null || SameForOverride(x.ContainingType, y.ContainingType));
            default:
                return SymbolEqualityComparer.Default.Equals(a, b);
        }
    }
}
