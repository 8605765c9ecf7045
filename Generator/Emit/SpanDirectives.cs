using System.Text;

namespace GoSharp.Generator.Emit;

/// <summary>
/// Finishes the C# 10 span directives of a generated file, once its indentation is final, so that positions in
/// the generated code map to the user's exact line and column (diagnostics, sequence points: breakpoints, and
/// the columns of stack traces).
/// </summary>
/// <remarks>
/// The compiler maps the first line after <c>#line (l1,c1)-(l2,c2) offset "file"</c> column for column, from
/// the line's column <c>offset</c> (1-based) onward to (l1,c1); every later line to the line below, at its own
/// column. So:
/// <list type="bullet">
/// <item>the offset is where the first line's text starts: the indentation the writers gave it;</item>
/// <item>the later lines of the same mapped text (a multi-line statement copied as written keeps the user's
/// own leading whitespace on them) lose that same indentation again, which puts them back at the user's
/// columns; this also keeps the content of multi-line verbatim strings exactly as written.</item>
/// </list>
/// A mapping ends at the next directive line. Machinery is under <c>#line hidden</c>.
/// </remarks>
internal static class SpanDirectives
{
    public static string Complete(string text)
    {
        if (text.IndexOf("#line (", System.StringComparison.Ordinal) < 0) return text;
        var lines = text.Split('\n');
        var sb = new StringBuilder(text.Length + 256);
        var strip = 0; // indentation to take off the later lines of the current mapping
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (i > 0) sb.Append('\n');
            if (line.Length > 0 && line[0] == '#')
            {
                strip = 0;
                var quote = line.IndexOf('"');
                if (line.StartsWith("#line (", System.StringComparison.Ordinal) && quote > 0 && i + 1 < lines.Length && !lines[i + 1].StartsWith("#", System.StringComparison.Ordinal))
                {
                    // #line (l1,c1)-(l2,c2) "file"  ->  #line (l1,c1)-(l2,c2) offset "file"; the first line keeps its
                    // indentation (the offset accounts for it), the later ones lose it.
                    var indent = LeadingSpaces(lines[i + 1]);
                    sb.Append(line, 0, quote).Append(indent + 1).Append(' ').Append(line, quote, line.Length - quote);
                    sb.Append('\n').Append(lines[++i]);
                    strip = indent;
                    continue;
                }
            }
            else if (strip > 0 && LeadingSpaces(line) >= strip)
            {
                sb.Append(line, strip, line.Length - strip);
                continue;
            }
            sb.Append(line);
        }
        return sb.ToString();
    }

    private static int LeadingSpaces(string line)
    {
        var n = 0;
        while (n < line.Length && line[n] == ' ') n++;
        return n;
    }
}
