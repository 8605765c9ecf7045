using System;
using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using static GoSharp.Generator.Tests.Infrastructure.TwoCompilations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// [Goroutine] methods of another assembly (docs/frame-contract.md, Calls across assemblies): a library compiled
/// with the generator, referenced as a full image or as a reference assembly, is called from the goroutines of an
/// application compiled with the generator against it, as nested goroutine calls through the frame factories the
/// library carries. Every library method here receives from a channel whose value a goroutine started just before
/// the call sends, in a deterministic runtime (one P) limited to one thread: a plain call would have to block the
/// only thread, which the limit refuses (ThreadExhaustionException), so a right answer means the call suspended.
/// </summary>
public class CrossAssemblyTests
{
    private const string LibraryName = "GoLib";
    private const string AppName = "GoApp";

    private const string Library = """
        using System;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using GoSharp;

        [assembly: InternalsVisibleTo("GoApp")]

        namespace GoLib
        {
            public static partial class Pipes
            {
                [Goroutine]
                public static int RecvTwice(Chan<int> c) => c.Recv() + c.Recv();

                // Overloads, an optional parameter, a params array.
                [Goroutine]
                public static int Add(Chan<int> c, int b = 10) => c.Recv() + b;

                [Goroutine]
                public static string Add(Chan<string> c, params string[] rest) => c.Recv() + string.Join("", rest);

                [Goroutine]
                public static T Echo<T>(Chan<T> c) => c.Recv()!;

                [Goroutine]
                public static void Fail(Chan<int> c, string message, List<string> trace)
                {
                    try
                    {
                        c.Recv();
                        throw new InvalidOperationException(message);
                    }
                    finally
                    {
                        trace.Add("library finally");
                    }
                }

                [Goroutine]
                public static int Times(this Chan<int> c, int k) => c.Recv() * k;

                // Visible to GoApp only ([InternalsVisibleTo]).
                [Goroutine]
                internal static int Friend(Chan<int> c) => c.Recv() - 1;
            }

            public partial class Counter<T>
            {
                private int _taken;

                [Goroutine]
                public int Take(Chan<T> c)
                {
                    c.Recv();
                    return ++_taken;
                }

                [Goroutine]
                public virtual string Name(Chan<int> c)
                {
                    c.Recv();
                    return "base";
                }

                [Goroutine]
                protected int Guarded(Chan<int> c) => c.Recv() + 1000;

                [Goroutine]
                public static KeyValuePair<T, U> Pair<U>(T key, Chan<U> c) => new(key, c.Recv()!);
            }

            public readonly partial struct Scale
            {
                private readonly int _k;

                public Scale(int k) => _k = k;

                [Goroutine]
                public int Apply(Chan<int> c) => c.Recv() * _k;
            }
        }
        """;

