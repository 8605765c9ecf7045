using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// Red team round 24: members a construct calls without naming them (a foreach's <c>GetEnumerator</c>, a
/// <c>Deconstruct</c>, a collection initializer's or collection expression's <c>Add</c>, a spread's <c>GetEnumerator</c>,
/// a fixed statement's <c>GetPinnableReference</c>, a query's <c>Select</c>, an extension operator) that
/// are extensions of a file-local class. The frame, generated into another file, cannot see them: before, the
/// generated code did not compile (CS0234, CS8129, CS1061, CS1936, CS0019, CS9212, CS8385); now each is GOSH0017 at the construct, as a
/// named use of a file-local type is.
/// </summary>
public class RedTeam24Tests
{
    private const string Declarations = """
        using System;
        using System.Collections;
        using System.Collections.Generic;
        using GoSharp;
        public sealed class Bag : IEnumerable<int>
        {
            public readonly List<int> Items = new();
            public IEnumerator<int> GetEnumerator() => Items.GetEnumerator();
            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }
        public sealed class Src { public int Seed; }
        public readonly struct P2 { public readonly int A, B; public P2(int a, int b) { A = a; B = b; } }
        public sealed class Pin { public int[] A = { 4, 5 }; }
        file static class Ext
        {
            public static IEnumerator<int> GetEnumerator(this int n) { for (var i = 0; i < n; i++) yield return i; }
            public static void Deconstruct(this P2 p, out int a, out int b) { a = p.A; b = p.B; }
            public static void Add(this Bag b, int x, int y) => b.Items.Add(x * 10 + y);
            public static void Add(this Bag b, int x) => b.Items.Add(x);
            public static ref int GetPinnableReference(this Pin p) => ref p.A[0];
            public static Src Select(this Src s, Func<int, int> f) => new() { Seed = f(s.Seed) };
            extension(Src)
            {
                public static Src operator +(Src a, Src b) => new() { Seed = a.Seed + b.Seed };
            }
        }
        public static partial class C
        {

        """;

    [Theory]
    [InlineData("var s = 0; foreach (var i in [|n|]) s += i; return s;", "'GetEnumerator', which this foreach calls")]
    [InlineData("var s = 0; foreach (var (a, b) in [|new[] { new P2(n, 1) }|]) s += a + b; return s;", "'Deconstruct', which this foreach calls")]
    [InlineData("[|var (a, b) = new P2(n, 2)|]; return a + b;", "'Deconstruct', which this deconstruction calls")]
    [InlineData("return new P2(n, 2) is [|(var a, 2)|] ? a : 0;", "'Deconstruct', which this positional pattern calls")]
    [InlineData("var b = new Bag { [|{ n, 1 }|] }; return b.Items[0];", "'Add', which this collection initializer element calls")]
    [InlineData("var q = from x in new Src { Seed = n } [|select x + 1|]; return q.Seed;", "'Select', which this query clause calls")]
    [InlineData("var a = new Src { Seed = n }; var b = [|a + a|]; return b.Seed;", "'operator +', which this operator calls")]
    [InlineData("Bag b = [|[n, 2]|]; return b.Items[0];", "'Add', which this collection expression calls")]
    [InlineData("int[] a = [[|.. n|], 9]; return a[0];", "'GetEnumerator', which this spread calls")]
    [InlineData("var p = new Pin(); unsafe { fixed ([|int* q = p|]) { *q += n; } } return p.A[0];", "'GetPinnableReference', which this fixed statement calls")]
    public void AnImplicitlyCalledExtensionOfAFileLocalClassIsGosh0017AtTheConstruct(string body, string message)
    {
        var text = Declarations + "    [Goroutine] public static int M(int n) { Go.Yield(); " + body + " }\n}\n";
        var start = text.IndexOf("[|", System.StringComparison.Ordinal);
        var end = text.IndexOf("|]", System.StringComparison.Ordinal) - 2;
        var r = GeneratorHarness.Run(text.Replace("[|", "").Replace("|]", ""), allowUnsafe: true);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("GOSH0017", d.Id);
        Assert.Equal(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(start, end), d.Location.SourceSpan);
        Assert.Contains(message, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("file-local type 'Ext'", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(r.CompileDiagnostics, c => c.Severity == DiagnosticSeverity.Error && c.Id != "GOSH0017");
    }

    [Fact]
    public void AnInstanceMemberOrAnExtensionOfAnotherClassStaysAccepted()
    {
        var r = GeneratorHarness.Run(Declarations.Replace("file static class Ext", "static class Ext") + """
                [Goroutine] public static int M(int n)
                {
                    Go.Yield();
                    var s = 0;
                    foreach (var i in n) s += i;
                    var (a, b) = new P2(n, 2);
                    var bag = new Bag { { n, 1 } };
                    var q = from x in new Src { Seed = n } select x + 1;
                    Bag b2 = [n, .. new List<int> { 1 }];
                    List<int> l = [.. b2, 2];
                    var p = new Pin();
                    unsafe { fixed (int* f = p) { *f += n; } fixed (int* g = p.A) { } }
                    return s + a + b + bag.Items[0] + q.Seed + (new Src() + new Src()).Seed + l.Count + p.A[0];
                }
            }
            file static class Unrelated { public static int Twice(this int x) => 2 * x; }
            """, allowUnsafe: true);
        Assert.Empty(r.Diagnostics);
        Assert.DoesNotContain(r.CompileDiagnostics, c => c.Severity == DiagnosticSeverity.Error);
    }
}
