using GoSharp.Generator.Tests.Infrastructure;
using static GoSharp.Generator.Tests.Infrastructure.TwoCompilations;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// A library's [Goroutine] methods called with anonymous type arguments from an application's goroutine (once
/// GOSH0010): no code can write the factory's type arguments, so a generic helper of the caller's frame infers them
/// from examples and calls the factory (CallLowering.AnonymousFrameFactory). Static, instance, virtual and extension
/// methods; the calls go through the factories (the generated text shows it) and give the plain calls' values.
/// </summary>
public class CrossAssemblyAnonymousTests
{
    [Fact]
    public void ALibrarysGenericGoroutinesTakeAnonymousTypeArguments()
    {
        var lib = GeneratorHarness.Run(Compilation("GoLib", "Lib.cs", """
            using System.Collections.Generic;
            using GoSharp;
            namespace GoLib
            {
                public static partial class Store
                {
                    [Goroutine] public static List<T> Repeat<T>(T value, int count) { var r = new List<T>(); for (var i = 0; i < count; i++) { Go.Yield(); r.Add(value); } return r; }
                    [Goroutine] public static T Last<T>(this List<T> items) { Go.Yield(); return items[items.Count - 1]; }
                }
                public partial class Shelf
                {
                    public int Calls;
                    [Goroutine] public virtual T Keep<T>(T value) { Go.Yield(); Calls++; return value; }
                    [Goroutine] public (T, U) Pair<T, U>(T a, U b) { Go.Yield(); Calls += 10; return (a, b); }
                }
            }
            """));
        Assert.Empty(lib.Diagnostics);
        Assert.Empty(lib.CompileDiagnostics);
        var libImage = EmitImage(lib.Output);
        var app = GeneratorHarness.Run(Compilation("GoApp", "App.cs", """
            using System.Collections.Generic;
            using GoSharp;
            using GoLib;
            public partial class LoudShelf : Shelf
            {
                [Goroutine] public override T Keep<T>(T value) { Go.Yield(); Calls += 100; return value; }
            }
            public static partial class App
            {
                public static string Main()
                {
                    using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = 3, MaxProcs = 1 });
                    using (rt.Enter()) return GoRun().Join();
                }

                [Goroutine]
                static string Run()
                {
                    var order = new List<string>();
                    int Note(string s, int v) { order.Add(s); return v; }
                    var rows = Store.Repeat(new { Id = Note("id", 4), Name = "n" }, Note("count", 2));
                    var last = rows.Last();
                    Shelf shelf = new LoudShelf();
                    var kept = shelf.Keep(new { Tag = "t" });
                    var pair = shelf.Pair(new { A = 1 }, new[] { new { B = "b" } });
                    var plain = new Shelf();
                    var kept2 = plain.Keep(new { Tag = "u" });
                    return rows.Count + last.Name + last.Id + "," + kept.Tag + kept2.Tag + "," + pair.Item1.A + pair.Item2[0].B
                        + "," + shelf.Calls + "," + plain.Calls + "," + string.Join("", order);
                }
            }
            """, MetadataReference.CreateFromImage(libImage.Pe)));
        Assert.Empty(app.Diagnostics);
        Assert.Empty(app.CompileDiagnostics);
        var generated = GeneratorHarness.GeneratedText(app);
        Assert.Contains(".__GoFrame_Repeat<T0>(", generated);
        Assert.Contains("a0.__GoFrame_Keep<T0>(", generated);
        Assert.Equal("2n4,tu,1b,110,1,idcount", RunMain("GoLib", libImage, EmitImage(app.Output)));
    }
}
