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
}
