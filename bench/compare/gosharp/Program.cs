using System;
using System.Diagnostics;
using System.IO;
using GoSharp;

// The benchmark workloads of docs/design.md, Benchmark workloads and targets, in GoSharp, line for line the Go programs in ../go.
// Usage: Workloads.GoSharp <name>; prints "name result seconds [extra]". GOMAXPROCS is honoured.
public static partial class Program
{
    [Goroutine]
    static void Skynet(Chan<long> c, long num, long size, long div)
    {
        if (size == 1)
        {
            c.Send(num);
            return;
        }
        var rc = new Chan<long>();
        long sub = size / div;
        for (long i = 0; i < div; i++) GoSkynet(rc, num + i * sub, sub, div);
        long sum = 0;
        for (long i = 0; i < div; i++) sum += rc.Recv();
        c.Send(sum);
    }

    [Goroutine]
    static void Echo(Chan<long> ping, Chan<long> pong)
    {
        foreach (var v in ping) pong.Send(v + 1);
        pong.Close();
    }

    [Goroutine]
    static long PingPong(int n)
    {
        var ping = new Chan<long>();
        var pong = new Chan<long>();
        GoEcho(ping, pong);
        long v = 0;
        for (int i = 0; i < n; i++)
        {
            ping.Send(v);
            v = pong.Recv();
        }
        ping.Close();
        return v;
    }

    [Goroutine]
    static void RingNode(Chan<long> input, Chan<long> output, Chan<int> done)
    {
        foreach (var t in input)
        {
            if (t == 0) done.Send(1);
            output.Send(t - 1);
        }
    }

    [Goroutine]
    static long Ring(int size, long hops)
    {
        var first = new Chan<long>();
        var input = first;
        var done = new Chan<int>();
        for (int i = 1; i < size; i++)
        {
            var output = new Chan<long>();
            GoRingNode(input, output, done);
            input = output;
        }
        GoRingNode(input, first, done);
        first.Send(hops);
        done.Recv();
        return hops;
    }

    [Goroutine]
    static void Generate(Chan<long> ch)
    {
        for (long i = 2; ; i++) ch.Send(i);
    }

    [Goroutine]
    static void Filter(Chan<long> input, Chan<long> output, long prime)
    {
        while (true)
        {
            long i = input.Recv();
            if (i % prime != 0) output.Send(i);
        }
    }

    [Goroutine]
    static long Sieve(int n)
    {
        var ch = new Chan<long>();
        GoGenerate(ch);
        long sum = 0;
        for (int i = 0; i < n; i++)
        {
            long prime = ch.Recv();
            sum += prime;
            var ch1 = new Chan<long>();
            GoFilter(ch, ch1, prime);
            ch = ch1;
        }
        return sum;
    }

    static long Rss()
    {
        var parts = File.ReadAllText("/proc/self/statm").Split(' ');
        return long.Parse(parts[1]) * Environment.SystemPageSize;
    }

    [Goroutine]
    static void Parked(Chan<int> block, WaitGroup wg)
    {
        block.Recv();
        wg.Done();
    }

    static long s_perGoroutine;

    [Goroutine]
    static long SpawnPark(int n)
    {
        GC.Collect();
        long before = Rss();
        var block = new Chan<int>();
        var wg = new WaitGroup();
        wg.Add(n);
        for (int i = 0; i < n; i++) GoParked(block, wg);
        while (Go.NumGoroutine < n + 1) Go.Yield();
        s_perGoroutine = (Rss() - before) / n;
        block.Close();
        wg.Wait();
        return n;
    }

    [Goroutine]
    static void Worker(Chan<long> input, Chan<long> output, WaitGroup wg)
    {
        try
        {
            foreach (var j in input) output.Send(j * 2);
        }
        finally
        {
            wg.Done();
        }
    }

    [Goroutine]
    static void Feed(Chan<long> input, long jobs)
    {
        for (long j = 0; j < jobs; j++) input.Send(j);
        input.Close();
    }

    [Goroutine]
    static void CloseWhenDone(WaitGroup wg, Chan<long> output)
    {
        wg.Wait();
        output.Close();
    }

    [Goroutine]
    static long Workers(int nworkers, long jobs)
    {
        var input = new Chan<long>(128);
        var output = new Chan<long>(128);
        var wg = new WaitGroup();
        for (int w = 0; w < nworkers; w++)
        {
            wg.Add(1);
            GoWorker(input, output, wg);
        }
        GoFeed(input, jobs);
        GoCloseWhenDone(wg, output);
        long sum = 0;
        foreach (var v in output) sum += v;
        return sum;
    }

    [Goroutine]
    static long SkynetRoot()
    {
        var c = new Chan<long>();
        GoSkynet(c, 0, 1_000_000, 10);
        return c.Recv();
    }

    // The "-alt" workloads: the same programs in a second idiomatic shape (docs/design.md, Benchmark workloads).

