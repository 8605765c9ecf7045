using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Argument lists the lowering writes itself (an awaiter factory's, a nested goroutine's frame constructor's), joined
/// so that each argument starts on the line it starts on in the user's call. The call's span directive maps the
/// lines after its first one to one, so an argument the user wrote on a later line keeps that line for
/// <c>[CallerLineNumber]</c>, sequence points and stack traces:
/// <code>
/// var y = Tw(             _aw0 = Cases.GetTwAwaiter&lt;int&gt;(
///     LI(3));      ==&gt;        Cases.LI(3));           // LI's caller line is the second, as in the plain call
/// </code>
/// </summary>
internal static class ArgumentLines
{
    /// <summary>
    /// <paramref name="head"/> (the text from the call's first line up to its first argument) followed by the
    /// arguments, separated by commas, each after the line breaks it needs to start on its source line; an argument
    /// with no source (a default, caller information) or one the text is already past goes where it falls.
    /// </summary>
    public static string Join(SyntaxNode call, string head, IEnumerable<(SyntaxNode? Source, string Text)> arguments)
    {
        var tree = call.SyntaxTree;
        var first = tree.GetLineSpan(call.Span).StartLinePosition.Line;
        var text = new StringBuilder(head);
        var line = first + Breaks(head);
        var separator = "";
        foreach (var (source, argument) in arguments)
        {
            text.Append(separator);
            separator = ", ";
            if (source is not null && source.SyntaxTree == tree)
            {
                var wanted = tree.GetLineSpan(source.Span).StartLinePosition.Line;
                for (; line < wanted; line++) text.Append('\n');
            }
            text.Append(argument);
            line += Breaks(argument);
        }
        return text.ToString();
    }

    /// <summary>
    /// The same for arguments that are joined later (a frame's constructor or factory, in parameter order): each
    /// text in <paramref name="texts"/> whose source starts on a later line than the text before it ends gets the
    /// line breaks in front of it. <paramref name="sources"/> runs beside <paramref name="texts"/> (null: no source).
    /// </summary>
    public static void Place(SyntaxNode call, List<string> texts, IReadOnlyList<SyntaxNode?> sources)
    {
        var tree = call.SyntaxTree;
        var line = tree.GetLineSpan(call.Span).StartLinePosition.Line;
        for (var i = 0; i < texts.Count; i++)
        {
            var own = Breaks(texts[i]);
            if (i < sources.Count && sources[i] is { } source && source.SyntaxTree == tree)
            {
                var wanted = tree.GetLineSpan(source.Span).StartLinePosition.Line;
                if (wanted > line)
                {
                    texts[i] = new string('\n', wanted - line) + texts[i];
                    line = wanted;
                }
            }
            line += own;
        }
    }

    /// <summary>
    /// The line breaks that put <paramref name="source"/>'s text on its source line when the lowering writes it after
    /// <paramref name="head"/>, which starts on the line of <paramref name="start"/> (a position in the same tree):
    /// a compound assignment's right side written after <c>x = (int)(_t0 +</c>, a <c>do</c> loop's condition after
    /// <c>if (!(</c>, when the user wrote it on a later line than the assignment or the <c>while</c>.
    /// <code>
    /// x +=                     _l0_x = (int)(_t0 +
    ///     LI(Tw(0));     ==&gt;       Cases.LI(_r0));       // LI's caller line is the second, as in the plain call
    /// </code>
    /// </summary>
    public static string Lead(SyntaxNode source, int start, string head)
    {
        var tree = source.SyntaxTree;
        var missing = tree.GetLineSpan(source.Span).StartLinePosition.Line - tree.GetLineSpan(new Microsoft.CodeAnalysis.Text.TextSpan(start, 0)).StartLinePosition.Line - Breaks(head);
        return missing > 0 ? new string('\n', missing) : "";
    }

    /// <summary>
    /// Elements the lowering joins itself (a <c>params</c> array's, built for a nested goroutine's frame): each after
    /// the line breaks that keep it as many lines after the first element as in the user's call.
    /// </summary>
    public static string JoinElements(IEnumerable<(SyntaxNode? Source, string Text)> elements)
    {
        var text = new StringBuilder();
        int? line = null;
        foreach (var (source, element) in elements)
        {
            if (text.Length > 0) text.Append(", ");
            if (source is not null)
            {
                var wanted = source.SyntaxTree.GetLineSpan(source.Span).StartLinePosition.Line;
                line ??= wanted;
                for (; line < wanted; line++) text.Append('\n');
            }
            text.Append(element);
            line += Breaks(element);
        }
        return text.ToString();
    }

    private static int Breaks(string text) => text.Count(c => c == '\n');
}
