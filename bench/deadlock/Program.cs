// What the deadlock proof costs an idle program (docs/deadlocks.md, "When it runs, and what it costs").
//
// A runtime idles for a while with goroutines parked on a channel that this thread holds (so every probe
// finds nothing and backs off), beside a live heap of the given size. Printed for detection on and off:
// the full (gen2) collections during the idle window (one per probe), the total GC pause, and the process's
// CPU time over the window (the background collection's marking runs on its own thread).
//
//   dotnet run -c Release --project bench/deadlock -- [idle seconds=40] [heap MiB list=0,100,1000] [parked=1000]
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using GoSharp;

public static partial class ProbeCost
{
    public static void Main(string[] args)
    {
        int idleSeconds = args.Length > 0 ? int.Parse(args[0]) : 40;
        int[] heaps = args.Length > 1 ? args[1].Split(',').Select(int.Parse).ToArray() : new[] { 0, 100, 1000 };
        int parked = args.Length > 2 ? int.Parse(args[2]) : 1000;
        Console.WriteLine($"idle {idleSeconds} s, {parked} goroutines parked on a channel this thread holds; {Environment.ProcessorCount} cores");
        Console.WriteLine("heap MiB | detection | gen2 GCs | GC pause ms | CPU ms in the window");
        foreach (int mib in heaps)
        {
            var heap = Retain(mib);
            foreach (bool detect in new[] { false, true })
            {
                var (gcs, pause, cpu) = Idle(detect, idleSeconds, parked);
                Console.WriteLine($"{mib,8} | {(detect ? "on" : "off"),9} | {gcs,8} | {pause,11:F1} | {cpu,20:F0}");
            }
            GC.KeepAlive(heap);
        }
    }

    /// <summary>A live heap of small objects in arrays (the marking cost of a real heap), about <paramref name="mib"/> MiB.</summary>
    private static List<object[]> Retain(int mib)
    {
        var heap = new List<object[]>();
        long bytes = (long)mib << 20;
        for (long done = 0; done < bytes; done += 1024 * (8 + 40))
        {
            var chunk = new object[1024];
            for (int i = 0; i < chunk.Length; i++) chunk[i] = new byte[16];
            heap.Add(chunk);
        }
        GC.Collect();
        return heap;
    }

    private static (int Gen2, double PauseMs, double CpuMs) Idle(bool detect, int seconds, int parked)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { DetectDeadlocks = detect });
        var ch = new Chan<int>();
        var done = new WaitGroup();
        done.Add(parked);
        using (rt.Enter())
            for (int i = 0; i < parked; i++) GoReceive(ch, done);
        GC.Collect();
        int gen2 = GC.CollectionCount(2);
        TimeSpan pause = GC.GetTotalPauseDuration();
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        System.Threading.Thread.Sleep(TimeSpan.FromSeconds(seconds));
        double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        int gcs = GC.CollectionCount(2) - gen2;
        double ms = (GC.GetTotalPauseDuration() - pause).TotalMilliseconds;
        for (int i = 0; i < parked; i++) ch.Send(i);
        done.Wait();
        return (gcs, ms, cpuMs);
    }

    [Goroutine]
    private static void Receive(Chan<int> ch, WaitGroup done)
    {
        ch.Recv();
        done.Done();
    }
}
