using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// Refusals and compile failures a red team found on 2026-11-28 (the runtime behaviour ones are differential cases in
/// Execution/Cases.RedTeam.cs): each must compile, or be refused with one GOSH diagnostic at the construct.
/// </summary>
public class RedTeamRegressionTests
{
    private static void RefusedAt(string id, string markedSource)
    {
        var source = markedSource.Replace("[|", "").Replace("|]", "");
        var start = markedSource.IndexOf("[|", System.StringComparison.Ordinal);
        var end = markedSource.IndexOf("|]", System.StringComparison.Ordinal) - 2;
        var r = GeneratorHarness.Run(source);
        var d = Assert.Single(r.Diagnostics, x => x.Id == id);
        Assert.Equal(source.Substring(start, end - start), source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
        Assert.Empty(r.CompileDiagnostics.Where(x => x.Severity == DiagnosticSeverity.Error && !x.Id.StartsWith("GOSH", System.StringComparison.Ordinal)));
    }

    private static void Compiles(string source)
    {
        var r = GeneratorHarness.Run(source);
        Assert.Empty(r.Diagnostics.Where(x => x.Severity == DiagnosticSeverity.Error));
        Assert.Empty(r.CompileDiagnostics.Where(x => x.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_base_generic_call_with_an_anonymous_type_argument_is_refused() => RefusedAt("GOSH0012", """
        using GoSharp;
        public class B2 { public virtual string G<T>(T v) => typeof(T).Name; }
        public partial class D2 : B2 { [Goroutine] public string M() { Go.Yield(); return [|base|].G(new { A = 1 }); } }
        """);

    [Fact]
    public void Deconstruction_into_a_base_property_compiles() => Compiles("""
        using GoSharp;
        public class BP { public virtual int P { get; set; } }
        public partial class DP : BP { [Goroutine] public int M() { Go.Yield(); int x; (base.P, x) = (1, 2); return x; } }
        """);

    [Fact]
    public void A_suspension_in_a_second_joins_collection_is_refused() => RefusedAt("GOSH0010", """
        using System.Linq;
        using GoSharp;
        public static partial class Q
        {
            [Goroutine] static T Tw<T>(T v) { Go.Yield(); return v; }
            [Goroutine] static int M(int[] a, int[] b) => (from x in Tw(a) join y in b on x equals y join z in [|Tw(b)|] on x equals z select x).Count();
        }
        """);

    [Fact]
    public void A_suspension_in_a_join_after_a_typed_range_variable_is_refused() => RefusedAt("GOSH0010", """
        using System.Collections;
        using System.Linq;
        using GoSharp;
        public static partial class Q
        {
            [Goroutine] static T Tw<T>(T v) { Go.Yield(); return v; }
            [Goroutine] static int M(IEnumerable a, int[] b) => (from int x in a join y in [|Tw(b)|] on x equals y select x).Count();
        }
        """);

    [Fact]
    public void Constants_of_a_file_local_enum_in_a_declaration_compile() => Compiles("""
        using GoSharp;
        public sealed class TagAttribute : System.Attribute { public TagAttribute(int v) { } }
        file enum Color { Red = 1, Blue = 2 }
        public static partial class FileEnum
        {
            [Goroutine] public static int M(int x = (int)Color.Blue) { Go.Yield(); return x; }
            [Goroutine] public static int M2<[Tag((int)Color.Red)] T>(T v, long k = (long)Color.Blue * 3) { Go.Yield(); return (int)k; }
        }
        """);

    [Fact]
    public void A_nested_goroutine_call_with_an_anonymous_type_argument_compiles() => Compiles("""
        using GoSharp;
        public static partial class AnonCall
        {
            [Goroutine] static T Id<T>(T v) { Go.Yield(); return v; }
            [Goroutine] static int M(int n) { var a = Id(new { A = n }); return a.A + Id(new { B = new[] { a } }).B[0].A; }
        }
        """);

    [Fact]
    public void Anonymous_variables_passed_by_out_and_ref_and_swapped_compile() => Compiles("""
        using System.Collections.Generic;
        using System.Linq;
        using GoSharp;
        public static partial class AnonVariables
        {
            [Goroutine] static T Tw<T>(T v) { Go.Yield(); return v; }
            static List<T> Wrap<T>(ref T a) => new List<T> { a };
            [Goroutine] static string M(int n)
            {
                var d = new[] { new { K = 1, V = "one" } }.ToDictionary(x => x.K);
                if (d.TryGetValue(Tw(n), out var v)) { Go.Yield(); return v.V; }
                var a = new { X = n };
                var b = new { X = Tw(n + 1) };
                (a, b) = (b, a);
                var w = Wrap(ref a);
                Go.Yield();
                return w[0].X + "," + b.X;
            }
        }
        """);

    [Fact]
    public void A_virtual_nested_goroutine_call_with_an_anonymous_type_argument_compiles() => Compiles("""
        using GoSharp;
        public partial class AnonVirtual
        {
            [Goroutine] public virtual T Id<T>(T v) { Go.Yield(); return v; }
            [Goroutine] public int M(int n) { var a = Id(new { A = n }); return a.A; }
        }
        """);

    [Fact]
    public void A_base_call_with_anonymous_and_the_methods_own_type_arguments_is_refused() => RefusedAt("GOSH0012", """
        using GoSharp;
        public partial class AnonBase
        {
            [Goroutine] public virtual T Id<T>(T v) { Go.Yield(); return v; }
        }
        public partial class AnonDerived : AnonBase
        {
            [Goroutine] public int M<U>(U u) { var a = [|base|].Id((new { A = 1 }, u)); return a.Item1.A; }
        }
        """);
}
