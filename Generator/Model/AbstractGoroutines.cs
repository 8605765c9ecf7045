using System.Collections.Generic;
using System.Linq;
using GoSharp.Generator.Emit;
using GoSharp.Generator.Lowering;
using Microsoft.CodeAnalysis;

namespace GoSharp.Generator.Model;

/// <summary>
/// [Goroutine] on an abstract method or an interface method without a body: a call through it, from a goroutine,
/// is a nested goroutine call of the receiver's [Goroutine] override or implementation (as an interface call in Go
/// is just a call), instead of a plain call whose suspension points would block the thread.
/// </summary>
/// <remarks>
/// It has no frame of its own, only a virtual factory (a default interface method in an interface) whose body runs
/// the receiver's method plainly, which is right for an override or implementation that is not [Goroutine];
/// a [Goroutine] override replaces the factory (<c>override</c>, as for any virtual [Goroutine] method), and a
/// [Goroutine] implementation of the interface method (an explicit one too) implements it explicitly. Callers make
/// the frame through the factory on the receiver (CallLowering), and the launcher starts it. A static abstract or
/// static virtual member has no receiver: its factory is generic in the type the call goes through (StaticFactory).
/// <code>
/// interface IWorker { [Goroutine] int Work(Chan&lt;int&gt; c); }
///   => Frame&lt;int&gt; __GoFrame_Work(Chan&lt;int&gt; c) => new PlainOverrideFrame&lt;int&gt;(() => this.Work(c));
///      Goroutine&lt;int&gt; GoWork(Chan&lt;int&gt; c) => GoRuntime.Current.Spawn&lt;int&gt;(__GoFrame_Work(c));
/// partial class W : IWorker { [Goroutine] public int Work(Chan&lt;int&gt; c) { ... } }
///   => Frame&lt;int&gt; IWorker.__GoFrame_Work(Chan&lt;int&gt; c) => new Work_Frame(this, c);
/// </code>
/// </remarks>
internal static class AbstractGoroutines
{
    /// <summary>The abstract method's factory: a frame that calls the receiver's method plainly.</summary>
    public static string Factory(IMethodSymbol method, string accessibility, string frameType, string typeParameters, string parameters,
        string constraints, IEnumerable<string> arguments, string typeArguments)
    {
        // By name where an overload has an [OverloadResolutionPriority]: `this.Pick(x)` of Pick(int x) would call a
        // preferred Pick(object o); `this.Pick(x: x)` takes only the overloads with the method's own parameter names.
        var named = SymbolFacts.HasPriorityAmongOverloads(method);
        var call = $"this.@{method.Name}{typeArguments}({string.Join(", ", arguments.Select(a => named ? $"@{a}: @{a}" : "@" + a))})";
        var modifiers = (accessibility + (method.ContainingType.TypeKind == TypeKind.Interface ? "" : " virtual")).Trim();
        return $"{(modifiers.Length > 0 ? modifiers + " " : "")}{frameType} {SymbolFacts.FrameFactoryName(method)}{typeParameters}({parameters})"
            + $"{(constraints.Length > 0 ? " " + constraints : "")} => {DispatchingFactory.PlainFrame(method, call)};";
    }

    /// <summary>The type parameter a static interface goroutine's factory and launcher take first: the type called through.</summary>
    public const string Self = "__GoSelf";

    /// <summary><paramref name="typeParameters"/> (<c>&lt;U&gt;</c> or empty) with <see cref="Self"/> first.</summary>
    public static string WithSelf(string typeParameters) =>
        typeParameters.Length == 0 ? "<" + Self + ">" : "<" + Self + ", " + typeParameters.Substring(1);

    /// <summary>
    /// A static abstract or static virtual [Goroutine] interface member's factory: generic in the type the call goes
    /// through (<c>T.Hello(n)</c> becomes <c>T.__GoFrame_Hello&lt;T&gt;(n)</c>), since a static member has no receiver
    /// to dispatch on and its default body cannot name the implementing type; it runs that type's implementation
    /// plainly, and a [Goroutine] implementation implements it explicitly (<see cref="InterfaceFactories"/>).
    /// <code>
    /// interface IGreeter { [Goroutine] static abstract string Hello(int n); }
    ///   => static virtual Frame&lt;string&gt; __GoFrame_Hello&lt;__GoSelf&gt;(int n) where __GoSelf : IGreeter
    ///          => new PlainOverrideFrame&lt;string&gt;(() => __GoSelf.Hello(n));
    /// partial struct En : IGreeter { [Goroutine] public static string Hello(int n) { ... } }
    ///   => static Frame&lt;string&gt; IGreeter.__GoFrame_Hello&lt;__GoSelf&gt;(int n) => new Hello_Frame(n);
    /// </code>
    /// </summary>
    public static string StaticFactory(IMethodSymbol method, string frameType, string typeParameters, string parameters,
        string constraints, IEnumerable<string> arguments, string typeArguments)
    {
        var call = $"{Self}.@{method.Name}{typeArguments}({string.Join(", ", arguments.Select(a => "@" + a))})";
        return $"static virtual {frameType} {SymbolFacts.FrameFactoryName(method)}{WithSelf(typeParameters)}({parameters}) where {Self} : {method.ContainingType.Fq()}"
            + $"{(constraints.Length > 0 ? " " + constraints : "")} => {DispatchingFactory.PlainFrame(method, call)};";
    }

