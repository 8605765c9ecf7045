// Edges a Go program relies on: channel steps, selects, sync types used across goroutines, timers, deadlocks
// (the twin of ../go/edges.go).
using System;
using GoSharp;

namespace GoSemantics;

public static partial class Cases
{
    private static void RegisterEdges()
    {
        Register("close-self-select", GoCloseSelfSelect);
        Register("len-cap-steps", GoLenCapSteps);
        Register("range-closed-buffered", GoRangeClosedBuffered);
        Register("select-nil-merge", GoSelectNilMerge);
        Register("select-ready-beats", GoSelectReadyBeats);
        Register("select-send-closed-vs-ready", GoSelectSendClosedVsReady);
        Register("mutex-cross-unlock", GoMutexCrossUnlock);
        Register("rwmutex-handoff", GoRWMutexHandoff);
        Register("rwmutex-runlock-unlocked", GoRWMutexRUnlockUnlocked);
        Register("once-concurrent", GoOnceConcurrent);
        Register("waitgroup-done-negative", GoWaitGroupDoneNegative);
        Register("timer-nonpositive", GoTimerNonPositive);
        Register("deadlock-send", GoDeadlockSend);
        Register("deadlock-cond", GoDeadlockCond);
        Register("deadlock-rwmutex", GoDeadlockRWMutex);
        Register("deadlock-cycle", GoDeadlockCycle);
        Register("deadlock-select-nil", GoDeadlockSelectNil);
        Register("numgoroutine-recovered", GoNumGoroutineRecovered);
        Register("mutex-starvation", GoMutexStarvation);
        Register("cond-signal-lost", GoCondSignalLost);
        Register("panic-while-main-blocked", GoPanicWhileMainBlocked);
        Register("deadlock-rwmutex-recursive-rlock", GoDeadlockRWMutexRecursiveRLock);
    }

    [Goroutine]
    private static void SelectSendOrRecv(Chan<int> ch, Chan<string> output)
    {
        try
        {
            var s = Go.Select(ch.SendCase(1), ch.RecvCase());
            output.Send(s.Index == 0 ? "sent" : $"received {s.Value2} {B(s.Ok)}");
        }
        catch (ChannelClosedException e)
        {
            output.Send("panic: " + Panic(e));
        }
    }

    [Goroutine]
    private static void CloseSelfSelect()
    {
        var ch = new Chan<int>();
        var output = new Chan<string>();
        GoSelectSendOrRecv(ch, output);
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        ch.Close();
        Console.WriteLine(output.Recv());
    }

    private static void LenCap(Chan<int> ch, string s) => Console.WriteLine($"{s} len {ch.Len} cap {ch.Cap}");

    [Goroutine]
    private static void LenCapSteps()
    {
        Go.SetMaxProcs(1);
        var ch = new Chan<int>(3);
        LenCap(ch, "empty");
        ch.Send(1);
        LenCap(ch, "one");
        ch.Send(2);
        ch.Send(3);
        LenCap(ch, "full");
        for (var i = 4; i <= 5; i++)
        {
            GoSendOne(ch, i);
            Go.Yield();
        }
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        LenCap(ch, "two senders parked");
        for (var i = 0; i < 5; i++)
        {
            var v = ch.Recv();
            LenCap(ch, "received " + v);
        }
        ch.Send(6);
        ch.Close();
        LenCap(ch, "closed with one");
        var (v1, ok1) = ch.RecvOk();
        LenCap(ch, $"received {v1} {B(ok1)}");
        var (v2, ok2) = ch.RecvOk();
        LenCap(ch, $"received {v2} {B(ok2)}");
    }

    [Goroutine]
    private static void RangeClosedBuffered()
    {
        var ch = new Chan<int>(5);
        for (var i = 1; i <= 4; i++) ch.Send(i);
        ch.Recv();
        ch.Close();
        foreach (var v in ch) Console.Write(v + " ");
        Console.WriteLine("end len " + ch.Len);
    }

    [Goroutine]
    private static void SendStepsAndClose(Chan<int> ch, int from, int to, int step)
    {
        for (var i = from; i <= to; i += step) ch.Send(i);
        ch.Close();
    }

    [Goroutine]
    private static void SelectNilMerge()
    {
        var a = new Chan<int>();
        var b = new Chan<int>();
        GoSendStepsAndClose(a, 1, 3, 1);
        GoSendStepsAndClose(b, 10, 50, 10);
        int sum = 0, rounds = 0;
        while (!a.IsNil || !b.IsNil)
        {
            rounds++;
            var s = Go.Select(a.RecvCase(), b.RecvCase());
            if (s.Index == 0)
            {
                if (!s.Ok) a = default;
                else sum += s.Value1;
            }
            else
            {
                if (!s.Ok) b = default;
                else sum += s.Value2;
            }
        }
        Console.WriteLine($"sum {sum} rounds {rounds}");
    }

