using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using static GoSharp.Generator.Tests.Infrastructure.TwoCompilations;

namespace GoSharp.Generator.Tests;

/// <summary>
/// Members of C# 14 extension blocks (Generator/Lowering/ExtensionBlocks.cs), compiled in memory with the Roslyn of
/// the .NET 10 SDK (the generator itself is built against 4.14 and reads the blocks by reflection): what is refused,
/// at which span; the generated launcher block; two blocks with the same member text; calls from another assembly
/// through the frame factories. The differential cases are Execution/Cases.ExtensionBlocks.cs.
/// </summary>
public class ExtensionBlockTests
{
    private const string Prelude = """
        using System;
        using System.Collections.Generic;
        using GoSharp;

        """;

    private static void ExpectOne(string id, string markedSource)
    {
        var text = Prelude + markedSource;
        var start = text.IndexOf("[|", System.StringComparison.Ordinal);
        var end = text.IndexOf("|]", System.StringComparison.Ordinal) - 2;
        var result = GeneratorHarness.Run(text.Replace("[|", "").Replace("|]", ""));
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(id, d.Id);
        Assert.Equal(TextSpan.FromBounds(start, end), d.Location.SourceSpan);
        Assert.DoesNotContain(result.CompileDiagnostics, c => c.Severity == DiagnosticSeverity.Error);
    }

