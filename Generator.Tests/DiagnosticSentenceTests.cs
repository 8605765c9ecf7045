using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// GOSH0010 and GOSH0017 carry whole sentences: a refusal with its own reason and advice reads as one sentence
/// ("X is not supported by the GoSharp generator: why; what to do"), not as a sentence pasted into a template
/// ("X (why; what to do) is not supported ... yet ...; rewrite it"), and what async refuses as well is GOSH0017,
/// never "not supported yet" (red team 9, bugs 2 and 3).
/// </summary>
public class DiagnosticSentenceTests
{
    private const string Header = """
        using System;
        using System.Linq;
        using GoSharp;
        public class Box { int _v; public int V { get { return _v++; } } }
        public static partial class P
        {
            [Goroutine] static int Tw(int x) { Go.Yield(); return x; }

        """;

    [Theory]
    [InlineData("[Goroutine] static ref int R(int[] a) { Tw(1); return ref a[0]; }", "GOSH0017", "return by value")]
    [InlineData("[Goroutine] static Span<int> S(int n) { Tw(1); return default; }", "GOSH0017", "return by value")]
    [InlineData("[Goroutine] static int[] Q(int[] xs) => (from x in xs where Tw(x) > 1 select x).ToArray();", "GOSH0017", "CS1995")]
    [InlineData("static bool TryGet(int i, out int v) { v = i; return true; } [Goroutine] static int F(int n) { var fs = new System.Collections.Generic.List<Func<int>>(); for (int j = 0; j < n; j = j + (TryGet(j, out var w) ? 1 : 1), fs.Add(() => w)) { Tw(0); } return fs.Count; }", "GOSH0010", "each evaluation needs its own copy")]
    [InlineData("static int __GoFrame_F(int n) => n; [Goroutine] static int F(int n) { Tw(1); return n; }", "GOSH0017", "a name the generator gives a frame factory of 'F'")]
    public void A_refusal_with_its_own_reason_reads_as_one_sentence(string member, string id, string because)
    {
        var r = GeneratorHarness.Run(Header + member + "\n}\n");
        var d = Assert.Single(r.Diagnostics, x => x.Id is "GOSH0010" or "GOSH0017");
        var message = d.GetMessage();
        Assert.Equal(id, d.Id);
        Assert.Contains(because, message);
        Assert.DoesNotContain(") is not supported", message);
        Assert.DoesNotContain("yet when it contains a suspension point", message);
        Assert.True(CountOf(message, "not supported") <= 1, message);
        if (id == "GOSH0017") Assert.DoesNotContain("not supported", message);
    }

    private static int CountOf(string s, string part) => (s.Length - s.Replace(part, "").Length) / part.Length;
}
