using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// A type parameter that <c>allows ref struct</c> (C# 13) is a ref struct to every frame check, as it is to async:
/// a parameter or an extension receiver of that type is refused (GOSH0017), a local of it whose scope holds a
/// suspension point is refused (GOSH0008), and a local declared after the last suspension point of its block (which
/// async accepts) stays a local of Resume, never a frame field (CS8345 if it were one).
/// </summary>
public class RefStructTypeParameterTests
{
    private const string Prelude = """
        using System;
        using GoSharp;

        """;

    /// <summary>Exactly one generator diagnostic, <paramref name="id"/> at the marked span, and no compiler error anywhere.</summary>
    private static void ExpectOne(string id, string markedSource)
    {
        var result = GeneratorHarness.RunMarked(Prelude + markedSource, out var span);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(id, d.Id);
        Assert.Equal(span, d.Location.SourceSpan);
        Assert.DoesNotContain(result.CompileDiagnostics, c => c.Severity == DiagnosticSeverity.Error);
    }

    private static string ExpectClean(string source)
    {
        var result = GeneratorHarness.Run(Prelude + source);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.CompileDiagnostics.Where(c => c.Severity == DiagnosticSeverity.Error));
        return GeneratorHarness.GeneratedText(result);
    }

    [Fact]
    public void A_parameter_of_an_allows_ref_struct_type_parameter_is_refused() => ExpectOne("GOSH0017", """
        public partial class C { [Goroutine] static int A1<T>([|T x|]) where T : allows ref struct { Go.Yield(); return 1; } }
        """);

    [Fact]
    public void An_extension_receiver_of_an_allows_ref_struct_type_parameter_is_refused() => ExpectOne("GOSH0017", """
        public static partial class Q { extension<T>(T x) where T : allows ref struct { [Goroutine] public int [|M|]() { Go.Yield(); return 3; } } }
        """);

    [Fact]
    public void A_local_live_across_a_suspension_is_refused() => ExpectOne("GOSH0008", """
        public partial class C { [Goroutine] static int A3<T>() where T : allows ref struct { T [|v = default!|]; Go.Yield(); return v is null ? 1 : 2; } }
        """);

    // Dead at the suspension (C# 13 async refuses by liveness): a local of Resume (StackOnlyLocals.cs).
    [Fact]
    public void A_local_dead_at_the_suspension_stays_a_local()
    {
        var text = ExpectClean("""
            public partial class C { [Goroutine] static int A5<T>(int n) where T : allows ref struct { T v = default!; n += v is null ? 1 : 2; Go.Yield(); return n; } }
            """);
        Assert.Matches(@"\bT _l\d+_v = default!;", text);       // declared in Resume
        Assert.DoesNotMatch(@"\bT _l\d+_v;", text);              // no frame field
    }

    [Fact]
    public void A_local_declared_after_the_last_suspension_stays_a_local() => Assert.DoesNotContain("_v", ExpectClean("""
        public partial class C
        {
            [Goroutine] static int A4<T>(int n) where T : allows ref struct { Go.Yield(); T v = default!; return n; }
            [Goroutine] static int Use(int n) => A4<ReadOnlySpan<int>>(n) + GoA4<Span<byte>>(n).Join();
        }
        """));

    [Fact]
    public void Ref_and_span_locals_after_the_last_suspension_of_their_block_stay_locals() => ExpectClean("""
        public partial class C
        {
            [Goroutine]
            static int M(int[] a, int n)
            {
                var sum = 0;
                for (var i = 0; i < n; i++)
                {
                    Go.Yield();
                    Span<int> s = a;
                    ref int r = ref a[0];
                    r += s.Length;
                    if (r > 100) break;
                    sum += r;
                }
                { Go.Yield(); Span<int> s = stackalloc int[2]; s[0] = sum; sum = s[0] + 1; }
                return sum;
            }
        }
        """);
}
