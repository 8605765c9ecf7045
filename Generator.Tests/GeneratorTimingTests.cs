using System.Diagnostics;
using System.Linq;
using System.Text;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace GoSharp.Generator.Tests;

/// <summary>Measures generating 1,000 [Goroutine] methods; prints the time, asserts only correctness.</summary>
public class GeneratorTimingTests(ITestOutputHelper output)
{
    private static string Source(int classes, int perClass)
    {
        var sb = new StringBuilder("using System; using System.Collections.Generic; using GoSharp;\nnamespace Timing;\n");
        for (var c = 0; c < classes; c++)
        {
            sb.Append($"public partial class C{c}\n{{\n");
            for (var m = 0; m < perClass; m++)
            {
                sb.Append($$"""
                    [Goroutine]
                    public static int M{{m}}(int n, List<int> xs)
                    {
                        var sum = 0;
                        for (var i = 0; i < n; i++)
                        {
                            if (i % 3 == 0) continue;
                            Go.Yield();
                            sum += i;
                        }
                        try
                        {
                            foreach (var x in xs) sum += x > 2 ? x : 0;
                        }
                        finally
                        {
                            sum++;
                        }
                        switch (sum % 3) { case 0: Go.Yield(); break; default: sum--; break; }
                        return sum;
                    }

                """);
            }
            sb.Append("}\n");
        }
        return sb.ToString();
    }

    [Fact]
    public void ThousandMethods()
    {
        var classes = int.Parse(System.Environment.GetEnvironmentVariable("GOSHARP_TIMING_CLASSES") ?? "20");
        var per = int.Parse(System.Environment.GetEnvironmentVariable("GOSHARP_TIMING_PER") ?? "50");
        var compilation = GeneratorHarness.Compile(Enumerable.Range(0, classes).Select(c => ("Timing" + c + ".cs", Source(1, per).Replace("class C0", "class C" + c))).ToArray());
        // Several attempts: the first ones include JIT-compiling the generator and Roslyn's binder.
        var attempts = int.Parse(System.Environment.GetEnvironmentVariable("GOSHARP_TIMING_ATTEMPTS") ?? "5");
        long best = long.MaxValue;
        GeneratorDriverRunResult? run = null;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new GoroutineGenerator().AsSourceGenerator() }, driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false), parseOptions: null);
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            run = driver.GetRunResult();
            sw.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
            best = System.Math.Min(best, sw.ElapsedMilliseconds);
            output.WriteLine($"attempt {attempt + 1}: {classes * per} [Goroutine] methods generated in {sw.ElapsedMilliseconds} ms wall, {cpu.TotalMilliseconds:F0} ms CPU (includes Roslyn binding the method bodies)");
        }
        output.WriteLine($"best of {attempts}: {best} ms");

        // Baseline for comparison: Roslyn binding every method body of the same code (no generator).
        long bestBaseline = long.MaxValue;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            var fresh = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees);
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            fresh.GetDiagnostics();
            sw.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
            bestBaseline = System.Math.Min(bestBaseline, sw.ElapsedMilliseconds);
            output.WriteLine($"baseline {attempt + 1}: binding and checking the same code without the generator: {sw.ElapsedMilliseconds} ms wall, {cpu.TotalMilliseconds:F0} ms CPU");
        }
        output.WriteLine($"baseline best of {attempts}: {bestBaseline} ms");
        output.WriteLine($"generator's own time (best total minus best baseline): {best - bestBaseline} ms for {classes * per} methods");
        Assert.Equal(classes * per, run!.GeneratedTrees.Length);
        Assert.Empty(run.Diagnostics);
    }
}
