using System;
using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// Roslyn wants the generator's file names (hint names) unique ignoring case, and one duplicate fails the whole
/// run: every goroutine of the project would lose its frame and launcher (red team 9, bug 13). Names that collide
/// ignoring case or once sanitized get a suffix.
/// </summary>
public class HintNameTests
{
    [Theory]
    [InlineData("""
        namespace App.IO { public partial class Reader { [Goroutine] public static int Read(int n) { Go.Yield(); return n + 1; } } }
        namespace App.Io { public partial class Reader { [Goroutine] public static int Read(int n) { Go.Yield(); return n + 2; } } }
        public static class Probe { public static string Run() => App.IO.Reader.GoRead(1).Join() + " " + App.Io.Reader.GoRead(1).Join(); }
        """, "2 3")]
    [InlineData("""
        public partial class CaseM
        {
            [Goroutine] public static int Load(int n) { Go.Yield(); return n + 1; }
            [Goroutine] public static int load(int n) { Go.Yield(); return n + 2; }
            [Goroutine] public static int load(long n) { Go.Yield(); return (int)n + 3; }
        }
        public static class Probe { public static string Run() => CaseM.GoLoad(1).Join() + " " + CaseM.Goload(1).Join() + " " + CaseM.Goload(1L).Join(); }
        """, "2 3 4")]
    [InlineData("""
        namespace X
        {
            public partial class Y<T> { [Goroutine] public static int M(int n) { Go.Yield(); return n + 1; } }
            public partial class Y_T_ { [Goroutine] public static int M(int n) { Go.Yield(); return n + 2; } }
        }
        public static class Probe { public static string Run() => X.Y<int>.GoM(1).Join() + " " + X.Y_T_.GoM(1).Join(); }
        """, "2 3")]
    public void Colliding_file_names_get_a_suffix_and_every_goroutine_keeps_its_frame(string source, string expected)
    {
        var r = GeneratorHarness.Run("using GoSharp;\n" + source);
        Assert.Empty(r.Run.Results.Where(x => x.Exception is not null).Select(x => x.Exception));
        var hints = r.Run.Results.SelectMany(x => x.GeneratedSources).Select(s => s.HintName).ToList();
        Assert.Equal(hints.Count, hints.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Empty(r.CompileDiagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var probe = GeneratorHarness.Load(r.Output).GetType("Probe")!;
        Assert.Equal(expected, (string)probe.GetMethod("Run")!.Invoke(null, null)!);
    }
}
