using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace GoSharp.Generator.Tests.Infrastructure;

/// <summary>Drives the generator over a sequence of compilations as an editor does (one driver, its state kept), and
/// compares each run with a cold one.</summary>
public static class IncrementalRun
{
    /// <summary>
    /// A driver as the tests need it. With <paramref name="trackSteps"/> (the step reasons), Roslyn 4.14 loses an item
    /// downstream of a <c>Combine</c> in the run after one whose values provider lost one and whose single value
    /// changed (only on its path for a cached table with tracked steps, docs/generator.md); the compiler does not track
    /// steps, so the differential test does not either.
    /// </summary>
    public static GeneratorDriver NewDriver(bool trackSteps = true) => CSharpGeneratorDriver.Create(
        new[] { new GoroutineGenerator().AsSourceGenerator() },
        parseOptions: GeneratorHarness.ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>The generated files by hint name, and the generator's own diagnostics.</summary>
    public static SortedDictionary<string, string> Outputs(GeneratorDriver driver)
    {
        var result = driver.GetRunResult().Results.Single();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in result.GeneratedSources) files.Add(s.HintName, s.SourceText.ToString());
        foreach (var d in result.Diagnostics) files.Add("diagnostic " + d, "");
        return files;
    }

    public static SortedDictionary<string, string> Cold(Compilation compilation) => Outputs(NewDriver(trackSteps: false).RunGenerators(compilation));

    /// <summary>Asserts that two runs generated the same files, byte for byte, naming the first that differs.</summary>
    public static void AssertSameOutputs(SortedDictionary<string, string> expected, SortedDictionary<string, string> actual, string context)
    {
        Assert.True(expected.Keys.SequenceEqual(actual.Keys),
            $"{context}: files differ: expected [{string.Join(", ", expected.Keys)}], got [{string.Join(", ", actual.Keys)}]");
        foreach (var (hint, text) in expected)
            Assert.True(text == actual[hint], $"{context}: {hint} differs from a cold run's:\n--- cold\n{text}\n--- incremental\n{actual[hint]}");
    }

    /// <summary>The compilation with one file's text replaced as an editor does (an incremental parse of the change).</summary>
    public static CSharpCompilation Edit(CSharpCompilation compilation, string path, string find, string replace)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var text = tree.GetText();
        var at = text.ToString().IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' not in {path}");
        var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, find.Length), replace)));
        return compilation.ReplaceSyntaxTree(tree, edited);
    }

    /// <summary>The compilation with one file's whole text replaced (only that tree changes).</summary>
    public static CSharpCompilation Replace(CSharpCompilation compilation, string path, string source)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        if (tree.GetText().ToString() == source) return compilation;
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(source, System.Text.Encoding.UTF8)));
    }

    /// <summary>The reasons of a tracked step's outputs in the last run.</summary>
    public static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> Step(GeneratorDriver driver, string name)
    {
        var result = driver.GetRunResult().Results.Single();
        Assert.True(result.TrackedSteps.ContainsKey(name), "missing tracked step " + name);
        return result.TrackedSteps[name].SelectMany(s => s.Outputs).ToList();
    }

    public static IReadOnlyList<IncrementalStepRunReason> OutputReasons(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();

    public static bool IsReused(IncrementalStepRunReason reason) => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    /// <summary>Walks an object graph and fails on any symbol, syntax node, compilation or semantic model (a weak
    /// reference holds none).</summary>
    public static void AssertNoRoslynObjects(object? value, string step)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<object?>();
        stack.Push(value);
        while (stack.Count > 0)
        {
            var o = stack.Pop();
            if (o is null || o is string || o.GetType().IsPrimitive || o.GetType().IsEnum) continue;
            if (!o.GetType().IsValueType && !seen.Add(o)) continue;
            Assert.False(o is ISymbol or SyntaxNode or Compilation or SemanticModel or SyntaxTree or Location,
                $"{step} holds a {o.GetType().Name}");
            if (o is IEnumerable e) { foreach (var item in e) stack.Push(item); continue; }
            for (var t = o.GetType(); t is not null && t != typeof(object); t = t.BaseType)
                foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    stack.Push(f.GetValue(o));
        }
    }
}
