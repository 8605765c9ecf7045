using System.Linq;
using Microsoft.CodeAnalysis;
using GoSharp.Generator.Lowering;
using Microsoft.CodeAnalysis.CSharp;

namespace GoSharp.Generator.Model;

/// <summary>
/// The text of a piece of the user's declaration (a parameter, a type parameter list, a constraint clause)
/// as the generated file repeats it. Preprocessor directives inside it are dropped with the text they
/// disabled: the generated code is written for the symbols this compilation was parsed with, and a
/// directive copied into the middle of a generated line does not compile.
/// <code>
/// before:  CountBy&lt;TSource, TKey&gt;(
///          #if !NET9_0_OR_GREATER
///              this
///          #endif
///              IEnumerable&lt;TSource&gt; source, ...)
/// after:   GoCountBy&lt;TSource, TKey&gt;(this IEnumerable&lt;TSource&gt; source, ...)   (NET9_0_OR_GREATER undefined)
/// </code>
/// </summary>
internal static class DeclarationText
{
    /// <summary>
    /// The text of <paramref name="node"/>; with <paramref name="model"/>, constants of file-local types in it
    /// become their values first (FileLocalTypes). <paramref name="withoutAttributes"/>: a parameter's text
    /// without its attribute lists.
    /// </summary>
    public static string Of(SyntaxNode node, SemanticModel? model = null, bool withoutAttributes = false, bool withoutThis = false)
    {
        if (model is not null && FileLocalTypes.DeclaredIn(node.SyntaxTree)) node = FileLocalTypes.InlineConstants(node, model);
        if (node is Microsoft.CodeAnalysis.CSharp.Syntax.ParameterSyntax p)
        {
            if (withoutAttributes) p = p.WithAttributeLists(default);
            // The directives around a removed `this` go with it (they are stripped below anyway).
            if (withoutThis) p = p.WithModifiers(SyntaxFactory.TokenList(p.Modifiers.Where(m => !m.IsKind(SyntaxKind.ThisKeyword))));
            node = p;
        }
        else if (withoutAttributes && node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeParameterListSyntax tpl)
        {
            node = tpl.WithParameters(SyntaxFactory.SeparatedList(tpl.Parameters.Select(t => t.WithAttributeLists(default)), tpl.Parameters.GetSeparators()));
        }
        return WithoutDirectives(node);
    }

    /// <summary>
    /// The attributes of <paramref name="parameter"/> that change what a call passes to it, written out for a
    /// launcher that repeats the parameter: without them <c>GoFormat(log, $"...")</c> would not make the handler
    /// <c>[InterpolatedStringHandlerArgument("log")]</c> describes (it would not compile), and caller information
    /// or an <c>[Optional]</c> parameter would not be filled in as for the method itself, and a null argument would
    /// warn where the method's <c>[AllowNull]</c> lets it (or not where <c>[DisallowNull]</c> forbids it). Other attributes stay
    /// the method's own (the launcher's parameters are written without attributes).
    /// </summary>
    public static string CallAttributes(IParameterSymbol? parameter)
    {
        if (parameter is null) return "";
        var text = new System.Text.StringBuilder();
        foreach (var a in parameter.GetAttributes())
        {
            if (a.AttributeClass is not { } type || !AffectsCalls(type)) continue;
            var args = a.ConstructorArguments.Select(Constant)
                .Concat(a.NamedArguments.Select(n => n.Key + " = " + Constant(n.Value)));
            text.Append('[').Append(type.Fq()).Append('(').Append(string.Join(", ", args)).Append(")] ");
        }
        return text.ToString();
    }

    /// <summary>
    /// The method's <c>[Obsolete]</c> and <c>[Experimental]</c>, written out for its launcher: <c>GoM(x)</c> uses the
    /// method as <c>M(x)</c> does, so it warns (CS0618, or the experimental diagnostic) where that call does, and
    /// a <c>#pragma</c> or <c>NoWarn</c> that allows one allows the other.
    /// </summary>
    public static string UseAttributes(IMethodSymbol method)
    {
        var text = new System.Text.StringBuilder();
        foreach (var a in method.GetAttributes())
        {
            if (a.AttributeClass is not { ContainingType: null } type) continue;
            var ns = type.ContainingNamespace?.ToDisplayString();
            if (!(ns == "System" && type.Name == "ObsoleteAttribute") && !(ns == "System.Diagnostics.CodeAnalysis" && type.Name == "ExperimentalAttribute")) continue;
            var args = a.ConstructorArguments.Select(Constant)
                .Concat(a.NamedArguments.Select(n => n.Key + " = " + Constant(n.Value)));
            text.Append('[').Append(type.Fq()).Append('(').Append(string.Join(", ", args)).Append(")]");
        }
        return text.ToString();
    }

    private static bool AffectsCalls(INamedTypeSymbol type) =>
        type.ContainingNamespace?.ToDisplayString() switch
        {
            "System.Runtime.CompilerServices" => type.Name is "InterpolatedStringHandlerArgumentAttribute" or "CallerMemberNameAttribute"
                or "CallerLineNumberAttribute" or "CallerFilePathAttribute" or "CallerArgumentExpressionAttribute"
                or "DecimalConstantAttribute" or "DateTimeConstantAttribute",
            "System.Runtime.InteropServices" => type.Name is "OptionalAttribute" or "DefaultParameterValueAttribute",
            // What a caller may pass as null: the launcher's call warns (CS8625, CS8604) where the method's does.
            // ([NotNull] on a value parameter promises the method throws on null; a launcher returns before its body
            // runs, so it cannot say that.)
            "System.Diagnostics.CodeAnalysis" => type.Name is "AllowNullAttribute" or "DisallowNullAttribute",
            _ => false,
        };

    private static string Constant(TypedConstant c) => c.Kind switch
    {
        TypedConstantKind.Array when c.IsNull => "null",
        TypedConstantKind.Array => $"new {((IArrayTypeSymbol)c.Type!).ElementType.Fq()}[] {{ {string.Join(", ", c.Values.Select(Constant))} }}",
        TypedConstantKind.Type when c.Value is ITypeSymbol t => $"typeof({t.Fq()})",
        TypedConstantKind.Primitive or TypedConstantKind.Enum when c.Value is not null && c.Type is not null => SymbolFacts.ConstantText(c.Type, c.Value),
        _ => c.IsNull ? "null" : c.ToCSharpString(),
    };

    private static string WithoutDirectives(SyntaxNode node)
    {
        if (!node.ContainsDirectives) return node.ToString();
        var dropped = node.DescendantTrivia(descendIntoTrivia: false)
            .Where(t => t.IsDirective || t.IsKind(SyntaxKind.DisabledTextTrivia));
        return node.ReplaceTrivia(dropped, static (_, _) => SyntaxFactory.Space).ToString();
    }
}
