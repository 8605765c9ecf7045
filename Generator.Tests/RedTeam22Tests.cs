using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using GoSharp.Generator.Suppressors;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// Red team round 22: what a strict build (nullable enabled, warnings as errors) sees of the generated code. The
/// generated file's own warnings are disabled, but its launcher is the user's API: a call of <c>GoM(...)</c> must
/// warn exactly where the same call of <c>M(...)</c> warns.
/// </summary>
public class RedTeam22Tests
{
    private const string Declarations = """
        using GoSharp;
        using System.Collections.Generic;
        public static partial class C
        {
        #nullable disable
            [Goroutine] public static int Oblivious(string s, List<string> items) => (s ?? "").Length + (items?.Count ?? 0);
            [Goroutine] public static T Generic<T>(T value, string tag) where T : class => value ?? (T)(object)tag;
        #nullable enable
            [Goroutine] public static int Annotated(string s, string? t) => s.Length + (t?.Length ?? 0);
            [Goroutine] public static int Allowed([System.Diagnostics.CodeAnalysis.AllowNull] string s, [System.Diagnostics.CodeAnalysis.DisallowNull] string? t) => (s?.Length ?? 0) + t!.Length;
        }
        public partial class D
        {
        #nullable disable annotations
            [Goroutine] public int Instance(string s) => s?.Length ?? 0;
        #nullable restore
        }
        """;

    [Theory]
    // Oblivious parameters: neither the method nor its launcher warns on null.
    [InlineData("C.Oblivious(null, null);", "C.GoOblivious(null, null);")]
    [InlineData("C.Generic<string>(null, null);", "C.GoGeneric<string>(null, null);")]
    [InlineData("new D().Instance(null);", "new D().GoInstance(null);")]
    // Annotated ones: both warn alike (CS8625 for the non-nullable s, none for t).
    [InlineData("C.Annotated(null, null);", "C.GoAnnotated(null, null);")]
    // [AllowNull] and [DisallowNull]: null may be passed to s, not to t.
    [InlineData("C.Allowed(null, \"\");", "C.GoAllowed(null, \"\");")]
    [InlineData("C.Allowed(\"\", null);", "C.GoAllowed(\"\", null);")]
    public void ALauncherWarnsWhereItsMethodWarns(string plainCall, string launcherCall)
    {
        static string[] WarningsOfCall(string call)
        {
            var caller = "#nullable enable\npublic static class Caller { public static void Run() { " + call + " } }";
            var r = GeneratorHarness.Run(new[] { ("Decl.cs", Declarations), ("Caller.cs", caller) });
            Assert.DoesNotContain(r.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
            return r.CompileDiagnostics.Where(d => d.Location.SourceTree?.FilePath == "Caller.cs").Select(d => d.Id).OrderBy(id => id).ToArray();
        }

        Assert.Equal(WarningsOfCall(plainCall), WarningsOfCall(launcherCall));
    }

    private const string Deprecated = """
        using GoSharp;
        using System;
        using System.Diagnostics.CodeAnalysis;
        public static partial class E
        {
            [Goroutine, Obsolete("use New")] public static int Old(int n) => n;
            [Goroutine, Obsolete("gone", true)] public static int Gone(int n) => n;
            [Goroutine, Experimental("EXP001", UrlFormat = "https://example.com/{0}")] public static int Trial(int n) => n;
            [Goroutine] public static int Current(int n) => n;
        }
        """;

    /// <summary>
    /// A launcher uses its method as a call does: <c>GoOld(1)</c> gets the CS0618 of <c>Old(1)</c> (CS0619 for an
    /// obsolete error), <c>GoTrial(1)</c> the experimental diagnostic of <c>Trial(1)</c>; before, the launcher
    /// started a deprecated or experimental method with no word.
    /// </summary>
    [Theory]
    [InlineData("Old")]
    [InlineData("Gone")]
    [InlineData("Trial")]
    [InlineData("Current")]
    public void ALauncherIsAsObsoleteAndExperimentalAsItsMethod(string method)
    {
        static string[] DiagnosticsOfCall(string call)
        {
            var caller = "public static class Caller { public static void Run() { _ = " + call + "; } }";
            var r = GeneratorHarness.Run(new[] { ("Decl.cs", Deprecated), ("Caller.cs", caller) });
            return r.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)
                .Select(d => d.Location.SourceTree?.FilePath + " " + d.Id).OrderBy(id => id).ToArray();
        }

        Assert.Equal(DiagnosticsOfCall($"E.{method}(1)"), DiagnosticsOfCall($"E.Go{method}(1)"));
    }

