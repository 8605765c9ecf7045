// sync: WaitGroup, Once, Mutex misuse, Cond order, RWMutex writer preference.
using System;
using GoSharp;

namespace GoSemantics;

public static partial class Cases
{
    private static void RegisterSyncs()
    {
        Register("waitgroup", GoWaitGroup);
        Register("once", GoOnce);
        Register("once-recursive", GoOnceRecursive);
        Register("mutex-unlock-unlocked", GoMutexUnlockUnlocked);
        Register("cond", GoCond);
        Register("rwmutex-writer-preference", GoRWMutexWriterPreference);
    }

    [Goroutine]
    private static void CallDone(WaitGroup wg) => wg.Done();

    [Goroutine]
    private static void WaitGroup()
    {
        var wg = new WaitGroup();
        Try("negative", () => wg.Add(-1));
        var wg2 = new WaitGroup();
        for (var round = 0; round < 3; round++)
        {
            wg2.Add(2);
            GoCallDone(wg2);
            GoCallDone(wg2);
            wg2.Wait();
        }
        Console.WriteLine("reuse ok");
        new WaitGroup().Wait();
        Console.WriteLine("wait zero ok");
    }

    [Goroutine]
    private static void Once()
    {
        var once = new Once();
        try
        {
            once.Do(() => throw new InvalidOperationException("boom"));
            Console.WriteLine("first: ok");
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine("first: panic: " + Panic(e));
        }
        var ran = false;
        once.Do(() => ran = true);
        Console.WriteLine("second ran " + B(ran));
    }

    // Plain code: a lambda cannot hold a suspension point, and the action of a Once runs as plain code anyway.
    private static void DoAgain(Once once) => once.Do(() => Console.WriteLine("inner"));

    [Goroutine]
    private static void OnceRecursive()
    {
        var once = new Once();
        once.Do(() => DoAgain(once));
        Console.WriteLine("returned");
    }

    [Goroutine]
    private static void MutexUnlockUnlocked()
    {
        var mu = new Sync.Mutex();
        Try("unlock unlocked", () => mu.Unlock());
    }

    [Goroutine]
    private static void CondWaiter(Sync.Mutex mu, Cond c, Chan<int> output, int i)
    {
        mu.Lock();
        c.Wait();
        mu.Unlock();
        output.Send(i);
    }

    [Goroutine]
    private static void Cond()
    {
        Go.SetMaxProcs(1);
        var mu = new Sync.Mutex();
        var c = new Cond(mu);
        var output = new Chan<int>(10);
        for (var i = 0; i < 6; i++)
        {
            GoCondWaiter(mu, c, output, i);
            Go.Yield();
        }
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        for (var i = 0; i < 4; i++)
        {
            mu.Lock();
            c.Signal();
            mu.Unlock();
            Console.Write(output.Recv() + " ");
        }
        mu.Lock();
        c.Broadcast();
        mu.Unlock();
        Console.WriteLine(Join(new[] { output.Recv(), output.Recv() }));
    }

    [Goroutine]
    private static void Writer(RWMutex mu, Chan<bool> done)
    {
        mu.Lock();
        Console.WriteLine("writer");
        mu.Unlock();
        done.Send(true);
    }

    [Goroutine]
    private static void Reader(RWMutex mu, Chan<bool> done)
    {
        mu.RLock();
        Console.WriteLine("reader2");
        mu.RUnlock();
        done.Send(true);
    }

    [Goroutine]
    private static void RWMutexWriterPreference()
    {
        Go.SetMaxProcs(1);
        var mu = new RWMutex();
        mu.RLock();
        var wdone = new Chan<bool>();
        GoWriter(mu, wdone);
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        Console.WriteLine("tryrlock with pending writer " + B(mu.TryRLock()));
        var rdone = new Chan<bool>();
        GoReader(mu, rdone);
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        Console.WriteLine("release first reader");
        mu.RUnlock();
        wdone.Recv();
        rdone.Recv();
    }
}
