using Microsoft.CodeAnalysis;

namespace GoSharp.Generator.Lowering;

// The type of a conditional access nested in another (`.Next?.M(t)` of `a?.Next?.M(t)`), which binds only with the
// accesses around it, so the model cannot be asked for it alone.
internal sealed partial class LauncherTypeInference
{
    /// <summary>
    /// The type of <c>a?.b</c> where <c>b</c> has type <paramref name="access"/>: a value type made nullable, a
    /// reference type, a nullable value type or void as it is; null where C# gives none (an unconstrained type parameter).
    /// </summary>
    private ITypeSymbol? LiftedByConditionalAccess(ITypeSymbol? access) => access switch
    {
        null => null,
        _ when HasErrorType(access) => null,
        { SpecialType: SpecialType.System_Void } or { IsReferenceType: true } => access,
        INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } => access,
        { IsValueType: true } => _model.Compilation.GetSpecialType(SpecialType.System_Nullable_T).Construct(access),
        _ => null,
    };
}
