using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// [Goroutine] where C# accepts the attribute (its usage is methods) but the generator lowers nothing: accessors of
/// properties, indexers and events (extension members' included), operators (extension operators included),
/// conversion operators, finalizers and lambdas. Each is one warning GOSH0018 at the attribute, like a local function's.
/// </summary>
public class IgnoredGoroutineAttributeTests
{
    private const string Prelude = """
        using System;
        using GoSharp;

        """;

    private static void WarnedAt(string markedSource, string what)
    {
        var result = GeneratorHarness.RunMarked(Prelude + markedSource, out var span);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("GOSH0018", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(span, d.Location.SourceSpan);
        Assert.StartsWith(what + " is marked [Goroutine]", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(result.CompileDiagnostics, c => c.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void On_a_property_getter() => WarnedAt("""
        public partial class C { int P { [[|Goroutine|]] get { Go.Yield(); return 1; } } }
        """, "The get accessor of 'P'");

    [Fact]
    public void On_an_indexer_setter() => WarnedAt("""
        public partial class C { int _v; int this[int i] { get => _v; [[|Goroutine|]] set { _v = value + i; } } }
        """, "The set accessor of 'this[]'");

    [Fact]
    public void On_an_extension_property_accessor() => WarnedAt("""
        public static partial class E { extension(int x) { public int Twice { [[|Goroutine|]] get { Go.Yield(); return x * 2; } } } }
        """, "The get accessor of 'Twice'");

    [Fact]
    public void On_an_operator() => WarnedAt("""
        public partial struct V { public int X; [[|Goroutine|]] public static V operator +(V a, V b) { Go.Yield(); return new V { X = a.X + b.X }; } }
        """, "The operator '+'");

    [Fact]
    public void On_a_finalizer() => WarnedAt("""
        public partial class F { [[|Goroutine|]] ~F() { Go.Yield(); } }
        """, "The finalizer '~F'");

    [Fact]
    public void On_an_extension_operator() => WarnedAt("""
        public struct W { public int X; }
        public static partial class E { extension(W) { [[|GoSharp.Goroutine|]] public static W operator -(W a) { Go.Yield(); return new W { X = -a.X }; } } }
        """, "The operator '-'");

    [Fact]
    public void On_a_conversion_operator() => WarnedAt("""
        public partial struct V { public int X; [[|Goroutine|]] public static implicit operator int(V v) { Go.Yield(); return v.X; } }
        """, "The conversion operator to 'int'");

    [Fact]
    public void On_a_lambda() => WarnedAt("""
        public partial class C { static Func<int> M() => [[|Goroutine|]] () => { Go.Yield(); return 1; }; }
        """, "A lambda");

    [Fact]
    public void On_a_method_nothing_is_reported()
    {
        var result = GeneratorHarness.Run(Prelude + """
            public partial class C { [Goroutine] static int M() { Go.Yield(); return 1; } int P => M(); }
            """);
        Assert.Empty(result.Diagnostics);
    }
}
