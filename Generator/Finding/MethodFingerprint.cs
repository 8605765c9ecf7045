using System;
using System.Linq;
using System.Threading;
using GoSharp.Generator.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace GoSharp.Generator.Finding;

/// <summary>
/// A [Goroutine] method as its lowering reads it, with no position in it: its file and its own text, from the start
/// of the line of its first token (attribute lists included) to the end of its trailing trivia, so that every column
/// in it is fixed by the text itself and every line is a fixed offset from its first. The lines of leading trivia
/// above it (comments, blank lines) are left out: the lowering does not read them, and a directive among them is part
/// of the surface. Two methods with equal fingerprints in compilations with equal
/// <see cref="CompilationSurface"/>s lower to the same text (docs/generator.md, Pipeline).
/// </summary>
internal sealed class MethodFingerprint : IEquatable<MethodFingerprint>
{
    private readonly int _hash;

    private MethodFingerprint(string filePath, string containers, string text, int absoluteLine)
    {
        FilePath = filePath;
        Containers = containers;
        Text = text;
        AbsoluteLine = absoluteLine;
        _hash = unchecked(((StringComparer.Ordinal.GetHashCode(filePath) * 31 + StringComparer.Ordinal.GetHashCode(containers)) * 31
            + StringComparer.Ordinal.GetHashCode(text)) * 31 + absoluteLine);
    }

    public string FilePath { get; }

    /// <summary>
    /// The namespaces and types around the method (names, keywords, type parameters): the same text in two types is two
    /// methods, and the driver, which compares a value with the one at the same place in its last run, must not take
    /// one for the other when methods are added or removed above them.
    /// </summary>
    public string Containers { get; }

    public string Text { get; }

    /// <summary>
    /// -1, normally. A method whose text holds a character of <see cref="LineMarkers"/>, or whose file has a <c>#line</c>
    /// directive, is lowered with plain line numbers; then its first line is part of its identity, and moving it
    /// lowers it again.
    /// </summary>
    public int AbsoluteLine { get; }

    public bool LinesRelative => AbsoluteLine < 0;

    /// <summary>The fingerprint of a declaration, and the 0-based line it starts on.</summary>
    public static MethodFingerprint Of(MethodDeclarationSyntax decl, CancellationToken ct, out int firstLine)
    {
        var tree = decl.SyntaxTree;
        var source = tree.GetText(ct);
        var line = source.Lines.GetLineFromPosition(decl.SpanStart);
        firstLine = line.LineNumber;
        var text = source.ToString(TextSpan.FromBounds(line.Start, decl.FullSpan.End));
        // A file with a #line directive of its own: the lines written are the ones it maps to, which moving the
        // method does not shift alike, so they are written as they are.
        var relative = !LineMarkers.Collides(text) && !LineMarkers.Collides(tree.FilePath) && !tree.GetLineMappings(ct).Any();
        return new MethodFingerprint(tree.FilePath, ContainersOf(decl), text, relative ? -1 : firstLine);
    }

    private static string ContainersOf(MethodDeclarationSyntax decl)
    {
        var sb = new System.Text.StringBuilder();
        for (var a = decl.Parent; a is not null; a = a.Parent)
        {
            switch (a)
            {
                case TypeDeclarationSyntax t:
                    sb.Append(t.Modifiers.Any(SyntaxKind.UnsafeKeyword) ? "unsafe " : "").Append(t.Keyword.Text).Append(' ').Append(t.Identifier.Text).Append(t.TypeParameterList?.ToString());
                    // A C# 14 extension block has no name: its receiver tells two blocks apart.
                    if (t.Identifier.RawKind == 0 || t.Identifier.Text.Length == 0) sb.Append(t.ParameterList?.ToString());
                    sb.Append(';');
                    break;
                case BaseNamespaceDeclarationSyntax n:
                    sb.Append("namespace ").Append(n.Name.ToString()).Append(';');
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>The 0-based line a declaration's fingerprint starts on.</summary>
    public static int FirstLine(MethodDeclarationSyntax decl, CancellationToken ct) =>
        decl.SyntaxTree.GetText(ct).Lines.GetLineFromPosition(decl.SpanStart).LineNumber;

    public bool Equals(MethodFingerprint? other) =>
        ReferenceEquals(this, other)
        || other is not null && _hash == other._hash && AbsoluteLine == other.AbsoluteLine
           && string.Equals(FilePath, other.FilePath, StringComparison.Ordinal) && string.Equals(Containers, other.Containers, StringComparison.Ordinal)
           && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as MethodFingerprint);

    public override int GetHashCode() => _hash;
}
