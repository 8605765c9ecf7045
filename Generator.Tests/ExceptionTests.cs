using System;
using System.IO;
using System.Text.RegularExpressions;
using GoSharp.Generator.Tests.Execution;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>Exceptions keep the user's file and line through the generated frames (via #line).</summary>
public class ExceptionTests
{
    private static string UserFrame(string trace, string file) =>
        Regex.Match(trace, Regex.Escape(file) + @":line \d+").Value;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void UncaughtExceptionPointsAtUserLine(int procs)
    {
        var plain = Assert.Throws<ArgumentOutOfRangeException>(() => Cases.Uncaught(new Log(), 1));
        var expected = UserFrame(plain.StackTrace!, "Cases.Try.cs");
        Assert.NotEmpty(expected);

        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        using (rt.Enter())
        {
            var h = Cases.GoUncaught(new Log(), 1);
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => h.Join());
            Assert.Contains(expected, ex.StackTrace);
            Assert.Contains("Uncaught", ex.StackTrace);
        }
    }

    [Fact]
    public void CalleeExceptionAfterSuspensionKeepsCalleeLine()
    {
        var plain = Assert.Throws<InvalidOperationException>(() => Cases.Thrower(new Log(), 1));
        var expected = UserFrame(plain.StackTrace!, "Cases.Try.cs");
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        using (rt.Enter())
        {
            // FibDriver-style nesting: the root frame calls Thrower, which throws after suspending.
            var h = ExceptionCases.GoCallThrower(new Log());
            var ex = Assert.Throws<InvalidOperationException>(() => h.Join());
            Assert.Contains(expected, ex.StackTrace);
            Assert.Contains("CallThrower", ex.StackTrace);
        }
    }

    [Fact]
    public void FinallyRunsExactlyOnceWhenCalleeThrows()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2 });
        using (rt.Enter())
        {
            var log = new Log();
            var h = ExceptionCases.GoFinallyAroundThrower(log);
            Assert.Throws<InvalidOperationException>(() => h.Join());
            Assert.Equal("thrower,finally", log.ToString());
        }
    }

    [Fact]
    public void SourceLocationOfStates()
    {
        var frame = new Cases.Straight_Frame(new Log(), 1);
        Assert.Equal("GoSharp.Generator.Tests.Execution.Cases.Straight", frame.MethodName);
        var loc = frame.GetSourceLocation(0);
        Assert.NotNull(loc);
        Assert.EndsWith("Cases.Control.cs", loc!.Value.File);
        Assert.True(loc.Value.Line > 10);
        Assert.Null(frame.GetSourceLocation(1000));
    }

    [Fact]
    public void SourceLocationOfStatesFollowsTheUsersLineDirectives()
    {
        var frame = new Cases.LineDirectiveStates_Frame(1);
        var own = frame.GetSourceLocation(0)!.Value;
        Assert.EndsWith("Cases.LineDirectives.cs", own.File);
        // Mapped by the user's #line to a template, resolved against the folder of the file that says so.
        var mapped = frame.GetSourceLocation(1)!.Value;
        Assert.Equal(Path.Combine(Path.GetDirectoryName(own.File)!, "Templates", "States.razor"), mapped.File);
        Assert.Equal(300, mapped.Line);
        // Under #line hidden the state keeps its place in the user's own file (the line below the directive).
        var hidden = frame.GetSourceLocation(2)!.Value;
        Assert.Equal(own.File, hidden.File);
        Assert.Equal(own.Line + 4, hidden.Line);
    }
}

public static partial class ExceptionCases
{
    [Goroutine]
    public static int CallThrower(Log log)
    {
        var r = Cases.Thrower(log, 1);
        return r;
    }

    [Goroutine]
    public static void FinallyAroundThrower(Log log)
    {
        try
        {
            Cases.Thrower(log, 1);
        }
        finally
        {
            log.Add("finally");
        }
    }
}