    private const string PrivateGoroutines = """
        using GoSharp;
        public partial class W
        {
            [Goroutine] private int Launched(int n) => n;
            [Goroutine] private int NeverLaunched(int n) => n;
            [Goroutine] private static T Generic<T>(T x) => x;
            [Goroutine] private int Overload(int n) => n;
            [Goroutine] private int Overload(string s) => s.Length;
            private int Plain(int n) => n;
            public Goroutine<int> Start() => GoLaunched(1);
            public Goroutine<string> StartGeneric() => GoGeneric("s");
            public Goroutine<int> StartOverload() => GoOverload(2);
        }
        """;

    /// <summary>
    /// IDE0051 (the IDE's "private member is unused", not available to these tests) on a private [Goroutine] method
    /// started only through its launcher: the method is used, its launcher makes its frame. Stubbed here as an
    /// analyzer that reports every private method; the suppressor answers only the launched ones.
    /// </summary>
    [Fact]
    public async Task UnusedPrivateMember_is_suppressed_for_launched_goroutines_only()
    {
        var output = GeneratorHarness.Run(PrivateGoroutines).Output;
        var diagnostics = await output.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new EveryPrivateMethodIsUnused(), new LaunchedPrivateGoroutineSuppressor()),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null,
                    concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true))
            .GetAnalyzerDiagnosticsAsync();

        string Describe(Diagnostic d) => d.GetMessage() + (d.IsSuppressed ? " suppressed" : " reported");
        Assert.Equal(
            new[] { "Generic suppressed", "Launched suppressed", "NeverLaunched reported", "Overload(int) suppressed", "Overload(string) reported", "Plain reported" },
            diagnostics.Where(d => d.Id == "IDE0051").Select(Describe).Order().ToArray());
    }

    // A test double run in memory, never loaded by a compiler: the rules for shipped analyzers do not apply.
#pragma warning disable RS1041, RS1036, RS2008
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class EveryPrivateMethodIsUnused : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("IDE0051", "Unused", "{0}", "Style", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSymbolAction(c =>
            {
                var m = (IMethodSymbol)c.Symbol;
                if (m.DeclaredAccessibility != Accessibility.Private || m.MethodKind != MethodKind.Ordinary) return;
                var name = m.Name == "Overload" ? $"Overload({m.Parameters[0].Type.ToDisplayString()})" : m.Name;
                c.ReportDiagnostic(Diagnostic.Create(Rule, m.Locations[0], name));
            }, SymbolKind.Method);
        }
    }
#pragma warning restore RS1041, RS1036, RS2008

    // A suspension point whose awaiter factory the goroutine's type cannot reach (private in the primitive's type) was
    // a CS0122 at the user's call, as if the call were wrong; it is the primitive's GOSH0011 there now.
    [Fact]
    public void AnAwaiterFactoryTheGoroutineCannotReachIsGosh0011() => DiagnosticTests.Expect("GOSH0011", """
        public static class P
        {
            [SuspensionPoint(nameof(GetBlockAwaiter))] public static void Block(int v) { }
            private static YieldAwaiter GetBlockAwaiter(int v) => default;
        }
        public partial class C { [Goroutine] static void M() => [|P.Block(1)|]; }
        """);
}
