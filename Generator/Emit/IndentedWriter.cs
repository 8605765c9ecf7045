using System.Text;

namespace GoSharp.Generator.Emit;

/// <summary>A small indented text writer; LF line endings, four spaces per level.</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _sb = new();
    private int _indent;

    public int Indent { get => _indent; set => _indent = value < 0 ? 0 : value; }

    public IndentedWriter Line(string text = "")
    {
        if (text.Length == 0) { _sb.Append('\n'); return this; }
        if (text[0] == '#') { _sb.Append(text).Append('\n'); return this; }   // preprocessor lines at column 0
        _sb.Append(' ', _indent * 4).Append(text).Append('\n');
        return this;
    }

    /// <summary>Writes multi-line text, each line at the current indentation (lines keep their own relative indentation).</summary>
    public IndentedWriter Lines(string text)
    {
        // Same as splitting on '\n' (after turning "\r\n" into "\n") and writing each piece with Line,
        // without allocating the pieces.
        var start = 0;
        while (true)
        {
            var nl = text.IndexOf('\n', start);
            var end = nl < 0 ? text.Length : nl;
            var len = end - start;
            if (nl >= 0 && len > 0 && text[end - 1] == '\r') len--;
            if (len == 0) _sb.Append('\n');
            else
            {
                if (text[start] != '#') _sb.Append(' ', _indent * 4);
                _sb.Append(text, start, len).Append('\n');
            }
            if (nl < 0) return this;
            start = nl + 1;
        }
    }

    public IndentedWriter Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return this;
    }

    public IndentedWriter Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    public bool IsEmpty => _sb.Length == 0;

    public override string ToString() => _sb.ToString();
}
