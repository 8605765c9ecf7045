using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// The body-error check (BodyErrors) excuses an error over a value only a launcher types, since the generator's
/// compilation cannot see its own launchers: <c>Tag(c ? t : 8)</c> over <c>var t = GoX(n).Join();</c> fails its type
/// inference here (CS0411) and binds in the final compilation. An error over such a value that no type of it could
/// mend (a wrong argument count, an unknown parameter name, a member a known receiver lacks) is the user's own: it
/// was excused, and the method got a GOSH0010 of the lowering beside the compiler's error. Now the user sees only
/// their own error, and the method gets no frame, as any body with errors.
/// </summary>
public class BodyErrorsOverLauncherValuesTests
{
    private const string Prelude = """
        using System;
        using GoSharp;
        public static partial class L
        {
            [Goroutine] public static T Id<T>(T x) { Go.Yield(); return x; }
            public static int Two(int a, int b) => a + b;
            public static T Same<T>(T v) => v;
        }

        """;

    /// <summary>The compiler's errors on the user's code are exactly <paramref name="ids"/>, and no GOSH diagnostic is an error.</summary>
    private static void ExpectOnlyTheUsersErrors(string body, params string[] ids)
    {
        var result = GeneratorHarness.Run(Prelude + body);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var errors = result.CompileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Equal(ids, errors.Select(d => d.Id));
        Assert.All(errors, d => Assert.Same(result.Output.SyntaxTrees.First(), d.Location.SourceTree));
    }

    [Fact]
    public void AWrongArgumentCountOverALaunchersValueIsTheUsersOwnError() => ExpectOnlyTheUsersErrors("""
        public static partial class C { [Goroutine] static int M(int n) { var t = L.GoId(n).Join(); L.Id(0); return L.Two(t, 1, 2, 3); } }
        """, "CS1501");

    [Fact]
    public void AMissingArgumentOverALaunchersValueIsTheUsersOwnError() => ExpectOnlyTheUsersErrors("""
        public static partial class C { [Goroutine] static int M(int n) { var t = L.GoId(n).Join(); L.Id(0); return L.Two(L.Same(t)); } }
        """, "CS7036");

    [Fact]
    public void AnUnknownParameterNameOverALaunchersValueIsTheUsersOwnError() => ExpectOnlyTheUsersErrors("""
        public static partial class C { [Goroutine] static int M(int n) { var t = L.GoId(n).Join(); L.Id(0); return L.Two(t, c: 1); } }
        """, "CS1739");

    [Fact]
    public void AMemberAKnownReceiverLacksIsTheUsersOwnError() => ExpectOnlyTheUsersErrors("""
        public static partial class C { [Goroutine] static string M(int n) { var t = L.GoId(n).Join(); L.Id(0); return "x".Nope(t); } }
        """, "CS1061");

    [Fact]
    public void CallsTheArgumentsFitAreStillExcused()
    {
        // Same(t) is Same's own T here, which has no CompareTo; the final compilation types it int. The other calls'
        // arguments fit some overload, an extension method's, a local function's, an optional parameter's, by name.
        var result = GeneratorHarness.Run(Prelude + """
            public static class X { public static int Ext(this string s, int v, int w = 1) => s.Length + v + w; }
            public static partial class C
            {
                static int Opt(int a, int b = 2) => a + b;
                static int Opt(string a) => a.Length;
                [Goroutine] static int M(int n)
                {
                    var t = L.GoId(n).Join();
                    int Local(int a, int b) => a - b;
                    L.Id(0);
                    return L.Same(t).CompareTo(n) + "x".Ext(t) + "y".Ext(w: 3, v: t) + Local(t, 1) + Opt(t) + Opt(b: 1, a: t) + L.Id(1);
                }
            }
            """);
        Assert.DoesNotContain(result.Diagnostics.Concat(result.CompileDiagnostics), d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain("has compile errors", GeneratorHarness.GeneratedText(result), System.StringComparison.Ordinal);
    }
}
