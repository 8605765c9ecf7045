using System.Linq;
using GoSharp.Generator.Finding;
using GoSharp.Generator.Model;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// Issue 8, incremental cost in an editor: an edit to one method lowers that method only; lines inserted above a
/// method lower nothing, and only the emitter runs again; a declaration elsewhere that a method's lowering reads
/// lowers it again. Every run's output equals a cold run's, byte for byte.
/// </summary>
public class IncrementalEditTests
{
    private const string Methods = """
        using System.Collections.Generic;
        using GoSharp;
        namespace Demo;
        public static partial class P
        {
            [Goroutine]
            public static int A(int n)
            {
                var sum = 0;
                for (var i = 0; i < n; i++) { Go.Yield(); sum += i; }
                return sum + 1;
            }

            [Goroutine]
            public static int B(int n)
            {
                var k = n * 2;
                Go.Yield();
                return k + 1;
            }

            [Goroutine]
            public static void C(List<int> xs)
            {
                foreach (var x in xs) { if (x > 2) Go.Yield(); }
            }

            [Goroutine]
            public static int D(int n)
            {
                try { Go.Yield(); return n; }
                finally { n++; }
            }
        }
        """;

    private static (GeneratorDriver Driver, CSharpCompilationAndOutputs Before) Start(Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation)
    {
        var driver = IncrementalRun.NewDriver().RunGenerators(compilation);
        return (driver, new CSharpCompilationAndOutputs(compilation, IncrementalRun.Outputs(driver)));
    }

    private sealed record CSharpCompilationAndOutputs(Microsoft.CodeAnalysis.CSharp.CSharpCompilation Compilation, System.Collections.Generic.SortedDictionary<string, string> Outputs);

    private static string MethodOf(object loweredValue) => ((LoweredMethod)loweredValue).Method!.MethodDisplayName;

