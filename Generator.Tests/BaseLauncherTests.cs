using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// GOSH0022: a launcher of a virtual [Goroutine] method called through <c>base</c> still makes its frame through the
/// virtual factory, so it starts the override; C# would lead a reader to expect the base's body (red team 9, bug 12).
/// </summary>
public class BaseLauncherTests
{
    [Fact]
    public void A_launcher_through_base_warns_that_it_starts_the_override_and_does()
    {
        var r = GeneratorHarness.Run("""
            using GoSharp;
            public partial class Bs { [Goroutine] public virtual string V(int n) { Go.Yield(); return "base" + n; } }
            public partial class Dv : Bs
            {
                [Goroutine] public override string V(int n) { Go.Yield(); return "derived" + n; }
                public string PlainCall(int n) => base.V(n) + "," + base.GoV(n).Join() + "," + GoV(n).Join();
            }
            public static class Probe { public static string Run() => new Dv().PlainCall(2); }
            """);
        var d = Assert.Single(r.Diagnostics, x => x.Id == "GOSH0022");
        Assert.Equal("base.GoV", d.Location.SourceTree!.ToString().Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
        Assert.Contains("starts this object's override of 'V'", d.GetMessage());
        var probe = GeneratorHarness.Load(r.Output).GetType("Probe")!;
        Assert.Equal("base2,derived2,derived2", (string)probe.GetMethod("Run")!.Invoke(null, null)!);
    }

    [Fact]
    public void A_launcher_of_a_non_virtual_method_through_base_is_not_reported()
    {
        var r = GeneratorHarness.Run("""
            using GoSharp;
            public partial class Bs { [Goroutine] public string V(int n) { Go.Yield(); return "base" + n; } }
            public partial class Dv : Bs { public string PlainCall(int n) => base.GoV(n).Join(); }
            """);
        Assert.DoesNotContain(r.Diagnostics, x => x.Id == "GOSH0022");
    }
}