    [Goroutine]
    static void SkynetAlt(Chan<long> c, long num, long size, long div)
    {
        if (size == 1)
        {
            c.Send(num);
            return;
        }
        var rc = new Chan<long>((int)div); // buffered: children never wait for the parent
        long sub = size / div;
        for (long i = 0; i < div; i++) GoSkynetAlt(rc, num + i * sub, sub, div);
        long sum = 0;
        for (long i = 0; i < div; i++) sum += rc.Recv();
        c.Send(sum);
    }

    [Goroutine]
    static long SkynetAltRoot()
    {
        var c = new Chan<long>();
        GoSkynetAlt(c, 0, 1_000_000, 10);
        return c.Recv();
    }

    [Goroutine]
    static void CountedEcho(Chan<long> ping, Chan<long> pong, int n)
    {
        for (int i = 0; i < n; i++) pong.Send(ping.Recv() + 1);
    }

    [Goroutine]
    static void PingDriver(Chan<long> ping, Chan<long> pong, int n, Chan<long> result)
    {
        long v = 0;
        for (int i = 0; i < n; i++)
        {
            ping.Send(v);
            v = pong.Recv();
        }
        result.Send(v);
    }

    [Goroutine]
    static long PingPongAlt(int n)
    {
        var ping = new Chan<long>();
        var pong = new Chan<long>();
        var result = new Chan<long>();
        GoCountedEcho(ping, pong, n);
        GoPingDriver(ping, pong, n, result);
        return result.Recv();
    }

    [Goroutine]
    static void RingNodeAlt(Chan<long> input, Chan<long> output, Chan<int> done)
    {
        while (true)
        {
            long t = input.Recv();
            if (t == 0) done.Send(1);
            output.Send(t - 1);
        }
    }

    [Goroutine]
    static long RingAlt(int size, long hops)
    {
        var first = new Chan<long>();
        var input = first;
        var done = new Chan<int>();
        for (int i = 1; i < size; i++)
        {
            var output = new Chan<long>();
            GoRingNodeAlt(input, output, done);
            input = output;
        }
        GoRingNodeAlt(input, first, done);
        first.Send(hops);
        done.Recv();
        return hops;
    }

    [Goroutine]
    static void FilterAlt(Chan<long> input, Chan<long> output, long prime)
    {
        foreach (var i in input)
            if (i % prime != 0) output.Send(i);
    }

    [Goroutine]
    static long SieveAlt(int n)
    {
        var ch = new Chan<long>();
        GoGenerate(ch);
        long sum = 0;
        for (int i = 0; i < n; i++)
        {
            long prime = ch.Recv();
            sum += prime;
            var ch1 = new Chan<long>();
            GoFilterAlt(ch, ch1, prime);
            ch = ch1;
        }
        return sum;
    }

    [Goroutine]
    static void WorkerAlt(Chan<long> input, Chan<long> output, WaitGroup wg)
    {
        try
        {
            while (true)
            {
                var (j, ok) = input.RecvOk();
                if (!ok) return;
                output.Send(j * 2);
            }
        }
        finally
        {
            wg.Done();
        }
    }

    [Goroutine]
    static void Total(Chan<long> output, Chan<long> total)
    {
        long sum = 0;
        foreach (var v in output) sum += v;
        total.Send(sum);
    }

    [Goroutine]
    static long WorkersAlt(int nworkers, long jobs)
    {
        var input = new Chan<long>(128);
        var output = new Chan<long>(128);
        var total = new Chan<long>();
        var wg = new WaitGroup();
        wg.Add(nworkers);
        for (int w = 0; w < nworkers; w++) GoWorkerAlt(input, output, wg);
        GoTotal(output, total);
        for (long j = 0; j < jobs; j++) input.Send(j);
        input.Close();
        wg.Wait();
        output.Close();
        return total.Recv();
    }

    public static int Main(string[] args)
    {
        string name = args[0];
        var sw = Stopwatch.StartNew();
        long result;
        string extra = "";
        switch (name)
        {
            case "skynet": result = GoSkynetRoot().Join(); break;
            case "pingpong": result = GoPingPong(1_000_000).Join(); break;
            // An optional hop count, for long runs (where dynamic PGO would matter): ring 100000000.
            case "ring": result = GoRing(503, args.Length > 1 ? long.Parse(args[1]) : 10_000_000).Join(); break;
            case "sieve": result = GoSieve(2000).Join(); break;
            case "spawn-park":
                result = GoSpawnPark(1_000_000).Join();
                extra = $" bytes_per_goroutine={s_perGoroutine}";
                break;
            case "workers": result = GoWorkers(8, 2_000_000).Join(); break;
            case "skynet-alt": result = GoSkynetAltRoot().Join(); break;
            case "pingpong-alt": result = GoPingPongAlt(1_000_000).Join(); break;
            case "ring-alt": result = GoRingAlt(503, 10_000_000).Join(); break;
            case "sieve-alt": result = GoSieveAlt(2000).Join(); break;
            case "workers-alt": result = GoWorkersAlt(8, 2_000_000).Join(); break;
            default:
                Console.Error.WriteLine($"unknown workload {name}");
                return 2;
        }
        Console.WriteLine($"{name} {result} {sw.Elapsed.TotalSeconds:F3}{extra}");
        return 0;
    }
}
