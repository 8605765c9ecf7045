using System.Linq;
using GoSharp.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using GoSharp.Generator.Lowering;

namespace GoSharp.Generator.Emit;

/// <summary>
/// The text of a frame factory, <c>__GoFrame_M(...)</c>: how code outside the method's assembly makes its frame
/// (docs/frame-contract.md, Calls across assemblies). Built in the model stage, where the symbols are; the
/// emitter writes it after the launcher.
/// </summary>
/// <remarks>
/// The factory has the method's name (prefixed), accessibility, static-ness, type parameters, constraints and
/// parameter types, so the set of factories of a type mirrors its set of [Goroutine] overloads one to one, and a
/// caller that bound <c>M(args)</c> finds its factory by the same signature (<c>SymbolFacts.ImportedFrameFactory</c>).
/// It returns the runtime's <c>Frame</c> / <c>Frame&lt;T&gt;</c>, so the frame class itself stays internal and may
/// change from one version of the generator to the next without breaking compiled callers.
/// </remarks>
internal static class FrameFactories
{
    /// <summary><c>[GoroutineFrameFactory("M")]</c>: marks the factory of <paramref name="method"/> for callers of other assemblies.</summary>
    public static string Attribute(IMethodSymbol method) =>
        $"[{RuntimeContract.GoroutineFrameFactoryAttribute.Type}(\"{method.Name}\")]";

    /// <summary>
    /// The factory of a method that is not virtual: static for a static method (an extension method's takes the
    /// receiver as an ordinary first parameter, and so does an extension block member's, the implementation's form), an instance method otherwise (<c>readonly</c> in a struct; in an
    /// interface a default interface method, which a [Goroutine] implementation implements explicitly: AbstractGoroutines).
    /// </summary>
    public static string Exported(IMethodSymbol method, string accessibility, string frameType, string typeParameters,
        System.Collections.Generic.IEnumerable<ParameterSyntax> parameters, SemanticModel model, string constraints, string frameCreation)
    {
        var type = method.ContainingType;
        var modifiers = accessibility;
        if (method.IsStatic) modifiers += " static";
        else if (type.IsValueType && !type.IsReadOnly) modifiers += " readonly";
        // In an interface: virtual (a default interface method), so that a [Goroutine] implementation implements it.
        var list = string.Join(", ", parameters.Select(p => DeclarationText.Of(p, model, withoutAttributes: true, withoutThis: true)));
        return $"{modifiers.Trim()} {frameType} {SymbolFacts.FrameFactoryName(method)}{typeParameters}({list})"
            + $"{(constraints.Length > 0 ? " " + constraints : "")} => {frameCreation};";
    }
}
