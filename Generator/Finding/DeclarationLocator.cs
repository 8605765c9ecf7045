using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Finding;

/// <summary>
/// Finds a method by its fingerprint in a compilation: for the lowerings that rerun because the surface changed, whose
/// method's own value (and so its declaration) is an earlier run's.
/// </summary>
internal static class DeclarationLocator
{
    private static readonly ConditionalWeakTable<Compilation, Dictionary<string, SyntaxTree>> s_trees = new();
    private static readonly ConditionalWeakTable<SyntaxTree, Dictionary<MethodFingerprint, MethodDeclarationSyntax>> s_methods = new();

    public static MethodDeclarationSyntax? Find(Compilation compilation, MethodFingerprint fingerprint, CancellationToken ct)
    {
        var trees = s_trees.GetValue(compilation, static c =>
        {
            var byPath = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
            foreach (var t in c.SyntaxTrees)
                if (!byPath.ContainsKey(t.FilePath)) byPath.Add(t.FilePath, t);
            return byPath;
        });
        if (!trees.TryGetValue(fingerprint.FilePath, out var tree)) return null;
        Dictionary<MethodFingerprint, MethodDeclarationSyntax> methods;
        lock (s_methods)
        {
            if (!s_methods.TryGetValue(tree, out methods!))
            {
                methods = Index(tree, ct);
                s_methods.Add(tree, methods);
            }
        }
        return methods.TryGetValue(fingerprint, out var decl) ? decl : null;
    }

    /// <summary>Every method with attributes in the tree (the first of equal fingerprints: they lower alike).</summary>
    private static Dictionary<MethodFingerprint, MethodDeclarationSyntax> Index(SyntaxTree tree, CancellationToken ct)
    {
        var methods = new Dictionary<MethodFingerprint, MethodDeclarationSyntax>();
        foreach (var node in tree.GetRoot(ct).DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            if (node is not MethodDeclarationSyntax { AttributeLists.Count: > 0 } decl) continue;
            var fingerprint = MethodFingerprint.Of(decl, ct, out _);
            if (!methods.ContainsKey(fingerprint)) methods.Add(fingerprint, decl);
        }
        return methods;
    }
}
