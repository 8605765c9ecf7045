using System.Linq;
using System.Threading;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// An expression thousands of levels deep with a suspension point near its bottom (red team round 6: a left-nested
/// `n + Tw(1) + 1 + ... + 1` of 6,000 terms overflowed the compiler's stack in the generator and killed the build).
/// The lowering stops when the stack runs low: GOSH0010 at the method, and the rest of the file still generated.
/// </summary>
public class DeepExpressionTests
{
    [Fact]
    public void A_chain_too_deep_for_the_stack_is_GOSH0010_at_the_method_not_a_crash()
    {
        var chain = "n + Tw(1)" + string.Concat(Enumerable.Repeat(" + 1", 6000));
        var source = """
            using GoSharp;
            public static partial class P
            {
                [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
                [Goroutine] static int Chain(int n) => CHAIN;
                [Goroutine] static int Short(int n) => n + Tw(1) + 1;
            }
            """.Replace("CHAIN", chain);
        GeneratorHarness.Result? result = null;
        // The compiler's own threads have about 1 MB of stack; a thread of that size makes the test mean the same
        // on any test runner.
        var thread = new Thread(() => result = GeneratorHarness.Run(source), 1024 * 1024);
        thread.Start();
        thread.Join();
        Assert.NotNull(result);
        var d = Assert.Single(result!.Diagnostics);
        Assert.Equal("GOSH0010", d.Id);
        Assert.Contains("nested too deeply", d.GetMessage());
        Assert.Equal("Chain", source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
        Assert.Contains("Short", GeneratorHarness.GeneratedText(result));
    }
}
