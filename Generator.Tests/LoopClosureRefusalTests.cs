using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// Closures over per-iteration variables of a suspending loop that the lowering cannot give their own copy
/// (ClosureEnvironments.cs): GOSH0010 at the use, never a closure that shares one frame field across iterations.
/// What it supports runs as a differential case (Execution/Cases.Issue8.LocalFunctionDelegates.cs and others).
/// </summary>
public class LoopClosureRefusalTests
{
    private const string Prelude = """
        using System;
        using System.Collections.Generic;
        using GoSharp;
        public static partial class C
        {
            static bool Get(int i, out int v) { v = i; return i < 3; }

        """;

    private static void ExpectUnsupported(string markedBody, string expectedText)
    {
        var result = GeneratorHarness.RunMarked(Prelude + markedBody + "\n}\n", out var span);
        var matching = result.AnalyzerDiagnostics.Where(d => d.Id == "GOSH0010").ToList();
        Assert.Single(matching);
        Assert.Equal(span, matching[0].Location.SourceSpan);
        Assert.Contains(expectedText, matching[0].GetMessage(), System.StringComparison.Ordinal);
        Assert.DoesNotContain(result.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void OutVariableOfForIncrementorCapturedByLambda()
    {
        // C# makes an incrementor's variable afresh each iteration; the lowering gives it no environment.
        ExpectUnsupported("""
                [Goroutine]
                public static int M(List<Func<int>> fs)
                {
                    for (int i = 0; i < 3; i += Get(i, out var v) && Add(() => [|v|]) ? 1 : 1) { Go.Yield(); }
                    bool Add(Func<int> f) { fs.Add(f); return true; }
                    return fs.Count;
                }
            """, "Capturing 'v'");
    }

    [Fact]
    public void PatternVariableOfASwitchSectionStatementCapturedByLocalFunction()
    {
        ExpectUnsupported("""
                [Goroutine]
                public static int M(List<Func<int>> fs)
                {
                    foreach (var x in new object[] { 1, 2 })
                        switch (x.GetHashCode()) { default: if (x is int z) { int H() => [|z|]; Go.Yield(); fs.Add(H); } break; }
                    return fs.Count;
                }
            """, "Capturing 'z'");
    }

    [Fact]
    public void LocalFunctionConvertedToAnonymousDelegateType()
    {
        // var f = F of a local function with a ref parameter has a compiler-made delegate type no frame can name.
        ExpectUnsupported("""
                [Goroutine]
                public static int M(List<Delegate> fs)
                {
                    foreach (var x in new[] { 1, 2 })
                    {
                        void F(ref int a) => a += x;
                        Go.Yield();
                        var f = [|F|];
                        fs.Add(f);
                    }
                    return fs.Count;
                }
            """, "Converting the local function 'F'");
    }

    // Red team round 3 (bug6): a launcher's parameter gives the delegate type (the differential cases
    // LauncherLocalFunctionArguments and LauncherLambdaArguments run those); a generic launcher's does not.
    [Fact]
    public void LocalFunctionPassedToAGenericLauncherParameter()
    {
        ExpectUnsupported("""
                [Goroutine] static T Run<T>(Func<T> f) { Go.Yield(); return f(); }
                [Goroutine]
                public static int M(List<Goroutine<int>> hs)
                {
                    foreach (var x in new[] { 1, 2 })
                    {
                        int F() => x;
                        Go.Yield();
                        hs.Add(GoRun([|F|]));
                    }
                    return hs.Count;
                }
            """, "to the launcher 'GoRun' for its parameter 'f', whose type names the launcher's type parameters");
    }

    [Fact]
    public void LambdaPassedToAGenericLauncherParameter()
    {
        ExpectUnsupported("""
                [Goroutine] static T Run<T>(Func<T> f) { Go.Yield(); return f(); }
                [Goroutine]
                public static int M(List<Goroutine<int>> hs)
                {
                    foreach (var x in new[] { 1, 2 })
                    {
                        Go.Yield();
                        hs.Add(GoRun([|() => x|]));
                    }
                    return hs.Count;
                }
            """, "passed to the launcher 'GoRun' for its parameter 'f', whose type names the launcher's type parameters");
    }

    [Fact]
    public void LocalFunctionConvertedToNamedDelegateCompiles()
    {
        var result = GeneratorHarness.Run(Prelude + """
                [Goroutine]
                public static int M(List<Func<int>> fs)
                {
                    foreach (var x in new[] { 1, 2 })
                    {
                        int y = x * 2;
                        int F() => y + 1;
                        Go.Yield();
                        fs.Add(F);
                    }
                    return fs.Count;
                }
            }
            """);
        Assert.DoesNotContain(result.Diagnostics.Concat(result.CompileDiagnostics), d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Contains("__d0_F ??= () => F(", GeneratorHarness.GeneratedText(result));
    }
}
