// Waits and wake-ups (the twin of ../go/waits.go): mixed selects, closes with parked senders, many waiters on
// one primitive, a Once whose function throws while another goroutine waits for it, locks handed on in order.
using System;
using System.Collections.Generic;
using System.Threading;
using GoSharp;

namespace GoSemantics;

public static partial class Cases
{
    private static void RegisterWaits()
    {
        Register("select-mixed-many", GoSelectMixedMany);
        Register("close-full-parked-senders", GoCloseFullParkedSenders);
        Register("range-many-consumers", GoRangeManyConsumers);
        Register("select-default-parked-peer", GoSelectDefaultParkedPeer);
        Register("select-stale-waiters", GoSelectStaleWaiters);
        Register("select8-parked-order", GoSelect8ParkedOrder);
        Register("select-pair-symmetric", GoSelectPairSymmetric);
        Register("select-stress", GoSelectStress);
        Register("once-panic-concurrent", GoOncePanicConcurrent);
        Register("waitgroup-many-waiters", GoWaitGroupManyWaiters);
        Register("cond-wait-relocks", GoCondWaitRelocks);
        Register("rwmutex-trylock", GoRWMutexTryLock);
        Register("rwmutex-writer-waits-all", GoRWMutexWriterWaitsAll);
        Register("mutex-wake-order", GoMutexWakeOrder);
        Register("semaphore-limit", GoSemaphoreLimit);
        Register("sched-unbuffered-handoff", GoSchedUnbufferedHandoff);
    }

    [Goroutine]
    private static void SelectMixedMany()
    {
        const int N = 200000;
        Chan<int> nilc = default;
        var never = new Chan<int>();
        var full = new Chan<int>(1);
        full.Send(0);
        var x = new Chan<int>();
        var y = new Chan<int>();
        x.Close();
        y.Close();
        var r1 = new Chan<int>(1);
        var r2 = new Chan<int>(1);
        var cnt = new int[4];
        for (var i = 0; i < N; i++)
        {
            if (r1.Len == 0) r1.Send(1);
            if (r2.Len == 0) r2.Send(1);
            var s = Go.Select(nilc.RecvCase(), nilc.SendCase(1), never.RecvCase(), full.SendCase(1),
                x.RecvCase(), y.RecvCase(), r1.RecvCase(), r2.RecvCase());
            if (s.Index < 4) throw new InvalidOperationException("case " + s.Index + " was not ready");
            cnt[s.Index - 4]++;
        }
        Dist("closed,closed,ready,ready", cnt);
    }

    [Goroutine]
    private static void SendReportPanic(Chan<int> ch, int i, Chan<string> done)
    {
        try
        {
            ch.Send(10 + i);
            done.Send($"sender {i}: <nil>");
        }
        catch (ChannelClosedException e)
        {
            done.Send($"sender {i}: {Panic(e)}");
        }
    }

    [Goroutine]
    private static void CloseFullParkedSenders()
    {
        var ch = new Chan<int>(2);
        ch.Send(1);
        ch.Send(2);
        var done = new Chan<string>(3);
        for (var i = 0; i < 3; i++) GoSendReportPanic(ch, i, done);
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        Console.WriteLine($"len {ch.Len} cap {ch.Cap}");
        ch.Close();
        for (var i = 0; i < 3; i++)
        {
            var (v, ok) = ch.RecvOk();
            Console.WriteLine($"{v} {B(ok)}");
        }
        var msgs = new List<string> { done.Recv()!, done.Recv()!, done.Recv()! };
        msgs.Sort(StringComparer.Ordinal);
        foreach (var m in msgs) Console.WriteLine(m);
    }

    [Goroutine]
    private static void RangeSum(Chan<int> ch, Chan<int> sums)
    {
        var s = 0;
        foreach (var v in ch) s += v;
        sums.Send(s);
    }

    [Goroutine]
    private static void SendRangeThenClose(Chan<int> ch, int n)
    {
        for (var i = 1; i <= n; i++) ch.Send(i);
        ch.Close();
    }

    [Goroutine]
    private static void RangeManyConsumers()
    {
        var ch = new Chan<int>();
        var sums = new Chan<int>();
        for (var c = 0; c < 3; c++) GoRangeSum(ch, sums);
        GoSendRangeThenClose(ch, 3000);
        var total = sums.Recv() + sums.Recv() + sums.Recv();
        Console.WriteLine($"total {total} all ranges ended");
    }

    [Goroutine]
    private static void Forward(Chan<int> from, Chan<int> to) => to.Send(from.Recv());

    [Goroutine]
    private static void SelectForward(Chan<int> ch, Chan<int> other, Chan<int> res)
    {
        var s = Go.Select(ch.RecvCase(), other.RecvCase());
        res.Send(s.Index == 0 ? s.Value1 : -1);
    }

