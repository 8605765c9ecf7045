using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using GoSharp.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Analyzers;

/// <summary>
/// One analysis of each [Goroutine] method, shared by the generator (which acts on it) and
/// <see cref="GoroutineAnalyzer"/> (which reports its diagnostics).
/// </summary>
/// <remarks>
/// The compiler, and the IDE, run the generator on a compilation C0 and the analyzers on C1 = C0 plus the
/// generated trees; the user's syntax trees are the same objects in both. So the generator leaves its result
/// beside the method's declaration node (it lives as long as the node, with C0), and
/// the analyzer takes it when its compilation is C0 or was made from C0 by adding generated files only (same
/// options and references, C0's trees a prefix of its own, every extra tree generated). Anything else (an IDE
/// whose generator has not rerun since an edit to another file, a test running the analyzer alone) and the
/// analyzer runs <see cref="FrameModelBuilder.Build"/> itself: a miss costs the analysis, never a wrong answer.
/// Reporting the generator's own result also keeps the two in step: a method is reported with an error exactly
/// when the generator emitted no frame for it.
/// </remarks>
internal static class MethodAnalysisCache
{
    private sealed class Slot
    {
        public volatile Entry? Entry;
    }

    private sealed class Entry
    {
        public Entry(Compilation compilation, GoroutineResult result)
        {
            Compilation = compilation;
            Result = result;
        }

        /// <summary>
        /// Held strongly: the compiler drops the generator's compilation once it has made the final one, and a
        /// collection before the analyzers run would lose every result. It lives as long as the declaration's
        /// tree, and only the latest one per declaration (the IDE keeps that compilation for the next run anyway).
        /// </summary>
        public Compilation Compilation { get; }
        public GoroutineResult Result { get; }
    }

    /// <summary>The last base compilation checked for an analyzed compilation, and the answer.</summary>
    private sealed class ExtendsMemo
    {
        public WeakReference<Compilation>? Base;
        public bool Extends;
    }

    private static readonly ConditionalWeakTable<MethodDeclarationSyntax, Slot> s_results = new();
    private static readonly ConditionalWeakTable<Compilation, ExtendsMemo> s_extends = new();

    /// <summary>The generator's entry: analyses (and lowers) the method, and leaves the result for the analyzer.</summary>
    public static GoroutineResult Build(MethodDeclarationSyntax decl, IMethodSymbol method, SemanticModel model, CancellationToken ct, int lineBase = -1)
    {
        var result = FrameModelBuilder.Build(decl, method, model, ct, lineBase);
        s_results.GetValue(decl, static _ => new Slot()).Entry = new Entry(model.Compilation, result);
        return result;
    }

    /// <summary>The analyzer's entry: the generator's result for this declaration if it holds for this compilation, else a fresh analysis.</summary>
    public static GoroutineResult Get(MethodDeclarationSyntax decl, IMethodSymbol method, SemanticModel model, CancellationToken ct)
    {
        if (s_results.TryGetValue(decl, out var slot) && slot.Entry is { } entry
            && Extends(model.Compilation, entry.Compilation))
            return entry.Result;
        return FrameModelBuilder.Build(decl, method, model, ct);
    }

    private static bool Extends(Compilation analyzed, Compilation generated)
    {
        if (ReferenceEquals(analyzed, generated)) return true;
        var memo = s_extends.GetValue(analyzed, static _ => new ExtendsMemo());
        lock (memo)
        {
            if (memo.Base is not null && memo.Base.TryGetTarget(out var b) && ReferenceEquals(b, generated)) return memo.Extends;
            memo.Base = new WeakReference<Compilation>(generated);
            memo.Extends = ExtendsByGeneratedTrees(analyzed, generated);
            return memo.Extends;
        }
    }

    private static bool ExtendsByGeneratedTrees(Compilation analyzed, Compilation generated)
    {
        // The compiler may give the final compilation a tree options provider that also covers the generated trees
        // (their .editorconfig sections); everything else about the options is the same.
        if (analyzed.AssemblyName != generated.AssemblyName
            || !analyzed.Options.WithSyntaxTreeOptionsProvider(null).Equals(generated.Options.WithSyntaxTreeOptionsProvider(null))) return false;
        using (var a = analyzed.References.GetEnumerator())
        using (var g = generated.References.GetEnumerator())
        {
            while (true)
            {
                var more = a.MoveNext();
                if (more != g.MoveNext()) return false;
                if (!more) break;
                if (!ReferenceEquals(a.Current, g.Current)) return false;
            }
        }
        using (var a = analyzed.SyntaxTrees.GetEnumerator())
        {
            foreach (var tree in generated.SyntaxTrees)
                if (!a.MoveNext() || !ReferenceEquals(a.Current, tree)) return false;
            while (a.MoveNext())
                if (!IsGenerated(a.Current)) return false;
        }
        return true;
    }

    private static readonly string[] s_generatedSuffixes = { ".g.cs", ".g.i.cs", ".generated.cs", ".designer.cs" };

    /// <summary>The compiler's own heuristic for generated files: the name, or an &lt;auto-generated&gt; header comment.</summary>
    private static bool IsGenerated(SyntaxTree tree)
    {
        foreach (var suffix in s_generatedSuffixes)
            if (tree.FilePath.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var trivia in tree.GetRoot().GetLeadingTrivia())
            if (trivia.ToString().IndexOf("<auto-generated", StringComparison.OrdinalIgnoreCase) >= 0) return true;
        return false;
    }
}
