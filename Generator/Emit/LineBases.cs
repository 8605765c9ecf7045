using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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

    private readonly Dictionary<MethodFingerprint, string> _hintSuffixes = new();

    public LineBases(ImmutableArray<FoundMethod> methods)
    {
        _methods = methods;
        // Equal fingerprints lower alike (DeclarationLocator takes the first of them too).
        foreach (var m in methods)
            if (!_firstLines.ContainsKey(m.Fingerprint)) _firstLines.Add(m.Fingerprint, m.FirstLine);
        // Roslyn wants hint names unique ignoring case, and one duplicate fails the whole generator run (every
        // goroutine of the project would lose its frame). Methods whose names differ only in case (Load, load), or
        // only before sanitizing (Y<T> and a type named Y_T_), get "_2", "_3", ... in the ordinal order of their
        // exact names; overloads share one exact name and are told apart by the frame's own name (_Frame_k).
        foreach (var group in methods.GroupBy(m => HintKey(m.HintIdentity)))
        {
            var exact = group.Select(m => m.HintIdentity).Distinct().OrderBy(x => x, StringComparer.Ordinal).ToList();
            if (exact.Count < 2) continue;
            foreach (var m in group)
            {
                var k = exact.IndexOf(m.HintIdentity);
                if (k > 0) _hintSuffixes[m.Fingerprint] = "_" + (k + 1);
            }
        }
    }

    /// <summary>What Roslyn compares of a hint name: the sanitized name, ignoring case.</summary>
    private static string HintKey(string identity) => Model.FrameModelBuilder.Sanitize(identity).ToUpperInvariant();

    /// <summary>The suffix that keeps this method's file name unique (empty for all but a case or sanitizing collision).</summary>
    public string HintSuffixOf(MethodFingerprint fingerprint) => _hintSuffixes.TryGetValue(fingerprint, out var s) ? s : "";

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