    private const string App = """
        using System;
        using System.Collections.Generic;
        using GoSharp;
        using GoLib;

        public partial class Named : Counter<int>
        {
            [Goroutine]
            public override string Name(Chan<int> c)
            {
                c.Recv();
                return "derived";
            }

            [Goroutine]
            public int CallGuarded(Chan<int> c) => Guarded(c);

            // base.Name of a library's virtual goroutine: the library's body (through its factory, non-virtually).
            [Goroutine]
            public string BaseName(Chan<int> c) => base.Name(c) + "|" + Name(c);
        }

        public static partial class App
        {
            public static string Main()
            {
                using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = 7, MaxThreads = 1, DetectDeadlocks = true });
                using (rt.Enter()) return GoRun().Join() + "\nfrom plain code " + Pipes.GoAdd(Ready(20)).Join();
            }

            private static Chan<int> Ready(int v)
            {
                var c = new Chan<int>(1);
                c.Send(v);
                return c;
            }

            [Goroutine]
            static void Send<T>(Chan<T> c, T v) => c.Send(v);

            [Goroutine]
            static void DumpThenSend(Chan<int> c, int v, List<string> dumps)
            {
                dumps.Add(GoRuntime.Current.DumpGoroutines());
                c.Send(v);
            }

            static bool FilterSees(List<string> log, List<string> trace)
            {
                log.Add("filter after " + trace.Count + " finally");
                return true;
            }

            [Goroutine]
            static string Run()
            {
                var log = new List<string>();
                var ints = new Chan<int>();
                var strs = new Chan<string>();
                var dumps = new List<string>();
                GoDumpThenSend(ints, 1, dumps);
                GoSend(ints, 2);
                log.Add("RecvTwice " + Pipes.RecvTwice(ints));
                GoSend(ints, 5);
                log.Add("Add " + Pipes.Add(ints));
                GoSend(strs, "a");
                log.Add("Add " + Pipes.Add(strs, "b", "c"));
                GoSend(strs, "e");
                log.Add("Echo " + Pipes.Echo(strs));
                GoSend(ints, 4);
                log.Add("Times " + ints.Times(3));
                GoSend(ints, 8);
                log.Add("Friend " + Pipes.Friend(ints));
                var counter = new Counter<int>();
                GoSend(ints, 0);
                counter.Take(ints);
                GoSend(ints, 0);
                log.Add("Take " + counter.Take(ints));
                Counter<int> named = new Named();
                GoSend(ints, 0);
                GoSend(ints, 0);
                log.Add("Name " + counter.Name(ints) + " " + named.Name(ints));
                GoSend(ints, 6);
                log.Add("Guarded " + ((Named)named).CallGuarded(ints));
                GoSend(ints, 0);
                GoSend(ints, 0);
                log.Add("BaseName " + ((Named)named).BaseName(ints));
                GoSend(ints, 7);
                log.Add("Apply " + new Scale(3).Apply(ints));
                GoSend(ints, 9);
                log.Add("Pair " + Counter<string>.Pair("k", ints));
                var trace = new List<string>();
                try
                {
                    GoSend(ints, 0);
                    Pipes.Fail(ints, "boom", trace);
                    log.Add("not reached");
                }
                catch (InvalidOperationException e) when (e.Message == "boom")
                {
                    log.Add("caught " + e.Message + " after " + trace[0] + (e.StackTrace!.Contains("GoLib.Pipes") ? " thrown in GoLib.Pipes" : ""));
                }
                finally
                {
                    log.Add("finally");
                }
                // The library's frame suspended, then threw: this filter still runs before its finally (first pass).
                var trace2 = new List<string>();
                try
                {
                    GoSend(ints, 0);
                    Pipes.Fail(ints, "boom2", trace2);
                }
                catch (InvalidOperationException e) when (FilterSees(log, trace2))
                {
                    log.Add("caught " + e.Message + " after " + trace2[0]);
                }
                var h = Pipes.GoRecvTwice(ints);
                GoSend(ints, 10);
                GoSend(ints, 11);
                log.Add("launched " + h.Join());
                log.Add("dump " + dumps[0]);
                return string.Join("\n", log);
            }
        }
        """;

    /// <param name="referenceAssembly">The application compiles against the library's reference assembly (what
    /// a project reference or a package gives it) rather than its full image.</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ALibrarysGoroutinesAreNestedGoroutineCallsOfTheApplication(bool referenceAssembly)
    {
        var lib = GeneratorHarness.Run(Compilation(LibraryName, "Lib.cs", Library));
        Assert.Empty(lib.Diagnostics);
        Assert.Empty(lib.CompileDiagnostics);
        var libImage = EmitImage(lib.Output);
        var reference = referenceAssembly ? MetadataReference.CreateFromImage(EmitReferenceAssembly(lib.Output)) : MetadataReference.CreateFromImage(libImage.Pe);

        var app = GeneratorHarness.Run(Compilation(AppName, "App.cs", App, reference));
        Assert.Empty(app.Diagnostics);
        Assert.Empty(app.CompileDiagnostics);
        var generated = GeneratorHarness.GeneratedText(app);
        // The library's frames are internal to it: its methods are reached through their factories.
        Assert.Contains("global::GoLib.Pipes.__GoFrame_RecvTwice(", generated);
        Assert.Contains(".__GoFrame_Take(", generated);
        Assert.DoesNotContain("GoLib.Pipes.RecvTwice_Frame", generated);

        var output = RunMain(LibraryName, libImage, EmitImage(app.Output));
        var lines = output.Split('\n');
        Assert.Equal(new[]
        {
            "RecvTwice 3", "Add 15", "Add abc", "Echo e", "Times 12", "Friend 7", "Take 2", "Name base derived", "Guarded 1006", "BaseName base|derived",
            "Apply 21", "Pair [k, 9]", "caught boom after library finally thrown in GoLib.Pipes", "finally",
            "filter after 0 finally", "caught boom2 after library finally", "launched 21",
        }, lines.Take(17));
        // While the library's goroutine waited, the caller's goroutine held both frames, the library's on top.
        Assert.Matches(@"goroutine \d+ \[[^\]]+\]:\nGoLib\.Pipes\.RecvTwice\(\.\.\.\)\n\tLib\.cs:\d+\nApp\.Run\(\.\.\.\)\n\tApp\.cs:\d+\n", output);
        Assert.EndsWith("from plain code 30", output);
    }

