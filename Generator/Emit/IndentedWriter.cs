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
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (raw.Length == 0) { _sb.Append('\n'); continue; }
            Line(raw);
        }
        return this;
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
