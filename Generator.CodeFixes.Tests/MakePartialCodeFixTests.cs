using System.Threading.Tasks;
using GoSharp.Generator.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace GoSharp.Generator.CodeFixes.Tests;

public class MakePartialCodeFixTests
{
    [Fact]
    public Task TheEnclosingTypeBecomesPartial() => GoSharpCodeFixTest<MakePartialCodeFix>.RunAsync("""
        using GoSharp;
        public class {|GOSH0002:Outer|}
        {
            public partial class Inner { [Goroutine] static void M() { Go.Yield(); } }
        }
        """, """
        using GoSharp;
        public partial class Outer
        {
            public partial class Inner { [Goroutine] static void M() { Go.Yield(); } }
        }
        """);

    [Fact]
    public Task TheTypeAndEveryEnclosingTypeBecomePartial() => GoSharpCodeFixTest<MakePartialCodeFix>.RunAsync("""
        using GoSharp;
        namespace N
        {
            internal static class {|GOSH0002:Outer|}
            {
                sealed class {|GOSH0002:Middle|}
                {
                    struct {|GOSH0002:Inner|} { [Goroutine] static int M() { Go.Yield(); return 1; } }
                }
            }
        }
        """, """
        using GoSharp;
        namespace N
        {
            internal static partial class Outer
            {
                sealed partial class Middle
                {
                    partial struct Inner { [Goroutine] static int M() { Go.Yield(); return 1; } }
                }
            }
        }
        """);

    [Fact]
    public Task FixAllAcrossDocuments()
    {
        var test = new GoSharpCodeFixTest<MakePartialCodeFix>();
        test.TestState.Sources.Add(("A.cs", "using GoSharp;\npublic class {|GOSH0002:A|} { [Goroutine] static void M() { Go.Yield(); } }\n"));
        test.TestState.Sources.Add(("B.cs", "using GoSharp;\nrecord {|GOSH0002:B|} { [Goroutine] static void M() { Go.Yield(); } }\n"));
        test.FixedState.Sources.Add(("A.cs", "using GoSharp;\npublic partial class A { [Goroutine] static void M() { Go.Yield(); } }\n"));
        test.FixedState.Sources.Add(("B.cs", "using GoSharp;\npartial record B { [Goroutine] static void M() { Go.Yield(); } }\n"));
        return test.RunAsync();
    }
}
