using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// A method type parameter named like one of its containing types' (warning CS0693: <c>class Box&lt;T&gt; { U M&lt;T&gt;(T x) }</c>)
/// gets another name inside the frame.
/// </summary>
/// <remarks>
/// The frame is nested in the method's type, so its own type parameter <c>T</c> would hide the type's <c>T</c>, which
/// the frame still has to name: <c>_this</c> is a <c>Box&lt;T&gt;</c>, and a local the body fills from the type's members
/// (<c>var items = _items;</c>) may be a <c>List&lt;T&gt;</c> of the type's T. C#'s own code never names the outer T
/// there (the method's hides it), and async's state machine is a nested type too, whose type parameters are symbols,
/// not names. So the frame's type parameter becomes <c>__GoT</c>: the frame's header, its fields and every type the
/// lowering writes (<see cref="SymbolFacts.Fq"/>, while <see cref="Enter"/>'s scope is open) and the body's own
/// mentions of the method's T (the Renamer) use the new name, while the launcher and the factories, methods of the
/// type beside the user's, keep the user's names.
/// <code>
/// before: partial class Box&lt;T&gt; { T _v; [Goroutine] public T Pair&lt;T&gt;(T x) { var v = _v; Go.Yield(); ... } }
/// after:  sealed class Pair_Frame&lt;__GoT&gt; : Frame&lt;__GoT&gt; { Box&lt;T&gt; _this; __GoT _p_x; T _l0_v; ... }
///         (launcher: Goroutine&lt;T&gt; GoPair&lt;T&gt;(T x) => ... new Pair_Frame&lt;T&gt;(this, x) ...)
/// </code>
/// </remarks>
internal static class ShadowedTypeParameterNames
{
    [ThreadStatic] private static Dictionary<ITypeParameterSymbol, string>? t_current;

    /// <summary>The renames in force on this thread (while a frame's text is written), or null.</summary>
    public static IReadOnlyDictionary<ITypeParameterSymbol, string>? Current => t_current;

    /// <summary>The method's type parameters that a containing type's hide, each with its name in the frame.</summary>
    public static Dictionary<ITypeParameterSymbol, string> Of(IMethodSymbol method)
    {
        var map = new Dictionary<ITypeParameterSymbol, string>(SymbolEqualityComparer.Default);
        foreach (var (tp, _) in SymbolFacts.ShadowedTypeParameters(method))
            map[tp] = "__Go" + tp.Name;
        return map;
    }

    /// <summary>Opens a scope in which <see cref="SymbolFacts.Fq"/> writes the frame's names; none for an empty map.</summary>
    public static Scope Enter(Dictionary<ITypeParameterSymbol, string> map) => new(map.Count == 0 ? null : map);

    /// <summary>A scope that changes nothing and restores, when disposed, what is in force now.</summary>
    public static Scope Guard() => new(null);

    /// <summary>Restores, when disposed, the renames in force when it was made (also after an exception inside).</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly Dictionary<ITypeParameterSymbol, string>? _saved;

        public Scope(Dictionary<ITypeParameterSymbol, string>? map)
        {
            _saved = t_current;
            if (map is not null) t_current = map;
        }

        public void Dispose() => t_current = _saved;
    }

    /// <summary>The frame's name of a type parameter, or null when it keeps its own.</summary>
    public static string? NewName(ISymbol? symbol) =>
        t_current is { } map && symbol is ITypeParameterSymbol tp && map.TryGetValue(tp.OriginalDefinition, out var name) ? name : null;

    /// <summary><paramref name="type"/> as <paramref name="format"/> writes it, with the renamed type parameters' new names.</summary>
    public static string Display(ITypeSymbol type, SymbolDisplayFormat format)
    {
        if (t_current is null) return type.ToDisplayString(format);
        var sb = new StringBuilder();
        foreach (var part in type.ToDisplayParts(format))
            sb.Append(part.Kind == SymbolDisplayPartKind.TypeParameterName && NewName(part.Symbol) is { } name ? name : part.ToString());
        return sb.ToString();
    }

    /// <summary>The frame's type parameter list: the method's own names, renamed (<c>&lt;__GoT, U&gt;</c>).</summary>
    public static string FrameTypeParameterList(IMethodSymbol method, IReadOnlyDictionary<ITypeParameterSymbol, string> map) =>
        "<" + string.Join(", ", method.TypeParameters.Select(tp => map.TryGetValue(tp, out var n) ? n : tp.Name)) + ">";
}
