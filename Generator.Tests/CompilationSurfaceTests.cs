using System.Threading;
using GoSharp.Generator.Finding;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>What changes a tree's surface (TreeSurface) and what does not.</summary>
public class CompilationSurfaceTests
{
    private const string Source = """
        namespace Demo;
        public partial class C
        {
            public const int K = 1;
            public int P { get { return 1; } }
            public C() { var x = 1; }
            public static int M(int a = 2)
            {
                return a;
            }
            [Attr] public static int G() => 1;
        }
        """;

    private static string Surface(string source) =>
        TreeSurface.Text(CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, "C.cs"), CancellationToken.None);

    [Theory]
    [InlineData("return a;", "return a + 1; // more")]
    [InlineData("{ return 1; }", "{ return 2; }")]
    [InlineData("=> 1;", "=> 2;")]
    [InlineData("    public static int M", "\n\n    // a comment\n    public static int M")]
    public void BodyAndTriviaEditsLeaveItAlone(string find, string replace) =>
        Assert.Equal(Surface(Source), Surface(Source.Replace(find, replace)));

    [Theory]
    [InlineData("K = 1", "K = 2")]                                   // a constant
    [InlineData("int a = 2", "int a = 3")]                           // a default value
    [InlineData("[Attr] public", "[Attr, Goroutine] public")]        // an attribute
    [InlineData("public static int M", "internal static int M")]     // a signature
    [InlineData("var x = 1;", "var x = 2;")]                         // a constructor body (the lowering reads initializers through it)
    [InlineData("return a;", "#nullable disable\n        return a;")] // a directive in a body
    [InlineData("=> 1;", ";")]                                       // a body's existence
    [InlineData("{ return 1; }", "{ return field; }")]               // an accessor that declares a backing field
    public void DeclarationEditsChangeIt(string find, string replace) =>
        Assert.NotEqual(Surface(Source), Surface(Source.Replace(find, replace)));

    [Fact]
    public void AnAttributedMethodBecomingAnIteratorChangesIt()
    {
        var source = Source.Replace("[Attr] public static int G() => 1;", "[Attr] public static System.Collections.Generic.IEnumerable<int> G() { return null; }");
        Assert.NotEqual(Surface(source), Surface(source.Replace("{ return null; }", "{ yield return 1; }")));
        // Inside a lambda, yield makes no iterator of G: the same surface as a plain statement.
        Assert.Equal(Surface(source), Surface(source.Replace("{ return null; }", "{ System.Func<int> f = () => 1; return null; }")));
    }

    [Fact]
    public void StructWithPrimaryConstructorKeepsItsBodies()
    {
        const string s = "public struct S(int p) { public int M() { return 0; } }";
        Assert.NotEqual(Surface(s), Surface(s.Replace("return 0;", "return p;")));
    }
}
