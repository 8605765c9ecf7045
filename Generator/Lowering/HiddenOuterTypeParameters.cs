using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// A nested type's type parameter named like a containing type's (warning CS0693: <c>class Graph&lt;T&gt; { class
/// Vertex&lt;T&gt; { ... } }</c>) hides the outer one inside the nested type, where the frame and the launcher are
/// written: there <c>T</c> is the vertex's, so <c>global::Graph&lt;T&gt;.Vertex&lt;T&gt;</c> names another type
/// than <c>this</c>'s (CS1503 in generated code, Advanced.Algorithms' <c>Graph&lt;T&gt;.GraphVertex&lt;T&gt;</c>).
/// </summary>
/// <remarks>
/// Unlike a method's type parameter (<see cref="ShadowedTypeParameterNames"/>), the nested type's cannot be renamed:
/// the generated part of a partial type must repeat its type parameters' names (CS0264). The user's own code inside
/// the nested type never names the outer T either; it reaches the types that carry it through simple names, which
/// C# looks up in the containing types' instance types. While a goroutine's frame and launcher are written
/// (<see cref="Enter"/>, FrameModelBuilder.Build), a type that mentions a hidden type parameter is written so too:
/// a type nested in one of the containing types' instance types by its simple name, when no nearer type or type
/// parameter of that name is in the way (<c>Vertex&lt;T&gt;</c>, <c>Sibling</c>); one that names the hidden type
/// parameter otherwise (a local of type <c>List&lt;T&gt;</c> of the graph's T) cannot be written from inside the nested
/// type at all, and the method is refused (GOSH0010, at its name) instead of given code that would mean another type.
/// <code>
/// before: _this is a global::Graph&lt;T&gt;.Vertex&lt;T&gt;          (both T the vertex's: CS1503)
/// after:  _this is a Vertex&lt;T&gt;                              (Graph's T found through Graph's instance type)
/// </code>
/// </remarks>
internal static class HiddenOuterTypeParameters
{
    [ThreadStatic] private static Context? t_current;

    /// <summary>The hidden type parameters of the type the generated code is written in, or null when there are none.</summary>
    public static Context? Current => t_current;

    /// <summary>
    /// Opens the scope in which types are written from inside <paramref name="method"/>'s containing type; it changes
    /// nothing unless a containing type's type parameter is hidden there.
    /// </summary>
    public static Scope Enter(IMethodSymbol method) => new(Context.For(method));

    /// <summary>Restores, when disposed, the context in force when it was made.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly Context? _saved;

        public Scope(Context? context)
        {
            _saved = t_current;
            t_current = context;
        }

