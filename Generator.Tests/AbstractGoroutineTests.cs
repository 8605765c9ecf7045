using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static GoSharp.Generator.Tests.Infrastructure.TwoCompilations;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// [Goroutine] on an abstract method or an interface method without a body (Model/AbstractGoroutines.cs): a call
/// through it from a goroutine is a nested goroutine call of the receiver's [Goroutine] method, so its suspension
/// points suspend the goroutine (on one P another goroutine runs meanwhile) instead of running as a plain call.
/// Values: the differential case AbstractGoroutineDispatch.
/// </summary>
public class AbstractGoroutineTests
{
    private const string Source = """
        using System.Collections.Generic;
        using GoSharp;

        public partial interface IStep { [Goroutine] void Step(List<string> log); }
        public partial interface IDefaultStep { [Goroutine] void Step(List<string> log) { log.Add("default"); } }
        public partial class StepC : IDefaultStep { [Goroutine] public void Step(List<string> log) { Go.Yield(); log.Add("step"); } }
        public abstract partial class StepBase { [Goroutine] public abstract void Step(List<string> log); }
        public partial class StepA : IStep { [Goroutine] public void Step(List<string> log) { Go.Yield(); log.Add("step"); } }
        public partial class StepB : StepBase { [Goroutine] public override void Step(List<string> log) { Go.Yield(); log.Add("step"); } }
        // The interface taken on by a derived class whose implementation is the base class's method: the base's public
        // factory implements the interface's factory implicitly (C# maps it as it maps Step), partial or not.
        public partial class StepBaseOfD { [Goroutine] public void Step(List<string> log) { Go.Yield(); log.Add("step"); } }
        public partial class StepD : StepBaseOfD, IStep { }
        public class StepE : StepBaseOfD, IStep { }
        public class StepF : StepBaseOfD, IDefaultStep { }
        // An explicit implementation; static abstract and static virtual members called through a type parameter.
        public partial class StepX : IStep { [Goroutine] void IStep.Step(List<string> log) { Go.Yield(); log.Add("step"); } }
        public partial interface IStaticStep { [Goroutine] static abstract void Step(List<string> log); }
        public partial interface IStaticDefaultStep { [Goroutine] static virtual void Step(List<string> log) { log.Add("default"); } }
        public partial struct StepS : IStaticStep, IStaticDefaultStep { [Goroutine] public static void Step(List<string> log) { Go.Yield(); log.Add("step"); } }
        // A contravariant interface: its member without a body gets only default methods, which C# allows there; the call
        // goes through a variance conversion (IVariantStep<object> to IVariantStep<List<string>>).
        public partial interface IVariantStep<in T> { [Goroutine] void Step(T log); }
        public partial class StepV : IVariantStep<object> { [Goroutine] public void Step(object log) { Go.Yield(); ((List<string>)log).Add("step"); } }

        public static partial class P
        {
            [Goroutine] static void Other(List<string> log) => log.Add("other");
            [Goroutine] static void ViaT<T>(List<string> log) where T : IStaticStep => T.Step(log);
            [Goroutine] static void ViaDefaultT<T>(List<string> log) where T : IStaticDefaultStep => T.Step(log);

            [Goroutine]
            public static string Run(int via)
            {
                var log = new List<string>();
                GoOther(log);
                if (via == 0) { IStep s = new StepA(); s.Step(log); }
                else if (via == 1) { StepBase s = new StepB(); s.Step(log); }
                else if (via == 2) { IDefaultStep s = new StepC(); s.Step(log); }
                else if (via == 3) { IStep s = new StepD(); s.Step(log); }
                else if (via == 4) { IStep s = new StepE(); s.Step(log); }
                else if (via == 5) { IDefaultStep s = new StepF(); s.Step(log); }
                else if (via == 6) { IStep s = new StepX(); s.Step(log); }
                else if (via == 7) ViaT<StepS>(log);
                else if (via == 8) ViaDefaultT<StepS>(log);
                else { IVariantStep<List<string>> s = new StepV(); s.Step(log); }
                return string.Join(",", log);
            }
        }
        """;

