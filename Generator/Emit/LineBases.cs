using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using GoSharp.Generator.Finding;

namespace GoSharp.Generator.Emit;

/// <summary>
/// Where each method starts now, by fingerprint: the one thing the emitter adds to a lowered method
/// (<see cref="LineMarkers"/>). Equal when every method is where it was, so that an edit that moves no method leaves
/// every emitted file alone.
/// </summary>
internal sealed class LineBases : IEquatable<LineBases>
{
    private readonly ImmutableArray<FoundMethod> _methods;
    private readonly Dictionary<MethodFingerprint, int> _firstLines = new();

    public LineBases(ImmutableArray<FoundMethod> methods)
    {
        _methods = methods;
        // Equal fingerprints lower alike (DeclarationLocator takes the first of them too).
        foreach (var m in methods)
            if (!_firstLines.ContainsKey(m.Fingerprint)) _firstLines.Add(m.Fingerprint, m.FirstLine);
    }

    /// <summary>The 1-based line a method's relative line numbers count from (0 when they are absolute).</summary>
    public int FirstLineOf(MethodFingerprint fingerprint) =>
        fingerprint.LinesRelative && _firstLines.TryGetValue(fingerprint, out var line) ? line + 1 : 0;

    public bool Equals(LineBases? other)
    {
        if (other is null || other._methods.Length != _methods.Length) return false;
        for (var i = 0; i < _methods.Length; i++)
            if (!_methods[i].Equals(other._methods[i])) return false;
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as LineBases);

    public override int GetHashCode() => _methods.Length;
}