    /// <summary>
    /// The constraint clauses an explicit implementation may restate, and needs to: <c>class</c>, <c>struct</c> or
    /// <c>default</c> only (CS0460), which decide what <c>T?</c> means in its signature (without one, <c>T?</c> of a T
    /// the method constrains to <c>Attribute</c> would be <c>Nullable&lt;T&gt;</c>, CS0453).
    /// </summary>
    public static string RestatableConstraints(IMethodSymbol method)
    {
        var clauses = method.TypeParameters.Select(tp =>
            $"where {tp.Name} : {(tp.IsReferenceType ? "class" : tp.IsValueType ? "struct" : "default")}");
        var text = string.Join(" ", clauses);
        return text.Length == 0 ? "" : " " + text;
    }

    /// <summary>
    /// Explicit implementations of the factories of the abstract [Goroutine] interface methods that
    /// <paramref name="method"/> implements, each making <paramref name="frameNew"/>.
    /// </summary>
    public static IEnumerable<string> InterfaceFactories(IMethodSymbol method, string frameType, string typeParameters, string parameters,
        string constraints, string frameNew)
    {
        var type = method.ContainingType;
        var name = InterfaceMemberName(method);
        if (method.IsStatic)
        {
            foreach (var iface in type.AllInterfaces)
                foreach (var member in iface.GetMembers(name).OfType<IMethodSymbol>())
                {
                    var def = member.OriginalDefinition;
                    if (!SymbolFacts.IsStaticInterfaceGoroutine(def) || def.DeclaringSyntaxReferences.Length == 0 || !SymbolFacts.IsGeneratedGoroutine(def)) continue;
                    if (!SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method)) continue;
                    yield return $"static {frameType} {iface.Fq()}.{SymbolFacts.FrameFactoryName(member)}{WithSelf(typeParameters)}({parameters}){constraints} => {frameNew};";
                }
            yield break;
        }
        foreach (var iface in type.AllInterfaces)
        {
            foreach (var member in iface.GetMembers(name).OfType<IMethodSymbol>())
            {
                var def = member.OriginalDefinition;
                // An abstract [Goroutine] interface method, or a [Goroutine] default method (whose factory runs the
                // default body, or a plain implementation plainly).
                if (!SymbolFacts.IsAbstractGoroutine(def) && !(SymbolFacts.IsOverridableInterfaceMethod(def) && SymbolFacts.HasGoroutineAttribute(def))) continue;
                // One of this compilation has a factory only when it was not refused (a variant interface, a ref
                // parameter, a type that is not partial: SymbolFacts.IsGeneratedGoroutine asks what BuildCore refuses).
                if (def.DeclaringSyntaxReferences.Length > 0 && !SymbolFacts.IsGeneratedGoroutine(def)) continue;
                // Another assembly's interface has an implementable factory only when its generator made one.
                if (member.DeclaringSyntaxReferences.Length == 0
                    && !iface.GetMembers(SymbolFacts.FrameFactoryName(member)).OfType<IMethodSymbol>().Any(f => !f.IsSealed && !f.IsStatic)) continue;
                if (!SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method)) continue;
                // An explicit implementation inherits the interface method's constraints (only class/struct/default may be restated).
                yield return $"{frameType} {iface.Fq()}.{SymbolFacts.FrameFactoryName(member)}{typeParameters}({parameters}){constraints} => {frameNew};";
            }
        }
    }

    /// <summary>The name of the interface members a method may implement: an explicit implementation's own is qualified (<c>IWorker.Work</c>).</summary>
    private static string InterfaceMemberName(IMethodSymbol method) =>
        method.ExplicitInterfaceImplementations.Length > 0 ? method.ExplicitInterfaceImplementations[0].Name : method.Name;

    /// <summary>
    /// The methods of this compilation that <paramref name="method"/> implements or overrides and that are not
    /// [Goroutine] (GOSH0023): calls through them run it plainly; the user can mark them.
    /// </summary>
    public static IEnumerable<(IMethodSymbol Through, string How)> PlainAbstractions(IMethodSymbol method)
    {
        // A member the compiler writes (a record's ToString, Equals, PrintMembers) has the record's declaration as
        // its syntax, but no one can mark it [Goroutine]: calls through it are calls through what it overrides in
        // turn, object.ToString (no GOSH0023) or a base record's own ToString (which one can mark).
        var overridden = method.OverriddenMethod;
        while (overridden is { IsImplicitlyDeclared: true }) overridden = overridden.OverriddenMethod;
        if (overridden is not null && overridden.DeclaringSyntaxReferences.Length > 0
            && !SymbolFacts.HasGoroutineAttribute(overridden.OriginalDefinition))
            yield return (overridden, "overrides");
        // (A static one implements static abstract and virtual members, called through a type parameter.)
        var name = InterfaceMemberName(method);
        foreach (var iface in method.ContainingType.AllInterfaces)
            foreach (var member in iface.GetMembers(name).OfType<IMethodSymbol>())
                if (member.DeclaringSyntaxReferences.Length > 0 && member.IsStatic == method.IsStatic && !SymbolFacts.HasGoroutineAttribute(member.OriginalDefinition)
                    && SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                    yield return (member, "implements");
    }
}