    private const string OldLibrary = """
        using GoSharp;

        namespace GoLib
        {
            public static partial class Pipes
            {
                [Goroutine]
                public static int RecvTwice(Chan<int> c) => c.Recv() + c.Recv();
            }
        }
        """;

    private const string OldApp = """
        using System;
        using GoSharp;
        using GoLib;

        public static partial class App
        {
            public static string Main(int maxThreads)
            {
                using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = 7, MaxThreads = maxThreads, DetectDeadlocks = true });
                using (rt.Enter()) return GoRun().Join();
            }

            [Goroutine]
            static void Send(Chan<int> c, int v) => c.Send(v);

            [Goroutine]
            static string Run()
            {
                var ints = new Chan<int>();
                GoSend(ints, 1);
                GoSend(ints, 2);
                try
                {
                    return "RecvTwice " + [|Pipes.RecvTwice(ints)|];
                }
                catch (ThreadExhaustionException)
                {
                    // The receive was refused before it waited: take the two values, so no sender is left behind.
                    return "thread exhaustion " + (ints.Recv() + ints.Recv());
                }
            }
        }
        """;

    /// <summary>
    /// A library built without frame factories (here: without the generator at all, as an older generator left
    /// it too) keeps today's behaviour: the call is a plain call, with GOSH0020 at it. Plain code blocks its thread
    /// at the receive (the goroutine's P goes to another thread meanwhile), so it works only while the runtime
    /// may start another thread.
    /// </summary>
    [Fact]
    public void ALibraryWithoutFrameFactoriesIsCalledAsPlainCodeWithAWarning()
    {
        var lib = Compilation(LibraryName, "Lib.cs", OldLibrary);
        Assert.Empty(lib.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var libImage = EmitImage(lib);

        var span = OldApp.IndexOf("[|", StringComparison.Ordinal);
        var source = OldApp.Replace("[|", "").Replace("|]", "");
        var app = GeneratorHarness.Run(Compilation(AppName, "App.cs", source, MetadataReference.CreateFromImage(libImage.Pe)));
        var diagnostic = Assert.Single(app.Diagnostics);
        Assert.Equal("GOSH0020", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan(span, "Pipes.RecvTwice(ints)".Length), diagnostic.Location.SourceSpan);
        Assert.Contains("'Pipes.RecvTwice' is a [Goroutine] method of the assembly 'GoLib'", diagnostic.GetMessage());
        Assert.Empty(app.CompileDiagnostics);
        Assert.DoesNotContain("__GoFrame_RecvTwice", GeneratorHarness.GeneratedText(app));

        var appImage = EmitImage(app.Output);
        Assert.Equal("RecvTwice 3", RunMain(LibraryName, libImage, appImage, 10));
        Assert.Equal("thread exhaustion 3", RunMain(LibraryName, libImage, appImage, 1));
    }

    /// <summary>
    /// What a library exports: a factory for every [Goroutine] method another assembly may call (internal ones
    /// too, for [InternalsVisibleTo] friends), none for private ones; its reference assembly keeps the
    /// [Goroutine] attribute and the factories another assembly can see.
    /// </summary>
    [Fact]
    public void TheFactoriesFollowTheMethodsAccessibilityIntoTheReferenceAssembly()
    {
        var lib = GeneratorHarness.Run(Compilation(LibraryName, "Lib.cs", """
            using GoSharp;
            namespace GoLib
            {
                public partial class C
                {
                    [Goroutine] public static void Public() { Go.Yield(); }
                    [Goroutine] protected void Protected() { Go.Yield(); }
                    [Goroutine] internal void Internal() { Go.Yield(); }
                    [Goroutine] static void Private() { Go.Yield(); }
                    private partial class Nested { [Goroutine] public static void InPrivateType() { Go.Yield(); } }
                }
            }
            """));
        Assert.Empty(lib.Diagnostics);
        Assert.Empty(lib.CompileDiagnostics);
        var generated = GeneratorHarness.GeneratedText(lib);
        Assert.Contains("public static global::GoSharp.CompilerServices.Frame __GoFrame_Public()", generated);
        Assert.Contains("protected global::GoSharp.CompilerServices.Frame __GoFrame_Protected()", generated);
        Assert.Contains("internal global::GoSharp.CompilerServices.Frame __GoFrame_Internal()", generated);
        Assert.DoesNotContain("__GoFrame_Private", generated);
        Assert.DoesNotContain("__GoFrame_InPrivateType", generated);

        // No [InternalsVisibleTo]: the reference assembly drops internal members, factories included.
        var refImage = MetadataReference.CreateFromImage(EmitReferenceAssembly(lib.Output));
        var consumer = CSharpCompilation.Create("Consumer", null, GeneratorHarness.References.Add(refImage));
        var c = consumer.GetTypeByMetadataName("GoLib.C")!;
        Assert.Equal(new[] { "__GoFrame_Protected", "__GoFrame_Public" },
            c.GetMembers().Where(m => m.Name.StartsWith("__GoFrame_", StringComparison.Ordinal)).Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal));
        var method = (IMethodSymbol)c.GetMembers("Public").Single();
        Assert.Contains(method.GetAttributes(), a => a.AttributeClass?.ToDisplayString() == RuntimeContract.GoroutineAttribute.MetadataName);
        var factory = c.GetMembers("__GoFrame_Public").Single();
        var attribute = Assert.Single(factory.GetAttributes(), a => a.AttributeClass?.ToDisplayString() == RuntimeContract.GoroutineFrameFactoryAttribute.MetadataName);
        Assert.Equal("Public", attribute.ConstructorArguments.Single().Value);
    }

