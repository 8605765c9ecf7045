// Timers racing Stop, repeated Resets, cancellation (Go's context; here a CancellationToken and its done
// channel), waits a timer will end (no deadlock), programs that end with goroutines blocked (the twin of
// ../go/timesmore.go).
using System;
using System.Collections.Generic;
using System.Threading;
using GoSharp;

namespace GoSemantics;

public static partial class Cases
{
    private static void RegisterTimesMore()
    {
        Register("afterfunc-stop-race", GoAfterFuncStopRace);
        Register("timer-reset-repeat", GoTimerResetRepeat);
        Register("ticker-stop-silent", GoTickerStopSilent);
        Register("context-cancel", GoContextCancel);
        Register("context-timeout", GoContextTimeout);
        Register("no-deadlock-timer-pending", GoNoDeadlockTimerPending);
        Register("afterfunc-self-reset", GoAfterFuncSelfReset);
        Register("timer-chan-len-cap", GoTimerChanLenCap);
        Register("panic-in-afterfunc", GoPanicInAfterFunc);
        Register("deadlock-context", GoDeadlockContext);
        Register("deadlock-all-blocked-many", GoDeadlockAllBlockedMany);
        Register("exit-leak-blocked", GoExitLeakBlocked);
    }

    [Goroutine]
    private static void AfterFuncStopRace()
    {
        const int N = 2000;
        var ran = new Chan<int>(N);
        var notStopped = 0;
        for (var i = 0; i < N; i++)
        {
            var f = Go.AfterFunc(TimeSpan.FromTicks(i % 3 * 10), () => ran.TrySend(1));
            if (!f.Stop()) notStopped++;
        }
        for (var i = 0; i < notStopped; i++) ran.Recv();
        Go.Sleep(TimeSpan.FromMilliseconds(20));
        Console.WriteLine(ran.TryRecv(out _) ? "a stopped function ran" : "ran exactly the ones not stopped");
    }

    [Goroutine]
    private static void TimerResetRepeat()
    {
        var t = Go.NewTimer(TimeSpan.FromHours(1));
        var all = true;
        for (var i = 0; i < 100; i++) all = all && t.Reset(TimeSpan.FromHours(1));
        Console.WriteLine("resets of a running timer all true " + B(all));
        t.Reset(TimeSpan.FromMilliseconds(1));
        t.C.Recv();
        Go.Sleep(TimeSpan.FromMilliseconds(20));
        Console.WriteLine(t.C.TryRecv(out _) ? "second value" : "one value");
    }

    [Goroutine]
    private static void TickerStopSilent()
    {
        var tk = Go.NewTicker(TimeSpan.FromMilliseconds(2));
        tk.C.Recv();
        tk.C.Recv();
        tk.Stop();
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        tk.C.TryRecv(out _);
        Go.Sleep(TimeSpan.FromMilliseconds(20));
        Console.WriteLine(tk.C.TryRecv(out _) ? "tick after stop" : "no tick after stop");
    }

    [Goroutine]
    private static void WaitDoneOrHour(CancellationToken token, Chan<string> woke)
    {
        var s = Go.Select(token.DoneCase(), Go.After(TimeSpan.FromHours(1)).RecvCase());
        woke.Send(s.Index == 0 ? "parent" : "timeout");
    }

    [Goroutine]
    private static void WaitChildDone(CancellationToken token, Chan<string> woke)
    {
        Go.Done(token).Recv();
        woke.Send("child");
    }

    private static string Err(CancellationTokenSource cts) => cts.IsCancellationRequested ? "context canceled" : "<nil>";

    [Goroutine]
    private static void ContextCancel()
    {
        var ctx = new CancellationTokenSource();
        using var child = CancellationTokenSource.CreateLinkedTokenSource(ctx.Token);
        var woke = new Chan<string>(4);
        for (var i = 0; i < 3; i++) GoWaitDoneOrHour(ctx.Token, woke);
        GoWaitChildDone(child.Token, woke);
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        Console.WriteLine(Go.Select(ctx.Token.DoneCase(), Go.Default).Index == 0 ? "done before cancel" : "not done before cancel");
        ctx.Cancel();
        ctx.Cancel();
        var n = new Dictionary<string, int> { ["parent"] = 0, ["child"] = 0, ["timeout"] = 0 };
        for (var i = 0; i < 4; i++) n[woke.Recv()!]++;
        Console.WriteLine($"woken parent {n["parent"]} child {n["child"]} timeout {n["timeout"]}");
        Console.WriteLine("err " + Err(ctx));
        Console.WriteLine(Go.Select(ctx.Token.DoneCase(), Go.Default).Index == 0 ? "done after cancel" : "not done after cancel");
        Console.WriteLine(Go.Select(CancellationToken.None.DoneCase(), Go.Default).Index == 0 ? "background done" : "background never done");
    }