    [Goroutine]
    private static void SelectDefaultParkedPeer()
    {
        var ch = new Chan<int>();
        var other = new Chan<int>();
        var res = new Chan<int>();
        Console.WriteLine(ch.TrySend(1) ? "sent with nobody" : "send: default");
        GoForward(ch, res);
        Go.Sleep(TimeSpan.FromMilliseconds(50));
        if (ch.TrySend(7)) Console.WriteLine("sent to parked receiver " + res.Recv());
        else Console.WriteLine("send: default with parked receiver");
        GoSendOne(ch, 8);
        Go.Sleep(TimeSpan.FromMilliseconds(50));
        if (ch.TryRecv(out var v)) Console.WriteLine("received from parked sender " + v);
        else Console.WriteLine("recv: default with parked sender");
        GoSelectForward(ch, other, res);
        Go.Sleep(TimeSpan.FromMilliseconds(50));
        if (ch.TrySend(9)) Console.WriteLine("sent to parked select " + res.Recv());
        else Console.WriteLine("send: default with parked select");
    }

    [Goroutine]
    private static void Select3Forward(Chan<int> a, Chan<int> b, Chan<int> c, Chan<int> res)
    {
        var s = Go.Select(a.RecvCase(), b.RecvCase(), c.RecvCase());
        res.Send(s.Index * 10 + s.Index switch { 0 => s.Value1, 1 => s.Value2, _ => s.Value3 });
    }

    [Goroutine]
    private static void SelectStaleWaiters()
    {
        var a = new Chan<int>();
        var b = new Chan<int>();
        var c = new Chan<int>();
        var res = new Chan<int>();
        GoSelect3Forward(a, b, c, res);
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        b.Send(1);
        Console.WriteLine("woken " + res.Recv());
        var chs = new[] { a, b, c };
        for (var i = 0; i < chs.Length; i++)
            Console.WriteLine(chs[i].TrySend(1) ? $"stale waiter on {i}" : $"nobody on {i}");
    }

    [Goroutine]
    private static void Select8Loop(Chan<int>[] chs, Chan<string> got)
    {
        for (var n = 0; n < 8; n++)
        {
            var s = Go.Select(chs[0].RecvCase(), chs[1].RecvCase(), chs[2].RecvCase(), chs[3].RecvCase(),
                chs[4].RecvCase(), chs[5].RecvCase(), chs[6].RecvCase(), chs[7].RecvCase());
            var v = s.Index switch
            {
                0 => s.Value1, 1 => s.Value2, 2 => s.Value3, 3 => s.Value4,
                4 => s.Value5, 5 => s.Value6, 6 => s.Value7, _ => s.Value8,
            };
            got.Send($"{s.Index}:{v}");
        }
    }

    [Goroutine]
    private static void Select8ParkedOrder()
    {
        var chs = new Chan<int>[8];
        for (var i = 0; i < chs.Length; i++) chs[i] = new Chan<int>();
        var got = new Chan<string>();
        GoSelect8Loop(chs, got);
        foreach (var i in new[] { 5, 0, 7, 2, 3, 6, 1, 4 })
        {
            chs[i].Send(i * 100);
            Console.Write(got.Recv() + " ");
        }
        Console.WriteLine();
    }

    [Goroutine]
    private static void SendOrRecv(Chan<int> ch, int id, Chan<string> res)
    {
        var s = Go.Select(ch.SendCase(id), ch.RecvCase());
        res.Send(s.Index == 0 ? $"sent {id}" : $"got {s.Value2}");
    }

    [Goroutine]
    private static void SelectPairSymmetric()
    {
        Go.SetMaxProcs(4);
        var ok = true;
        for (var i = 0; i < 2000; i++)
        {
            var ch = new Chan<int>();
            var res = new Chan<string>(2);
            for (var id = 1; id <= 2; id++) GoSendOrRecv(ch, id, res);
            var r = new List<string> { res.Recv()!, res.Recv()! };
            r.Sort(StringComparer.Ordinal);
            ok = ok && (r[0] == "got 1" && r[1] == "sent 1" || r[0] == "got 2" && r[1] == "sent 2");
        }
        Console.WriteLine("all paired " + B(ok));
    }

    private sealed class Sums
    {
        public long Sent, Received;
    }

    [Goroutine]
    private static void StressSender(Chan<int>[] chs, int w, int n, Sums sums, WaitGroup wg)
    {
        try
        {
            for (var i = 0; i < n; i++)
            {
                var v = w * n + i;
                Go.Select(chs[0].SendCase(v), chs[1].SendCase(v), chs[2].SendCase(v), chs[3].SendCase(v));
                Interlocked.Add(ref sums.Sent, v);
            }
        }
        finally
        {
            wg.Done();
        }
    }

