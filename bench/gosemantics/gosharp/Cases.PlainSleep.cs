// Goroutines blocked in plain code (an AfterFunc's function, a Once.Do delegate, a helper that is no [Goroutine]
// method): asleep as a parked goroutine is, so the deadlock behind them is reported; a sleeper something still
// wakes is not (the twin of ../go/plainsleep.go).
using System;
using GoSharp;

namespace GoSemantics;

public static partial class Cases
{
    private static void RegisterPlainSleep()
    {
        Register("deadlock-afterfunc-blocked-send", GoDeadlockAfterFuncBlockedSend);
        Register("deadlock-once-blocked-send", GoDeadlockOnceBlockedSend);
        Register("deadlock-helper-blocked-recv", GoDeadlockHelperBlockedRecv);
        Register("deadlock-helper-blocked-mutex", GoDeadlockHelperBlockedMutex);
        Register("afterfunc-blocked-send-received", GoAfterFuncBlockedSendReceived);
        Register("helper-blocked-mutex-unlocked", GoHelperBlockedMutexUnlocked);
    }

    [Goroutine]
    private static void DeadlockAfterFuncBlockedSend()
    {
        var ch = new Chan<int>();
        AfterFuncSend(ch, Chan<int>.Nil); // nobody ever receives
        new Chan<int>().Recv();
    }

    // Plain methods: the lambdas run as plain code, which is the point (in a [Goroutine] method GOSH0007 says so).
    private static void AfterFuncSend(Chan<int> ch, Chan<int> then) =>
        Go.AfterFunc(TimeSpan.FromMilliseconds(1), () =>
        {
            ch.Send(1);
            if (!then.IsNil) then.Send(2);
        });

    private static void OnceDoSend(Once once, Chan<int> ch) => once.Do(() => ch.Send(1));

    [Goroutine]
    private static void DeadlockOnceBlockedSend()
    {
        var ch = new Chan<int>();
        var once = new Once();
        GoOnceSend(once, ch);
        new Chan<int>().Recv();
    }

    [Goroutine]
    private static void OnceSend(Once once, Chan<int> ch) => OnceDoSend(once, ch);

    [Goroutine]
    private static void DeadlockHelperBlockedRecv()
    {
        GoHelperRecv(new Chan<int>());
        new Chan<int>().Recv();
    }

    [Goroutine]
    private static void HelperRecv(Chan<int> ch) => PlainRecv(ch);

    private static int PlainRecv(Chan<int> ch) => ch.Recv();

    [Goroutine]
    private static void DeadlockHelperBlockedMutex()
    {
        var mu = new Sync.Mutex();
        mu.Lock();
        GoHelperLock(mu, Chan<int>.Nil);
        new Chan<int>().Recv();
    }

    [Goroutine]
    private static void HelperLock(Sync.Mutex mu, Chan<int> done)
    {
        PlainLock(mu);
        if (!done.IsNil) done.Send(1);
    }

    private static void PlainLock(Sync.Mutex mu) => mu.Lock();

    [Goroutine]
    private static void AfterFuncBlockedSendReceived()
    {
        var ch = new Chan<int>();
        var output = new Chan<int>();
        AfterFuncSend(ch, output);
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        Console.WriteLine(ch.Recv());
        Console.WriteLine(output.Recv());
    }

    [Goroutine]
    private static void HelperBlockedMutexUnlocked()
    {
        var mu = new Sync.Mutex();
        mu.Lock();
        var done = new Chan<int>();
        GoHelperLock(mu, done);
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        mu.Unlock();
        Console.WriteLine(done.Recv());
    }
}
