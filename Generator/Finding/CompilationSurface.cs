using System;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace GoSharp.Generator.Finding;

/// <summary>
/// Everything of a compilation that the lowering of one method can read besides the method's own text
/// (<see cref="MethodFingerprint"/>), as a digest: every syntax tree without the bodies of its methods and accessors
/// (<see cref="TreeSurface"/>), each tree's path and parse options, the references, the compilation options and the
/// assembly name. Equal digests, equal fingerprints: equal lowerings (docs/generator.md, Pipeline, says why).
/// </summary>
/// <remarks>
/// The parse options, compilation options and references are compared by identity (<see cref="ObjectIds"/>): the
/// compiler and the IDE keep those objects while only documents change, and a new object with the same contents
/// only costs a lowering of every method, never a stale one. Each tree's part is cached on the tree, which stays the
/// same object while it is not edited, so an edit walks one tree (its declarations, not its bodies) and binds nothing.
/// </remarks>
internal sealed class CompilationSurface : IEquatable<CompilationSurface>
{
    private CompilationSurface(string digest, RunPayload payload)
    {
        Digest = digest;
        Payload = payload;
    }

    public string Digest { get; }

    /// <summary>This run's compilation (weakly), for the methods whose lowering reruns because the surface changed.</summary>
    public RunPayload Payload { get; }

    public static CompilationSurface Of(Compilation compilation, CancellationToken ct)
    {
        var sb = new StringBuilder();
        sb.Append(compilation.Language).Append('\n').Append(compilation.AssemblyName).Append('\n')
            .Append(ObjectIds.Of(compilation.Options)).Append('\n');
        foreach (var reference in compilation.References) sb.Append(ObjectIds.Of(reference)).Append(',');
        sb.Append('\n');
        foreach (var tree in compilation.SyntaxTrees)
        {
            ct.ThrowIfCancellationRequested();
            sb.Append(tree.FilePath).Append('\0').Append(ObjectIds.Of(tree.Options)).Append('\0').Append(TreeSurface.Digest(tree, ct)).Append('\n');
        }
        return new CompilationSurface(Sha256(sb.ToString()), new RunPayload(compilation, null));
    }

    internal static string Sha256(string text)
    {
        using var sha = SHA256.Create();
        return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text)));
    }

    public bool Equals(CompilationSurface? other) => other is not null && string.Equals(Digest, other.Digest, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as CompilationSurface);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Digest);
}

/// <summary>A number per live object, never reused: identity without keeping the object alive.</summary>
internal static class ObjectIds
{
    private static readonly ConditionalWeakTable<object, StrongBox<long>> s_ids = new();
    private static long s_last;

    public static long Of(object o) =>
        s_ids.GetValue(o, static _ => new StrongBox<long>(Interlocked.Increment(ref s_last))).Value;
}
