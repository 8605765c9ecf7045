// The scheduler: run order on one P, goroutine counts, the end of the program, an exception nobody handles,
// and deadlock reports.
using System;
using System.Collections.Generic;
using GoSharp;

namespace GoSemantics;

public static partial class Cases
{
    private static void RegisterScheduler()
    {
        Register("sched-spawn", GoSchedSpawn);
        Register("sched-gosched", GoSchedGosched);
        Register("sched-pingpong", GoSchedPingPong);
        Register("sched-wake-order", GoSchedWakeOrder);
        Register("numgoroutine", GoNumGoroutine);
        Register("exit-while-running", GoExitWhileRunning);
        Register("panic-in-goroutine", GoPanicInGoroutine);
        Register("deadlock-nil", GoDeadlockNil);
        Register("deadlock-select", GoDeadlockSelect);
        Register("deadlock-range-nil", GoDeadlockRangeNil);
        Register("deadlock-after-sleeper", GoDeadlockAfterSleeper);
        Register("deadlock-after-afterfunc", GoDeadlockAfterAfterFunc);
        Register("deadlock-stopped-ticker", GoDeadlockStoppedTicker);
        Register("deadlock-mutex", GoDeadlockMutex);
        Register("deadlock-waitgroup", GoDeadlockWaitGroup);
    }

    // The goroutines of one case share their list; they run on one P, one at a time, as in the Go twin.
    [Goroutine]
    private static void AppendId(List<int> output, int i, WaitGroup wg)
    {
        output.Add(i);
        wg.Done();
    }

