using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// GOSH0005 for a suspension point where the goroutine holds a lock: a lock statement (over an object or a
/// System.Threading.Lock), and the scope of a Lock's <c>EnterScope()</c>, which is what a lock statement over a Lock
/// becomes. The scope, a ref struct, was refused with GOSH0008, whose advice (read what you need into a local)
/// does not fit a lock; async refuses both (CS4013 for the scope across an await).
/// </summary>
public class LockScopeDiagnosticTests
{
    [Theory]
    [InlineData("lock (L) { [|Go.Yield()|]; }")]
    [InlineData("using (L.EnterScope()) { [|Go.Yield()|]; }")]
    [InlineData("using (var s = L.EnterScope()) { var x = 1 + [|Tw(2)|]; }")]
    [InlineData("using var s = L.EnterScope(); [|Go.Yield()|];")]
    [InlineData("if (L is not null) { using var s = L.EnterScope(); [|Go.Yield()|]; }")]
    public void ASuspensionPointWhereALockIsHeld(string body)
    {
        DiagnosticTests.Expect("GOSH0005", """
            public partial class C
            {
                static readonly System.Threading.Lock L = new();
                [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
                [Goroutine] static void M() { BODY }
            }
            """.Replace("BODY", body));
        var r = GeneratorHarness.Run(DiagnosticTests.Prelude + """
            public partial class C
            {
                static readonly System.Threading.Lock L = new();
                [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
                [Goroutine] static void M() { BODY }
            }
            """.Replace("BODY", body.Replace("[|", "").Replace("|]", "")));
        var d = Assert.Single(r.Diagnostics);
        Assert.Contains("Use Sync.Mutex, or move the call out of the lock", d.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void ALockScopeEndedBeforeTheSuspensionPointIsFine()
    {
        var r = GeneratorHarness.Run(DiagnosticTests.Prelude + """
            public partial class C
            {
                static readonly System.Threading.Lock L = new();
                [Goroutine] static int M(int n) { using (L.EnterScope()) { n++; } Go.Yield(); { using var s = L.EnterScope(); n++; } Go.Yield(); return n; }
            }
            """);
        Assert.Empty(r.Diagnostics);
        Assert.DoesNotContain(r.CompileDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
    }
}