    [Theory]
    [InlineData(0)]   // an interface method without a body
    [InlineData(1)]   // an abstract method
    [InlineData(2)]   // a default interface method the class implements
    [InlineData(3)]   // implemented by a base class's method, the interface taken on by a derived class
    [InlineData(4)]   // the same, the derived class not partial
    [InlineData(5)]   // the same for a default interface method
    [InlineData(6)]   // an explicit implementation
    [InlineData(7)]   // a static abstract member, through a type parameter
    [InlineData(8)]   // a static virtual member, through a type parameter
    [InlineData(9)]   // an interface method without a body of a contravariant interface, through a variance conversion
    public void A_call_through_the_abstract_method_suspends_in_the_implementation(int via)
    {
        var result = GeneratorHarness.Run(Source);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.CompileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        var type = GeneratorHarness.Load(result.Output).GetType("P")!;
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        using (rt.Enter())
        {
            var handle = (Goroutine<string>)type.GetMethod("GoRun")!.Invoke(null, new object[] { via })!;
            // The implementation's Go.Yield lets Other run first: it was suspended, not called plainly.
            Assert.Equal("other,step", handle.Join());
        }
    }

    [Fact]
    public void Implementations_of_refused_and_of_nullable_generic_interface_methods_compile()
    {
        // Found by bench/corpus marking every interface method: a variant interface's member whose result names its
        // variant type parameter is refused (GOSH0017: its factory's Frame<T> would not keep the variance, so there is
        // no factory to implement), and `T? M<T>() where T : Attribute` needs `where T : class` restated on the
        // explicit factory, or its T? would be Nullable<T>.
        var result = GeneratorHarness.Run("""
            using System;
            using GoSharp;
            public partial interface IShuffler<out T> { [Goroutine] T First(); }
            public partial class Shuffler<T> : IShuffler<T> { [Goroutine] public T First() { Go.Yield(); return default!; } }
            public partial interface IDescriptor
            {
                [Goroutine] T? Find<T>() where T : Attribute;
                [Goroutine] T? Value<T>(T? fallback) where T : struct;
                [Goroutine] T? Any<T>(T? fallback);
            }
            public partial class Descriptor : IDescriptor
            {
                [Goroutine] public T? Find<T>() where T : Attribute { Go.Yield(); return null; }
                [Goroutine] public T? Value<T>(T? fallback) where T : struct { Go.Yield(); return fallback; }
                [Goroutine] public T? Any<T>(T? fallback) { Go.Yield(); return fallback; }
            }
            """);
        Assert.Equal(new[] { "GOSH0017" }, result.Diagnostics.Select(d => d.Id).Distinct());
        Assert.Empty(result.CompileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    /// <summary>
    /// An abstract [Goroutine] method and an interface method without a body in the library, implemented by
    /// [Goroutine] methods of the application (Model/AbstractGoroutines.cs): calls through them in the application
    /// suspend (one thread only), and a plain implementation runs plainly through the library's factory.
    /// </summary>
    [Fact]
    public void AbstractGoroutinesOfALibraryAreImplementedByTheApplication()
    {
        var lib = GeneratorHarness.Run(Compilation("GoLib", "Lib.cs", """
            using GoSharp;
            namespace GoLib
            {
                public partial interface ISource { [Goroutine] int Next(Chan<int> c); }
                public abstract partial class Sink { [Goroutine] public abstract int Take(Chan<int> c); }
            }
            """));
        Assert.Empty(lib.Diagnostics);
        Assert.Empty(lib.CompileDiagnostics);
        var reference = MetadataReference.CreateFromImage(EmitImage(lib.Output).Pe);
        var app = GeneratorHarness.Run(Compilation("GoApp", "App.cs", """
            using GoSharp;
            using GoLib;
            public partial class Src : ISource { [Goroutine] public int Next(Chan<int> c) => c.Recv() + 1; }
            public partial class Snk : Sink { [Goroutine] public override int Take(Chan<int> c) => c.Recv() * 2; }
            public static partial class App
            {
                public static string Main()
                {
                    using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = 7, MaxThreads = 1, DetectDeadlocks = true });
                    using (rt.Enter()) return GoRun().Join();
                }

                [Goroutine] static void Feed(Chan<int> c) { c.Send(20); c.Send(30); }

                [Goroutine]
                static string Run()
                {
                    var c = new Chan<int>();
                    GoFeed(c);
                    ISource s = new Src();
                    Sink k = new Snk();
                    return s.Next(c) + " " + k.Take(c);
                }
            }
            """, reference));
        Assert.Empty(app.Diagnostics);
        Assert.Empty(app.CompileDiagnostics);
        Assert.Equal("21 60", RunMain("GoLib", EmitImage(lib.Output), EmitImage(app.Output)));
    }
}
