using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
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
}
