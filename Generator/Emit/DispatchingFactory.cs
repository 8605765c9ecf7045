using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using GoSharp.Generator.Lowering;

namespace GoSharp.Generator.Emit;

/// <summary>
/// The body of a virtual <c>[Goroutine]</c> method's factory, and the check it asks: this type's frame when the
/// receiver's override of the method is this type's own, else (a plain override below, perhaps in another
/// assembly) a frame that calls that override plainly, as C# would (docs/frame-contract.md, Nested goroutine calls).
/// <code>
/// GetType() == typeof(A) || __GoOverrides_Speak_Frame.IsOwn(this, static __r => new Func&lt;int, string&gt;(((A)__r).Speak))
///     ? __GoFrameOf_Speak(n) : new PlainOverrideFrame&lt;string&gt;(() =&gt; this.Speak(n))
/// private static readonly PlainOverrideCheck __GoOverrides_Speak_Frame = new(typeof(A));
/// </code>
/// The check (<c>PlainOverrideCheck</c>, in the runtime) answers once per receiver type, so a receiver of a type
/// without an override of its own costs a table lookup and allocates nothing. A sealed method, or a method of a
/// sealed type, has no override below it: no check.
/// </summary>
internal static class DispatchingFactory
{
    // typeof(...) takes no nullable reference type (CS8639).
    private static readonly SymbolDisplayFormat TypeOfFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayFormat.FullyQualifiedFormat.MiscellaneousOptions | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    private static string CheckName(IMethodSymbol method) => "__GoOverrides_" + SymbolFacts.FrameName(method);

    private static bool HasNoOverrideBelow(IMethodSymbol method) => method.IsSealed || method.ContainingType.IsSealed;

    /// <summary>
    /// The type to bind the method through, or null when C# cannot bind it. Through the type that declared the
    /// virtual method first when this type or one on the way declares a non-override method of the same name: looked
    /// up on this type, the name may find that method, which takes the arguments by conversion, and C# then drops
    /// every overload of the base types, the one meant included (Json.NET's WriteValueAsync(BigInteger) beside the
    /// byte override); from the declaring type the same overload wins that the user's call picked. A protected method
    /// cannot be reached through a base-typed reference at all (CS1540): null, and the check uses reflection.
    /// </summary>
    private static string? BindingType(IMethodSymbol method)
    {
        var origin = method;
        while (origin.OverriddenMethod is { } overridden) origin = overridden;
        var shadowed = false;
        for (var t = method.ContainingType; t is not null && !SymbolEqualityComparer.Default.Equals(t, origin.ContainingType); t = t.BaseType)
            shadowed |= t.GetMembers(method.Name).OfType<IMethodSymbol>().Any(m => !m.IsOverride);
        if (!shadowed) return method.ContainingType.Fq();
        return method.DeclaredAccessibility is Accessibility.Protected or Accessibility.ProtectedOrInternal or Accessibility.ProtectedAndInternal
            ? null
            : origin.ContainingType.Fq();
    }

    /// <summary>
    /// <see cref="BindingType"/> where a <c>Func</c>/<c>Action</c> can stand for the method: not over 16 parameters
    /// (Rx.NET's 16-source CombineLatest with its selector has 17: <c>Func</c> has no such arity, CS0305), else null
    /// and the check finds the method by reflection. Nor can a <c>[Conditional]</c> method, which an override
    /// inherits, make a delegate (CS1618: BEPUphysics' <c>[Conditional("DEBUG")] protected abstract void
    /// ValidateAccumulatedImpulsesSizeInBytes(int)</c>, overridden in a class that is not sealed). Nor where an overload
    /// of the name has an [OverloadResolutionPriority]: C# then binds <c>M</c> to the overload of highest priority
    /// that takes the arguments, for a delegate (<c>new Func&lt;int, string&gt;(r.Pick)</c> beside a preferred
    /// <c>Pick(object)</c>: CS0123) as for a call (<c>this.Pick(o)</c> ran <c>Pick(object)</c>'s override).
    /// </summary>
    private static string? DelegateBindingType(IMethodSymbol method) =>
        method.Parameters.Length <= 16 && !IsConditional(method) && !SymbolFacts.HasPriorityAmongOverloads(method) ? BindingType(method) : null;

    private static bool IsConditional(IMethodSymbol method)
    {
        var root = method;
        while (root.OverriddenMethod is { } overridden) root = overridden;
        return root.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.Diagnostics.ConditionalAttribute");
    }

