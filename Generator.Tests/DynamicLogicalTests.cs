using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// A dynamically bound <c>&amp;&amp;</c>/<c>||</c> whose right operand suspends goes through runtime-binder call sites
/// the user's type gets (docs/lowering.md, DynamicLogical.cs); Rt17DynamicLogical checks its values. Here: the
/// output compiles where the operands' types are the goroutine type's own type parameters, and what the call sites
/// cannot name is refused at the right operand.
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
    // The left operand's own operator false would be called statically: not lowered.
    [InlineData("[Goroutine] static object M(B b, dynamic d) { dynamic r = b && [|d == P.Get()|]; return r; }")]
    // The call site's helper lives in the type, which cannot name the method's type parameter.
    [InlineData("[Goroutine] static object M<T>(dynamic d, T v) { dynamic r = d || [|P.Id(v, P.Get())|]; return r; }")]
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
