using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Preprocessor directives in copied code. The lowering splits a statement into pieces (temporaries, suspension
/// states), so an <c>#if</c> would lose its <c>#endif</c>: directives go. A user's <c>#line</c> (a template
/// engine's: Razor, T4) decides the file and line of the code after it, for [CallerLineNumber], [CallerFilePath]
/// and sequence points, so it is written again, on a line of its own, as what it means at its place:
/// <code>
/// before:  var s = A(n)                       after:  _l0_s = _t0
///          #line 70 "c.cshtml"                         #line 70 "/src/Views/c.cshtml" // the user's #line
///              + A(Tw(n));                                 + A(_r0);
/// </code>
/// </summary>
internal sealed partial class Renamer
{
    /// <summary>
    /// The rewritten node without preprocessor directives and the text they disabled: the code was parsed under
    /// the active symbols already, and the lowering splits expressions into pieces, where an <c>#if</c> would
    /// lose its <c>#endif</c>. A <c>#line</c> directive inside the node (a template engine's, between the operands
    /// of an expression) is the exception when <paramref name="lineDirective"/> is given: it decides the line and
    /// file of the code after it ([CallerLineNumber], [CallerFilePath], sequence points), so it is written again as
    /// <paramref name="lineDirective"/> says the original means at its place (<see cref="MethodLowerer"/>'s
    /// <c>LineDirectiveAt</c>): in the frame's file a <c>#line default</c> would mean the generated file, and a
    /// relative file name would be read relative to it.
    /// </summary>
    public static SyntaxNode WithoutDirectives(SyntaxNode original, SyntaxNode rewritten, System.Func<SyntaxTrivia, string?>? lineDirective = null)
    {
        if (!original.ContainsDirectives) return rewritten;
        // The rewriter keeps the directives' order (pieces it replaces take theirs along or drop them), so each
        // #line left in the rewritten node is the next one of the original with the same text.
        var originals = lineDirective is null ? new List<SyntaxTrivia>() : original.DescendantTrivia(descendIntoTrivia: false).Where(IsLineDirective).ToList();
        var next = 0;
        var translated = new Dictionary<SyntaxTrivia, string>();
        foreach (var t in rewritten.DescendantTrivia(descendIntoTrivia: false).Where(IsLineDirective))
        {
            var text = t.ToFullString().Trim();
            // One written again already, in a piece's text that was parsed into this one (a temporary's replacement,
            // an argument list made anew).
            if (text.EndsWith(WrittenAgain, System.StringComparison.Ordinal)) { translated[t] = AtLineStart(t) ? text : "\n" + text; continue; }
            var at = originals.FindIndex(next, o => o.ToFullString().Trim() == text);
            if (at < 0) continue;
            next = at + 1;
            if (lineDirective!(originals[at]) is { } again) translated[t] = "\n" + again;
        }
        return rewritten.ReplaceTrivia(
            rewritten.DescendantTrivia(descendIntoTrivia: false).Where(t => (t.IsDirective || t.IsKind(SyntaxKind.DisabledTextTrivia)) && !IsWrittenAgain(t)),
            // On a line of its own (the text before it may have been joined onto its line); a directive ends its line.
            (t, _) => translated.TryGetValue(t, out var again) ? SyntaxFactory.DisabledText(again + "\n") : LineEndsOf(t));
    }

    /// <summary>
    /// What a dropped directive (or the text it disabled) leaves: its line ends, so that the code below it in the same
    /// statement keeps its lines ([CallerLineNumber], sequence points), or a space.
    /// </summary>
    private static SyntaxTrivia LineEndsOf(SyntaxTrivia dropped)
    {
        var lines = dropped.ToFullString().Count(c => c == '\n');
        return lines == 0 ? SyntaxFactory.Space : SyntaxFactory.DisabledText(new string('\n', lines));
    }

    /// <summary>The comment that ends a user's <c>#line</c> written again for the frame's file.</summary>
    public const string WrittenAgain = "// the user's #line";

    private static SyntaxTriviaList LineEndsIn(SyntaxNode node, string replacement)
    {
        var span = node.SyntaxTree.GetLineSpan(node.Span);
        var lines = span.EndLinePosition.Line - span.StartLinePosition.Line - replacement.Count(c => c == '\n');
        return lines <= 0 ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(Enumerable.Repeat(SyntaxFactory.EndOfLine("\n"), lines));
    }

    /// <summary>A user's <c>#line</c> (one the rewriter visits) written again at once, as <see cref="WithoutDirectives"/> would.</summary>
    public override SyntaxTrivia VisitTrivia(SyntaxTrivia trivia) =>
        IsLineDirective(trivia) && trivia.SyntaxTree == Model.SyntaxTree && _owner.LineDirectiveAt(trivia) is { } again
            ? SyntaxFactory.DisabledText("\n" + again + "\n")
            : base.VisitTrivia(trivia);

    /// <summary>
    /// Whether a directive starts its line already (after an end of line, or the directive before it): another line
    /// put before it would count, and the plain directive that a hidden one leans on must be on the line just above.
    /// </summary>
    private static bool AtLineStart(SyntaxTrivia directive)
    {
        var list = directive.Token.LeadingTrivia;
        var i = list.IndexOf(directive) - 1;
        while (i >= 0 && list[i].IsKind(SyntaxKind.WhitespaceTrivia)) i--;
        return i >= 0 && (list[i].IsKind(SyntaxKind.EndOfLineTrivia) || list[i].IsDirective);
    }

    private static bool IsWrittenAgain(SyntaxTrivia t) => t.IsKind(SyntaxKind.DisabledTextTrivia) && t.ToString().Contains(WrittenAgain);

    private static bool IsLineDirective(SyntaxTrivia t) => t.IsKind(SyntaxKind.LineDirectiveTrivia) || t.IsKind(SyntaxKind.LineSpanDirectiveTrivia);
}
