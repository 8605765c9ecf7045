using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GoSharp.Generator.Model;

/// <summary>A source position that compares by value (no <see cref="Location"/> kept in the pipeline).</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo From(SyntaxNode node) => From(node.GetLocation());

    public static LocationInfo From(Location location) =>
        new(location.SourceTree?.FilePath ?? location.GetLineSpan().Path, location.SourceSpan, location.GetLineSpan().Span);
}

/// <summary>A diagnostic to report: its descriptor's id, where, and message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo Location, EquatableArray<string> Args);
