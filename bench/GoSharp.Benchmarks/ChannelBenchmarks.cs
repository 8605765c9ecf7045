using System;
using BenchmarkDotNet.Attributes;

namespace GoSharp.Benchmarks;

/// <summary>
/// Channels, select, sync and time from generated goroutines (the code users write), per operation,
/// with allocations. Each benchmark runs N operations inside one goroutine and joins it.
/// </summary>
[MemoryDiagnoser]
public partial class ChannelBenchmarks : RuntimeBenchmark
{
    private T Run<T>(Func<Goroutine<T>> launch)
    {
        using (Runtime.Enter()) return launch().Join();
    }

    [Goroutine]
    private static void Echo(Chan<int> ping, Chan<int> pong, int n)
    {
        for (int i = 0; i < n; i++) pong.Send(ping.Recv() + 1);
    }

    [Goroutine]
    private static int PingPong(int n)
    {
        var ping = new Chan<int>();
        var pong = new Chan<int>();
        GoEcho(ping, pong, n);
        int v = 0;
        for (int i = 0; i < n; i++)
        {
            ping.Send(v);
            v = pong.Recv();
        }
        return v;
    }

    /// <summary>An unbuffered round trip between two goroutines (Go: 196-275 ns here).</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public int UnbufferedPingPong() => Run(() => GoPingPong(N));

    [Goroutine]
    private static int BufferedLoop(int n)
    {
        var c = new Chan<int>(16);
        int sum = 0;
        for (int i = 0; i < n; i++)
        {
            c.Send(i);
            sum += c.Recv();
        }
        return sum;
    }

    /// <summary>A send and a receive on a buffered channel that never blocks.</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public int BufferedSendRecv() => Run(() => GoBufferedLoop(N));

    [Goroutine]
    private static int Select2Loop(int n)
    {
        var a = new Chan<int>(1);
        var b = new Chan<int>(1);
        int sum = 0;
        for (int i = 0; i < n; i++)
        {
            a.Send(i);
            var s = Go.Select(a.RecvCase(), b.RecvCase());
            sum += s.Index == 0 ? s.Value1 : s.Value2;
        }
        return sum;
    }

    /// <summary>A select over two receive cases, one ready (plus the buffered send that readies it).</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public int Select2() => Run(() => GoSelect2Loop(N));

    [Goroutine]
    private static int Select4Loop(int n)
    {
        var a = new Chan<int>(1);
        var b = new Chan<int>(1);
        var c = new Chan<int>(1);
        var d = new Chan<int>(1);
        int sum = 0;
        for (int i = 0; i < n; i++)
        {
            d.Send(i);
            var s = Go.Select(a.RecvCase(), b.RecvCase(), c.RecvCase(), d.RecvCase());
            sum += s.Index == 3 ? s.Value4 : 0;
        }
        return sum;
    }

    /// <summary>A select over four receive cases, one ready.</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public int Select4() => Run(() => GoSelect4Loop(N));

    [Goroutine]
    private static int MutexLoop(int n)
    {
        var m = new Sync.Mutex();
        int x = 0;
        for (int i = 0; i < n; i++)
        {
            m.Lock();
            x++;
            m.Unlock();
        }
        return x;
    }

    /// <summary>Lock + Unlock of an uncontended mutex.</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public int UncontendedMutex() => Run(() => GoMutexLoop(N));

    [Goroutine]
    private static int WaitGroupLoop(int n)
    {
        var wg = new WaitGroup();
        for (int i = 0; i < n; i++)
        {
            wg.Add(1);
            wg.Done();
            wg.Wait();
        }
        return n;
    }

    /// <summary>Add + Done + Wait on a WaitGroup that never blocks.</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public int WaitGroupAddDoneWait() => Run(() => GoWaitGroupLoop(N));

    [Goroutine]
    private static int Sleep0Loop(int n)
    {
        for (int i = 0; i < n; i++) Go.Sleep(TimeSpan.Zero);
        return n;
    }

    /// <summary>Go.Sleep(0): returns at once.</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public int Sleep0() => Run(() => GoSleep0Loop(N));
}