        public void Dispose() => t_current = _saved;
    }

    /// <summary>The type a frame's text cannot name from inside the nested type; the method is refused (GOSH0010).</summary>
    public sealed class UnnameableTypeException : Exception
    {
        public UnnameableTypeException(ITypeSymbol type, ITypeParameterSymbol hidden)
            : base($"The type '{type.ToDisplayString()}' names the type parameter '{hidden.Name}' of '{hidden.ContainingType?.Name}', which a type parameter of the same name hides where the goroutine's frame is written (warning CS0693)")
        { }
    }

    /// <summary>GOSH0010's message for a type <see cref="Context.Write"/> could not write.</summary>
    public static string Refusal(UnnameableTypeException ex) =>
        Diagnostics.DiagnosticDescriptors.NotSupported(ex.Message, "rename the nested type's type parameter, or give the value a type the nested type can name");

    public sealed class Context
    {
        private readonly List<INamedTypeSymbol> _chain;   // the containing types, innermost first
        private readonly HashSet<ITypeParameterSymbol> _hidden;
        private readonly HashSet<string> _methodTypeParameterNames;

        private Context(List<INamedTypeSymbol> chain, HashSet<ITypeParameterSymbol> hidden, HashSet<string> methodNames)
        {
            _chain = chain;
            _hidden = hidden;
            _methodTypeParameterNames = methodNames;
        }

        public static Context? For(IMethodSymbol method)
        {
            var chain = new List<INamedTypeSymbol>();
            for (var t = method.ContainingType; t is not null; t = t.ContainingType) chain.Add(t.OriginalDefinition);
            var hidden = new HashSet<ITypeParameterSymbol>(SymbolEqualityComparer.Default);
            for (var k = 1; k < chain.Count; k++)
                foreach (var tp in chain[k].TypeParameters)
                    if (chain.Take(k).Any(inner => inner.TypeParameters.Any(p => p.Name == tp.Name)))
                        hidden.Add(tp);
            return hidden.Count == 0 ? null
                : new Context(chain, hidden, new HashSet<string>(method.TypeParameters.Select(p => p.Name), StringComparer.Ordinal));
        }

        /// <summary>Whether <paramref name="type"/> names a hidden type parameter anywhere in it.</summary>
        public bool Mentions(ITypeSymbol type) => FirstHidden(type) is not null;

        private ITypeParameterSymbol? FirstHidden(ITypeSymbol type)
        {
            switch (type)
            {
                case ITypeParameterSymbol tp:
                    return _hidden.Contains(tp.OriginalDefinition) ? tp : null;
                case IArrayTypeSymbol a:
                    return FirstHidden(a.ElementType);
                case IPointerTypeSymbol p:
                    return FirstHidden(p.PointedAtType);
                case INamedTypeSymbol n:
                    foreach (var arg in n.TypeArguments)
                        if (FirstHidden(arg) is { } found) return found;
                    return n.ContainingType is { } container ? FirstHidden(container) : null;
                default:
                    return null;
            }
        }

        /// <summary><paramref name="type"/> as the code inside the nested type names it (see the type's remarks).</summary>
        public string Write(ITypeSymbol type)
        {
            if (!Mentions(type)) return type.Fq();
            var nullable = type.NullableAnnotation == NullableAnnotation.Annotated && !type.IsValueType ? "?" : "";
            switch (type)
            {
                case IArrayTypeSymbol a:
                    return Write(a.ElementType) + "[" + new string(',', a.Rank - 1) + "]" + nullable;
                case INamedTypeSymbol { IsTupleType: false } n when n.ContainingType is { } container && ChainIndex(container) is int m && IsReachable(n, m):
                    return n.Name + Arguments(n) + nullable;
                case INamedTypeSymbol { IsTupleType: false } n when n.ContainingType is null || !Mentions(n.ContainingType):
                {
                    // A type declared elsewhere whose type arguments carry the hidden parameter: its own name as C#
                    // writes it fully qualified, then the arguments written here (Nullable<X> and X? alike).
                    var qualifier = n.ContainingType is { } outer ? outer.Fq() + "."
                        : n.ContainingNamespace is { IsGlobalNamespace: false } ns ? "global::" + ns.ToDisplayString() + "."
                        : "global::";
                    return qualifier + n.Name + Arguments(n) + nullable;
                }
                default:
                    throw new UnnameableTypeException(type, FirstHidden(type)!);
            }
        }

        private string Arguments(INamedTypeSymbol n) =>
            n.TypeArguments.Length == 0 ? "" : "<" + string.Join(", ", n.TypeArguments.Select(Write)) + ">";

        /// <summary>The index in the chain of the type <paramref name="container"/> is the instance type of, or null.</summary>
        private int? ChainIndex(INamedTypeSymbol container)
        {
            if (!SymbolEqualityComparer.Default.Equals(container, container.OriginalDefinition)) return null;
            var i = _chain.FindIndex(c => SymbolEqualityComparer.Default.Equals(c, container.OriginalDefinition));
            return i < 0 ? null : i;
        }

        /// <summary>
        /// Whether the simple name of <paramref name="n"/>, a type nested in the chain's type <paramref name="m"/>,
        /// finds it from inside the frame: no type parameter (of the method or of a nearer type) and no type nested in
        /// a nearer type has that name and arity.
        /// </summary>
        private bool IsReachable(INamedTypeSymbol n, int m)
        {
            if (n.Arity == 0 && _methodTypeParameterNames.Contains(n.Name)) return false;
            for (var j = 0; j < m; j++)
            {
                if (n.Arity == 0 && _chain[j].TypeParameters.Any(p => p.Name == n.Name)) return false;
                if (_chain[j].GetTypeMembers(n.Name, n.Arity).Length > 0) return false;
            }
            return !(n.Arity == 0 && _chain[m].TypeParameters.Any(p => p.Name == n.Name));
        }
    }
}