    [Goroutine]
    private static void ContextTimeout()
    {
        using var ctx = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));
        Go.Done(ctx.Token).Recv();
        Console.WriteLine("err " + (ctx.IsCancellationRequested ? "context deadline exceeded" : "<nil>"));
    }

    [Goroutine]
    private static void SleepThenSend(Chan<int> ch, int v)
    {
        Go.Sleep(TimeSpan.FromMilliseconds(20));
        ch.Send(v);
    }

    [Goroutine]
    private static void CountTicks(Go.Ticker tk, WaitGroup wg)
    {
        for (var i = 0; i < 3; i++)
        {
            tk.C.Recv();
            wg.Done();
        }
        tk.Stop();
    }

    // Plain code: Go's AfterFunc runs its function in a goroutine of its own, where a send may block.
    private static void SendPlain(Chan<int> ch, int v) => ch.Send(v);

    [Goroutine]
    private static void NoDeadlockTimerPending()
    {
        var ch = new Chan<int>();
        Go.AfterFunc(TimeSpan.FromMilliseconds(20), () => SendPlain(ch, 1));
        Console.WriteLine("from afterfunc " + ch.Recv());
        GoSleepThenSend(ch, 2);
        Console.WriteLine("from sleeper " + ch.Recv());
        var mu = new Sync.Mutex();
        mu.Lock();
        Go.AfterFunc(TimeSpan.FromMilliseconds(20), mu.Unlock);
        mu.Lock();
        Console.WriteLine("unlocked by afterfunc");
        var tk = Go.NewTicker(TimeSpan.FromMilliseconds(5));
        var wg = new WaitGroup();
        wg.Add(3);
        GoCountTicks(tk, wg);
        wg.Wait();
        Console.WriteLine("waitgroup ended by ticks");
    }

    private sealed class SelfResetting
    {
        public Go.Timer? T;
        public int N;
        public readonly Chan<string> Runs = new(10);

        // Plain code: the timer's function.
        public void Run()
        {
            N++;
            if (N < 3) Runs.TrySend($"run {N} stop {B(T!.Stop())} reset {B(T.Reset(TimeSpan.FromMilliseconds(1)))}");
            else Runs.TrySend($"run {N} stop {B(T!.Stop())}");
        }
    }

    [Goroutine]
    private static void AfterFuncSelfReset()
    {
        var r = new SelfResetting();
        r.T = Go.AfterFunc(TimeSpan.FromMilliseconds(1), r.Run);
        for (var i = 0; i < 3; i++) Console.WriteLine(r.Runs.Recv());
        Go.Sleep(TimeSpan.FromMilliseconds(20));
        Console.WriteLine("queued after " + r.Runs.Len);
    }

    [Goroutine]
    private static void DeadlockContext()
    {
        using var ctx = new CancellationTokenSource();
        Go.Done(ctx.Token).Recv();
    }

    [Goroutine]
    private static void TimerChanLenCap()
    {
        var t = Go.NewTimer(TimeSpan.FromMilliseconds(20));
        Console.WriteLine($"before len {t.C.Len} cap {t.C.Cap}");
        Go.Sleep(TimeSpan.FromMilliseconds(60));
        Console.WriteLine($"fired len {t.C.Len}");
        t.C.Recv();
        Console.WriteLine($"received len {t.C.Len}");
    }

    [Goroutine]
    private static void PanicInAfterFunc()
    {
        Go.AfterFunc(TimeSpan.FromMilliseconds(1), () => throw new InvalidOperationException("in afterfunc"));
        Go.Sleep(TimeSpan.FromMilliseconds(100));
        Console.WriteLine("still alive");
    }

    [Goroutine]
    private static void LockForever(Sync.Mutex mu) => mu.Lock();

    [Goroutine]
    private static void CondWaitForever(Sync.Mutex mu, Cond c)
    {
        mu.Lock();
        c.Wait();
    }

    [Goroutine]
    private static void WaitForever(WaitGroup wg) => wg.Wait();

    [Goroutine]
    private static void SelectForever() => Go.Select();

    [Goroutine]
    private static void SendNilForever()
    {
        Chan<int> nilc = default;
        nilc.Send(1);
    }

    [Goroutine]
    private static void SleepBriefly() => Go.Sleep(TimeSpan.FromMilliseconds(10));

    [Goroutine]
    private static void DeadlockAllBlockedMany()
    {
        var mu = new Sync.Mutex();
        mu.Lock();
        var cmu = new Sync.Mutex();
        var c = new Cond(cmu);
        var wg = new WaitGroup();
        wg.Add(1);
        GoLockForever(mu);
        GoCondWaitForever(cmu, c);
        GoWaitForever(wg);
        GoSelectForever();
        GoSendNilForever();
        GoSleepBriefly();
        new Chan<int>().Recv();
    }

    [Goroutine]
    private static void RecvForever(Chan<int> block) => block.Recv();

    [Goroutine]
    private static void ExitLeakBlocked()
    {
        var block = new Chan<int>();
        var mu = new Sync.Mutex();
        mu.Lock();
        for (var i = 0; i < 50; i++)
        {
            GoRecvForever(block);
            GoLockForever(mu);
        }
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        Console.WriteLine("leaving with goroutines blocked");
    }
}
