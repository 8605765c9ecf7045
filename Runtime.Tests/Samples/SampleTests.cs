using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace GoSharp.Runtime.Tests.Samples;

/// <summary>
/// Every sample runs to its end with a short input, and what it prints is checked against an independent
/// computation (or, where the sample prints timings, against the invariants of its output). The test project
/// references the samples (Runtime.Tests.csproj), so `dotnet test` compiles them first.
/// </summary>
public class SampleTests
{
    private static string[] RunSample(string name, string args = "")
    {
        string dir = Path.Combine(Repository.Root, "samples", name);
        string dll = Path.Combine(dir, "bin", Repository.Configuration, "net10.0", name + ".dll");
        Assert.True(File.Exists(dll), $"{dll} was not built: is the sample referenced by Runtime.Tests.csproj?");
        return ChildProcess.Run(dir, "dotnet", $"\"{dll}\" {args}").Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// Go's classic deadlock (main waits on a WaitGroup before receiving what the workers send) ends the sample
    /// with Go's message and dump instead of a hang: the default runtime's detection, through Go.Run, with the
    /// JIT as users run it. The fixed order ends normally under the same detection.
    /// </summary>
    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("4")]
    public void Deadlock_is_reported_with_the_goroutine_dump_and_the_fixed_order_runs(string procs)
    {
        string dir = Path.Combine(Repository.Root, "samples", "Deadlock");
        string dll = Path.Combine(dir, "bin", Repository.Configuration, "net10.0", "Deadlock.dll");
        Assert.True(File.Exists(dll), $"{dll} was not built");
        string output = ChildProcess.RunFailing(dir, "dotnet", $"\"{dll}\"", ("GOMAXPROCS", procs));
        Assert.Contains("fatal error: all goroutines are asleep - deadlock!", output);
        Assert.Matches(@"goroutine \d+ \[sync\.WaitGroup\.Wait\]:\nProgram\.Run\(\.\.\.\)\n\t.*Program\.cs:\d+", output);
        Assert.Equal(3, Regex.Matches(output, @"\[chan send\]:\nProgram\.Worker").Count);
        Assert.Equal(["sum of squares 1..3 = 14"], RunSample("Deadlock", "fixed"));
    }

    [Fact]
    public void Sieve_prints_the_nth_prime_and_the_sum_of_the_first_n()
    {
        const int N = 25;
        var primes = Enumerable.Range(2, 200).Where(n => Enumerable.Range(2, n - 2).All(d => n % d != 0)).Take(N).ToArray();
        var lines = RunSample("Sieve", N.ToString());
        Assert.Contains($"the {N}th prime is {primes[^1]}; the first {N} primes add up to {primes.Sum()}", lines);
    }

    [Fact]
    public void WorkerPool_runs_every_job_once_and_sums_the_squares()
    {
        var lines = RunSample("WorkerPool");
        var started = lines.Select(l => Regex.Match(l, @"^worker \d+ started  job (\d+)$")).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value));
        var finished = lines.Select(l => Regex.Match(l, @"^worker \d+ finished job (\d+)$")).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value));
        Assert.Equal(Enumerable.Range(1, 9), started.Order());
        Assert.Equal(Enumerable.Range(1, 9), finished.Order());
        Assert.Equal($"sum of squares 1..9 = {Enumerable.Range(1, 9).Sum(j => j * j)}", lines[^1]);
    }

    [Fact]
    public void Pipeline_receives_half_of_the_squares_then_cancels()
    {
        var line = Assert.Single(RunSample("Pipeline"));
        var m = Regex.Match(line, @"^received (\d+) squares, sum (\d+)$");
        Assert.True(m.Success, line);
        Assert.Equal(50, int.Parse(m.Groups[1].Value));
        // Two squaring goroutines race, so which 50 of the 100 squares arrive first varies; their sum lies
        // between the 50 smallest and the 50 largest.
        long sum = long.Parse(m.Groups[2].Value);
        Assert.InRange(sum, Enumerable.Range(1, 50).Sum(i => (long)i * i), Enumerable.Range(51, 50).Sum(i => (long)i * i));
    }

    [Fact]
    public void SelectTimeout_prints_go_by_examples_outcomes()
    {
        var lines = RunSample("SelectTimeout");
        Assert.Equal(new[] { "received one", "received two" }, lines[..2].Order());
        Assert.Equal(new[] { "timeout 1", "no message received", "no message sent" }, lines[2..5]);
        Assert.Equal($"fan-in total {Enumerable.Range(0, 3).Sum() + Enumerable.Range(100, 3).Sum()}", lines[5]);
        Assert.Equal(6, lines.Length);
    }

    [Fact]
    public void Cancellation_stops_the_worker_and_withdraws_the_send()
    {
        var lines = RunSample("Cancellation");
        var ticks = lines.TakeWhile(l => l.StartsWith("tick ", StringComparison.Ordinal)).Select(l => int.Parse(l[5..])).ToArray();
        Assert.Equal(Enumerable.Range(1, ticks.Length), ticks);
        Assert.Equal(new[]
        {
            "worker stopped: token cancelled",
            "Task.Delay cancelled by closing the done channel",
            "awaited 42",
            "send withdrawn after 50 ms",
            "receive cancelled after 50 ms",
        }, lines[ticks.Length..]);
    }

    [Fact]
    public void RateLimiter_serves_every_request_and_never_exceeds_the_semaphore()
    {
        var lines = RunSample("RateLimiter");
        Assert.Equal(Enumerable.Range(1, 5), Numbers(lines, @"^request (\d+) at +\d+ ms$"));
        Assert.Equal(Enumerable.Range(1, 5), Numbers(lines, @"^bursty request (\d+) at +\d+ ms$"));
        var running = lines.Select(l => Regex.Match(l, @"^worker (\d+) running \((\d+) of (\d+) slots\)$")).Where(m => m.Success).ToArray();
        Assert.Equal(Enumerable.Range(1, 4), running.Select(m => int.Parse(m.Groups[1].Value)).Order());
        Assert.All(running, m => Assert.InRange(int.Parse(m.Groups[2].Value), 1, int.Parse(m.Groups[3].Value)));
    }

    private static int[] Numbers(string[] lines, string pattern) =>
        lines.Select(l => Regex.Match(l, pattern)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value)).ToArray();
}