    /// <summary>
    /// Every shape of method a factory is written for compiles in the library, and a goroutine of another assembly
    /// calls each through it: interfaces (a static method, a default implementation), a readonly method of a
    /// struct, a generic method with constraints, records, nested types, protected internal and private
    /// protected methods called from a derived type, a sealed override of an imported virtual method, and overloads
    /// that differ by parameter type and arity (beside one that is no goroutine).
    /// </summary>
    [Fact]
    public void EveryShapeOfImportedGoroutineIsCalledThroughItsFactory()
    {
        var lib = GeneratorHarness.Run(Compilation(LibraryName, "Lib.cs", """
            using System;
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using GoSharp;
            [assembly: InternalsVisibleTo("GoApp")]
            namespace GoLib
            {
                public partial interface IShape
                {
                    [Goroutine] static int Make(int x) { Go.Yield(); return x; }
                    [Goroutine] int Area() { Go.Yield(); return 1; }
                }
                public partial struct Point
                {
                    public int X;
                    [Goroutine] public readonly int Twice() { Go.Yield(); return X * 2; }
                }
                public partial record Box(int V)
                {
                    [Goroutine] public int Get() { Go.Yield(); return V; }
                }
                public static partial class Outer
                {
                    public partial class Inner
                    {
                        [Goroutine] public static T Max<T>(T a, T b) where T : IComparable<T> { Go.Yield(); return a.CompareTo(b) >= 0 ? a : b; }
                        [Goroutine] public static int Sum(List<int> xs, int start = 0, [CallerLineNumber] int line = 0) { Go.Yield(); var s = start; foreach (var x in xs) s += x; return s + line * 0; }
                    }
                }
                public static partial class Over
                {
                    [Goroutine] public static string M(int x) { Go.Yield(); return "int"; }
                    [Goroutine] public static string M(long x) { Go.Yield(); return "long"; }
                    [Goroutine] public static string M<T>(T x) { Go.Yield(); return "T"; }
                    public static string M(string x) => "plain";
                }
                public partial class Base
                {
                    [Goroutine] protected internal int Pi() { Go.Yield(); return 3; }
                    [Goroutine] private protected int Pp() { Go.Yield(); return 4; }
                    [Goroutine] public virtual int V() { Go.Yield(); return 5; }
                }
            }
            """));
        Assert.Empty(lib.Diagnostics);
        Assert.Empty(lib.CompileDiagnostics);
        var reference = MetadataReference.CreateFromImage(EmitImage(lib.Output).Pe);
        var app = GeneratorHarness.Run(Compilation(AppName, "App.cs", """
            using System.Collections.Generic;
            using GoSharp;
            using GoLib;
            public sealed partial class Derived : Base
            {
                [Goroutine] public sealed override int V() { Go.Yield(); return 50; }
                [Goroutine] public int All() => Pi() + Pp() + V();
            }
            public partial class Square : IShape { }
            public static partial class App
            {
                public static string Main()
                {
                    using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = 3 });
                    using (rt.Enter()) return GoRun().Join();
                }

                [Goroutine]
                static string Run()
                {
                    IShape s = new Square();
                    Base b = new Derived();
                    return string.Join(" ", IShape.Make(1), s.Area(), new Point { X = 3 }.Twice(), new Box(7).Get(),
                        Outer.Inner.Max("a", "b"), Outer.Inner.Sum(new List<int> { 1, 2 }, line: 100), new Derived().All(), b.V(),
                        Over.M(1), Over.M(1L), Over.M<int>(1), Over.M(2.0), Over.M("s"));
                }
            }
            """, reference));
        Assert.Empty(app.Diagnostics);
        Assert.Empty(app.CompileDiagnostics);
        var generated = GeneratorHarness.GeneratedText(app);
        foreach (var factory in new[] { "__GoFrame_Make(", "__GoFrame_Area(", "__GoFrame_Twice(", "__GoFrame_Get(", "__GoFrame_Max<string>(", "__GoFrame_Sum(", "__GoFrame_Pi(", "__GoFrame_Pp(" })
            Assert.Contains(factory, generated);
        Assert.Equal("1 1 6 7 b 3 57 50 int long T T plain", RunMain(LibraryName, EmitImage(lib.Output), EmitImage(app.Output)));
    }