    /// <summary>The factory's body: <paramref name="frameNew"/> makes this type's own frame.</summary>
    public static string Body(IMethodSymbol method, string frameNew, string typeArgs, MethodDeclarationSyntax decl)
    {
        if (HasNoOverrideBelow(method)) return frameNew;
        var self = method.ContainingType.Fq();
        var args = string.Join(", ", decl.ParameterList.Parameters.Select(p => "@" + p.Identifier.ValueText));
        var check = CheckName(method);
        string isOwn, call;
        if (DelegateBindingType(method) is { } through)
        {
            var parameterTypes = method.Parameters.Select(p => p.Type.Fq()).ToList();
            var delegateType = method.ReturnsVoid
                ? (parameterTypes.Count == 0 ? "global::System.Action" : $"global::System.Action<{string.Join(", ", parameterTypes)}>")
                : $"global::System.Func<{string.Join(", ", parameterTypes.Append(method.ReturnType.Fq()))}>";
            // A static lambda: the compiler makes it once (per instantiation), and the check calls it once per receiver type.
            isOwn = $"{check}.{RuntimeContract.PlainOverrideCheck.IsOwn}(this, static __r => new {delegateType}((({through})__r).@{method.Name}{typeArgs}))";
            call = $"{(through == self ? "this" : $"(({through})this)")}.@{method.Name}{typeArgs}({args})";
        }
        else
        {
            var typeArguments = decl.TypeParameterList is null
                ? "null"
                : $"new global::System.Type[] {{ {string.Join(", ", decl.TypeParameterList.Parameters.Select(p => $"typeof({p.Identifier.Text})"))} }}";
            var invoke = $"{check}.{RuntimeContract.PlainOverrideCheck.Invoke}(this, {typeArguments}, new object[] {{ {args} }})";
            isOwn = $"{check}.{RuntimeContract.PlainOverrideCheck.IsOwn}(this)";
            call = method.ReturnsVoid ? invoke : $"({method.ReturnType.Fq()}){invoke}!";
        }
        return $"GetType() == typeof({self}) || {isOwn}\n"
            + $"        ? {frameNew}\n        : {PlainFrame(method, call)}";
    }

    /// <summary>A frame that makes <paramref name="call"/>, a plain call of an implementation of <paramref name="method"/>.</summary>
    public static string PlainFrame(IMethodSymbol method, string call) => method.ReturnsVoid
        ? $"new {RuntimeContract.PlainOverrideFrame.Type}(() => {call})"
        : $"new {RuntimeContract.Generic(RuntimeContract.PlainOverrideFrameOfT.Type, method.ReturnType.Fq())}(() => {call})";

    /// <summary>The static field that holds the factory's check (null when <see cref="Body"/> needs none).</summary>
    public static string? Check(IMethodSymbol method)
    {
        if (HasNoOverrideBelow(method)) return null;
        var check = RuntimeContract.PlainOverrideCheck.Type;
        var self = $"typeof({method.ContainingType.ToDisplayString(TypeOfFormat)})";
        // The signature only where the check must find the method by reflection.
        var signature = DelegateBindingType(method) is not null
            ? ""
            : $", \"{method.Name}\", {method.TypeParameters.Length}, new global::System.Type[] {{ {string.Join(", ", method.Parameters.Select(p => TypeExpression(p.Type)))} }}";
        return "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]\n"
            + $"private static readonly {check} {CheckName(method)} = new {check}({self}{signature});";
    }

    /// <summary>
    /// A <c>System.Type</c> expression for a parameter type as the method's declaration has it: a method type
    /// parameter as a signature type (<c>Type.MakeGenericMethodParameter</c>), which reflection matches against
    /// the generic method's definition; a type parameter of the type as <c>typeof(T)</c>, since the check lives in
    /// the constructed type and reflection sees that type's methods constructed too.
    /// </summary>
    private static string TypeExpression(ITypeSymbol t)
    {
        if (!NeedsConstruction(t)) return $"typeof({t.ToDisplayString(TypeOfFormat)})";
        switch (t)
        {
            case ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } tp:
                return $"global::System.Type.MakeGenericMethodParameter({tp.Ordinal})";
            case IDynamicTypeSymbol:
                return "typeof(object)";
            case IArrayTypeSymbol a:
                return $"{TypeExpression(a.ElementType)}.MakeArrayType({(a.IsSZArray ? "" : a.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture))})";
            case INamedTypeSymbol n:
                var arguments = new List<ITypeSymbol>();
                for (var c = n; c is not null; c = c.ContainingType) arguments.InsertRange(0, c.TypeArguments);
                return $"typeof({Unbound(n.OriginalDefinition)}).MakeGenericType({string.Join(", ", arguments.Select(TypeExpression))})";
            default:
                return $"typeof({t.ToDisplayString(TypeOfFormat)})";
        }
    }

    private static bool NeedsConstruction(ITypeSymbol t) => t switch
    {
        ITypeParameterSymbol tp => tp.TypeParameterKind == TypeParameterKind.Method,
        IDynamicTypeSymbol => true,
        IArrayTypeSymbol a => NeedsConstruction(a.ElementType),
        INamedTypeSymbol n => AllTypeArguments(n).Any(NeedsConstruction),
        _ => false,
    };

    private static IEnumerable<ITypeSymbol> AllTypeArguments(INamedTypeSymbol n)
    {
        for (var c = n; c is not null; c = c.ContainingType)
            foreach (var a in c.TypeArguments) yield return a;
    }

    /// <summary><c>global::N.Outer&lt;&gt;.Inner&lt;,&gt;</c>: the open generic type, every level's type arguments left out.</summary>
    private static string Unbound(INamedTypeSymbol definition)
    {
        var name = (SyntaxFacts.GetKeywordKind(definition.Name) != SyntaxKind.None ? "@" : "") + definition.Name
            + (definition.Arity > 0 ? "<" + new string(',', definition.Arity - 1) + ">" : "");
        if (definition.ContainingType is { } outer) return Unbound(outer) + "." + name;
        var ns = definition.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? "global::" + name : ns.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + name;
    }
}
