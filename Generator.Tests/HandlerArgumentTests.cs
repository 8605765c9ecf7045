using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using static GoSharp.Generator.Tests.Infrastructure.TwoCompilations;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// Interpolated string handler parameters whose <c>[InterpolatedStringHandlerArgument]</c> names another argument,
/// and the parameter attributes that change what a call passes (a red team's find; the differential cases are
/// <c>Execution/Cases.RedTeam.HandlerArguments.cs</c>): the launcher keeps them, a nested call makes the handler at
/// the call site (also through another assembly's frame factory), and a handler the compiler rejects costs no
/// second error in the frame.
/// </summary>
public class HandlerArgumentTests
{
    private const string Handler = """
        [System.Runtime.CompilerServices.InterpolatedStringHandler]
        public sealed class LogHandler
        {
            private readonly System.Text.StringBuilder _text = new();
            public LogHandler(int literalLength, int formattedCount, System.Text.StringBuilder log) { log.Append("ctor;"); _text.Append(literalLength).Append(':'); }
            public void AppendLiteral(string s) => _text.Append(s);
            public void AppendFormatted<T>(T value) => _text.Append(value);
            public override string ToString() => _text.ToString();
        }
        """;

    [Fact]
    public void AnotherAssemblysGoroutineWithAHandlerParameterIsCalledAndLaunchedWithAnInterpolatedString()
    {
        var lib = GeneratorHarness.Run(Compilation("GoLib", "Lib.cs", """
            using System.Runtime.CompilerServices;
            using System.Text;
            using GoSharp;
            namespace GoLib
            {
            """ + Handler + """
                public static partial class Fmt
                {
                    [Goroutine]
                    public static string Format(StringBuilder log, [InterpolatedStringHandlerArgument("log")] LogHandler h)
                    {
                        Go.Yield();
                        return log + "|" + h;
                    }

                    [Goroutine]
                    public static string Where(int x, [CallerMemberName] string member = "", [CallerArgumentExpression("x")] string text = "")
                    {
                        Go.Yield();
                        return member + "/" + text;
                    }
                }
            }
            """));
        Assert.Empty(lib.Diagnostics);
        Assert.Empty(lib.CompileDiagnostics);
        var libImage = EmitImage(lib.Output);
        var app = GeneratorHarness.Run(Compilation("GoApp", "App.cs", """
            using System.Text;
            using GoSharp;
            using GoLib;
            public static partial class App
            {
                public static string Main()
                {
                    using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = 3 });
                    using (rt.Enter())
                        return GoRun(2).Join() + " " + Fmt.GoFormat(new StringBuilder("l;"), $"go{3}").Join() + " " + Fmt.GoWhere(1 + 1).Join();
                }

                [Goroutine]
                static T Tw<T>(T x) { Go.Yield(); return x; }

                [Goroutine]
                static string Run(int n) =>
                    Fmt.Format(Tw(new StringBuilder("a;")), $"x{n}") + " " + Fmt.Format(new StringBuilder("b;"), $"y{Tw(n)}");
            }
            """, MetadataReference.CreateFromImage(libImage.Pe)));
        Assert.Empty(app.Diagnostics);
        Assert.Empty(app.CompileDiagnostics);
        Assert.Equal("a;ctor;|1:x2 b;ctor;|1:y2 l;ctor;|2:go3 Main/1 + 1", RunMain("GoLib", libImage, EmitImage(app.Output)));
    }

    /// <summary>An optional parameter made with attributes only (<c>[Optional, DefaultParameterValue(5)]</c>) is optional for the launcher too.</summary>
    [Fact]
    public void ALauncherKeepsAnOptionalParameterOfAttributes()
    {
        var result = GeneratorHarness.Run("""
            using System.Runtime.InteropServices;
            using GoSharp;
            public static partial class C
            {
                [Goroutine] public static int Opt([Optional, DefaultParameterValue(5)] int k, [Optional] string? s) { Go.Yield(); return k + (s?.Length ?? 0); }
                public static int Main() => GoOpt().Join() + GoOpt(1).Join();
            }
            """);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.CompileDiagnostics);
        Assert.Contains("[global::System.Runtime.InteropServices.OptionalAttribute()] [global::System.Runtime.InteropServices.DefaultParameterValueAttribute(((int)5))] int k",
            GeneratorHarness.GeneratedText(result));
    }

    /// <summary>Append methods whose return types disagree (CS8942): the compiler's error, once, and none in the frame.</summary>
    [Fact]
    public void AHandlerTheCompilerRejectsIsReportedOnce()
    {
        const string source = """
            using GoSharp;
            [System.Runtime.CompilerServices.InterpolatedStringHandler]
            public class MixedHandler
            {
                public MixedHandler(int literalLength, int formattedCount) { }
                public bool AppendLiteral(string s) => true;
                public void AppendFormatted<T>(T value) { }
            }
            [System.Runtime.CompilerServices.InterpolatedStringHandler]
            public class NoMatchingConstructorHandler
            {
                public NoMatchingConstructorHandler() { }
                public void AppendLiteral(string s) { }
                public void AppendFormatted<T>(T value) { }
            }
            public partial class C
            {
                static void W(MixedHandler h) { }
                [Goroutine] static void Mixed(int n) { W($"a{n}b"); Go.Yield(); }
                [Goroutine] static T Tw<T>(T x) { Go.Yield(); return x; }
                [Goroutine] static void MixedSuspending(int n) { W($"a{n}b{Tw(n)}"); }
                [Goroutine] static void NoConstructor(int n) { NoMatchingConstructorHandler h = $"a{n}b"; Go.Yield(); }
            }
            """;
        var plain = GeneratorHarness.Compile(("Test.cs", source)).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);
        var result = GeneratorHarness.Run(source);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(plain.Select(d => d.ToString()).OrderBy(s => s), result.CompileDiagnostics.Select(d => d.ToString()).OrderBy(s => s));
        Assert.Contains(result.CompileDiagnostics, d => d.Id == "CS8942");
    }
}
