using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// A dynamically bound <c>&amp;&amp;</c>/<c>||</c> whose right operand suspends goes through runtime-binder call sites
/// the user's type gets (docs/lowering.md, DynamicLogical.cs); Rt17DynamicLogical checks its values. Here: the
/// output compiles where the operands' types are the goroutine type's or the method's own type parameters, or the
/// left operand has a static type with operator true/false, and what the call sites cannot name is refused at the
/// right operand.
/// </summary>
public class DynamicLogicalTests
{
    private const string Prelude = """
        using System;
        using GoSharp;
        using GoSharp.CompilerServices;
        public static class P
        {
            [SuspensionPoint(nameof(GetAw))] public static int Get() => 0;
            public static Aw GetAw() => default;
            public struct Aw { public bool IsCompleted => false; public FrameResult Suspend(G g, Frame f) => g.Yield(f); public int GetResult() => 0; }
            public static T Id<T>(T v, int k) => v;
        }
        public struct B
        {
            public static bool operator true(B b) => true;
            public static bool operator false(B b) => false;
            public static B operator &(B x, B y) => x;
            public static B operator |(B x, B y) => x;
        }

        """;

    [Fact]
    public void DynamicLogicalOfTheTypesOwnTypeParametersCompiles()
    {
        var result = GeneratorHarness.Run(Prelude + """
            public partial class C<T>
            {
                public T? V;
                [Goroutine] public object M(dynamic d, bool b)
                {
                    dynamic x = d && P.Id(V, P.Get());
                    dynamic y = b || d == P.Get();
                    if (d || P.Get() > 0) return x;
                    return y;
                }
            }
            """);
        Assert.Empty(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(result.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    // A static left operand: its operator false through an [UnsafeAccessor], its operator true by `if`.
    [InlineData("[Goroutine] static object M(B b, dynamic d) { dynamic r = b && d == P.Get(); dynamic s = b || d == P.Get(); return r + s; }")]
    // An operand typed by the method's type parameter: the helper takes it as its own type parameter.
    [InlineData("[Goroutine] static object M<T>(dynamic d, T v) { dynamic r = d || P.Id(v, P.Get()); dynamic s = d && P.Id(v, P.Get()); return r + s; }")]
    [InlineData("[Goroutine] static object M<T, U>(dynamic d, T v, U[] u) { dynamic r = P.Id(d, 0) && P.Id(u, P.Get()); return r + P.Id(v, 0); }")]
    public void DynamicLogicalOverStaticOrMethodTypedOperandsCompiles(string method)
    {
        var result = GeneratorHarness.Run(Prelude + "public partial class C { " + method + " }");
        Assert.Empty(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(result.AnalyzerDiagnostics, d => d.Id == "GOSH0010");
        Assert.DoesNotContain(result.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    // The frame holds an anonymous type's value as object: the binder would see that type, not the value's own.
    [InlineData("[Goroutine] static object M(dynamic d) { dynamic r = d || [|new { A = P.Get() }|]; return r; }")]
    public void UnnameableDynamicLogicalIsRefusedAtTheRightOperand(string method)
    {
        var text = Prelude + "public partial class C { " + method + " }";
        var start = text.IndexOf("[|", System.StringComparison.Ordinal);
        var end = text.IndexOf("|]", System.StringComparison.Ordinal) - 2;
        var result = GeneratorHarness.Run(text.Replace("[|", "").Replace("|]", ""));
        var refusal = Assert.Single(result.AnalyzerDiagnostics, d => d.Id == "GOSH0010");
        Assert.Equal(TextSpan.FromBounds(start, end), refusal.Location.SourceSpan);
        Assert.Contains("dynamically bound", refusal.GetMessage(), System.StringComparison.Ordinal);
        Assert.DoesNotContain(result.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }
}
