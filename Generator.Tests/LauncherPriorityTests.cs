using GoSharp.Generator.Tests.Infrastructure;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// C# 13's [OverloadResolutionPriority] chooses among a method's overloads; a launcher must choose as the method does,
/// so <c>GoM(x)</c> starts the overload <c>M(x)</c> calls (red team 15: the launchers lacked the attribute, and
/// <c>GoPick(3)</c> started <c>Pick(int)</c> where <c>Pick(3)</c> calls <c>Pick(object)</c>).
/// </summary>
public class LauncherPriorityTests
{
    [Fact]
    public void A_launcher_picks_the_overload_the_plain_call_picks()
    {
        var r = GeneratorHarness.Run("""
            using GoSharp;
            using System.Runtime.CompilerServices;
            public static partial class Pr
            {
                [OverloadResolutionPriority(1)] [Goroutine] public static string Pick(object o) { Go.Yield(); return "object" + o; }
                [Goroutine] public static string Pick(int o) { Go.Yield(); return "int" + o; }
                [Goroutine] public static string Nested(int n) => Pick(n);
                public static string Run() => Pick(3) + "," + GoPick(3).Join() + "," + GoNested(4).Join();
            }
            """);
        var pr = GeneratorHarness.Load(r.Output).GetType("Pr")!;
        Assert.Equal("object3,object3,object4", (string)pr.GetMethod("Run")!.Invoke(null, null)!);
    }

    /// <summary>
    /// An override takes the priority of the method it overrides (C# reads the original's; an override cannot say
    /// one, CS9262): the launchers of [Goroutine] overrides of a plain base's overloads lacked it, and
    /// <c>GoPick(3)</c> started <c>Pick(int)</c> where <c>Pick(3)</c> calls <c>Pick(object)</c>.
    /// </summary>
    [Fact]
    public void A_launcher_of_an_override_keeps_its_originals_priority()
    {
        var r = GeneratorHarness.Run("""
            using GoSharp;
            using System.Runtime.CompilerServices;
            public class PrBase
            {
                [OverloadResolutionPriority(1)] public virtual string Pick(object o) => "base object" + o;
                public virtual string Pick(int o) => "base int" + o;
            }
            public partial class PrDerived : PrBase
            {
                [Goroutine] public override string Pick(object o) { Go.Yield(); return "object" + o; }
                [Goroutine] public override string Pick(int o) { Go.Yield(); return "int" + o; }
                [Goroutine] public string Nested(int n) => Pick(n);
                public static string Run() { var d = new PrDerived(); return d.Pick(3) + "," + d.GoPick(3).Join() + "," + d.GoNested(4).Join(); }
            }
            """);
        var pr = GeneratorHarness.Load(r.Output).GetType("PrDerived")!;
        Assert.Equal("object3,object3,object4", (string)pr.GetMethod("Run")!.Invoke(null, null)!);
    }
}
