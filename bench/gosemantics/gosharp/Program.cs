// The GoSharp side of bench/gosemantics: the programs of ../go/*.go, one [Goroutine] method per case, run
// by name (`GoSemantics <case>`; no argument lists the cases). check.sh runs both sides and compares what
// they print, so each case prints what its Go twin prints, in the same words; a Go panic is printed as
// "panic: " and the first sentence of the exception's message (GoSharp's messages start with Go's text and
// go on with advice).
using System;
using System.Collections.Generic;
using System.Linq;
using GoSharp;

namespace GoSemantics;

public static partial class Cases
{
    private static readonly Dictionary<string, Func<Goroutine>> s_cases = new();

    private static void Register(string name, Func<Goroutine> main) => s_cases.Add(name, main);

    public static int Main(string[] args)
    {
        RegisterChannels();
        RegisterSelects();
        RegisterTimes();
        RegisterSyncs();
        RegisterScheduler();
        RegisterEdges();
        RegisterSchedOrder();
        RegisterWaits();
        RegisterTimesMore();
        RegisterPlainSleep();
        RegisterRedTeam();
        if (args.Length != 1)
        {
            foreach (var name in s_cases.Keys.OrderBy(k => k, StringComparer.Ordinal)) Console.WriteLine(name);
            return 0;
        }
        if (!s_cases.TryGetValue(args[0], out var main))
        {
            Console.WriteLine("unknown case " + args[0]);
            return 3;
        }
        GoRuntime.ConfigureDefault(new GoRuntimeOptions
        {
            // The JIT's first compilations of a case can take longer than a time slice; a preemption then
            // would change the scheduling order the sched-* cases compare.
            PreemptAfter = TimeSpan.FromSeconds(1),
            // As Go: an exception nobody handles ends the program (Go at once, GoSharp when the handle is
            // collected; panic-in-goroutine collects).
            UnhandledException = e =>
            {
                Console.WriteLine("panic: " + e.InnerException?.Message);
                Environment.Exit(2);
            },
        });
        try
        {
            Go.Run(main);
            return 0;
        }
        catch (DeadlockException e)
        {
            // The deadlock probe's collection may also have found a dropped handle of a goroutine that failed
            // (panic-while-main-blocked): let its report, which ends the program as Go's panic would, come first.
            // A report still pending when Main returns would race with the runtime's shutdown.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            // Go's report: the message, then the main goroutine's header line.
            Console.WriteLine("fatal error: " + e.Message);
            Console.WriteLine(e.Dump.Split('\n').FirstOrDefault(l => l.StartsWith("goroutine 1 ", StringComparison.Ordinal)));
            return 2;
        }
        catch (Exception e)
        {
            // An exception the main goroutine did not handle, as Go reports a panic nothing recovered.
            Console.WriteLine("panic: " + Panic(e));
            return 2;
        }
    }

    private static string B(bool b) => b ? "true" : "false";

    /// <summary>Go's view of an exception: the first sentence of its message.</summary>
    private static string Panic(Exception e)
    {
        var m = e.Message;
        int end = m.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? m.TrimEnd('.') : m[..end];
    }

    /// <summary>Go's try: runs <paramref name="f"/> and prints whether it threw, and what.</summary>
    private static void Try(string name, Action f)
    {
        try
        {
            f();
            Console.WriteLine($"{name}: ok");
        }
        catch (Exception e)
        {
            Console.WriteLine($"{name}: panic: {Panic(e)}");
        }
    }

    /// <summary>
    /// Whether each case was taken as often as a uniform choice would (within 2%, about six standard deviations
    /// for the counts used here), and the figures when not.
    /// </summary>
    private static void Dist(string label, int[] cnt)
    {
        double total = cnt.Sum();
        var ratios = cnt.Select(c => c / total * cnt.Length).ToArray();
        var shown = ratios.All(r => r > 0.98 && r < 1.02) ? " uniform" : string.Concat(ratios.Select(r => $" {r:F2}"));
        Console.WriteLine(label + ":" + shown);
    }

    private static string Join<T>(IEnumerable<T> values) => "[" + string.Join(" ", values) + "]";
}
