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
        return WithoutDirectives(node);
    }

    private static string WithoutDirectives(SyntaxNode node)
    {
        if (!node.ContainsDirectives) return node.ToString();
        var dropped = node.DescendantTrivia(descendIntoTrivia: false)
            .Where(t => t.IsDirective || t.IsKind(SyntaxKind.DisabledTextTrivia));
        return node.ReplaceTrivia(dropped, static (_, _) => SyntaxFactory.Space).ToString();
    }
}