    [Goroutine]
    private static void StressReceiver(Chan<int>[] chs, int n, Sums sums, WaitGroup wg)
    {
        try
        {
            for (var i = 0; i < n; i++)
            {
                var s = Go.Select(chs[0].RecvCase(), chs[1].RecvCase(), chs[2].RecvCase(), chs[3].RecvCase());
                var v = s.Index switch { 0 => s.Value1, 1 => s.Value2, 2 => s.Value3, _ => s.Value4 };
                Interlocked.Add(ref sums.Received, v);
            }
        }
        finally
        {
            wg.Done();
        }
    }

    [Goroutine]
    private static void SelectStress()
    {
        Go.SetMaxProcs(4);
        const int W = 8, N = 5000;
        var chs = new[] { new Chan<int>(), new Chan<int>(1), new Chan<int>(), new Chan<int>(4) };
        var sums = new Sums();
        var wg = new WaitGroup();
        for (var w = 0; w < W; w++)
        {
            wg.Add(2);
            GoStressSender(chs, w, N, sums, wg);
            GoStressReceiver(chs, N, sums, wg);
        }
        wg.Wait();
        Console.WriteLine($"sum sent == sum received {B(sums.Sent == sums.Received)} left {chs[1].Len + chs[3].Len}");
    }

    // Plain code: the Once's function, which waits (a blocking receive in plain code) and then throws.
    private static void EnterWaitThrow(Chan<bool> entered, Chan<bool> release)
    {
        entered.Send(true);
        release.Recv();
        throw new InvalidOperationException("boom");
    }

    [Goroutine]
    private static void OnceFirst(Once once, Chan<bool> entered, Chan<bool> release, Chan<string> output)
    {
        try
        {
            once.Do(() => EnterWaitThrow(entered, release));
            output.Send("first: <nil>");
        }
        catch (InvalidOperationException e)
        {
            output.Send("first: " + Panic(e));
        }
    }

    [Goroutine]
    private static void OnceSecond(Once once, Chan<string> output)
    {
        var ran = false;
        once.Do(() => ran = true);
        output.Send("second ran " + B(ran));
    }

    [Goroutine]
    private static void OncePanicConcurrent()
    {
        var once = new Once();
        var release = new Chan<bool>();
        var entered = new Chan<bool>();
        var output = new Chan<string>();
        GoOnceFirst(once, entered, release, output);
        entered.Recv();
        GoOnceSecond(once, output);
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        release.Send(true);
        var msgs = new List<string> { output.Recv()!, output.Recv()! };
        msgs.Sort(StringComparer.Ordinal);
        Console.WriteLine(msgs[0]);
        Console.WriteLine(msgs[1]);
        var ran = false;
        once.Do(() => ran = true);
        Console.WriteLine("third ran " + B(ran));
    }

    [Goroutine]
    private static void WaitThenSignal(WaitGroup wg, Chan<int> released)
    {
        wg.Wait();
        released.Send(1);
    }

    [Goroutine]
    private static void WaitGroupManyWaiters()
    {
        var wg = new WaitGroup();
        var released = new Chan<int>(10);
        wg.Add(1);
        for (var i = 0; i < 5; i++) GoWaitThenSignal(wg, released);
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        Console.WriteLine("released before Done " + released.Len);
        wg.Done();
        for (var i = 0; i < 5; i++) released.Recv();
        Console.WriteLine("released 5");
        wg.Add(1);
        GoWaitThenSignal(wg, released);
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        Console.WriteLine("released before second Done " + released.Len);
        wg.Done();
        released.Recv();
        Console.WriteLine("reuse released 1");
    }

    private sealed class Flag
    {
        public bool Value;
    }

    [Goroutine]
    private static void RelockWaiter(Sync.Mutex mu, Cond c, Flag ready, Chan<bool> done)
    {
        mu.Lock();
        while (!ready.Value) c.Wait();
        Console.WriteLine("waiter has the lock, ready " + B(ready.Value));
        mu.Unlock();
        done.Send(true);
    }

    [Goroutine]
    private static void CondWaitRelocks()
    {
        Go.SetMaxProcs(1);
        var mu = new Sync.Mutex();
        var c = new Cond(mu);
        var ready = new Flag();
        var done = new Chan<bool>();
        GoRelockWaiter(mu, c, ready, done);
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        mu.Lock();
        ready.Value = true;
        c.Broadcast();
        Console.WriteLine("broadcast, lock held");
        Go.Yield();
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        Console.WriteLine("still held after the waiter ran");
        mu.Unlock();
        done.Recv();
    }