    private static GeneratorHarness.Result ExpectClean(string source)
    {
        var result = GeneratorHarness.Run(Prelude + source);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.CompileDiagnostics);
        return result;
    }

    [Fact]
    public void TheInMemoryCompilerKnowsExtensionBlocks() =>
        // Without it every other test here would test nothing: the harness's Roslyn must parse and bind C# 14.
        Assert.DoesNotContain(GeneratorHarness.Compile(("E.cs", "public static class E { extension(int x) { public int M() => x; } }")).GetDiagnostics(),
            d => d.Severity == DiagnosticSeverity.Error);

    // A ref or in receiver is a by-reference parameter of the implementation: async refuses it at the member's name
    // (CS1988), and so does the generator.
    [Fact]
    public void ARefReceiverIsRefusedAtTheMembersName() => ExpectOne("GOSH0003", """
        public static partial class E { extension(ref int x) { [Goroutine] public int [|Bump|]() { Go.Yield(); return ++x; } } }
        """);

    [Fact]
    public void AnInReceiverIsRefusedAtTheMembersName() => ExpectOne("GOSH0003", """
        public static partial class E { extension(in long x) { [Goroutine] public long [|Twice|]() { Go.Yield(); return x * 2; } } }
        """);

    [Fact]
    public void ASpanReceiverIsRefusedAtTheMembersName() => ExpectOne("GOSH0017", """
        public static partial class E { extension(Span<int> s) { [Goroutine] public int [|First|]() { Go.Yield(); return 1; } } }
        """);

    [Fact]
    public void AStaticMemberOfARefReceiverBlockTakesNoReceiver()
    {
        var r = ExpectClean("""
            public static partial class E { extension(ref int r) { [Goroutine] public static int Make(int n) { Go.Yield(); return n + 1; } } }
            """);
        Assert.Contains("extension(ref int r)", GeneratorHarness.GeneratedText(r));
    }

    [Fact]
    public void AStaticClassThatIsNotPartialIsReportedAtItsName() => ExpectOne("GOSH0002", """
        public static class [|E|] { extension(int x) { [Goroutine] public int Twice() { Go.Yield(); return x * 2; } } }
        """);

    [Fact]
    public void TheLauncherIsDeclaredInAGeneratedBlockWithTheUsersReceiverAndConstraints()
    {
        var r = ExpectClean("""
            public static partial class E
            {
                extension<T>(List<T> list) where T : class
                {
                    [Goroutine]
                    public int CountNonNull<U>(U extra) where U : struct { Go.Yield(); return list.FindAll(x => x is not null).Count; }
                }
            }
            public static class Use
            {
                public static Goroutine<int> Start(List<string> l) => l.GoCountNonNull(3);
            }
            """);
        var generated = GeneratorHarness.GeneratedText(r);
        Assert.Contains("extension<T>(List<T> list) where T : class", generated);
        Assert.Contains("GoCountNonNull<U>(U extra) where U : struct", generated);
        // The frame and the factory take the implementation's shape: the block's type parameters first, the receiver first.
        Assert.Contains("class CountNonNull_Frame<T, U>", generated);
        Assert.Contains("__GoFrame_CountNonNull<T, U>(List<T> list, U extra) where T : class where U : struct", generated);
    }

    /// <summary>Two blocks with the same member text differ only by their receivers: two methods, two frames, each its own.</summary>
    [Fact]
    public void TheSameMemberTextInTwoBlocksIsTwoGoroutines()
    {
        var r = ExpectClean("""
            public static partial class E
            {
                extension(int x)
                {
                    [Goroutine] public string Name() { Go.Yield(); return "<" + x + ">"; }
                }
                extension(string x)
                {
                    [Goroutine] public string Name() { Go.Yield(); return "<" + x + ">"; }
                }

                [Goroutine]
                public static string Both(int n) => n.Name() + "/" + ("s" + n).Name();
            }
            """);
        var generated = GeneratorHarness.GeneratedText(r);
        Assert.Contains("class Name_Frame_0", generated);
        Assert.Contains("class Name_Frame_1", generated);
        Assert.Contains("new global::E.Name_Frame_0(_p_n)", generated);
        Assert.Contains("new global::E.Name_Frame_1((\"s\" + _p_n))", generated);
        Assert.Contains("private int _p_x;", generated);
        Assert.Contains("private string _p_x;", generated);
    }

    /// <summary>
    /// A method lowered again after a change of the surface is found by its fingerprint, which names the blocks around
    /// it by their receivers: the same member text in two blocks stays two methods, as a cold run sees them.
    /// </summary>
    [Fact]
    public void AfterASurfaceEditTheSameMemberTextInTwoBlocksIsStillTwoGoroutines()
    {
        var source = Prelude + """
            public static partial class E
            {
                extension(int x)
                {
                    [Goroutine] public string Name() { Go.Yield(); return "<" + x + ">"; }
                }
                extension(string x)
                {
                    [Goroutine] public string Name() { Go.Yield(); return "<" + x + ">"; }
                }
            }
            """;
        var before = GeneratorHarness.Compile(("E.cs", source));
        var driver = IncrementalRun.NewDriver(trackSteps: false).RunGenerators(before);
        IncrementalRun.AssertSameOutputs(IncrementalRun.Cold(before), IncrementalRun.Outputs(driver), "first run");
        var edited = IncrementalRun.Edit(before, "E.cs", "public static partial class E\n{", "public static partial class E\n{\n    private static int s_added;");
        driver = driver.RunGenerators(edited);
        IncrementalRun.AssertSameOutputs(IncrementalRun.Cold(edited), IncrementalRun.Outputs(driver), "a field added");
    }

    private const string Library = """
        using System.Collections.Generic;
        using GoSharp;

        namespace GoLib
        {
            public static partial class ChanExtensions
            {
                extension(Chan<int> c)
                {
                    [Goroutine]
                    public int RecvTwice() => c.Recv() + c.Recv();
                }

                extension<T>(List<T> list)
                {
                    [Goroutine]
                    public int SumWith(Chan<int> c) { var sum = list.Count; foreach (var _ in list) sum += c.Recv(); return sum; }
                }

                extension(Chan<int>)
                {
                    [Goroutine]
                    public static int RecvFrom(Chan<int> c) => c.Recv() * 100;
                }
            }
        }
        """;

    private const string App = """
        using System.Collections.Generic;
        using GoSharp;
        using GoLib;

        public static partial class App
        {
            public static string Main()
            {
                using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = 7, MaxThreads = 1, DetectDeadlocks = true });
                using (rt.Enter()) return GoRun().Join();
            }

            [Goroutine]
            static void Send(Chan<int> c, int n) { for (var i = 1; i <= n; i++) c.Send(i); }

            [Goroutine]
            static string Run()
            {
                var c = new Chan<int>();
                GoSend(c, 7);
                var a = c.RecvTwice();
                var b = ChanExtensions.RecvTwice(c);
                var s = new List<string> { "x", "y" }.SumWith(c);
                var d = Chan<int>.RecvFrom(c);
                return $"{a} {b} {s} {d}";
            }
        }
        """;

    /// <summary>
    /// One thread: each of the library's receives must suspend the caller's goroutine, so each call is a nested
    /// goroutine call through the member's frame factory (the implementation's form, receiver first), never a plain call.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnotherAssemblysExtensionBlockMembersAreNestedGoroutineCalls(bool referenceAssembly)
    {
        var lib = GeneratorHarness.Run(Compilation("GoLib", "Lib.cs", Library));
        Assert.Empty(lib.Diagnostics);
        Assert.Empty(lib.CompileDiagnostics);
        var libImage = EmitImage(lib.Output);
        var reference = referenceAssembly ? MetadataReference.CreateFromImage(EmitReferenceAssembly(lib.Output)) : MetadataReference.CreateFromImage(libImage.Pe);

        var app = GeneratorHarness.Run(Compilation("GoApp", "App.cs", App, reference));
        Assert.Empty(app.Diagnostics);
        Assert.Empty(app.CompileDiagnostics);
        var generated = GeneratorHarness.GeneratedText(app);
        Assert.Contains("global::GoLib.ChanExtensions.__GoFrame_RecvTwice(_l0_c)", generated);
        Assert.Contains("global::GoLib.ChanExtensions.__GoFrame_SumWith<string>(", generated);
        Assert.Contains("global::GoLib.ChanExtensions.__GoFrame_RecvFrom(_l0_c)", generated);

        Assert.Equal("3 7 13 700", RunMain("GoLib", libImage, EmitImage(app.Output)));
    }
}
