using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

// The benchmark workloads of docs/design.md, Benchmark workloads and targets, with Task/async and System.Threading.Channels.
// Usage: Workloads.Tasks <name>; prints "name result seconds [extra]".
internal static class Program
{
    // .NET 10 accepts capacity 0 as a rendezvous channel (dotnet/runtime#116097).
    private static Channel<T> Unbuffered<T>() => Channel.CreateBounded<T>(new BoundedChannelOptions(0) { SingleReader = false, SingleWriter = false });

    private static async Task Skynet(ChannelWriter<long> c, long num, long size, long div)
    {
        if (size == 1)
        {
            await c.WriteAsync(num);
            return;
        }
        var rc = Unbuffered<long>();
        long sub = size / div;
        for (long i = 0; i < div; i++)
        {
            long n = num + i * sub;
            _ = Task.Run(() => Skynet(rc.Writer, n, sub, div));
        }
        long sum = 0;
        for (long i = 0; i < div; i++) sum += await rc.Reader.ReadAsync();
        await c.WriteAsync(sum);
    }

    private static async Task<long> PingPong(int n)
    {
        var ping = Unbuffered<long>();
        var pong = Unbuffered<long>();
        _ = Task.Run(async () =>
        {
            await foreach (var v in ping.Reader.ReadAllAsync()) await pong.Writer.WriteAsync(v + 1);
            pong.Writer.Complete();
        });
        long x = 0;
        for (int i = 0; i < n; i++)
        {
            await ping.Writer.WriteAsync(x);
            x = await pong.Reader.ReadAsync();
        }
        ping.Writer.Complete();
        return x;
    }

    private static async Task<long> Ring(int size, long hops)
    {
        var first = Unbuffered<long>();
        var input = first;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (int i = 1; i <= size; i++)
        {
            var output = i == size ? first : Unbuffered<long>();
            var (inp, outp) = (input, output);
            _ = Task.Run(async () =>
            {
                await foreach (var t in inp.Reader.ReadAllAsync())
                {
                    if (t == 0) { done.TrySetResult(); return; }
                    await outp.Writer.WriteAsync(t - 1);
                }
            });
            input = output;
        }
        await first.Writer.WriteAsync(hops);
        await done.Task;
        return hops;
    }

    private static async Task Generate(ChannelWriter<long> ch)
    {
        for (long i = 2; ; i++) await ch.WriteAsync(i);
    }

    private static async Task Filter(ChannelReader<long> input, ChannelWriter<long> output, long prime)
    {
        while (true)
        {
            long i = await input.ReadAsync();
            if (i % prime != 0) await output.WriteAsync(i);
        }
    }

    private static async Task<long> Sieve(int n)
    {
        var ch = Unbuffered<long>();
        _ = Task.Run(() => Generate(ch.Writer));
        long sum = 0;
        for (int i = 0; i < n; i++)
        {
            long prime = await ch.Reader.ReadAsync();
            sum += prime;
            var ch1 = Unbuffered<long>();
            var input = ch;
            _ = Task.Run(() => Filter(input.Reader, ch1.Writer, prime));
            ch = ch1;
        }
        return sum;
    }

    private static long Rss()
    {
        var parts = File.ReadAllText("/proc/self/statm").Split(' ');
        return long.Parse(parts[1]) * Environment.SystemPageSize;
    }

    private static async Task<(long, long)> SpawnPark(int n)
    {
        GC.Collect();
        long before = Rss();
        var block = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int started = 0;
        var tasks = new Task[n];
        for (int i = 0; i < n; i++)
        {
            tasks[i] = Task.Run(async () =>
            {
                Interlocked.Increment(ref started);
                await block.Task;
            });
        }
        while (Volatile.Read(ref started) < n) await Task.Yield();
        long perTask = (Rss() - before) / n;
        block.SetResult();
        await Task.WhenAll(tasks);
        return (n, perTask);
    }

    private static async Task<long> Workers(int nworkers, int jobs)
    {
        var input = Channel.CreateBounded<long>(128);
        var output = Channel.CreateBounded<long>(128);
        var ws = new Task[nworkers];
        for (int w = 0; w < nworkers; w++)
        {
            ws[w] = Task.Run(async () =>
            {
                await foreach (var j in input.Reader.ReadAllAsync()) await output.Writer.WriteAsync(j * 2);
            });
        }
        _ = Task.Run(async () =>
        {
            for (long j = 0; j < jobs; j++) await input.Writer.WriteAsync(j);
            input.Writer.Complete();
        });
        _ = Task.Run(async () => { await Task.WhenAll(ws); output.Writer.Complete(); });
        long sum = 0;
        await foreach (var v in output.Reader.ReadAllAsync()) sum += v;
        return sum;
    }

    // The "-alt" workloads: the same programs in a second idiomatic shape (docs/design.md, Benchmark workloads).

