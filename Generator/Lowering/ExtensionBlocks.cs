using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// C# 14 extension blocks (<c>extension(int x) { ... }</c> in a static class), seen by a generator compiled against
/// Roslyn 4.14, which predates them.
/// </summary>
/// <remarks>
/// The generator runs inside the compiler that loads it: in the .NET 10 SDK that is Roslyn 5.x, whose symbols know
/// extension blocks although this assembly cannot name the members that say so. What it needs is read once by
/// reflection from the symbol interfaces of the Roslyn actually loaded: the type kind named <c>Extension</c>
/// (a block's symbol), <c>INamedTypeSymbol.ExtensionParameter</c> (its receiver) and
/// <c>IMethodSymbol.AssociatedExtensionImplementation</c> (the static method of the enclosing class that the compiler
/// emits for a block member: <c>E.Twice(int x)</c> for <c>extension(int x) { int Twice() }</c>, the receiver its first
/// parameter, the block's type parameters before the member's). On a Roslyn without extension blocks none of these
/// exist, every answer is "not an extension member", and nothing else changes.
/// <para>
/// The generator treats a block member as its implementation method, which is a static method of the static class
/// exactly as a classic extension method is: the frame is nested in the static class, the receiver a parameter of the
/// frame; a nested call <c>5.Twice()</c> passes the receiver as that first argument, and <c>E.Twice(5)</c> (which C#
/// binds to the implementation itself) makes the same frame. Only the launcher goes into a generated extension block
/// with the same receiver, so that <c>5.GoTwice()</c> reads as the member's call does.
/// </para>
/// </remarks>
internal static class ExtensionBlocks
{
    private static readonly TypeKind? ExtensionKind =
        Enum.TryParse<TypeKind>("Extension", out var kind) && Enum.IsDefined(typeof(TypeKind), kind) ? kind : null;

    private static readonly PropertyInfo? ExtensionParameterProperty = Find(typeof(INamedTypeSymbol), "ExtensionParameter");

    private static readonly PropertyInfo? ImplementationProperty = Find(typeof(IMethodSymbol), "AssociatedExtensionImplementation");

    private static PropertyInfo? Find(Type type, string name) =>
        type.GetProperty(name) ?? type.GetInterfaces().Select(i => i.GetProperty(name)).FirstOrDefault(p => p is not null);

    /// <summary>Whether <paramref name="type"/> is an extension block (never on a Roslyn that has none).</summary>
    public static bool IsBlock(ITypeSymbol? type) => ExtensionKind is { } k && type is not null && type.TypeKind == k;

    /// <summary>The receiver parameter of an extension block (<c>x</c> of <c>extension(int x)</c>; unnamed for <c>extension(int)</c>).</summary>
    public static IParameterSymbol? Receiver(INamedTypeSymbol block) =>
        IsBlock(block) ? ExtensionParameterProperty?.GetValue(block) as IParameterSymbol : null;

    /// <summary>
    /// The implementation method of a member of an extension block (constructed as the member is), or null for
    /// any other method.
    /// </summary>
    public static IMethodSymbol? Implementation(IMethodSymbol method) =>
        IsBlock(method.ContainingType) ? ImplementationProperty?.GetValue(method) as IMethodSymbol : null;
}
