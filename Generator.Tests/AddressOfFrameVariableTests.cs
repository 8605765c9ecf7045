using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// <c>&amp;x</c> of a local or parameter in a [Goroutine] method, checked against what C# 13 does in an async method:
/// it takes the address of a hoisted variable's field, warning CS9123, and refuses only an await in the unsafe
/// context (CS4004). The generator takes the frame field's address alike with warning GOSH0025 where the variable
/// lives in the frame, and nothing to say where it is a local of the frame's Resume (its address is a stack
/// address, as in the plain method). The values are run in Execution/Cases.Issue8.AddressOfFrameVariables.cs.
/// </summary>
public class AddressOfFrameVariableTests
{
    private const string Prelude = """
        using System;
        using GoSharp;

        """;

    /// <summary>
    /// Each <c>[|...|]</c> of <paramref name="markedSource"/> gets GOSH0025, a warning, and nothing else is
    /// reported; the output compiles without an error.
    /// </summary>
    private static void ExpectWarnings(string markedSource)
    {
        var text = Prelude + markedSource;
        var expected = new System.Collections.Generic.List<TextSpan>();
        while (text.IndexOf("[|", System.StringComparison.Ordinal) is var start and >= 0)
        {
            var end = text.IndexOf("|]", start, System.StringComparison.Ordinal) - 2;
            expected.Add(TextSpan.FromBounds(start, end));
            text = text.Remove(start, 2).Remove(end, 2);
        }
        var result = GeneratorHarness.Run(text, allowUnsafe: true);
        Assert.All(result.Diagnostics, d => Assert.Equal(("GOSH0025", DiagnosticSeverity.Warning), (d.Id, d.Severity)));
        Assert.Equal(expected, result.Diagnostics.Select(d => d.Location.SourceSpan).OrderBy(s => s.Start));
        Assert.DoesNotContain(result.CompileDiagnostics, c => c.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void TheAddressOfAHoistedLocalIsTakenWithAWarning() => ExpectWarnings("""
        public partial class C { [Goroutine] static int M(int n) { int x = n; Go.Yield(); unsafe { int* p = [|&x|]; return *p; } } }
        """);

    [Fact]
    public void TheAddressOfAParameterOrAFieldOfAHoistedStructIsTakenWithAWarning() => ExpectWarnings("""
        public struct P { public int A; }
        public partial class C
        {
            [Goroutine] static int M(int n)
            {
                P s = default;
                Go.Yield();
                unsafe { int* a = [|&n|]; int* b = [|&s.A|]; P* c = [|&(s)|]; *a = *b + c->A; }
                Go.Yield();
                return n + s.A;
            }
        }
        """);

    [Fact]
    public void TheAddressOfAGenericHoistedLocalIsTakenWithAWarning() => ExpectWarnings("""
        public partial class C
        {
            [Goroutine] static T M<T>(T v) where T : unmanaged { T w = v; Go.Yield(); unsafe { T* p = [|&w|]; return *p; } }
        }
        """);

    [Fact]
    public void TheAddressOfALocalOfResumeNeedsNoWarning() => ExpectWarnings("""
        public partial class C { [Goroutine] static int M(int n) { Go.Yield(); unsafe { int x = n; int* p = &x; return *p; } } }
        """);

    [Fact]
    public void AHoistedLocalOfAnAnonymousTypeStaysRefused()
    {
        // Its pointer type has no name the generated code could cast to.
        var text = Prelude + """
            public partial class C { [Goroutine] static int M(int n) { var a = new { X = n }; Go.Yield(); unsafe { var p = [|&a|]; } return a.X; } }
            """;
        var start = text.IndexOf("[|", System.StringComparison.Ordinal);
        var end = text.IndexOf("|]", System.StringComparison.Ordinal) - 2;
        var result = GeneratorHarness.Run(text.Replace("[|", "").Replace("|]", ""), allowUnsafe: true);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("GOSH0017", TextSpan.FromBounds(start, end)), (d.Id, d.Location.SourceSpan));
        Assert.Contains("anonymous type", d.GetMessage());
        Assert.DoesNotContain(result.CompileDiagnostics, c => c.Severity == DiagnosticSeverity.Error);
    }
}