    [Goroutine]
    private static void SelectReadyBeats()
    {
        var ch = new Chan<int>(1);
        var defaults = 0;
        for (var i = 0; i < 10000; i++)
        {
            ch.Send(i);
            if (Go.Select(ch.RecvCase(), Go.Default).Index != 0)
            {
                defaults++;
                ch.Recv();
            }
        }
        Console.WriteLine("default taken " + defaults);
        var afters = 0;
        for (var i = 0; i < 1000; i++)
        {
            ch.Send(i);
            if (Go.Select(ch.RecvCase(), Go.After(TimeSpan.FromHours(1)).RecvCase()).Index != 0) afters++;
        }
        Console.WriteLine("after taken " + afters);
    }

    [Goroutine]
    private static void SelectSendClosedVsReady()
    {
        const int N = 100000;
        var closed = new Chan<int>();
        var ready = new Chan<int>(1);
        closed.Close();
        var cnt = new int[2];
        for (var i = 0; i < N; i++)
        {
            ready.Send(1);
            try
            {
                Go.Select(closed.SendCase(1), ready.RecvCase());
                cnt[1]++;
            }
            catch (ChannelClosedException)
            {
                cnt[0]++;
                ready.Recv();
            }
        }
        Dist("panic,recv", cnt);
    }

    [Goroutine]
    private static void UnlockBoth(Sync.Mutex mu, RWMutex rw, bool write, Chan<bool> done)
    {
        mu.Unlock();
        if (write) rw.Unlock();
        else rw.RUnlock();
        done.Send(true);
    }

    [Goroutine]
    private static void MutexCrossUnlock()
    {
        var mu = new Sync.Mutex();
        var rw = new RWMutex();
        mu.Lock();
        rw.RLock();
        var done = new Chan<bool>();
        GoUnlockBoth(mu, rw, false, done);
        done.Recv();
        Console.WriteLine($"trylock {B(mu.TryLock())} rw trylock {B(rw.TryLock())}");
        GoUnlockBoth(mu, rw, true, done);
        done.Recv();
        mu.Lock();
        rw.Lock();
        Console.WriteLine("locked again");
    }

    [Goroutine]
    private static void LockPrint(RWMutex rw, bool write, string name, Chan<bool> done)
    {
        if (write) rw.Lock();
        else rw.RLock();
        Console.WriteLine(name);
        if (write) rw.Unlock();
        else rw.RUnlock();
        done.Send(true);
    }

    [Goroutine]
    private static void RWMutexHandoff()
    {
        Go.SetMaxProcs(1);
        var rw = new RWMutex();
        var done = new Chan<bool>(3);
        rw.RLock();
        GoLockPrint(rw, true, "writer1", done);
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        GoLockPrint(rw, false, "reader2", done);
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        GoLockPrint(rw, true, "writer2", done);
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        Console.WriteLine($"trylock {B(rw.TryLock())} tryrlock {B(rw.TryRLock())}");
        rw.RUnlock();
        for (var i = 0; i < 3; i++) done.Recv();
    }

    [Goroutine]
    private static void RWMutexRUnlockUnlocked()
    {
        var rw = new RWMutex();
        Try("runlock unlocked", () => rw.RUnlock());
    }

    // Plain code: the action of a Once runs as plain code, and this one blocks its thread on the channel.
    private static void DoBlocking(Once once, Chan<bool> release) => once.Do(() =>
    {
        Console.WriteLine("f start");
        release.Recv();
        Console.WriteLine("f end");
    });

    [Goroutine]
    private static void FirstDo(Once once, Chan<bool> release, Chan<bool> done)
    {
        DoBlocking(once, release);
        done.Send(true);
    }

    [Goroutine]
    private static void SecondDo(Once once, Chan<bool> done)
    {
        once.Do(() => Console.WriteLine("second f"));
        Console.WriteLine("second Do returned");
        done.Send(true);
    }

    [Goroutine]
    private static void OnceConcurrent()
    {
        Go.SetMaxProcs(1);
        var once = new Once();
        var release = new Chan<bool>();
        var done = new Chan<bool>();
        GoFirstDo(once, release, done);
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        GoSecondDo(once, done);
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        Console.WriteLine("releasing");
        release.Send(true);
        done.Recv();
        done.Recv();
    }

    [Goroutine]
    private static void WaitGroupDoneNegative()
    {
        var wg = new WaitGroup();
        wg.Add(1);
        wg.Done();
        Try("done below zero", () => wg.Done());
    }

    [Goroutine]
    private static void TimerNonPositive()
    {
        Go.Sleep(TimeSpan.FromSeconds(-1));
        Go.Sleep(TimeSpan.Zero);
        Console.WriteLine("slept");
        Go.After(TimeSpan.Zero).Recv();
        Go.After(TimeSpan.FromHours(-1)).Recv();
        Console.WriteLine("after fired");
        var t = Go.NewTimer(TimeSpan.FromHours(1));
        t.Reset(TimeSpan.FromSeconds(-1));
        t.C.Recv();
        Console.WriteLine("reset negative fired");
    }

