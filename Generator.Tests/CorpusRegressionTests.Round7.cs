using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>Shapes the corpus oracle's seventh round of new codebases found (docs/corpus.md).</summary>
public partial class CorpusRegressionTests
{
    [Fact]
    public void Init_only_members_after_a_constructor_that_runs_code_are_set_through_their_accessors()
    {
        // NCalc's ExpressionConfiguration.FromOptions: init-only properties of a class whose constructor sets some
        // of them, with a suspending value. Async accepts it; the generator refused it (GOSH0010). The object is
        // made first now, then each member set in order, an init-only one through an [UnsafeAccessor].
        var r = GeneratorHarness.Run("""
            using System; using GoSharp;
            public sealed class Options
            {
                public Options() { Parsing = "default"; }
                public string Parsing { get; init; }
                public bool Cache { get; init; } = true;
                public int Plain { get; set; }
            }
            public static partial class Factory
            {
                [Goroutine] public static int Level(int n) { Go.Yield(); return n; }
                [Goroutine] public static Options Make(int n) => new Options { Cache = n > 2, Parsing = "p" + Level(n), Plain = Level(3) };
            }
            """);
        Assert.Empty(r.Diagnostics);
        Assert.Empty(r.CompileDiagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var frame = r.Run.Results.SelectMany(x => x.GeneratedSources).Single(s => s.HintName.Contains("Make")).SourceText.ToString();
        Assert.Contains("Name = \"set_Parsing\"", frame);
        Assert.Contains("Name = \"set_Cache\"", frame);
        Assert.DoesNotContain("set_Plain", frame);
    }

    [Fact]
    public void Required_members_a_constructor_does_not_set_are_set_after_a_constructor_that_runs_code()
    {
        // `new T()` alone would not compile without its required members (CS9035): the constructor is called through
        // an [UnsafeAccessor] (once refused, GOSH0010), then each member set after its value.
        var r = GeneratorHarness.Run("""
            using System; using GoSharp;
            public sealed class Options
            {
                public Options() { Console.WriteLine("made"); }
                public required string Parsing { get; init; }
            }
            public static partial class Factory
            {
                [Goroutine] public static string Level(int n) { Go.Yield(); return n.ToString(); }
                [Goroutine] public static Options Make(int n) => new Options { Parsing = Level(n) };
            }
            """);
        Assert.Empty(r.Diagnostics);
        Assert.Empty(r.CompileDiagnostics);
        Assert.Contains("UnsafeAccessorKind.Constructor)]", GeneratorHarness.GeneratedText(r));
    }

    [Fact]
    public void A_lambda_parameter_named_this_does_not_hide_the_frames_instance() => CompilesWithOnly("""
        using System.Linq;
        // NiL.JS's GlobalContext: `new ExternalFunction((_this, args) => ... GetConstructor(type) ...)` in an instance
        // method. The frame wrote `_this.GetConstructor(type)`, which bound to the lambda's parameter (CS0176 in
        // generated code); the user's `_this` is renamed now, where it is declared and where it is used.
        public class Value { public static Value GetConstructor(Type t) => new Value(); }
        public sealed partial class GlobalContext
        {
            public Value GetConstructor(Type type) => new Value();
            [Goroutine] public void Throw() => Go.Yield();
            [Goroutine]
            public Func<Value, int, Value> Selector(Type type)
            {
                Throw();
                Func<Value, int, Value> f = (_this, args) => args == 0 ? GetConstructor(type) : _this;
                int Local(int _this) => _this + GetHashCode();
                var q = from _this in new[] { 1 } select GetConstructor(type);
                foreach (var _this in q) GetConstructor(type);
                return f;
            }
        }
        """);

    [Fact]
    public void A_conditional_abstract_method_overridden_in_a_class_that_is_not_sealed() => CompilesWithOnly("""
        // BEPUphysics' TypeProcessor: the override's factory made a delegate from the [Conditional] method to check
        // for an override below (CS1618 in generated code); it finds the method by reflection now.
        public abstract partial class Processor
        {
            [System.Diagnostics.Conditional("DEBUG")]
            [Goroutine] protected abstract void Validate(int size);
            [Goroutine] public void Run(int n) { Validate(n); Go.Yield(); }
        }
        public partial class Typed<T> : Processor
        {
            [Goroutine] protected override void Validate(int size) { Go.Yield(); }
        }
        """);
}
