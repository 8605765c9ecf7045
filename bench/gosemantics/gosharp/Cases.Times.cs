// Timers, AfterFunc, tickers, time.After in a select loop.
using System;
using GoSharp;

namespace GoSemantics;

public static partial class Cases
{
    private static void RegisterTimes()
    {
        Register("timer", GoTimer);
        Register("timer-stale", GoTimerStale);
        Register("afterfunc", GoAfterFunc);
        Register("ticker", GoTicker);
        Register("ticker-stale", GoTickerStale);
        Register("ticker-invalid", GoTickerInvalid);
        Register("after-loop", GoAfterLoop);
    }

    [Goroutine]
    private static void Timer()
    {
        var t = Go.NewTimer(TimeSpan.FromHours(1));
        Console.WriteLine("stop " + B(t.Stop()));
        Console.WriteLine("stop again " + B(t.Stop()));
        Console.WriteLine("reset after stop " + B(t.Reset(TimeSpan.FromMilliseconds(1))));
        t.C.Recv();
        Console.WriteLine("received");
        Console.WriteLine("stop after recv " + B(t.Stop()));
        Console.WriteLine("reset after recv " + B(t.Reset(TimeSpan.FromMilliseconds(1))));
        t.C.Recv();
        var t2 = Go.NewTimer(TimeSpan.FromHours(1));
        Console.WriteLine("reset running " + B(t2.Reset(TimeSpan.Zero)));
        t2.C.Recv();
        Console.WriteLine("fired after reset 0");
        Go.NewTimer(TimeSpan.FromSeconds(-1)).C.Recv();
        Console.WriteLine("negative timer fired");
    }

    [Goroutine]
    private static void TimerStale()
    {
        var t = Go.NewTimer(TimeSpan.FromMilliseconds(1));
        Go.Sleep(TimeSpan.FromMilliseconds(20));
        Console.WriteLine("stop fired unreceived " + B(t.Stop()));
        Console.WriteLine(t.C.TryRecv(out _) ? "stale value" : "no stale value");
        var t2 = Go.NewTimer(TimeSpan.FromMilliseconds(1));
        Go.Sleep(TimeSpan.FromMilliseconds(20));
        Console.WriteLine("reset fired unreceived " + B(t2.Reset(TimeSpan.FromHours(1))));
        Console.WriteLine(t2.C.TryRecv(out _) ? "stale value" : "no stale value");
    }

    [Goroutine]
    private static void AfterFunc()
    {
        var ran = new Chan<int>(10);
        var f = Go.AfterFunc(TimeSpan.FromHours(1), () => ran.TrySend(1));
        Console.WriteLine("stop " + B(f.Stop()));
        Console.WriteLine("reset " + B(f.Reset(TimeSpan.FromMilliseconds(1))));
        ran.Recv();
        Console.WriteLine("ran once");
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        Console.WriteLine("stop after run " + B(f.Stop()));
        Console.WriteLine("reset after run " + B(f.Reset(TimeSpan.FromMilliseconds(1))));
        ran.Recv();
        Console.WriteLine("ran twice");
        Console.WriteLine("C nil " + B(f.C.IsNil));
    }

    [Goroutine]
    private static void Ticker()
    {
        var tk = Go.NewTicker(TimeSpan.FromMilliseconds(20));
        var start = DateTime.UtcNow;
        bool onGrid = true, dropped = false;
        long last = 0;
        for (var i = 0; i < 6; i++)
        {
            var t = tk.C.Recv();
            var ms = (long)(t - start).TotalMilliseconds;
            onGrid = onGrid && (ms % 20 < 8 || ms % 20 > 12); // within 8 ms of a multiple of the period
            var n = (ms + 10) / 20;
            dropped = dropped || n > last + 1;
            last = n;
            Go.Sleep(TimeSpan.FromMilliseconds(50));
        }
        Console.WriteLine($"ticks on the period's grid {B(onGrid)} ticks dropped for a slow receiver {B(dropped)}");
        tk.Stop();
        tk.Reset(TimeSpan.FromMilliseconds(5));
        var r = Go.Select(tk.C.RecvCase(), Go.After(TimeSpan.FromSeconds(1)).RecvCase());
        Console.WriteLine(r.Index == 0 ? "ticks after reset of stopped" : "no tick after reset of stopped");
    }

    // A tick sent before Reset or Stop that nobody received: GoSharp does what Go 1.23 does.
    [Goroutine]
    private static void TickerStale()
    {
        var tk = Go.NewTicker(TimeSpan.FromMilliseconds(5));
        Go.Sleep(TimeSpan.FromMilliseconds(20));
        tk.Reset(TimeSpan.FromHours(1));
        Console.WriteLine(tk.C.TryRecv(out _) ? "tick sent before the reset received" : "none after reset");
        tk.Reset(TimeSpan.FromMilliseconds(5));
        Go.Sleep(TimeSpan.FromMilliseconds(20));
        tk.Stop();
        Console.WriteLine(tk.C.TryRecv(out _) ? "tick sent before the stop received" : "none after stop");
    }

    [Goroutine]
    private static void TickerInvalid()
    {
        Try("ticker 0", () => Go.NewTicker(TimeSpan.Zero));
        Try("ticker reset 0", () => Go.NewTicker(TimeSpan.FromSeconds(1)).Reset(TimeSpan.Zero));
    }

    [Goroutine]
    private static void SendSlowly(Chan<int> ch)
    {
        for (var i = 0; i < 5; i++)
        {
            Go.Sleep(TimeSpan.FromMilliseconds(2));
            ch.Send(i);
        }
    }

    [Goroutine]
    private static void AfterLoop()
    {
        var ch = new Chan<int>();
        GoSendSlowly(ch);
        int got = 0, timeouts = 0;
        while (got < 5)
        {
            var s = Go.Select(ch.RecvCase(), Go.After(TimeSpan.FromSeconds(1)).RecvCase());
            if (s.Index == 0) got++;
            else timeouts++;
        }
        Console.WriteLine($"got {got} timeouts {timeouts}");
    }
}