    [Goroutine]
    private static void DeadlockSend() => new Chan<int>().Send(1);

    [Goroutine]
    private static void DeadlockCond()
    {
        var mu = new Sync.Mutex();
        var c = new Cond(mu);
        mu.Lock();
        c.Wait();
    }

    [Goroutine]
    private static void DeadlockRWMutex()
    {
        var rw = new RWMutex();
        rw.RLock();
        rw.Lock();
    }

    [Goroutine]
    private static void RecvThenSend(Chan<int> from, Chan<int> to, WaitGroup wg)
    {
        from.Recv();
        to.Send(1);
        wg.Done();
    }

    [Goroutine]
    private static void WaitThenSend(WaitGroup wg, Chan<int> ch)
    {
        wg.Wait();
        ch.Send(1);
    }

    [Goroutine]
    private static void DeadlockCycle()
    {
        var a = new Chan<int>();
        var b = new Chan<int>();
        var wg = new WaitGroup();
        wg.Add(2);
        GoRecvThenSend(a, b, wg);
        GoRecvThenSend(b, a, wg);
        var ch = new Chan<int>();
        GoWaitThenSend(wg, ch);
        ch.Recv();
    }

    [Goroutine]
    private static void DeadlockSelectNil()
    {
        Chan<int> a = default, b = default;
        Go.Select(a.RecvCase(), b.SendCase(1));
    }

    [Goroutine]
    private static void ThrowAndRecover(Chan<bool> done)
    {
        try
        {
            throw new InvalidOperationException("x");
        }
        catch (InvalidOperationException)
        {
        }
        finally
        {
            done.Send(true);
        }
    }

    [Goroutine]
    private static void NumGoroutineRecovered()
    {
        var done = new Chan<bool>();
        for (var i = 0; i < 5; i++) GoThrowAndRecover(done);
        for (var i = 0; i < 5; i++) done.Recv();
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        Console.WriteLine("after " + Go.NumGoroutine);
    }

    [Goroutine]
    private static void Relocker(Sync.Mutex mu, Chan<bool> stop, Chan<bool> started)
    {
        mu.Lock();
        started.Send(true);
        while (true)
        {
            if (stop.TryRecvOk(out _, out _))
            {
                mu.Unlock();
                return;
            }
            mu.Unlock();
            mu.Lock();
        }
    }

    [Goroutine]
    private static void StopWhenGot(Chan<bool> got, Chan<bool> stop)
    {
        var timeout = Go.After(TimeSpan.FromSeconds(2));
        if (Go.Select(got.RecvCase(), timeout.RecvCase()).Index == 1)
            Console.WriteLine("the waiter did not get the lock within 2s");
        stop.Close();
    }

    [Goroutine]
    private static void MutexStarvation()
    {
        Go.SetMaxProcs(2);
        var mu = new Sync.Mutex();
        var stop = new Chan<bool>();
        var started = new Chan<bool>();
        GoRelocker(mu, stop, started);
        started.Recv();
        var got = new Chan<bool>();
        GoStopWhenGot(got, stop);
        mu.Lock();
        got.Send(true);
        Console.WriteLine("the waiter got the lock while the other goroutine looped");
        mu.Unlock();
    }

    [Goroutine]
    private static void CondWaitReport(Sync.Mutex mu, Cond c, Chan<bool> parked, Chan<bool> woken)
    {
        mu.Lock();
        parked.Send(true);
        c.Wait();
        mu.Unlock();
        woken.Send(true);
    }

    [Goroutine]
    private static void CondSignalLost()
    {
        var mu = new Sync.Mutex();
        var c = new Cond(mu);
        c.Signal();
        c.Broadcast();
        var woken = new Chan<bool>();
        var parked = new Chan<bool>();
        GoCondWaitReport(mu, c, parked, woken);
        parked.Recv();
        Console.WriteLine(Go.Select(woken.RecvCase(), Go.After(TimeSpan.FromMilliseconds(50)).RecvCase()).Index == 0
            ? "woken by an earlier signal"
            : "not woken by earlier signals");
        mu.Lock();
        c.Signal();
        mu.Unlock();
        woken.Recv();
        Console.WriteLine("woken by a signal after the wait");
    }

    [Goroutine]
    private static void PanicWhileMainBlocked()
    {
        GoThrow();
        Go.Select();
    }

    [Goroutine]
    private static void LockOnly(RWMutex rw) => rw.Lock();

    [Goroutine]
    private static void DeadlockRWMutexRecursiveRLock()
    {
        var rw = new RWMutex();
        rw.RLock();
        GoLockOnly(rw);
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        rw.RLock();
    }
}