    private static async Task SkynetAlt(ChannelWriter<long> c, long num, long size, long div)
    {
        if (size == 1)
        {
            await c.WriteAsync(num);
            return;
        }
        var rc = Channel.CreateBounded<long>((int)div); // buffered: children never wait for the parent
        long sub = size / div;
        for (long i = 0; i < div; i++)
        {
            long n = num + i * sub;
            _ = Task.Run(() => SkynetAlt(rc.Writer, n, sub, div));
        }
        long sum = 0;
        for (long i = 0; i < div; i++) sum += await rc.Reader.ReadAsync();
        await c.WriteAsync(sum);
    }

    private static async Task<long> PingPongAlt(int n)
    {
        var ping = Unbuffered<long>();
        var pong = Unbuffered<long>();
        var result = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Run(async () =>
        {
            for (int i = 0; i < n; i++) await pong.Writer.WriteAsync(await ping.Reader.ReadAsync() + 1);
        });
        _ = Task.Run(async () =>
        {
            long v = 0;
            for (int i = 0; i < n; i++)
            {
                await ping.Writer.WriteAsync(v);
                v = await pong.Reader.ReadAsync();
            }
            result.SetResult(v);
        });
        return await result.Task;
    }

    private static async Task<long> RingAlt(int size, long hops)
    {
        var first = Unbuffered<long>();
        var input = first;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (int i = 1; i <= size; i++)
        {
            var output = i == size ? first : Unbuffered<long>();
            var (inp, outp) = (input, output);
            _ = Task.Run(async () =>
            {
                while (true)
                {
                    long t = await inp.Reader.ReadAsync();
                    if (t == 0) done.TrySetResult();
                    await outp.Writer.WriteAsync(t - 1);
                }
            });
            input = output;
        }
        await first.Writer.WriteAsync(hops);
        await done.Task;
        return hops;
    }

    private static async Task FilterAlt(ChannelReader<long> input, ChannelWriter<long> output, long prime)
    {
        await foreach (var i in input.ReadAllAsync())
            if (i % prime != 0) await output.WriteAsync(i);
    }

    private static async Task<long> SieveAlt(int n)
    {
        var ch = Unbuffered<long>();
        _ = Task.Run(() => Generate(ch.Writer));
        long sum = 0;
        for (int i = 0; i < n; i++)
        {
            long prime = await ch.Reader.ReadAsync();
            sum += prime;
            var ch1 = Unbuffered<long>();
            var input = ch;
            _ = Task.Run(() => FilterAlt(input.Reader, ch1.Writer, prime));
            ch = ch1;
        }
        return sum;
    }

    private static async Task<long> WorkersAlt(int nworkers, int jobs)
    {
        var input = Channel.CreateBounded<long>(128);
        var output = Channel.CreateBounded<long>(128);
        var ws = new Task[nworkers];
        for (int w = 0; w < nworkers; w++)
        {
            ws[w] = Task.Run(async () =>
            {
                while (await input.Reader.WaitToReadAsync())
                    while (input.Reader.TryRead(out long j)) await output.Writer.WriteAsync(j * 2);
            });
        }
        var total = Task.Run(async () =>
        {
            long sum = 0;
            await foreach (var v in output.Reader.ReadAllAsync()) sum += v;
            return sum;
        });
        for (long j = 0; j < jobs; j++) await input.Writer.WriteAsync(j);
        input.Writer.Complete();
        await Task.WhenAll(ws);
        output.Writer.Complete();
        return await total;
    }

    public static async Task<int> Main(string[] args)
    {
        string name = args[0];
        var sw = Stopwatch.StartNew();
        long result;
        string extra = "";
        switch (name)
        {
            case "skynet":
                var c = Unbuffered<long>();
                _ = Task.Run(() => Skynet(c.Writer, 0, 1_000_000, 10));
                result = await c.Reader.ReadAsync();
                break;
            case "pingpong": result = await PingPong(1_000_000); break;
            case "ring": result = await Ring(503, 10_000_000); break;
            case "sieve": result = await Sieve(2000); break;
            case "spawn-park":
                var (r, per) = await SpawnPark(1_000_000);
                result = r;
                extra = $" bytes_per_goroutine={per}";
                break;
            case "workers": result = await Workers(8, 2_000_000); break;
            case "skynet-alt":
                var ca = Unbuffered<long>();
                _ = Task.Run(() => SkynetAlt(ca.Writer, 0, 1_000_000, 10));
                result = await ca.Reader.ReadAsync();
                break;
            case "pingpong-alt": result = await PingPongAlt(1_000_000); break;
            case "ring-alt": result = await RingAlt(503, 10_000_000); break;
            case "sieve-alt": result = await SieveAlt(2000); break;
            case "workers-alt": result = await WorkersAlt(8, 2_000_000); break;
            default:
                Console.Error.WriteLine($"unknown workload {name}");
                return 2;
        }
        Console.WriteLine($"{name} {result} {sw.Elapsed.TotalSeconds:F3}{extra}");
        return 0;
    }
}
