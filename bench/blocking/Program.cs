using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using GoSharp;

// At GOMAXPROCS=1, one goroutine ticks every 100 ms and records the longest gap between ticks while another
// goroutine blocks its thread: Thread.Sleep(1000), then a synchronous read of a large file (a fresh file, so
// part of it comes from the disk), each first unannounced and then inside Go.Blocking. Prints the longest
// gap for each, in ms and as a multiple of the period. Then 20 goroutines started at once each block their
// thread unannounced (Thread.Sleep(200)): how long until the last of them has started, which on one P is
// how long sysmon takes to hand the P on from each blocked thread in turn.
//
//   GOMAXPROCS=1 dotnet run -c Release --project bench/blocking [file-size-MiB, default 256]
public static partial class Program
{
    static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    public static void Main(string[] args)
    {
        int mib = args.Length > 0 ? int.Parse(args[0]) : 256;
        string path = Path.Combine(Path.GetTempPath(), $"gosharp-tickergap-{Environment.ProcessId}.bin");
        try
        {
            using (var f = File.Create(path))
            {
                var block = new byte[1 << 20];
                new Random(1).NextBytes(block);
                for (int i = 0; i < mib; i++) f.Write(block);
            }
            Console.WriteLine($"GOMAXPROCS={GoRuntime.Default.MaxProcs}, ticker period {Period.TotalMilliseconds} ms, file {mib} MiB");
            Measure("Thread.Sleep(1000), unannounced", () => Thread.Sleep(1000), announce: false);
            Measure("Thread.Sleep(1000) in Go.Blocking", () => Thread.Sleep(1000), announce: true);
            Measure("File.ReadAllBytes, unannounced", () => File.ReadAllBytes(path), announce: false);
            Measure("File.ReadAllBytes in Go.Blocking", () => File.ReadAllBytes(path), announce: true);
            Staggered(20, TimeSpan.FromMilliseconds(200));
        }
        finally
        {
            File.Delete(path);
        }
    }

    static void Measure(string what, Action block, bool announce)
    {
        var stop = new Chan<Empty>();
        var ticker = GoTick(stop);
        // Let the ticker settle, then block.
        Go.Sleep(Period * 3);
        var sw = Stopwatch.StartNew();
        GoBlock(block, announce).Join();
        double blockedMs = sw.Elapsed.TotalMilliseconds;
        Go.Sleep(Period * 3);
        stop.Close();
        double gap = ticker.Join();
        Console.WriteLine($"{what,-36} blocked {blockedMs,7:F0} ms   longest tick gap {gap,7:F0} ms = {gap / Period.TotalMilliseconds:F2} periods");
    }

    static void Staggered(int n, TimeSpan sleep)
    {
        var started = new Chan<long>(n);
        long t0 = Stopwatch.GetTimestamp();
        for (int i = 0; i < n; i++) GoSleepPlainly(sleep, started);
        long last = 0;
        for (int i = 0; i < n; i++) last = Math.Max(last, started.Recv());
        double lastMs = Stopwatch.GetElapsedTime(t0, last).TotalMilliseconds;
        Console.WriteLine($"{n} goroutines in Thread.Sleep({sleep.TotalMilliseconds:F0}), unannounced: the last started after {lastMs,6:F0} ms = {lastMs / (n - 1):F1} ms per hand-off");
    }

    [Goroutine]
    static void SleepPlainly(TimeSpan sleep, Chan<long> started)
    {
        started.Send(Stopwatch.GetTimestamp());
#pragma warning disable GOSH0009 // blocking unannounced is what is measured
        Thread.Sleep(sleep);
#pragma warning restore GOSH0009
    }

    [Goroutine]
    static void Block(Action block, bool announce)
    {
        if (announce) Go.Blocking(block);
        else block();
    }

    [Goroutine]
    static double Tick(Chan<Empty> stop)
    {
        var t = Go.NewTicker(Period);
        var last = Stopwatch.GetTimestamp();
        double longest = 0;
        try
        {
            while (true)
            {
                var s = Go.Select(t.C.RecvCase(), stop.RecvCase());
                if (s.Index == 1) return longest;
                long now = Stopwatch.GetTimestamp();
                longest = Math.Max(longest, Stopwatch.GetElapsedTime(last, now).TotalMilliseconds);
                last = now;
            }
        }
        finally { t.Stop(); }
    }
}
