using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// A launcher called in a goroutine with an interpolated string that C# converts to a handler (the launcher keeps
/// the method's <c>[InterpolatedStringHandlerArgument]</c> parameter) and a suspension point in a hole: the
/// generator cannot see its own launchers, so it would run the hole before C# makes the handler; or with a suspension
/// point in a later argument, before which the string would be spilled as a string. GOSH0010 at the string; a string
/// without either, or one given to a <c>string</c> parameter, is fine
/// (the differential cases <c>HandlerArgumentLaunchers</c> run those).
/// </summary>
public class LauncherHandlerRefusalTests
{
    private const string Prelude = """
        using System.Runtime.CompilerServices;
        using System.Text;
        using GoSharp;
        using GoSharp.CompilerServices;
        [InterpolatedStringHandler]
        public sealed class H
        {
            public H(int literalLength, int formattedCount, StringBuilder sb) { sb.Append("made;"); }
            public void AppendLiteral(string s) { }
            public void AppendFormatted<T>(T v) { }
        }
        public static class P
        {
            [SuspensionPoint(nameof(GetAw))] public static int Get(int v) => v;
            public static Aw GetAw(int v) => default;
            public struct Aw { public bool IsCompleted => false; public FrameResult Suspend(G g, Frame f) => g.Yield(f); public int GetResult() => 0; }
        }
        public static partial class Fmt
        {
            [Goroutine] public static string Format(StringBuilder sb, [InterpolatedStringHandlerArgument("sb")] H h) { Go.Yield(); return sb.ToString(); }
            [Goroutine] public static string Worded(this StringBuilder sb, int k, [InterpolatedStringHandlerArgument("sb")] H h) { Go.Yield(); return sb.ToString() + k; }
            [Goroutine] public static string Plain(StringBuilder sb, string s) { Go.Yield(); return s; }
            [Goroutine] public static string Then(StringBuilder sb, [InterpolatedStringHandlerArgument("sb")] H h, int k) { Go.Yield(); return sb.ToString() + k; }
        }

        """;

    private static void ExpectUnsupported(string markedBody)
    {
        var result = GeneratorHarness.RunMarked(Prelude + markedBody, out var span);
        var matching = result.AnalyzerDiagnostics.Where(d => d.Id == "GOSH0010").ToList();
        Assert.Single(matching);
        Assert.Equal(span, matching[0].Location.SourceSpan);
        Assert.Contains("is an interpolated string handler", matching[0].GetMessage(), System.StringComparison.Ordinal);
        Assert.DoesNotContain(result.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void SuspendingHoleInAHandlerArgumentOfALauncher() => ExpectUnsupported("""
        public static partial class C
        {
            [Goroutine] static string M(int n) { var sb = new StringBuilder(); return Fmt.GoFormat(sb, [|$"x{P.Get(n)}"|]).Join(); }
        }
        """);

    [Fact]
    public void SuspendingHoleInANamedHandlerArgumentOfAnExtensionLauncher() => ExpectUnsupported("""
        public static partial class C
        {
            [Goroutine] static string M(int n) { var sb = new StringBuilder(); return sb.GoWorded(h: [|$"a" + $"{P.Get(n)}"|], k: 1).Join(); }
        }
        """);

    // Red team round 3 (bug2): the string was spilled, as a string, before the later argument suspended (CS1503).
    [Fact]
    public void HandlerArgumentOfALauncherBeforeASuspendingArgument() => ExpectUnsupported("""
        public static partial class C
        {
            [Goroutine] static string M(int n) { var sb = new StringBuilder(); return Fmt.GoThen(sb, [|$"x{n}"|], P.Get(n)).Join(); }
        }
        """);

    [Fact]
    public void NamedHandlerArgumentOfALauncherBeforeASuspendingArgument() => ExpectUnsupported("""
        public static partial class C
        {
            [Goroutine] static string M(int n) { var sb = new StringBuilder(); return Fmt.GoThen(sb: sb, h: [|$"x{n}"|], k: P.Get(n)).Join(); }
        }
        """);

    [Fact]
    public void LauncherHandlersWithoutSuspendingHolesAndSuspendingStringsAreFine()
    {
        var result = GeneratorHarness.Run(Prelude + """
            public static partial class C
            {
                [Goroutine]
                static string M(int n)
                {
                    var sb = new StringBuilder();
                    return Fmt.GoFormat(sb, $"x{n}").Join() + sb.GoWorded(P.Get(1), $"w{n}").Join() + Fmt.GoPlain(sb, $"p{P.Get(n)}").Join()
                        + Fmt.GoThen(sb, $"t{n}", n + 1).Join() + Fmt.GoThen(k: P.Get(n), sb: sb, h: $"t{n}").Join();
                }
            }
            """);
        Assert.DoesNotContain(result.Diagnostics.Concat(result.CompileDiagnostics), d => d.Severity == DiagnosticSeverity.Error);
    }
}
