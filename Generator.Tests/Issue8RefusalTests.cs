using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// Issue 8: constructs whose C# meaning the lowering cannot keep around a suspension point are refused with
/// GOSH0010 at the construct, never emitted with another meaning.
/// </summary>
public class Issue8RefusalTests
{
    private const string Prelude = """
        using System;
        using System.Text;
        using GoSharp;
        using GoSharp.CompilerServices;
        public static class P
        {
            [SuspensionPoint(nameof(GetAw))] public static int Get() => 0;
            public static Aw GetAw() => default;
            public struct Aw { public bool IsCompleted => false; public FrameResult Suspend(G g, Frame f) => g.Yield(f); public int GetResult() => 0; }
        }

        """;

    private static void ExpectUnsupported(string markedSource, string id = "GOSH0010")
    {
        var text = Prelude + markedSource;
        var start = text.IndexOf("[|", System.StringComparison.Ordinal);
        var end = text.IndexOf("|]", System.StringComparison.Ordinal) - 2;
        var result = GeneratorHarness.Run(text.Replace("[|", "").Replace("|]", ""));
        var matching = result.AnalyzerDiagnostics.Where(d => d.Id == id).ToList();
        Assert.Single(matching);
        Assert.Equal(TextSpan.FromBounds(start, end), matching[0].Location.SourceSpan);
        Assert.DoesNotContain(result.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void InterpolatedStringHandlerWithSuspendingHoleIsLowered()
    {
        // Once refused: the handler is now created first and appended to part by part (InterpolatedStringHandlers.cs).
        var result = GeneratorHarness.Run(Prelude + """
            public partial class C
            {
                [Goroutine]
                static string M(int n)
                {
                    var sb = new StringBuilder();
                    sb.Append($"a{sb.Length}{P.Get()}");
                    return sb.ToString();
                }
            }
            """);
        Assert.DoesNotContain(result.Diagnostics.Concat(result.CompileDiagnostics), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("new global::System.Text.StringBuilder.AppendInterpolatedStringHandler(", GeneratorHarness.GeneratedText(result));
        Assert.Contains(".Append(ref _t", GeneratorHarness.GeneratedText(result));
    }

    [Fact]
    public void InterpolatedStringIntoStringIsLowered()
    {
        var result = GeneratorHarness.Run(Prelude + """
            public partial class C
            {
                [Goroutine]
                static string M(int n) { string s = $"a{n}{P.Get()}"; return s; }
            }
            """);
        Assert.DoesNotContain(result.Diagnostics.Concat(result.CompileDiagnostics), d => d.Severity == DiagnosticSeverity.Error);
    }

    private const string ReadsType = """
        public sealed class R
        {
            public int X { get { return 1; } }
            public int Length => 2;
            public int this[int i] => i;
            public void Deconstruct(out int a, out int b) { a = 1; b = 2; }
        }

        """;

    /// <summary>
    /// Once refused: arms that share a read with a side effect under a suspending guard are matched over C#'s DAG
    /// values, each evaluation read once into a frame field (DecisionDagLowering.cs; run in
    /// Cases.Issue8.SwitchGuardDag.cs). The generated code reads each through one read-yet flag.
    /// </summary>
    private static void ExpectLowered(string source, string readOnce)
    {
        var result = GeneratorHarness.Run(Prelude + source);
        Assert.DoesNotContain(result.Diagnostics.Concat(result.CompileDiagnostics), d => d.Severity == DiagnosticSeverity.Error);
        var generated = GeneratorHarness.GeneratedText(result);
        // Each arm that needs the value reads it through the one flag and field the switch keeps for it.
        var reads = System.Text.RegularExpressions.Regex.Matches(generated, @"_t\d+\." + readOnce + ";").Count;
        var guarded = System.Text.RegularExpressions.Regex.Matches(generated, @"if \(!(_t\d+)\) \{ [^}]*_t\d+\." + readOnce + @"; \1 = true; \}")
            .Cast<System.Text.RegularExpressions.Match>().ToList();
        Assert.True(reads >= 2, "arms reading it: " + reads);
        Assert.Equal(reads, guarded.Count);
        Assert.Single(guarded.Select(m => m.Groups[1].Value).Distinct());
    }

    [Theory]
    [InlineData("p switch { { X: var a } when P.Get() > a => 1, { X: 1 } => 2, _ => 3 }", "X")]
    [InlineData("p switch { (1, _) => 1, (var a, _) when P.Get() > a => 2, (_, 2) => 3, _ => 4 }", @"Deconstruct\(out _t\d+, out _t\d+\)")]
    [InlineData("p switch { [var a, _] when P.Get() > a => 1, [_, 2] => 2, _ => 3 }", "Length")]
    public void SwitchExpressionGuardSuspendingWithSharedGetter(string expression, string readOnce) =>
        ExpectLowered(ReadsType + "public partial class C { [Goroutine] static int M(R p) => " + expression + "; }", readOnce);

    [Fact]
    public void SwitchStatementGuardSuspendingWithSharedGetter() =>
        ExpectLowered(ReadsType + """
            public partial class C
            {
                [Goroutine]
                static int M(R p)
                {
                    switch (p)
                    {
                        case { X: 1 }: return 1;
                        case { X: var a } when P.Get() > a: return 2;
                        default: return 3;
                    }
                }
            }
            """, "X");

    [Fact]
    public void SwitchGuardSuspendingOverASpanValue() =>
        // The DAG's value of Items, a span, would have to live in a frame field across the guard.
        ExpectUnsupported("""
            public sealed class H
            {
                private readonly int[] _items = { 1, 2 };
                public ReadOnlySpan<int> Items => _items;
            }
            public partial class C
            {
                [Goroutine] static int M(H h) => h switch { { [|Items: [1, ..]|] } when P.Get() > 0 => 1, _ => 2 };
            }
            """);

    // A local function declared after a using declaration and called before it is declared before the using's try;
    // one that uses a name declared from the using on could not see it there (CS0103 in generated code): refused.
    [Theory]
    [InlineData("int z = n + 1; return G();", "int F() => z * 2;", "")]
    [InlineData("return G();", "int F() => d.GetHashCode() > 0 ? n : 0;", "")]
    [InlineData("return G();", "int F() => H();", "int H() => n;")]
    public void MovedLocalFunctionUsingANameOfTheUsingsTry(string rest, string function, string after) =>
        ExpectUnsupported($$"""
            public sealed class D : System.IDisposable { public void Dispose() { } }
            public partial class C
            {
                [Goroutine] static int M(int n)
                {
                    int G() => F();
                    using var d = new D();
                    P.Get();
                    {{rest}}
                    [|{{function}}|] {{after}}
                }
            }
            """);

    [Fact]
    public void RefReturningCallTargetWithASuspendingRightSide() =>
        ExpectUnsupported("""
            public partial class C
            {
                static int[] s_store = new int[4];
                static ref int At(int i) => ref s_store[i];
                [Goroutine] static void M(int n) { [|At(n)|] += P.Get(); }
            }
            """, "GOSH0017");

    private const string StateType = """
        public sealed class S
        {
            public int F;
            public int Auto { get; set; }
            public int[] Arr = { 1 };
            public static bool Mut(S s) { s.F = 2; return true; }
        }

        """;

    [Theory]
    [InlineData("p switch { { F: 1 } when S.Mut(p) && P.Get() > 0 => 1, { F: 2 } => 2, _ => 3 }", "F")]
    [InlineData("p switch { { Auto: 1 } => 0, { F: 1 } when P.Get() > 0 => 1, { Auto: 2 } => 2, _ => 3 }", "Auto")]
    [InlineData("p switch { { Arr: [1, ..] } when P.Get() > 0 => 1, { Arr: [9] } => 2, _ => 3 }", "Arr")]
    public void SwitchGuardChangesStateALaterArmTests(string expression, string readOnce) =>
        ExpectLowered(StateType + "public partial class C { [Goroutine] static int M(S p) => " + expression + "; }", readOnce);

    [Fact]
    public void SwitchStatementGuardChangesStateALaterLabelTests() =>
        ExpectLowered(StateType + """
            public partial class C
            {
                [Goroutine]
                static int M(S p)
                {
                    switch (p)
                    {
                        case { F: 1 } when S.Mut(p) && P.Get() > 0: return 1;
                        case { F: 2 }: return 2;
                        default: return 3;
                    }
                }
            }
            """, "F");

    [Fact]
    public void WithOnACopyConstructorRecordSettingAVirtualInitPropertyIsLowered()
    {
        // Once refused: the [UnsafeAccessor] calls a virtual init accessor virtually, as C# does (WithExpressions.cs;
        // run in Cases.Issue8.WithVirtualAndGeneric.cs); a generic record's from a generic class nested in C.
        var result = GeneratorHarness.Run(Prelude + """
            public record R(int A)
            {
                protected R(R o) { A = o.A; }
                public virtual int V { get; init; }
            }
            public record G<T>(T A)
            {
                protected G(G<T> o) { A = o.A; }
                public int N { get; init; }
            }
            public partial class C
            {
                [Goroutine] static R M(R r) => r with { A = 1, V = P.Get() };
                [Goroutine] static G<U> N<U>(G<U> g, U u) => g with { A = u, N = P.Get() };
            }
            """);
        Assert.DoesNotContain(result.Diagnostics.Concat(result.CompileDiagnostics), d => d.Severity == DiagnosticSeverity.Error);
        var generated = GeneratorHarness.GeneratedText(result);
        Assert.Contains("Name = \"set_V\")]", generated);
        Assert.Contains("private static class __GoInit_N_Frame_0<T>", generated);
        Assert.Contains("__GoInit_N_Frame_0<U>.Call(", generated);
    }

    [Fact]
    public void WithOnAGenericCopyConstructorRecordOverAnAnonymousType() =>
        ExpectUnsupported("""
            public record G<T>(T A)
            {
                protected G(G<T> o) { A = o.A; }
                public int N { get; init; }
            }
            public partial class C
            {
                static G<T> Make<T>(T a) => new G<T>(a);
                [Goroutine] static int M(int n) { var g = Make(new { X = n }); return (g with { [|N = P.Get()|] }).N; }
            }
            """);

    [Fact]
    public void WithOnAGenericCopyConstructorRecordInAGenericTypeIsLowered()
    {
        // Once refused: a class nested in C<V> would carry V beside the record's T, which the runtime's rule for a
        // generic target refuses; the accessor's class is a file-local class beside C (Cases.RedTeam23.cs runs it).
        var result = GeneratorHarness.Run(Prelude + """
            public record G<T>(T A)
            {
                protected G(G<T> o) { A = o.A; }
                public int N { get; init; }
            }
            public partial class C<V>
            {
                [Goroutine] static G<V> M(G<V> g) => g with { N = P.Get() };
            }
            """);
        Assert.DoesNotContain(result.Diagnostics.Concat(result.CompileDiagnostics), d => d.Severity == DiagnosticSeverity.Error);
        var generated = GeneratorHarness.GeneratedText(result);
        Assert.Contains("file static class __GoInit_M_Frame_0<T>", generated);
        Assert.Contains("__GoInit_M_Frame_0<V>.Call(", generated);
    }

    // (`with` on a private generic record with its own copy constructor in a generic type, once refused here, is
    // lowered: its init accessor's class is nested in the goroutine's type, Cases.GenericHostAccessors.cs; one private
    // to a type that contains the goroutine's stays refused, ObjectCreationAccessorRefusalTests.)

    // A ref conditional followed by a suspension point in its expression (the right side of its assignment) is
    // refused as async refuses it (CS8325): GOSH0017, not GOSH0010's "not supported yet". One whose condition or
    // branches alone suspend is lowered, as async accepts it (Rt17RefConditionalConditions).
    [Theory]
    [InlineData("([|c ? ref a[0] : ref b[0]|]) = P.Get();")]
    [InlineData("([|c ? ref a[P.Get()] : ref b[0]|]) = P.Get();")]
    [InlineData("([|c ? ref a[0] : ref b[0]|]) += P.Get();")]
    public void RefConditionalTargetIsNotPossible(string body) => ExpectUnsupported(
        "public partial class C { [Goroutine] static void M(int[] a, int[] b, bool c) { " + body + " } }", "GOSH0017");

    // A ref conditional as the receiver of its mutable struct's method or indexer, with a suspending argument after
    // it, was spilled as a copy, so the method changed the copy (red team 17); it is refused as async refuses it
    // (CS8325): the reference would wait in the frame. A readonly struct's copy is the same.
    [Theory]
    [InlineData("[|(c ? ref a : ref b)|].Add(P.Get());")]
    [InlineData("[|(P.Get() > 0 ? ref a : ref b)|].Add(P.Get());")]
    [InlineData("var k = [|(c ? ref a : ref b)|][P.Get()];")]
    public void RefConditionalStructReceiverIsNotPossible(string body) => ExpectUnsupported(
        "public struct S { public int T; public void Add(int x) => T += x; public int this[int i] => T + i; } " +
        "public partial class C { [Goroutine] static void M(bool c) { S a = default, b = default; " + body + " } }", "GOSH0017");

    // A member of the struct a ref conditional chooses, assigned a suspending right side: the reference would wait in
    // the frame (CS8325 for async); GOSH0017 with that reason, where it was GOSH0010's "not supported yet".
    [Theory]
    [InlineData("[|(c ? ref a : ref b).T|] = P.Get();")]
    [InlineData("[|(c ? ref a : ref b).T|] *= P.Get();")]
    [InlineData("[|(c ? ref a : ref b).In.X|] += P.Get();")]
    // An element of the struct it chooses, through the struct's indexer: the same (it was GOSH0010's "not supported
    // yet" too), with the suspension in the right side or in the index.
    [InlineData("[|(c ? ref a : ref b)[0]|] = P.Get();")]
    [InlineData("[|(c ? ref a : ref b)[P.Get()]|] = 1;")]
    [InlineData("[|(c ? ref a : ref b).In[0]|] += P.Get();")]
    public void RefConditionalStructMemberTargetIsNotPossible(string body)
    {
        var source = "public struct I { public int X; public int this[int i] { get => X; set => X = value; } } " +
            "public struct S { public int T; public I In; public int this[int i] { get => T; set => T = value; } } " +
            "public partial class C { [Goroutine] static void M(bool c) { S a = default, b = default; " + body + " } }";
        ExpectUnsupported(source, "GOSH0017");
        var result = GeneratorHarness.Run(Prelude + source.Replace("[|", "").Replace("|]", ""));
        Assert.Contains("CS8325", Assert.Single(result.AnalyzerDiagnostics, d => d.Id == "GOSH0017").GetMessage(), System.StringComparison.Ordinal);
        Assert.DoesNotContain(result.AnalyzerDiagnostics, d => d.Id == "GOSH0010");
    }

    [Fact]
    public void RefConditionalReadonlyStructReceiverIsLowered()
    {
        var result = GeneratorHarness.Run(Prelude +
            "public readonly struct R { public readonly int T; public int Plus(int x) => T + x; } " +
            "public partial class C { [Goroutine] static int M(bool c) { R a = default, b = default; return (c ? ref a : ref b).Plus(P.Get()); } }");
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(result.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    // A ref local refused for living across a suspension point (GOSH0008) gets no second error about its
    // initializer or a use of it (GOSH0010 repeated it, found on ZLinq under --suspend; GOSH0017 for an element).
    [Theory]
    [InlineData("ref var [|r = ref b[P.Get()]|]; Go.Yield(); return r;")]
    [InlineData("ref var [|e = ref es[0]|]; e.A = P.Get(); e.B = 2; return e.A;")]
    // A span's element assigned a suspending value: the span would wait in the frame (async: one CS4007); the
    // reference its indexer gives repeated it as GOSH0017.
    [InlineData("int i = 2; Span<int> [|s = stackalloc int[4]|]; s[0] = i * b[0] + P.Get(); return i;")]
    [InlineData("Span<int> [|s = b|]; s[1] += P.Get(); return 0;")]
    public void RefusedRefLocalIsReportedOnce(string body)
    {
        var text = Prelude + "public partial class C { public struct E { public int A, B; } [Goroutine] static int M(int[] b, E[] es) { " + body + " } }";
        var start = text.IndexOf("[|", System.StringComparison.Ordinal);
        var end = text.IndexOf("|]", System.StringComparison.Ordinal) - 2;
        var result = GeneratorHarness.Run(text.Replace("[|", "").Replace("|]", ""));
        var errors = result.AnalyzerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var only = Assert.Single(errors);
        Assert.Equal("GOSH0008", only.Id);
        Assert.Equal(TextSpan.FromBounds(start, end), only.Location.SourceSpan);
    }
}