    [Goroutine]
    private static void RLockThenSay(RWMutex mu, Chan<bool> entered)
    {
        mu.RLock();
        entered.Send(true);
    }

    [Goroutine]
    private static void TryLockReport(Sync.Mutex m, Chan<bool> output) => output.Send(m.TryLock());

    [Goroutine]
    private static void RWMutexTryLock()
    {
        var mu = new RWMutex();
        mu.RLock();
        var entered = new Chan<bool>();
        GoRLockThenSay(mu, entered);
        entered.Recv();
        Console.WriteLine("second reader in");
        Console.WriteLine("trylock with readers " + B(mu.TryLock()));
        Console.WriteLine("tryrlock with readers " + B(mu.TryRLock()));
        mu.RUnlock();
        mu.RUnlock();
        mu.RUnlock();
        Console.WriteLine("trylock free " + B(mu.TryLock()));
        Console.WriteLine("tryrlock with writer " + B(mu.TryRLock()));
        Console.WriteLine("trylock with writer " + B(mu.TryLock()));
        mu.Unlock();
        var m = new Sync.Mutex();
        Console.WriteLine($"mutex trylock {B(m.TryLock())} {B(m.TryLock())}");
        GoTryLockReport(m, entered);
        Console.WriteLine("other goroutine trylock " + B(entered.Recv()));
        m.Unlock();
        Console.WriteLine("after unlock " + B(m.TryLock()));
    }

    [Goroutine]
    private static void WriterIn(RWMutex mu, Chan<bool> wrote)
    {
        mu.Lock();
        Console.WriteLine("writer in");
        mu.Unlock();
        wrote.Send(true);
    }

    [Goroutine]
    private static void RWMutexWriterWaitsAll()
    {
        var mu = new RWMutex();
        for (var i = 0; i < 3; i++) mu.RLock();
        var wrote = new Chan<bool>();
        GoWriterIn(mu, wrote);
        for (var i = 1; i <= 3; i++)
        {
            Go.Sleep(TimeSpan.FromMilliseconds(10));
            Console.WriteLine($"reader {i} releases");
            mu.RUnlock();
        }
        wrote.Recv();
    }

    [Goroutine]
    private static void LockAppend(Sync.Mutex mu, List<int> output, int i, WaitGroup wg)
    {
        mu.Lock();
        output.Add(i);
        mu.Unlock();
        wg.Done();
    }

    [Goroutine]
    private static void MutexWakeOrder()
    {
        Go.SetMaxProcs(1);
        for (var i = 0; i < 10; i++) Go.Yield();
        var mu = new Sync.Mutex();
        mu.Lock();
        var wg = new WaitGroup();
        var output = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            wg.Add(1);
            GoLockAppend(mu, output, i, wg);
            Go.Yield();
        }
        mu.Unlock();
        wg.Wait();
        Console.WriteLine(Join(output));
    }

    private sealed class Holders
    {
        public int Current, Max;
    }

    [Goroutine]
    private static void Hold(Chan<Empty> sem, Holders h, WaitGroup wg)
    {
        try
        {
            sem.Send(default);
            var n = Interlocked.Increment(ref h.Current);
            for (var m = Volatile.Read(ref h.Max); n > m; m = Volatile.Read(ref h.Max))
                if (Interlocked.CompareExchange(ref h.Max, n, m) == m) break;
            Go.Sleep(TimeSpan.FromMilliseconds(2));
            Interlocked.Decrement(ref h.Current);
            sem.Recv();
        }
        finally
        {
            wg.Done();
        }
    }

    [Goroutine]
    private static void SemaphoreLimit()
    {
        var sem = new Chan<Empty>(3);
        var h = new Holders();
        var wg = new WaitGroup();
        for (var i = 0; i < 20; i++)
        {
            wg.Add(1);
            GoHold(sem, h, wg);
        }
        wg.Wait();
        Console.WriteLine($"max holders {Volatile.Read(ref h.Max)} len {sem.Len}");
    }

    [Goroutine]
    private static void HandoffReceiver(Chan<int> ch, Chan<bool> done)
    {
        Console.WriteLine("receiver starts");
        var v = ch.Recv();
        Console.WriteLine("receiver got " + v);
        done.Send(true);
    }

    [Goroutine]
    private static void SchedUnbufferedHandoff()
    {
        Go.SetMaxProcs(1);
        for (var i = 0; i < 10; i++) Go.Yield();
        var ch = new Chan<int>();
        var done = new Chan<bool>();
        GoHandoffReceiver(ch, done);
        Console.WriteLine("sender sends");
        ch.Send(1);
        Console.WriteLine("send done");
        done.Recv();
        Console.WriteLine("end");
    }
}
