using System;
using System.Collections.Generic;
using System.IO;

namespace GoSharp.GeneratorBenchmarks;

/// <summary>
/// A check beside <see cref="IncrementalBenchmarks"/> for a loaded machine: BenchmarkDotNet measures the binding and the
/// re-run minutes apart, and other work on a shared machine can change in between. This runs them alternately in one
/// process and reports the median of each round's ratio (re-run / binding), which such drift does not move.
/// </summary>
internal static class InterleavedRatio
{
    public static int Run(int rounds, TextWriter output)
    {
        var bench = new IncrementalBenchmarks { Methods = 2000 };
        bench.Setup();
        for (var i = 0; i < 3; i++) { bench.BindFile(); bench.RerunAfterOneMethodEdit(); }
        var ratios = new List<double>();
        var binds = new List<double>();
        var reruns = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            GC.Collect();
            var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            bench.BindFile();
            var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
            GC.Collect();
            var t2 = System.Diagnostics.Stopwatch.GetTimestamp();
            bench.RerunAfterOneMethodEdit();
            var t3 = System.Diagnostics.Stopwatch.GetTimestamp();
            double bind = t1 - t0, rerun = t3 - t2;
            binds.Add(bind * 1000.0 / System.Diagnostics.Stopwatch.Frequency);
            reruns.Add(rerun * 1000.0 / System.Diagnostics.Stopwatch.Frequency);
            ratios.Add(rerun / bind);
        }
        binds.Sort();
        reruns.Sort();
        ratios.Sort();
        output.WriteLine($"rounds {rounds}: binding median {binds[rounds / 2]:F0} ms, re-run median {reruns[rounds / 2]:F0} ms, "
            + $"ratio median {ratios[rounds / 2]:P0} (least {ratios[0]:P0}, most {ratios[rounds - 1]:P0})");
        return 0;
    }
}
