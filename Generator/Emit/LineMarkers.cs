using System.Globalization;
using System.Text;

namespace GoSharp.Generator.Emit;

/// <summary>
/// Line numbers in the lowered text, written relative to the method so that the lowering's output does not change
/// when lines are inserted above the method (docs/generator.md, Pipeline): the lowering writes a marker, the emitter
/// turns it into the file's line once it knows where the method starts.
/// </summary>
/// <remarks>
/// A marker is <c>\u0001</c>, the decimal offset from the method's first line, <c>\u0002</c>. The two control
/// characters cannot come from anywhere but the method's own text (identifiers cannot hold them, and constants
/// are written escaped); a method whose text holds one is lowered with plain line numbers instead
/// (<c>MethodFingerprint.AbsoluteLine</c>), so a marker in the lowered text is always one of ours.
/// </remarks>
internal static class LineMarkers
{
    public const char Start = '\u0001';
    public const char End = '\u0002';

    public static string Relative(int offset) => Start + offset.ToString(CultureInfo.InvariantCulture) + End;

    /// <summary>Whether text holds a character of the marker syntax (then it cannot be lowered with markers).</summary>
    public static bool Collides(string text) => text.IndexOf(Start) >= 0 || text.IndexOf(End) >= 0;

    /// <summary>Replaces every marker by its offset plus <paramref name="firstLine"/>, the method's first line (1-based);
    /// 0 for a model lowered with plain line numbers, whose text is left as it is (its own text may hold the characters).</summary>
    public static string Resolve(string text, int firstLine)
    {
        if (firstLine == 0) return text;
        var at = text.IndexOf(Start);
        if (at < 0) return text;
        var sb = new StringBuilder(text.Length);
        var from = 0;
        while (at >= 0)
        {
            var end = text.IndexOf(End, at + 1);
            var offset = int.Parse(text.Substring(at + 1, end - at - 1), NumberStyles.None, CultureInfo.InvariantCulture);
            sb.Append(text, from, at - from).Append((offset + firstLine).ToString(CultureInfo.InvariantCulture));
            from = end + 1;
            at = text.IndexOf(Start, from);
        }
        return sb.Append(text, from, text.Length - from).ToString();
    }
}
