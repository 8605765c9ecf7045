using System;
using System.Threading;

namespace GoSharp.Generator.Tests.Execution;

// The CancellationToken overloads of the blocking operations. Each is a suspension point of its own
// (ChannelViewSuspensionTests checks the frames' awaiter fields); the differential run checks that a goroutine
// and a plain call see the same completions and the same cancellations.
public static partial class Cases
{
    [Goroutine]
    public static int CancellableOperations(Log log, int n)
    {
        using var cts = new CancellationTokenSource();
        var ct = cts.Token;
        var ch = new Chan<int>(n + 2);                       // room for every send below: none waits
        SendChan<int> w = ch;
        RecvChan<int> r = ch;
        ch.Send(1, ct);
        w.Send(2, ct);
        var total = ch.Recv(ct) + r.Recv(ct);
        ch.Send(3, ct);
        w.Send(5, ct);
        var (v, ok) = r.RecvOk(ct);
        log.Add("recvok " + v + " " + ok);
        var (v2, ok2) = ch.RecvOk(ct);
        total += v + v2;

        var mu = new Sync.Mutex();
        mu.Lock(ct);
        mu.Unlock();
        var sem = new Sync.Semaphore(1);
        sem.Acquire(ct);
        sem.Release();
        var wg = new WaitGroup();
        wg.Wait(ct);
        Go.Sleep(TimeSpan.FromMilliseconds(1), ct);
        GoSquareTo(ch, n).Join(ct);
        total += ch.Recv(ct);
        var square = GoSquare(n + 1).Join(ct);
        log.Add("square " + square + " ok2 " + ok2);

        cts.Cancel();
        try
        {
            ch.Send(4, ct);
        }
        catch (OperationCanceledException)
        {
            log.Add("send cancelled, len " + ch.Len);
        }
        try
        {
            r.Recv(ct);
        }
        catch (OperationCanceledException)
        {
            log.Add("recv cancelled");
        }
        return total + square;
    }

    [Goroutine]
    private static int Square(int x)
    {
        Go.Yield();
        return x * x;
    }
}