    /// <summary>
    /// A [Goroutine] override of an imported virtual method that is no goroutine starts its own factory chain,
    /// even where a [Goroutine] overload of the same name has a factory of that name (it is not the overridden one).
    /// </summary>
    [Fact]
    public void AnOverrideOfAPlainVirtualMethodBesideAGoroutineOverloadStartsItsOwnFactory()
    {
        var lib = GeneratorHarness.Run(Compilation(LibraryName, "Lib.cs", """
            using GoSharp;
            namespace GoLib
            {
                public partial class Base
                {
                    public virtual int Foo() => 1;
                    [Goroutine] public int Foo(int x) { Go.Yield(); return x; }
                }
            }
            """));
        Assert.Empty(lib.Diagnostics);
        var libImage = EmitImage(lib.Output);
        var app = GeneratorHarness.Run(Compilation(AppName, "App.cs", """
            using GoSharp;
            using GoLib;
            public partial class Derived : Base
            {
                [Goroutine] public override int Foo() { Go.Yield(); return 2; }
            }
            public static partial class App
            {
                public static string Main()
                {
                    using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = 3 });
                    using (rt.Enter()) return GoRun(new Derived()).Join();
                }

                [Goroutine]
                static string Run(Derived d) => d.Foo() + " " + d.Foo(3);
            }
            """, MetadataReference.CreateFromImage(libImage.Pe)));
        Assert.Empty(app.Diagnostics);
        Assert.Empty(app.CompileDiagnostics);
        Assert.Contains("public virtual global::GoSharp.CompilerServices.Frame<int> __GoFrame_Foo()", GeneratorHarness.GeneratedText(app));
        Assert.Equal("2 3", RunMain(LibraryName, libImage, EmitImage(app.Output)));
    }

    /// <summary>In a lambda an imported [Goroutine] method is a plain call, as one of the same assembly is (GOSH0019).</summary>
    [Fact]
    public void AnImportedGoroutineCalledInALambdaIsAPlainCallWithAWarning()
    {
        var lib = GeneratorHarness.Run(Compilation(LibraryName, "Lib.cs", Library));
        var reference = MetadataReference.CreateFromImage(EmitImage(lib.Output).Pe);
        var app = GeneratorHarness.Run(Compilation(AppName, "App.cs", """
            using System;
            using GoSharp;
            using GoLib;
            public static partial class App
            {
                [Goroutine]
                static int Run(Chan<int> c)
                {
                    Func<int> f = () => Pipes.RecvTwice(c);
                    return f();
                }
            }
            """, reference));
        Assert.Equal("GOSH0019", Assert.Single(app.Diagnostics).Id);
        Assert.Empty(app.CompileDiagnostics);
    }
}
