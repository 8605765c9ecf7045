using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using GoSharp;

// At GOMAXPROCS=1, one goroutine ticks every 100 ms and records the longest gap between ticks while another
// goroutine blocks its thread: Thread.Sleep(1000), then a synchronous read of a large file (a fresh file, so
// part of it comes from the disk), each first unannounced and then inside Go.Blocking. Prints the longest
// gap for each, in ms and as a multiple of the period.
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