    [Goroutine]
    private static void SchedSpawn()
    {
        Go.SetMaxProcs(1);
        var wg = new WaitGroup();
        var output = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            wg.Add(1);
            GoAppendId(output, i, wg);
        }
        wg.Wait();
        Console.WriteLine(Join(output));
    }

    [Goroutine]
    private static void Yielder(string name, List<string> output, WaitGroup wg)
    {
        for (var i = 0; i < 3; i++)
        {
            output.Add(name);
            Go.Yield();
        }
        wg.Done();
    }

    [Goroutine]
    private static void SchedGosched()
    {
        Go.SetMaxProcs(1);
        var wg = new WaitGroup();
        var output = new List<string>();
        foreach (var name in new[] { "a", "b", "c" })
        {
            wg.Add(1);
            GoYielder(name, output, wg);
        }
        wg.Wait();
        Console.WriteLine(Join(output));
    }

    [Goroutine]
    private static void PingSender(Chan<int> a, List<string> output, WaitGroup wg)
    {
        for (var i = 0; i < 3; i++)
        {
            a.Send(i);
            output.Add("sent" + i);
        }
        a.Close();
        wg.Done();
    }

    [Goroutine]
    private static void PingForwarder(Chan<int> a, Chan<int> b, List<string> output, WaitGroup wg)
    {
        foreach (var v in a)
        {
            output.Add("got" + v);
            b.Send(v);
        }
        b.Close();
        wg.Done();
    }

    [Goroutine]
    private static void PingReceiver(Chan<int> b, List<string> output, WaitGroup wg)
    {
        foreach (var v in b) output.Add("fwd" + v);
        wg.Done();
    }

    [Goroutine]
    private static void SchedPingPong()
    {
        Go.SetMaxProcs(1);
        var output = new List<string>();
        var a = new Chan<int>();
        var b = new Chan<int>();
        var wg = new WaitGroup();
        wg.Add(3);
        GoPingSender(a, output, wg);
        GoPingForwarder(a, b, output, wg);
        GoPingReceiver(b, output, wg);
        wg.Wait();
        Console.WriteLine(string.Join(" ", output));
    }

    [Goroutine]
    private static void WakeOrderWaiter(string kind, Sync.Mutex mu, Cond c, WaitGroup wg, RWMutex rw, Chan<int> ch, List<int> order, Chan<int> done, int i)
    {
        if (kind == "cond")
        {
            mu.Lock();
            c.Wait();
            mu.Unlock();
        }
        else if (kind == "waitgroup")
        {
            wg.Wait();
        }
        else if (kind == "rwmutex")
        {
            rw.RLock();
            rw.RUnlock();
        }
        else if (kind == "send")
        {
            i = i * 10 + ch.Recv();
        }
        else
        {
            ch.Recv();
        }
        order.Add(i);
        done.Send(i);
    }

    [Goroutine]
    private static void SchedWakeOrder()
    {
        Go.SetMaxProcs(1);
        var mu = new Sync.Mutex();
        var c = new Cond(mu);
        var wg = new WaitGroup();
        wg.Add(1);
        var ch = new Chan<int>();
        var rw = new RWMutex();
        foreach (var kind in new[] { "cond", "waitgroup", "close", "rwmutex", "send" })
        {
            var order = new List<int>();
            var done = new Chan<int>(3);
            if (kind == "rwmutex") rw.Lock();
            for (var i = 1; i <= 3; i++)
            {
                GoWakeOrderWaiter(kind, mu, c, wg, rw, ch, order, done, i);
                Go.Yield();
            }
            if (kind == "cond")
            {
                mu.Lock();
                c.Broadcast();
                mu.Unlock();
            }
            else if (kind == "waitgroup")
            {
                wg.Done();
            }
            else if (kind == "close")
            {
                ch.Close();
                ch = new Chan<int>();
            }
            else if (kind == "rwmutex")
            {
                rw.Unlock();
            }
            else
            {
                for (var i = 1; i <= 3; i++) ch.Send(i);
            }
            for (var i = 0; i < 3; i++) done.Recv();
            Console.WriteLine(kind + " " + Join(order));
        }
    }

    [Goroutine]
    private static void Block(Chan<int> ch) => ch.Recv();

    [Goroutine]
    private static void NumGoroutine()
    {
        var rt = GoRuntime.Current;
        Console.WriteLine("start " + rt.NumGoroutine);
        var block = new Chan<int>();
        for (var i = 0; i < 10; i++) GoBlock(block);
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        Console.WriteLine("with 10 " + rt.NumGoroutine);
        block.Close();
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        Console.WriteLine("after " + rt.NumGoroutine);
    }

    [Goroutine]
    private static void Spin()
    {
        while (true) { }
    }

    [Goroutine]
    private static void SleepForever()
    {
        while (true) Go.Sleep(TimeSpan.FromMilliseconds(5));
    }

    [Goroutine]
    private static void ExitWhileRunning()
    {
        GoSpin();
        GoSleepForever();
        Go.Sleep(TimeSpan.FromMilliseconds(50));
    }

    [Goroutine]
    private static void Throw() => throw new InvalidOperationException("in goroutine");

    [Goroutine]
    private static void PanicInGoroutine()
    {
        GoThrow();
        Go.Sleep(TimeSpan.FromMilliseconds(100));
        // GoSharp reports an exception nobody observed when the goroutine's handle is collected.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Go.Sleep(TimeSpan.FromMilliseconds(100));
        Console.WriteLine("still alive");
    }

    [Goroutine]
    private static void DeadlockNil()
    {
        Chan<int> nc = default;
        nc.Recv();
    }

    [Goroutine]
    private static void DeadlockSelect() => Go.Select();

    [Goroutine]
    private static void DeadlockRangeNil()
    {
        Chan<int> nc = default;
        foreach (var _ in nc) { }
    }

    [Goroutine]
    private static void Sleep50() => Go.Sleep(TimeSpan.FromMilliseconds(50));

    [Goroutine]
    private static void DeadlockAfterSleeper()
    {
        GoSleep50();
        new Chan<int>().Recv();
    }

    [Goroutine]
    private static void DeadlockAfterAfterFunc()
    {
        Go.AfterFunc(TimeSpan.FromMilliseconds(50), () => Console.WriteLine("afterfunc ran"));
        new Chan<int>().Recv();
    }

    [Goroutine]
    private static void DeadlockStoppedTicker()
    {
        var tk = Go.NewTicker(TimeSpan.FromMilliseconds(10));
        tk.C.Recv();
        tk.Stop();
        new Chan<int>().Recv();
    }

    [Goroutine]
    private static void DeadlockMutex()
    {
        var mu = new Sync.Mutex();
        mu.Lock();
        mu.Lock();
    }

    [Goroutine]
    private static void DeadlockWaitGroup()
    {
        var wg = new WaitGroup();
        wg.Add(1);
        wg.Wait();
    }
}
