// Red team of 2026-11-30: closed channels that still hold data under select with default, Cond's wake-up order
// and Broadcast, a WaitGroup used twice, a stopped timer reset, and a goroutine blocked in a .NET call (Go: a
// system call) not stalling the others on one P (the twin of ../go/redteam.go).
using System;
using System.Threading;
using GoSharp;

namespace GoSemantics;

public static partial class Cases
{
    private static void RegisterRedTeam()
    {
        Register("close-buffered-select-default", GoCloseBufferedSelectDefault);
        Register("cond-signal-order", GoCondSignalOrder);
        Register("waitgroup-reuse", GoWaitGroupReuse);
        Register("timer-stop-then-reset", GoTimerStopThenReset);
        Register("blocking-call-no-stall", GoBlockingCallNoStall);
        Register("blocking-call-unannounced-no-stall", GoBlockingCallUnannouncedNoStall);
    }

    [Goroutine]
    private static void CloseBufferedSelectDefault()
    {
        var ch = new Chan<int>(3);
        ch.Send(1);
        ch.Send(2);
        ch.Close();
        for (var i = 0; i < 4; i++)
        {
            var s = Go.Select(ch.RecvCase(), Go.Default);
            Console.WriteLine(s.Index == 0 ? $"{s.Value1} {B(s.Ok)}" : "default");
        }
        Console.WriteLine($"{ch.Len} {ch.Cap}");
    }

    [Goroutine]
    private static void CondOrderWaiter(Sync.Mutex mu, Cond c, Chan<int> woke, int i)
    {
        mu.Lock();
        c.Wait();
        mu.Unlock();
        woke.Send(i);
    }

    [Goroutine]
    private static void CondSignalOrder()
    {
        var mu = new Sync.Mutex();
        var c = new Cond(mu);
        var woke = new Chan<int>(5);
        for (var i = 0; i < 5; i++)
        {
            GoCondOrderWaiter(mu, c, woke, i);
            Go.Sleep(TimeSpan.FromMilliseconds(10));
        }
        for (var i = 0; i < 2; i++)
        {
            mu.Lock();
            c.Signal();
            mu.Unlock();
            Console.WriteLine("signal " + woke.Recv());
        }
        mu.Lock();
        c.Broadcast();
        mu.Unlock();
        var sum = 0;
        for (var i = 0; i < 3; i++) sum += woke.Recv();
        Console.WriteLine("broadcast woke " + sum);
    }

    [Goroutine]
    private static void AddRound(WaitGroup wg, Sync.Mutex mu, int[] total, int round)
    {
        mu.Lock();
        total[0] += round;
        mu.Unlock();
        wg.Done();
    }

    [Goroutine]
    private static void WaitGroupReuse()
    {
        var wg = new WaitGroup();
        var mu = new Sync.Mutex();
        var total = new int[1];
        for (var round = 1; round <= 3; round++)
        {
            for (var i = 0; i < 4; i++)
            {
                wg.Add(1);
                GoAddRound(wg, mu, total, round);
            }
            wg.Wait();
            Console.WriteLine($"round {round} {total[0]}");
        }
    }

    [Goroutine]
    private static void TimerStopThenReset()
    {
        var t = Go.NewTimer(TimeSpan.FromHours(1));
        Console.WriteLine("stop " + B(t.Stop()));
        Console.WriteLine("stop again " + B(t.Stop()));
        Console.WriteLine("reset " + B(t.Reset(TimeSpan.FromMilliseconds(1))));
        t.C.Recv();
        Console.WriteLine("fired");
        Console.WriteLine("stop after receive " + B(t.Stop()));
        Console.WriteLine("reset " + B(t.Reset(TimeSpan.FromMilliseconds(1))));
        t.C.Recv();
        Console.WriteLine("fired again");
    }

    [Goroutine]
    private static void BlockInDotNet(Chan<bool> done, bool announced)
    {
        if (announced) Go.Blocking(() => Thread.Sleep(200)); // Go: a system call
        else SleepUnannounced(200);                           // the same, unannounced: sysmon retakes the P
        done.Send(true);
    }

    // A plain method: in a [Goroutine] method GOSH0009 asks for Go.Sleep, which is the point here.
    private static void SleepUnannounced(int ms) => Thread.Sleep(ms);

    [Goroutine]
    private static void BlockingCallNoStall() => NoStall(announced: true);

    [Goroutine]
    private static void BlockingCallUnannouncedNoStall() => NoStall(announced: false);

    [Goroutine]
    private static void NoStall(bool announced)
    {
        Go.SetMaxProcs(1);
        var done = new Chan<bool>(1);
        GoBlockInDotNet(done, announced);
        Go.Sleep(TimeSpan.FromMilliseconds(1)); // let it block
        for (var i = 0; i < 5; i++) Go.Sleep(TimeSpan.FromMilliseconds(2));
        var s = Go.Select(done.RecvCase(), Go.Default);
        Console.WriteLine(s.Index == 0 ? "main stalled" : "main ran on");
        done.Recv();
    }
}