    [Fact]
    public void BodyEditLowersThatMethodOnly()
    {
        var (driver, before) = Start(GeneratorHarness.Compile(("P.cs", Methods)));
        var edited = IncrementalRun.Edit(before.Compilation, "P.cs", "return k + 1;", "return k + 2;");
        driver = driver.RunGenerators(edited);

        var lowered = IncrementalRun.Step(driver, TrackingNames.Model);
        Assert.Equal(4, lowered.Count);
        Assert.Equal(new[] { "Demo.P.B" }, lowered.Where(o => !IncrementalRun.IsReused(o.Reason)).Select(o => MethodOf(o.Value)));
        Assert.All(lowered.Where(o => MethodOf(o.Value) != "Demo.P.B"), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        // The surface is the same (a body changed): no other lowering ran.
        Assert.All(IncrementalRun.Step(driver, TrackingNames.Surface), o => Assert.True(IncrementalRun.IsReused(o.Reason)));
        var outputs = IncrementalRun.OutputReasons(driver);
        Assert.Equal(1, outputs.Count(r => !IncrementalRun.IsReused(r)));
        Assert.Equal(3, outputs.Count(IncrementalRun.IsReused));

        var after = IncrementalRun.Outputs(driver);
        IncrementalRun.AssertSameOutputs(IncrementalRun.Cold(edited), after, "body edit");
        Assert.NotEqual(before.Outputs["Demo.P.B_Frame.g.cs"], after["Demo.P.B_Frame.g.cs"]);
        Assert.Equal(before.Outputs["Demo.P.A_Frame.g.cs"], after["Demo.P.A_Frame.g.cs"]);
        foreach (var name in IncrementalTests.Tracked)
            foreach (var (value, _) in IncrementalRun.Step(driver, name)) IncrementalRun.AssertNoRoslynObjects(value, name);
    }

    [Fact]
    public void LinesInsertedAboveLowerNothingAndEmitAtTheNewLines()
    {
        var (driver, before) = Start(GeneratorHarness.Compile(("P.cs", Methods)));
        // Two lines between B and C: A and B stay, C and D move down.
        var edited = IncrementalRun.Edit(before.Compilation, "P.cs", "    [Goroutine]\n    public static void C", "    // two lines\n    // about C\n    [Goroutine]\n    public static void C");
        driver = driver.RunGenerators(edited);

        Assert.All(IncrementalRun.Step(driver, TrackingNames.Model), o => Assert.True(IncrementalRun.IsReused(o.Reason), "lowering " + o.Reason));
        var emitted = IncrementalRun.Step(driver, TrackingNames.Methods);
        Assert.Equal(new[] { "Demo.P.C", "Demo.P.D" },
            emitted.Where(o => !IncrementalRun.IsReused(o.Reason)).Select(o => ((GoSharp.Generator.Emit.EmitItem)o.Value).Lowered.Method!.MethodDisplayName).OrderBy(n => n));

        var after = IncrementalRun.Outputs(driver);
        IncrementalRun.AssertSameOutputs(IncrementalRun.Cold(edited), after, "lines inserted");
        Assert.Equal(before.Outputs["Demo.P.A_Frame.g.cs"], after["Demo.P.A_Frame.g.cs"]);
        Assert.NotEqual(before.Outputs["Demo.P.D_Frame.g.cs"], after["Demo.P.D_Frame.g.cs"]);
    }

    [Fact]
    public void CommentLineInAnotherBodyAboveMovesTheMethodsBelow()
    {
        var (driver, before) = Start(GeneratorHarness.Compile(("P.cs", Methods)));
        var edited = IncrementalRun.Edit(before.Compilation, "P.cs", "var k = n * 2;", "// first\n        var k = n * 2;");
        driver = driver.RunGenerators(edited);
        // B's own text changed; C and D only moved.
        var lowered = IncrementalRun.Step(driver, TrackingNames.Model);
        Assert.Equal(new[] { "Demo.P.B" }, lowered.Where(o => !IncrementalRun.IsReused(o.Reason)).Select(o => MethodOf(o.Value)));
        IncrementalRun.AssertSameOutputs(IncrementalRun.Cold(edited), IncrementalRun.Outputs(driver), "comment line");
    }

    [Fact]
    public void MethodWhoseTextHoldsAMarkerCharacterIsLoweredWithPlainLines()
    {
        // A raw U+0001 in a string literal: the method cannot use the line markers, so its first line is part of its
        // fingerprint; moving it lowers it again, and the output is still a cold run's.
        var source = Methods.Replace("var k = n * 2;", "var k = n * 2 + \"\u0001\u0002\".Length;");
        var (driver, before) = Start(GeneratorHarness.Compile(("P.cs", source)));
        IncrementalRun.AssertSameOutputs(IncrementalRun.Cold(before.Compilation), before.Outputs, "first run");
        Assert.Contains("\u0001", before.Outputs["Demo.P.B_Frame.g.cs"]);
        var edited = IncrementalRun.Edit(before.Compilation, "P.cs", "public static partial class P", "// moved\npublic static partial class P");
        driver = driver.RunGenerators(edited);
        Assert.Equal(new[] { "Demo.P.B" }, IncrementalRun.Step(driver, TrackingNames.Model).Where(o => !IncrementalRun.IsReused(o.Reason)).Select(o => MethodOf(o.Value)));
        IncrementalRun.AssertSameOutputs(IncrementalRun.Cold(edited), IncrementalRun.Outputs(driver), "moved");
    }

    [Fact]
    public void SameTextInTwoTypesIsTwoMethods()
    {
        // A method lowered again because the surface changed is found again by its fingerprint, and the driver
        // compares each value with the one at the same place in its last run: the same text in two types must be two
        // fingerprints, or the second method would get the first one's declaration or lowering.
        const string twice = """
            using GoSharp;
            namespace Demo;
            public static partial class First
            {
                [Goroutine] public static int M(int n) { Go.Yield(); return n; }
            }
            public static partial class Second
            {
                [Goroutine] public static int M(int n) { Go.Yield(); return n; }
            }
            """;
        var compilation = GeneratorHarness.Compile(("P.cs", twice), ("K.cs", Constants));
        var driver = IncrementalRun.NewDriver(trackSteps: false).RunGenerators(compilation);
        Assert.Equal(2, IncrementalRun.Outputs(driver).Count);
        var surfaceChanged = IncrementalRun.Edit(compilation, "K.cs", "V = 3", "V = 4");
        driver = driver.RunGenerators(surfaceChanged);
        IncrementalRun.AssertSameOutputs(IncrementalRun.Cold(surfaceChanged), IncrementalRun.Outputs(driver), "surface changed");
        compilation = surfaceChanged;
        var edited = IncrementalRun.Edit(compilation, "P.cs", "public static partial class First\n{\n    [Goroutine] public static int M(int n) { Go.Yield(); return n; }\n}",
            "public static partial class First\n{\n}");
        driver = driver.RunGenerators(edited);
        IncrementalRun.AssertSameOutputs(IncrementalRun.Cold(edited), IncrementalRun.Outputs(driver), "first removed");
        Assert.Equal(new[] { "Demo.Second.M_Frame.g.cs" }, IncrementalRun.Outputs(driver).Keys);
    }

    [Fact]
    public void BodyOfAnotherMemberOfAMutableStructRelowersItsGoroutines()
    {
        // Whether Run may write to its instance (GOSH0014) reads Helper's body: an edit there that makes Helper write
        // re-lowers Run (now a frame that only throws), as a cold run would.
        const string run = """
            using GoSharp;
            namespace Demo;
            public partial struct S
            {
                [Goroutine] public int Run() { Go.Yield(); Helper(); return N; }
            }
            """;
        const string helper = """
            namespace Demo;
            public partial struct S
            {
                public int N;
                void Helper() { System.Console.WriteLine(N); }
            }
            """;
        var (driver, before) = Start(GeneratorHarness.Compile(("Run.cs", run), ("Helper.cs", helper)));
        Assert.DoesNotContain("throw", before.Outputs["Demo.S.Run_Frame.g.cs"]);
        var edited = IncrementalRun.Edit(before.Compilation, "Helper.cs", "System.Console.WriteLine(N);", "N++;");
        driver = driver.RunGenerators(edited);
        var after = IncrementalRun.Outputs(driver);
        IncrementalRun.AssertSameOutputs(IncrementalRun.Cold(edited), after, "helper writes");
        Assert.NotEqual(before.Outputs["Demo.S.Run_Frame.g.cs"], after["Demo.S.Run_Frame.g.cs"]);
    }

    private const string Caller = """
        using GoSharp;
        namespace Demo;
        public static partial class Calls
        {
            [Goroutine]
            public static int Caller()
            {
                Go.Yield();
                return Q.Callee();
            }
        }
        """;

    private const string Callee = """
        namespace Demo;
        public static partial class Q
        {
            public static int Callee(int x = K.V) { return x; }
        }
        """;

    private const string Constants = """
        namespace Demo;
        public static class K { public const int V = 3; }
        """;

    [Fact]
    public void MethodBecomingAGoroutineElsewhereRelowersItsCallers()
    {
        var (driver, before) = Start(GeneratorHarness.Compile(("Calls.cs", Caller), ("Q.cs", Callee), ("K.cs", Constants)));
        var edited = IncrementalRun.Edit(before.Compilation, "Q.cs", "    public static int Callee", "    [GoSharp.Goroutine] public static int Callee");
        driver = driver.RunGenerators(edited);
        var after = IncrementalRun.Outputs(driver);
        IncrementalRun.AssertSameOutputs(IncrementalRun.Cold(edited), after, "callee made a goroutine");
        Assert.NotEqual(before.Outputs["Demo.Calls.Caller_Frame.g.cs"], after["Demo.Calls.Caller_Frame.g.cs"]);
        Assert.Contains("Callee_Frame", after["Demo.Calls.Caller_Frame.g.cs"]);

        // A constant another file's default value reads: the nested call's frame gets the new value.
        var constant = IncrementalRun.Edit(edited, "K.cs", "V = 3", "V = 4");
        driver = driver.RunGenerators(constant);
        var changed = IncrementalRun.Outputs(driver);
        IncrementalRun.AssertSameOutputs(IncrementalRun.Cold(constant), changed, "constant changed");
        Assert.NotEqual(after["Demo.Calls.Caller_Frame.g.cs"], changed["Demo.Calls.Caller_Frame.g.cs"]);

        // The callee turned into an iterator: callers call it as a plain method again (SymbolFacts.IsGeneratedGoroutine).
        var iterator = IncrementalRun.Edit(constant, "Q.cs", "{ return x; }", "{ return x; }\n    static System.Collections.Generic.IEnumerable<int> Unused() { yield return 1; }");
        driver = driver.RunGenerators(iterator);
        IncrementalRun.AssertSameOutputs(IncrementalRun.Cold(iterator), IncrementalRun.Outputs(driver), "unrelated iterator");
    }

    [Fact]
    public void InterfaceMemberBecomingAGoroutineElsewhereRelowersImplementationsAndCallers()
    {
        // A static abstract member and an instance one, in their own file: marking them [Goroutine] gives the
        // implementation's part explicit factories, and the caller's T.Make(n) / m.Work(n) become goroutine calls.
        const string iface = """
            namespace Demo;
            public partial interface IMaker { static abstract int Make(int n); int Work(int n); }
            """;
        const string impl = """
            using GoSharp;
            namespace Demo;
            public partial class Maker : IMaker
            {
            #pragma warning disable GOSH0023
                [Goroutine] public static int Make(int n) { Go.Yield(); return n; }
                [Goroutine] public int Work(int n) { Go.Yield(); return n; }
            }
            public static partial class Use
            {
                [Goroutine] public static int Run<T>(T m, int n) where T : IMaker => T.Make(n) + m.Work(n);
            }
            """;
        var (driver, before) = Start(GeneratorHarness.Compile(("I.cs", iface), ("Impl.cs", impl)));
        var edited = IncrementalRun.Edit(before.Compilation, "I.cs", "static abstract int Make(int n); int Work(int n);",
            "[GoSharp.Goroutine] static abstract int Make(int n); [GoSharp.Goroutine] int Work(int n);");
        driver = driver.RunGenerators(edited);
        var after = IncrementalRun.Outputs(driver);
        IncrementalRun.AssertSameOutputs(IncrementalRun.Cold(edited), after, "interface members made goroutines");
        Assert.Contains("IMaker.__GoFrame_Make<__GoSelf>", after["Demo.Maker.Make_Frame.g.cs"]);
        Assert.Contains("IMaker.__GoFrame_Work", after["Demo.Maker.Work_Frame.g.cs"]);
        Assert.Contains("T.__GoFrame_Make<T>", after["Demo.Use.Run_Frame.g.cs"]);
        Assert.DoesNotContain("T.__GoFrame_Make<T>", before.Outputs["Demo.Use.Run_Frame.g.cs"]);
    }

    [Fact]
    public void EditsOfAPartialImplementationInAnotherFileRelowerItsGoroutine()
    {
        const string definition = """
            using GoSharp;
            namespace Demo;
            public partial class Parts
            {
                [Goroutine] public partial int Half(int v);
            }
            """;
        const string implementation = """
            using GoSharp;
            namespace Demo;
            public partial class Parts
            {
                public partial int Half(int v) { Go.Yield(); return v / 2; }
            }
            """;
        var (driver, before) = Start(GeneratorHarness.Compile(("Def.cs", definition), ("Impl.cs", implementation)));
        Assert.Contains("v / 2", before.Outputs["Demo.Parts.Half_Frame.g.cs"]);
        var body = IncrementalRun.Edit(before.Compilation, "Impl.cs", "return v / 2;", "return v / 3;");
        driver = driver.RunGenerators(body);
        IncrementalRun.AssertSameOutputs(IncrementalRun.Cold(body), IncrementalRun.Outputs(driver), "implementation body edited");
        Assert.Contains("v / 3", IncrementalRun.Outputs(driver)["Demo.Parts.Half_Frame.g.cs"]);
        // Lines above the implementation move its line directives.
        var moved = IncrementalRun.Edit(body, "Impl.cs", "namespace Demo;", "namespace Demo;\n\n// moved\n");
        driver = driver.RunGenerators(moved);
        IncrementalRun.AssertSameOutputs(IncrementalRun.Cold(moved), IncrementalRun.Outputs(driver), "implementation moved");
    }

    [Fact]
    public void CalleeBodyBecomingAnIteratorRelowersItsCallers()
    {
        var callee = Callee.Replace("    public static int Callee(int x = K.V) { return x; }",
            "    [GoSharp.Goroutine] public static System.Collections.Generic.IEnumerable<int> Items() { return new int[0]; }\n    public static int Callee(int x = K.V) { return x; }");
        var caller = Caller.Replace("return Q.Callee();", "foreach (var i in Q.Items()) Go.Yield();\n        return 0;");
        var (driver, before) = Start(GeneratorHarness.Compile(("Calls.cs", caller), ("Q.cs", callee), ("K.cs", Constants)));
        var edited = IncrementalRun.Edit(before.Compilation, "Q.cs", "{ return new int[0]; }", "{ yield return 1; }");
        driver = driver.RunGenerators(edited);
        var after = IncrementalRun.Outputs(driver);
        IncrementalRun.AssertSameOutputs(IncrementalRun.Cold(edited), after, "callee became an iterator");
    }

    [Fact]
    public void NullableDirectiveInAnotherBodyRelowersTheMethodsAfterIt()
    {
        var source = Methods.Replace("    [Goroutine]\n    public static int A(int n)",
            "    static void Plain()\n    {\n    }\n\n    [Goroutine]\n    public static int A(int n)")
            .Replace("var k = n * 2;", "string? s = n > 2 ? \"x\" : null;\n        var k = n * 2;\n        Go.Yield();\n        k += s?.Length ?? 0;");
        var (driver, before) = Start(GeneratorHarness.Compile(("P.cs", source)));
        var edited = IncrementalRun.Edit(before.Compilation, "P.cs", "    static void Plain()\n    {\n", "    static void Plain()\n    {\n#nullable disable\n");
        driver = driver.RunGenerators(edited);
        var after = IncrementalRun.Outputs(driver);
        IncrementalRun.AssertSameOutputs(IncrementalRun.Cold(edited), after, "#nullable in another body");
    }
}
