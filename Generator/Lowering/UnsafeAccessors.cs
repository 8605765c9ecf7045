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
}
