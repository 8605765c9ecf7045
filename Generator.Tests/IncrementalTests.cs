using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>An edit to an unrelated file must re-run nothing after the find stage, and no step may hold symbols or syntax.</summary>
public class IncrementalTests
{
    private const string Source = """
        using GoSharp;
        namespace Demo;
        public static partial class P
        {
            [Goroutine] public static int A(int n) { for (var i = 0; i < n; i++) Go.Yield(); return n; }
            [Goroutine] public static void B() { try { A(3); } finally { Go.Yield(); } }
            [Goroutine] static void Bad(ref int x) { }
        }
        """;

    internal static readonly string[] Tracked =
    {
        TrackingNames.Find, TrackingNames.Request, TrackingNames.Surface, TrackingNames.Model, TrackingNames.LineBases, TrackingNames.Methods,
    };

    [Fact]
    public void UnrelatedEditIsCached()
    {
        var compilation = GeneratorHarness.Compile(("P.cs", Source));
        var driver = IncrementalRun.NewDriver().RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        Assert.Equal(2, first.GeneratedSources.Length);
        foreach (var name in Tracked)
            foreach (var (value, _) in IncrementalRun.Step(driver, name)) IncrementalRun.AssertNoRoslynObjects(value, name);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { public int X; }", GeneratorHarness.ParseOptions, "Other.cs"));
        driver = driver.RunGenerators(edited);
        foreach (var name in Tracked)
        {
            // A new declaration (Unrelated) changes the surface, so the lowering reruns; what it makes is equal
            // (Unchanged), so nothing after it runs.
            if (name == TrackingNames.Surface) continue;
            foreach (var (_, reason) in IncrementalRun.Step(driver, name))
                Assert.True(IncrementalRun.IsReused(reason), $"{name}: {reason}");
        }
        foreach (var reason in IncrementalRun.OutputReasons(driver))
            Assert.True(IncrementalRun.IsReused(reason), "output: " + reason);
        foreach (var name in Tracked)
            foreach (var (value, _) in IncrementalRun.Step(driver, name)) IncrementalRun.AssertNoRoslynObjects(value, name);
    }

    [Fact]
    public void CommentInAnotherFileLowersNothing()
    {
        var compilation = GeneratorHarness.Compile(("P.cs", Source), ("Other.cs", "namespace Other; public class Unrelated { public int X() { return 1; } }"));
        var driver = IncrementalRun.NewDriver().RunGenerators(compilation);
        // A body edit in another file is no change to the surface: not one lowering runs.
        driver = driver.RunGenerators(IncrementalRun.Edit(compilation, "Other.cs", "return 1;", "/* two */ return 2;"));
        foreach (var name in Tracked)
            foreach (var (_, reason) in IncrementalRun.Step(driver, name))
                Assert.True(IncrementalRun.IsReused(reason), $"{name}: {reason}");
        foreach (var reason in IncrementalRun.OutputReasons(driver))
            Assert.True(IncrementalRun.IsReused(reason), "output: " + reason);
    }
}
