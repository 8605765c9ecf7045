using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>An edit to an unrelated file must re-run nothing after the find stage, and no step may hold symbols or syntax.</summary>
public class IncrementalTests
{
    private const string Source = """
        using GoSharp;
        namespace Demo;
        public static partial class P
        {
            [Goroutine] public static int A(int n) { for (var i = 0; i < n; i++) Go.Yield(); return n; }
            [Goroutine] public static void B() { try { A(3); } finally { Go.Yield(); } }
            [Goroutine] static void Bad(ref int x) { }
        }
        """;

    private static readonly string[] Tracked = { "GoSharp.Model", "GoSharp.Methods" };

    [Fact]
    public void UnrelatedEditIsCached()
    {
        var compilation = GeneratorHarness.Compile(("P.cs", Source));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new GoroutineGenerator().AsSourceGenerator() },
            parseOptions: GeneratorHarness.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        Assert.Equal(2, first.GeneratedSources.Length);
        foreach (var name in Tracked)
        {
            Assert.True(first.TrackedSteps.ContainsKey(name), "missing tracked step " + name);
            foreach (var step in first.TrackedSteps[name])
                foreach (var (value, _) in step.Outputs) AssertNoRoslynObjects(value, name);
        }

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { public int X; }", GeneratorHarness.ParseOptions, "Other.cs"));
        driver = driver.RunGenerators(edited);
        var second = driver.GetRunResult().Results.Single();
        foreach (var name in Tracked)
        {
            foreach (var step in second.TrackedSteps[name])
                foreach (var (_, reason) in step.Outputs)
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {reason}");
        }
        foreach (var (_, reason) in second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
            Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "output: " + reason);
    }

    /// <summary>Walks an object graph and fails on any symbol, syntax node, compilation or semantic model.</summary>
    private static void AssertNoRoslynObjects(object? value, string step)
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
            foreach (var f in o.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
                stack.Push(f.GetValue(o));
        }
    }
}
