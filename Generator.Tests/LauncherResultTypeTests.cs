using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// Types built from a same-assembly launcher's result (red team round 3): the generator's semantic model cannot see
/// its own launchers, so <c>new { B = r.A + 1 }</c>, <c>(r, 1)</c> or <c>() =&gt; r + 1</c> over <c>r = GoId(...).Join()</c>
/// bind with an error type inside. The lowering infers them (LauncherTypeInference; the differential case
/// <c>LauncherResultsInBuiltTypes</c> runs those); a frame field or temporary whose type still holds an error type is
/// GOSH0010 at the local, never a field with an error type in generated code (CS1031, CS0246, CS7003).
/// </summary>
public class LauncherResultTypeTests
{
    private const string Prelude = """
        using System;
        using System.Collections.Generic;
        using GoSharp;
        public static partial class L
        {
            [Goroutine] public static T Id<T>(T x) { Go.Yield(); return x; }
            [Goroutine] public static List<T> Pair<T>(T a) { Go.Yield(); return new List<T> { a, a }; }
            [Goroutine] public static T Call<T>(Func<T> f) { Go.Yield(); return f(); }
            public static string Use<T>(T a, int b) => a + "," + b;
        }

        """;

    private static Diagnostic ExpectUnsupported(string markedBody)
    {
        var result = GeneratorHarness.RunMarked(Prelude + markedBody, out var span);
        var matching = result.AnalyzerDiagnostics.Where(d => d.Id == "GOSH0010").ToList();
        Assert.Single(matching);
        Assert.Equal(span, matching[0].Location.SourceSpan);
        Assert.DoesNotContain(result.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return matching[0];
    }

    [Fact]
    public void AnonymousTypeOverAResultNoExampleCanStandFor()
    {
        // r is a List<anon>: its members' types cannot be written as an example to bind b's initializer with.
        var d = ExpectUnsupported("""
            public static partial class C
            {
                [Goroutine] static int M(int n) { var r = L.GoPair(new { A = n }).Join(); var [|b = new { B = r[0].A + 1 }|]; L.Id(0); return b.B; }
            }
            """);
        Assert.Contains("declare a named type", d.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void TupleOverAHandleWhoseTypeCannotBeInferred()
    {
        // GoCall(() => r): T comes from the lambda's return type (C#'s inference, bound speculatively as Call(() => r)),
        // here an anonymous type only a launcher's result gives, which no example can stand for.
        var d = ExpectUnsupported("""
            public static partial class C
            {
                [Goroutine] static int M(int n) { var r = L.GoPair(new { A = n }).Join(); var [|t = (L.GoCall(() => r), n)|]; L.Id(0); return t.Item2; }
            }
            """);
        Assert.Contains("declare the local's type explicitly", d.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void HandlesWhoseTypeArgumentsComeFromLambdasCompile()
    {
        // GoCall(() => 5), GoApply(x => x * 2, ...): the type argument comes from a lambda's return type, which C#'s
        // own inference gives when the launched method's call is bound speculatively in the launcher's place (was
        // GOSH0010 at each local kept across a suspension point). Run in Cases.LauncherLambdaTypeArguments.cs.
        var result = GeneratorHarness.Run(Prelude + """
            public static partial class C
            {
                [Goroutine] static T Apply<T>(Func<T, T> f, T x) { Go.Yield(); return f(x); }
                [Goroutine]
                static string M(int n)
                {
                    var t = (L.GoCall(() => 5), n);
                    var h = L.GoCall(() => "s" + n);
                    var a = GoApply(x => x * 2.5, n + 0.0);
                    L.Id(0);
                    return t.Item1.Join() + h.Join() + a.Join();
                }
            }
            """);
        Assert.Empty(result.AnalyzerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(result.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void SpilledOperandOverAResultNoExampleCanStandFor()
    {
        // The first argument waits in a temporary while the second suspends: its type cannot be written either.
        var d = ExpectUnsupported("""
            public static partial class C
            {
                [Goroutine] static string M(int n) { var r = L.GoPair(new { A = n }).Join(); return L.Use([|new { B = r[0].A }|], L.Id(n)); }
            }
            """);
        Assert.Contains("declare a named type", d.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void ForEachOverAResultNoExampleCanStandFor()
    {
        var d = ExpectUnsupported("""
            public static partial class C
            {
                [Goroutine] static int M(int n) { foreach (var x in [|L.GoPair(new { A = n }).Join()|]) { L.Id(0); n += x.A; } return n; }
            }
            """);
        Assert.Contains("A foreach with a suspension point over a value whose type the generator cannot see or cannot enumerate here", d.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void GoroutineCallOverAResultTheModelCannotResolveIsBoundOverAnExample()
    {
        // Id<T>'s type inference fails over r in the model (it names the definition Id<T>): bound again over an
        // example of r's inferred type, Id<int>, it is a nested goroutine call, not a plain call that blocks.
        var result = GeneratorHarness.Run(Prelude + """
            public static partial class C
            {
                [Goroutine] static int M(int n) { var r = L.GoId(n).Join(); L.Id(0); return L.Id(r) + 1; }
            }
            """);
        Assert.DoesNotContain(result.Diagnostics.Concat(result.CompileDiagnostics), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("new global::L.Id_Frame<int>(_l0_r)", GeneratorHarness.GeneratedText(result), System.StringComparison.Ordinal);
    }

    [Fact]
    public void GoroutineCallOverAResultNoExampleCanStandForIsRefused()
    {
        // r is a List of an anonymous type: no expression of that type can be written to bind Id(r) again, and
        // copied as written it would run as a plain call.
        var d = ExpectUnsupported("""
            public static partial class C
            {
                [Goroutine] static int M(int n) { var r = L.GoPair(new { A = n }).Join(); L.Id(0); return [|L.Id(r)|].Count; }
            }
            """);
        Assert.Contains("A call of 'Id' whose arguments' types come from a GoX(...) launcher's result", d.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void ALambdaBoundOverAnUnknownTypeIsCopiedAsWritten()
    {
        // Same(r)'s type inference fails over r, so the model binds Apply's lambda over Same's unsubstituted T and
        // reports CS0019 in it; that is no error of the body (the final compilation, which sees the launcher, binds
        // it), so the method gets its frame, not one that only throws. Run in Cases.LauncherValueOracle.cs.
        var result = GeneratorHarness.Run(Prelude + """
            public static partial class C
            {
                static T Same<T>(T v) => v;
                static string Apply<T>(T v, Func<T, T> f) => "" + f(v);
                [Goroutine] static string M(int n) { var r = L.GoId(n).Join(); L.Id(0); return Apply(Same(r), x => x - 1); }
            }
            """);
        Assert.DoesNotContain(result.Diagnostics.Concat(result.CompileDiagnostics).Concat(result.AnalyzerDiagnostics), d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain("has compile errors", GeneratorHarness.GeneratedText(result), System.StringComparison.Ordinal);
    }

    [Fact]
    public void TypesBuiltFromJoinResultsCompile()
    {
        var result = GeneratorHarness.Run(Prelude + """
            public static partial class C
            {
                [Goroutine]
                static string M(int n)
                {
                    var r = L.GoId(new { A = n }).Join();
                    var b = new { B = r.A + 1, r };
                    var v = L.GoId(n).Join();
                    var t = (v, 1);
                    var f = () => v + 1;
                    var g = (int k) => new { K = k + r.A };
                    var l = L.GoPair(v).Join();
                    var e = new { First = l[0] };
                    L.Id(0);
                    var spilled = L.Use(new { B = r.A, t }, L.Id(n)) + L.Use((v, r), L.Id(n));
                    return $"{b.B}{b.r.A}{t.v}{f()}{g(1).K}{e.First}{spilled}";
                }
            }
            """);
        Assert.DoesNotContain(result.Diagnostics.Concat(result.CompileDiagnostics), d => d.Severity == DiagnosticSeverity.Error);
    }
}
