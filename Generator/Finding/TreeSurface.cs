using System;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Finding;

/// <summary>
/// The part of one syntax tree that the binding and lowering of a method in any tree can depend on: its tokens and
/// directives, less the bodies of ordinary methods and of accessors (and expression-bodied properties).
/// </summary>
/// <remarks>
/// What a body cannot change is what the lowering of another method cannot see: binding a body reads declarations
/// (signatures, attributes, usings, constants and initializers, default values), never another method's body. What a
/// stripped body still shows, it shows here:
/// <list type="bullet">
/// <item>every directive in it (<c>#nullable</c>, <c>#pragma warning</c>, <c>#if</c> ... change the code after them,
/// in other bodies too);</item>
/// <item>that it exists (a partial method without one, <c>GOSH0003</c>) and whether it makes an attributed method an
/// iterator (<c>SymbolFacts.IsGeneratedGoroutine</c> reads that of a callee);</item>
/// <item>an accessor that uses <c>field</c> is kept whole (it declares a backing field), and so is every member of a
/// struct with a primary constructor (a body's use of a parameter declares a field: the struct's layout) and of a
/// struct not declared readonly (whether a member writes to the instance decides GOSH0014 for its callers).</item>
/// </list>
/// Constructor, operator, conversion and destructor bodies are kept (the lowering reads a created type's
/// initializers through them). Trivia other than directives is left out, so a comment or a blank line in a body
/// above a method changes nothing here. The result is cached on the tree.
/// </remarks>
internal static class TreeSurface
{
    private static readonly ConditionalWeakTable<SyntaxTree, string> s_digests = new();

    public static string Digest(SyntaxTree tree, CancellationToken ct)
    {
        if (s_digests.TryGetValue(tree, out var digest)) return digest;
        digest = CompilationSurface.Sha256(Text(tree, ct));
        try
        {
            s_digests.Add(tree, digest);
        }
        catch (ArgumentException)
        {
            // Another thread computed it meanwhile: the same text.
        }
        return digest;
    }

    /// <summary>The surface's text (its digest is cached; tests compare texts).</summary>
    internal static string Text(SyntaxTree tree, CancellationToken ct)
    {
        var walker = new Walker(tree.GetText(ct).ToString(), ct);
        walker.Node(tree.GetRoot(ct), strip: true);
        return walker.Result.ToString();
    }

    private sealed class Walker
    {
        private readonly string _source;
        private readonly CancellationToken _ct;

        public Walker(string source, CancellationToken ct)
        {
            _source = source;
            _ct = ct;
        }

        public StringBuilder Result { get; } = new();

        public void Node(SyntaxNode node, bool strip)
        {
            _ct.ThrowIfCancellationRequested();
            // ... and where it is: its frame's line directives are written as they are (not relative).
            if (node is MethodDeclarationSyntax { Body: not null } or MethodDeclarationSyntax { ExpressionBody: not null } && ((MethodDeclarationSyntax)node).Modifiers.Any(SyntaxKind.PartialKeyword))
                Result.Append("@line ").Append(node.SyntaxTree.GetLineSpan(node.Span).StartLinePosition.Line).Append(' ');
            // A struct with a primary constructor: what its bodies capture is its layout. A struct not declared
            // readonly: whether its members' bodies write to the instance decides whether its other [Goroutine]
            // methods that call them are refused (Model.StructThisWrites).
            if (node is StructDeclarationSyntax { ParameterList: not null } or RecordDeclarationSyntax { ParameterList: not null, ClassOrStructKeyword.RawKind: (int)SyntaxKind.StructKeyword })
                strip = false;
            if (node is StructDeclarationSyntax or RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: (int)SyntaxKind.StructKeyword }
                && !((TypeDeclarationSyntax)node).Modifiers.Any(SyntaxKind.ReadOnlyKeyword))
                strip = false;
            foreach (var child in node.ChildNodesAndTokens())
            {
                if (child.IsToken)
                {
                    Token(child.AsToken());
                    continue;
                }
                var c = child.AsNode()!;
                if (strip && IsStrippedBody(node, c)) Stripped(node, c);
                else Node(c, strip);
            }
        }

        private bool IsStrippedBody(SyntaxNode parent, SyntaxNode child)
        {
            if (child is not (BlockSyntax or ArrowExpressionClauseSyntax)) return false;
            return parent switch
            {
                // A partial method's implementation is kept whole: [Goroutine] on its definition (perhaps in
                // another file) lowers this body (FrameModelBuilder.Build).
                MethodDeclarationSyntax m => !m.Modifiers.Any(SyntaxKind.PartialKeyword),
                AccessorDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax => !Mentions(child, "field") && !Mentions(child, "\\"),
                _ => false,
            };
        }

        private void Stripped(SyntaxNode owner, SyntaxNode body)
        {
            Result.Append(body is BlockSyntax ? "{} " : "=> ");
            if (owner is MethodDeclarationSyntax { AttributeLists.Count: > 0 } && (Mentions(body, "yield") || Mentions(body, "\\")) && IsIterator(body))
                Result.Append("yield ");
            if (!body.ContainsDirectives) return;
            foreach (var trivia in body.DescendantTrivia(static n => n.ContainsDirectives))
                if (trivia.IsDirective) Result.Append(trivia.ToFullString());
        }

        private void Token(SyntaxToken token)
        {
            if (token.ContainsDirectives) Directives(token.LeadingTrivia);
            Result.Append(token.Text).Append(' ');
            if (token.ContainsDirectives) Directives(token.TrailingTrivia);
        }

        private void Directives(SyntaxTriviaList trivia)
        {
            foreach (var t in trivia)
                if (t.IsDirective) Result.Append(t.ToFullString());
        }

        /// <summary>A cheap text search first: the node's source holds the word somewhere (a keyword spelt with a unicode
        /// escape is looked for by its backslash).</summary>
        private bool Mentions(SyntaxNode node, string word)
        {
            var span = node.Span;
            return _source.IndexOf(word, span.Start, span.Length, StringComparison.Ordinal) >= 0;
        }

        /// <summary>A yield statement outside lambdas and local functions (as <c>SymbolFacts.IsIterator</c>).</summary>
        private static bool IsIterator(SyntaxNode body)
        {
            foreach (var n in body.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
                if (n is YieldStatementSyntax) return true;
            return false;
        }
    }
}
