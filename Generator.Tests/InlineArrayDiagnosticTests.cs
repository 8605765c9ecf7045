using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// What a foreach with a suspension point cannot walk over an inline array (Cases.RedTeam15.cs runs what it can):
/// one that a ref-returning property or call gives, whose reference the walk would keep across the body's
/// suspension points (async: CS8178). It was refused with the message of a reference kept in one expression,
/// advising to compute the suspending values into locals, which does not apply to a foreach; the message now says
/// what the foreach does and how to walk it.
/// </summary>
public class InlineArrayDiagnosticTests
{
    [Theory]
    [InlineData("[|h.RefB|]")]
    [InlineData("[|h.At()|]")]
    [InlineData("[|h.Ro()|]")]
    public void AForeachOverAnInlineArrayAReferenceGives(string collection)
    {
        var source = """
            [System.Runtime.CompilerServices.InlineArray(3)] public struct Three { private int _e0; }
            public sealed class H { public Three B; public ref Three RefB => ref B; public ref Three At() => ref B; public ref readonly Three Ro() => ref B; }
            public partial class C
            {
                [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
                [Goroutine] static int M(H h) { var t = 0; foreach (var x in COLL) t += Tw(x); return t; }
            }
            """.Replace("COLL", collection);
        DiagnosticTests.Expect("GOSH0017", source);
        var r = GeneratorHarness.Run(DiagnosticTests.Prelude + source.Replace("[|", "").Replace("|]", ""));
        var message = Assert.Single(r.Diagnostics).GetMessage();
        Assert.Contains("This foreach walks the inline array", message, System.StringComparison.Ordinal);
        Assert.Contains("copy the inline array into a local first", message, System.StringComparison.Ordinal);
    }
}
