using System.Reflection;
using Xunit;

namespace GoSharp.Generator.Tests.Execution;

/// <summary>
/// The testing aid the differential suite's second half relies on: with GOSHARP_DEBUG=trampolinecalls=1 (here the
/// internal option behind it) a nested goroutine call does not run on its caller's stack.
/// </summary>
public partial class TrampolineModeTests
{
    [Goroutine]
    private static string Inner() => new System.Diagnostics.StackTrace().ToString();

    [Goroutine]
    private static string Outer() => Inner();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_nested_call_runs_on_the_callers_stack_only_without_the_option(bool trampoline)
    {
        var options = new GoRuntimeOptions { MaxProcs = 1 };
        typeof(GoRuntimeOptions).GetProperty("TrampolineEveryCall", BindingFlags.Instance | BindingFlags.NonPublic)!.SetValue(options, trampoline);
        string trace;
        using (var rt = new GoRuntime(options))
        using (rt.Enter())
            trace = GoOuter().Join();
        Assert.Contains("Inner_Frame.Resume", trace);
        Assert.Equal(!trampoline, trace.Contains("Outer_Frame.Resume"));
    }
}
