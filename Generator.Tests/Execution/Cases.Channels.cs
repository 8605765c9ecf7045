using System;
using System.Threading;

namespace GoSharp.Generator.Tests.Execution;

// Directional channel views, the timers' receive-only channels and Go.Group inside goroutines. Each
// blocking call on a view must be a suspension point (ChannelViewSuspensionTests checks the frames'
// awaiter fields); the differential run checks the results match the plain calls.
public static partial class Cases
{
    [Goroutine]
    public static int ViewsBuffered(Log log, int n)
    {
        var ch = new Chan<int>(n + 2);
        SendChan<int> w = ch;
        RecvChan<int> r = ch;
        for (var i = 0; i <= n; i++) w.Send(i * i);
        w.Close();
        var sum = 0;
        foreach (var v in r)
        {
            log.Add("v" + v);
            sum += v;
        }
        var (last, ok) = r.RecvOk();
        log.Add("after close " + last + " " + ok + " " + r.Recv());
        return sum;
    }

    [Goroutine]
    public static int ViewsAcrossGoroutines(Log log, int n)
    {
        var ch = new Chan<int>();
        RecvChan<Empty> never = default;
        GoProduce(ch, n + 3);
        RecvChan<int> r = ch;
        var total = 0;
        while (true)
        {
            var s = Go.Select(r.RecvCase(), never.RecvCase());
            if (!s.Ok) break;
            log.Add("got " + s.Value1);
            total += s.Value1;
        }
        return total;
    }

    [Goroutine]
    private static void Produce(SendChan<int> w, int count)
    {
        for (var i = 0; i < count; i++) w.Send(i);
        w.Close();
    }

    [Goroutine]
    public static int TimerChannels(Log log, int n)
    {
        var t = Go.NewTimer(TimeSpan.FromMilliseconds(1 + n));
        var at = t.C.Recv();
        log.Add("fired " + (at != default));
        var s = Go.Select(Go.After(TimeSpan.FromMilliseconds(1)).RecvCase());
        log.Add("after " + s.Index + " " + s.Ok);
        return t.Stop() ? 1 : 0;
    }

    [Goroutine]
    public static int GroupInGoroutine(Log log, int n)
    {
        var g = new Go.Group();
        g.SetLimit(2);
        var results = new Chan<int>(16);
        var box = new Box();
        for (var i = 0; i <= n; i++) g.Add(GoSquareTo(results, i));
        // Inside a goroutine a lambda cannot hold a suspension point (GOSH0007): pass a launcher, or plain code.
        g.Go(() => GoSquareTo(results, 10));
        g.Go(() => Interlocked.Add(ref box.Field, 7));
        g.Wait();
        results.Close();
        var sum = 0;
        foreach (var v in results) sum += v;
        log.Add("sum " + sum + " box " + box.Field);
        return sum;
    }

    [Goroutine]
    private static void SquareTo(SendChan<int> results, int x)
    {
        Go.Yield();
        results.Send(x * x);
    }

    [Goroutine]
    public static int GroupFirstError(Log log, int n)
    {
        var g = new Go.Group();
        var stopped = new Chan<int>(8);
        for (var i = 0; i < 3; i++) g.Add(GoUntilCancelled(g.Token, stopped));
        g.Go(() => GoFailAfterYield("fail " + n));
        try
        {
            g.Wait();
            log.Add("no error");
        }
        catch (InvalidOperationException e)
        {
            log.Add("caught " + e.Message);
        }
        stopped.Close();
        var count = 0;
        foreach (var s in stopped) count += s;
        log.Add("stopped " + count + " cancelled " + g.Token.IsCancellationRequested + " errors " + g.Exceptions.Count);
        return count;
    }

    [Goroutine]
    private static void UntilCancelled(CancellationToken token, SendChan<int> stopped)
    {
        Go.Done(token).Recv();
        stopped.Send(1);
    }

    [Goroutine]
    private static void FailAfterYield(string message)
    {
        Go.Yield();
        throw new InvalidOperationException(message);
    }
}
