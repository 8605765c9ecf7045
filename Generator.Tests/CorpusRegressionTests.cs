using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// Shapes that bench/corpus (every method of TheAlgorithms/C-Sharp marked [Goroutine]) found to produce generated
/// code that did not compile. Each must compile, with at most the refused method's own GOSH diagnostic.
/// </summary>
public partial class CorpusRegressionTests
{
    private static void CompilesWithOnly(string source, params string[] goshIds)
    {
        var r = GeneratorHarness.Run("using System; using System.Collections.Generic; using GoSharp;\n" + source);
        Assert.Empty(r.CompileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(goshIds.OrderBy(x => x), r.Diagnostics.Select(d => d.Id).OrderBy(x => x));
    }

    [Fact]
    public void A_call_to_a_goroutine_iterator_is_a_plain_call() => CompilesWithOnly("""
        public partial class Graph
        {
            [Goroutine] public IEnumerable<int> Neighbors(int v) { yield return v + 1; yield return v + 2; }
            [Goroutine] public int Sum(int v) { var s = 0; foreach (var n in Neighbors(v)) { s += n; Go.Yield(); } return s; }
        }
        """, "GOSH0004");

    [Fact]
    public void A_call_to_a_mutable_struct_goroutine_is_a_plain_call() => CompilesWithOnly("""
        public partial struct Counter
        {
            public int N;
            [Goroutine] public int Bump() => ++N;
        }
        public static partial class User { [Goroutine] public static int Use(Counter c) { Go.Yield(); return c.Bump(); } }
        """, "GOSH0014");

    [Fact]
    public void Overrides_in_a_sealed_class_need_no_virtual_frame_factory()
    {
        CompilesWithOnly("""
            public sealed partial class Bits
            {
                private readonly int _v = 5;
                [Goroutine] public override string ToString() => "bits " + _v;
                [Goroutine] public override int GetHashCode() => _v;
                [Goroutine] public override bool Equals(object? o) => o is Bits b && b._v == _v;
                [Goroutine] public string Show() { Go.Yield(); return ToString() + GetHashCode(); }
            }
            """);
        var r = GeneratorHarness.Run("using GoSharp; public sealed partial class Bits { [Goroutine] public override string ToString() => \"b\"; }");
        Assert.DoesNotContain("virtual", GeneratorHarness.GeneratedText(r));
    }

    [Fact]
    public void A_sealed_override_of_a_virtual_goroutine_still_dispatches()
    {
        CompilesWithOnly("""
            public partial class Animal { [Goroutine] public virtual string Speak() => "..."; }
            public partial class Dog : Animal { [Goroutine] public sealed override string Speak() => "woof"; }
            public static partial class Zoo { [Goroutine] public static string Hear(Animal a) { Go.Yield(); return a.Speak(); } }
            """);
    }
}
