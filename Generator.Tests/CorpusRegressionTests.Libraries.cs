using GoSharp.Generator.Tests.Infrastructure;
using System.Linq;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// Shapes that bench/corpus found in Newtonsoft.Json (with its net8.0 DefineConstants) and MoreLINQ, every method
/// marked [Goroutine]: each produced generated code that did not compile. (Their runtime behaviour is checked
/// by the differential cases in Execution/Cases.Corpus.cs.)
/// </summary>
public partial class CorpusRegressionTests
{
    [Fact]
    public void Attributes_of_the_containing_types_type_parameters_are_not_repeated() => CompilesWithOnly("""
        // Scriban's ScriptLazy<[DynamicallyAccessedMembers(...)] T>: the parts of a partial type merge the attributes
        // of its type parameters, so the generated part repeating them was CS0579.
        public partial class ScriptLazy<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(
            System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T> where T : new()
        {
            [Goroutine] public string Make(int n) { Go.Yield(); return new T().ToString() + n; }
        }
        """);

    [Fact]
    public void Preprocessor_directives_inside_a_parameter_list_are_not_copied_into_the_launcher() => CompilesWithOnly("""
        public static partial class MoreEnumerable
        {
            [Goroutine] public static int CountBy<T>(
        #if !NOT_DEFINED
                this
        #endif
                IEnumerable<T> source,
        #if NOT_DEFINED
                int ignored,
        #endif
                int start = 0)
            {
                var n = start;
                foreach (var x in source) { Go.Yield(); n++; }
                return n;
            }
            [Goroutine] public static int Use(List<int> xs) { Go.Yield(); return xs.CountBy() + GoCountBy(xs).Join(); }
        }
        """);

    [Fact]
    public void Usings_and_constants_of_file_local_types_stay_out_of_the_generated_file() => CompilesWithOnly("""
        namespace MoreLinq
        {
            using System.Diagnostics.CodeAnalysis;
            using static Diagnostics;
            using Alias = Diagnostics;

            static partial class MoreEnumerable
            {
                [Goroutine]
                public static string ToTable<[DynamicallyAccessedMembers(Members)] T>(T value, int width = Width, string name = Alias.Name)
                {
                    Go.Yield();
                    return name + width + value;
                }
            }

            file static class Diagnostics
            {
                public const DynamicallyAccessedMemberTypes Members = DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicFields;
                public const int Width = 12;
                public const string Name = "t\"able";
            }
        }
        """);

    [Fact]
    public void A_body_that_uses_a_file_local_type_gets_GOSH0017_at_the_use()
    {
        var r = GeneratorHarness.Run("""
            using GoSharp;
            public static partial class Tables
            {
                [Goroutine] public static int Width() { Go.Yield(); return Helpers.Twice(3); }
            }
            file static class Helpers { public static int Twice(int x) => 2 * x; }
            """);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("GOSH0017", d.Id);
        Assert.Equal("Helpers.Twice", d.Location.SourceTree!.ToString().Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
        Assert.Contains("file-local type 'Helpers'", d.GetMessage());
        Assert.Empty(r.CompileDiagnostics.Where(x => x.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error && x.Id != "GOSH0017"));
    }
}

public partial class CorpusRegressionTests
{
    [Fact]
    public void A_suspension_in_a_query_clause_that_runs_as_a_lambda_is_refused_at_the_clause()
    {
        var r = GeneratorHarness.Run("""
            using System.Linq;
            using GoSharp;
            public static partial class Q
            {
                [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
                [Goroutine] public static int[] M(int[] xs) => (from x in xs where Tw(x) > 1 select x).ToArray();
            }
            """);
        // What async refuses too (CS1995) is GOSH0017, whose message is the whole sentence.
        var d = Assert.Single(r.Diagnostics, x => x.Id == "GOSH0017");
        Assert.Contains("CS1995", d.GetMessage());
        Assert.DoesNotContain("not supported", d.GetMessage());
        Assert.StartsWith("where", d.Location.SourceTree!.ToString().Substring(d.Location.SourceSpan.Start));
    }
}
