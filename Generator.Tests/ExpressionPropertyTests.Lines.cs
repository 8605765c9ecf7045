using System;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GoSharp.Generator.Tests;

// The line oracle (issue 8): the drawn expressions call Ln and Ln2, R's members below that log the line their call is
// on ([CallerLineNumber]) and, for Ln2, the text of its second argument ([CallerArgumentExpression]), and every drawn
// method's text gets random line breaks between its tokens (LineBreaks, with GOSHARP_LINE_BREAKS=1). A statement spread over several lines whose
// copy in the frame lost a line break, or a copied block without a span directive of its own, logs another line as a
// goroutine than as a plain call: the runs' logs differ. The breaks come from a seed drawn with the batch, so CsCheck's
// seed of a failing batch gives back the same program.
public partial class ExpressionPropertyTests
{
    /// <summary>The class R up to its drawn methods: what their expressions call and read, the line oracle's members last.</summary>
    private const string Header = HeaderMembers + LineMembers;

    /// <summary>R's members that log their call's line.</summary>
    private const string LineMembers =
        """
            static int Ln(Log log, int v, [CallerLineNumber] int line = 0) { log.Add("ln" + v + "@" + line); return v; }

            // The argument's text with its whitespace collapsed: a line break the frame's copy keeps at another
            // indentation is the same text; a temporary in place of the argument is not.
            static int Ln2(Log log, int v, int w, [CallerLineNumber] int line = 0, [CallerArgumentExpression(nameof(w))] string e = "")
            {
                log.Add("ln" + v + "," + w + "@" + line + ":" + string.Join(" ", e.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
                return v + w;
            }

        """;

    /// <summary>
    /// <paramref name="text"/> with a line break after about one token in six, where C# allows one: between tokens
    /// already apart (whitespace between them) or beside a bracket, comma or semicolon. Never inside a token (a string
    /// literal, an interpolated string, whose holes the lexer keeps inside its one token), nor between two tokens the
    /// parser joins when they touch (<c>&gt;</c> <c>&gt;</c> of a shift, <c>?</c> <c>[</c> of a conditional access), nor
    /// beside a preprocessor line.
    /// </summary>
    internal static string LineBreaks(string text, int seed)
    {
        // Off unless GOSHARP_LINE_BREAKS is set: the breaks still find lines the generator gets wrong (see
        // docs/generator-tests.md), which would fail the suite's runs at random; the Ln calls always run.
        if (Environment.GetEnvironmentVariable("GOSHARP_LINE_BREAKS") is null or "" or "0") return text;
        var random = new Random(seed);
        var written = new StringBuilder(text.Length + text.Length / 16);
        SyntaxToken previous = default;
        foreach (var token in SyntaxFactory.ParseTokens(text))
        {
            if (previous.RawKind != 0 && Breakable(previous, token) && random.Next(6) == 0) written.Append('\n');
            written.Append(token.ToFullString());
            previous = token;
        }
        return written.ToString();
    }

    private static bool Breakable(SyntaxToken previous, SyntaxToken next)
    {
        if (next.IsKind(SyntaxKind.EndOfFileToken)) return false;
        if (previous.TrailingTrivia.Concat(next.LeadingTrivia).Any(t => t.IsDirective || t.IsKind(SyntaxKind.DisabledTextTrivia))) return false;
        if (previous.IsKind(SyntaxKind.QuestionToken)) return false;
        if (previous.HasTrailingTrivia || next.HasLeadingTrivia) return true;
        return previous.Kind() is SyntaxKind.OpenParenToken or SyntaxKind.OpenBraceToken or SyntaxKind.OpenBracketToken or SyntaxKind.CommaToken or SyntaxKind.SemicolonToken or SyntaxKind.CloseBraceToken
            || next.Kind() is SyntaxKind.CloseParenToken or SyntaxKind.CloseBraceToken or SyntaxKind.CloseBracketToken or SyntaxKind.CommaToken or SyntaxKind.SemicolonToken;
    }
}
