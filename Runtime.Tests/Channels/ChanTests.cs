using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Channels;

public class ChanTests
{
    public static TheoryData<int> Procs => new() { 1, 2, 4 };

    static IEnumerable<Op> Producer(Chan<int> c, int from, int n, bool close)
    {
        for (int i = from; i < from + n; i++) yield return Send(c, i);
        if (close) c.Close();
    }

    static IEnumerable<Op> RangeConsumer(Chan<int> c, List<int> got)
    {
        var e = c.GetEnumerator();
        while (true)
        {
            var mn = MoveNext(e);
            yield return mn;
            if (!mn.Result) break;
            got.Add(e.Current);
        }
    }

    [Theory, MemberData(nameof(Procs))]
    public void Unbuffered_goroutines_rendezvous_in_order(int procs) => Rt.With(procs, rt =>
    {
        var c = new Chan<int>();
        var got = new List<int>();
        var cons = rt.Go(RangeConsumer(c, got));
        var prod = rt.Go(Producer(c, 0, 1000, close: true));
        prod.Join();
        cons.Join();
        Assert.Equal(Enumerable.Range(0, 1000), got);
    });

    [Theory, MemberData(nameof(Procs))]
    public void Buffered_goroutines_fifo(int procs) => Rt.With(procs, rt =>
    {
        var c = new Chan<int>(7);
        var got = new List<int>();
        var prod = rt.Go(Producer(c, 0, 1000, close: true));
        var cons = rt.Go(RangeConsumer(c, got));
        prod.Join();
        cons.Join();
        Assert.Equal(Enumerable.Range(0, 1000), got);
    });

    [Theory, MemberData(nameof(Procs))]
    public void Goroutine_to_thread_and_back(int procs) => Rt.With(procs, rt =>
    {
        foreach (int cap in new[] { 0, 3 })
        {
            var toThread = new Chan<int>(cap);
            var toG = new Chan<int>(cap);
            var got = new List<int>();
            var prod = rt.Go(Producer(toThread, 0, 500, close: true));
            var cons = rt.Go(RangeConsumer(toG, got));
            var seen = new List<int>();
            foreach (var v in toThread) seen.Add(v);    // thread side range
            for (int i = 0; i < 500; i++) toG.Send(i);  // thread side send
            toG.Close();
            prod.Join();
            cons.Join();
            Assert.Equal(Enumerable.Range(0, 500), seen);
            Assert.Equal(Enumerable.Range(0, 500), got);
        }
    });

    [Fact]
    public void Threads_unbuffered_and_buffered()
    {
        foreach (int cap in new[] { 0, 1, 16 })
        {
            var c = new Chan<int>(cap);
            var got = new List<int>();
            var t = new Thread(() => { foreach (var v in c) got.Add(v); });
            t.Start();
            for (int i = 0; i < 2000; i++) c.Send(i);
            c.Close();
            t.Join();
            Assert.Equal(Enumerable.Range(0, 2000), got);
        }
    }

    [Fact]
    public void Len_cap_and_buffer()
    {
        var c = new Chan<string>(3);
        Assert.Equal(3, c.Cap);
        Assert.Equal(0, c.Len);
        Assert.True(c.TrySend("a"));
        c.Send("b");
        Assert.True(c.TrySend("c"));
        Assert.False(c.TrySend("d"));
        Assert.Equal(3, c.Len);
        Assert.Equal("a", c.Recv());
        Assert.True(c.TryRecv(out var b));
        Assert.Equal("b", b);
        Assert.Equal(1, c.Len);
        var u = new Chan<int>();
        Assert.Equal(0, u.Cap);
        Assert.False(u.TrySend(1));        // no receiver waiting
        Assert.False(u.TryRecv(out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Chan<int>(-1));
    }

    [Fact]
    public void Closed_channel_drains_then_default_not_ok()
    {
        var c = new Chan<int>(2);
        c.Send(1);
        c.Send(2);
        c.Close();
        Assert.Equal((1, true), c.RecvOk());
        Assert.True(c.TryRecvOk(out var v2, out var ok2));
        Assert.Equal((2, true), (v2, ok2));
        Assert.Equal((0, false), c.RecvOk());
        Assert.Equal(0, c.Recv());
        Assert.True(c.TryRecvOk(out _, out var ok3));
        Assert.False(ok3);
        Assert.False(c.TryRecv(out _));
        var ex = Assert.Throws<ChannelClosedException>(() => c.Send(3));
        Assert.Contains("send on closed channel", ex.Message);
        Assert.Throws<ChannelClosedException>(() => c.TrySend(3));
        var ex2 = Assert.Throws<ChannelClosedException>(() => c.Close());
        Assert.Contains("close of closed channel", ex2.Message);
        Assert.Throws<ChannelClosedException>(() => Chan<int>.Nil.Close());
    }

    [Theory, MemberData(nameof(Procs))]
    public void Closed_rules_in_goroutines(int procs) => Rt.With(procs, rt =>
    {
        var c = new Chan<int>(1);
        Exception? sendErr = null, closeErr = null;
        (int, bool) r1 = default, r2 = default;
        IEnumerable<Op> Body()
        {
            yield return Send(c, 5);
            c.Close();
            var a = RecvOk(c); yield return a; r1 = a.Result;
            var b = RecvOk(c); yield return b; r2 = b.Result;
            var s = Send(c, 6).Catch(); yield return s; sendErr = s.Error;
            try { c.Close(); } catch (Exception e) { closeErr = e; }
        }
        rt.Go(Body()).Join();
        Assert.Equal((5, true), r1);
        Assert.Equal((0, false), r2);
        Assert.IsType<ChannelClosedException>(sendErr);
        Assert.IsType<ChannelClosedException>(closeErr);
    });

    [Theory, MemberData(nameof(Procs))]
    public void Close_wakes_every_waiter(int procs) => Rt.With(procs, rt =>
    {
        var c = new Chan<int>();
        var ready = new Chan<int>(100);
        int okFalse = 0, sendThrew = 0;
        IEnumerable<Op> Receiver()
        {
            ready.TrySend(1);
            var r = RecvOk(c); yield return r;
            if (!r.Result.Ok) Interlocked.Increment(ref okFalse);
        }
        var hs = Enumerable.Range(0, 10).Select(_ => rt.Go(Receiver())).ToList();
        var threads = Enumerable.Range(0, 3).Select(_ => new Thread(() =>
        {
            ready.Send(1);
            if (!c.RecvOk().Ok) Interlocked.Increment(ref okFalse);
        })).ToList();
        threads.ForEach(t => t.Start());
        for (int i = 0; i < 13; i++) ready.Recv();
        // All 13 have announced; wait until they are all queued (each announces just before blocking).
        Assert.True(SpinWait.SpinUntil(() => QueueLength(c) == 13, TimeSpan.FromSeconds(30)), $"{QueueLength(c)} of 13 receivers queued");
        c.Close();
        hs.ForEach(h => h.Join());
        threads.ForEach(t => t.Join());
        Assert.Equal(13, okFalse);

        // Blocked senders throw.
        var d = new Chan<int>();
        IEnumerable<Op> Sender()
        {
            var s = Send(d, 1).Catch(); yield return s;
            if (s.Error is ChannelClosedException) Interlocked.Increment(ref sendThrew);
        }
        var ss = Enumerable.Range(0, 5).Select(_ => rt.Go(Sender())).ToList();
        var st = new Thread(() => { try { d.Send(2); } catch (ChannelClosedException) { Interlocked.Increment(ref sendThrew); } });
        st.Start();
        Assert.True(SpinWait.SpinUntil(() => QueueLength(d, send: true) == 6, TimeSpan.FromSeconds(30)), $"{QueueLength(d, send: true)} of 6 senders queued");
        d.Close();
        ss.ForEach(h => h.Join());
        st.Join();
        Assert.Equal(6, sendThrew);
    });

    internal static int QueueLength<T>(Chan<T> c, bool send = false)
    {
        var h = c.H!;
        h.Lock.Enter();
        int n = 0;
        for (var w = send ? h.SendQ.First : h.RecvQ.First; w is not null; w = w.Next) n++;
        h.Lock.Exit();
        return n;
    }

    [Theory, MemberData(nameof(Procs))]
    public void Nil_channel_blocks_forever(int procs) => Rt.With(procs, rt =>
    {
        var nil = Chan<int>.Nil;
        Assert.True(nil.IsNil);
        Assert.True(default(Chan<int>) == Chan<int>.Nil);
        Assert.False(nil.TrySend(1));
        Assert.False(nil.TryRecv(out _));
        Assert.False(nil.TryRecvOk(out _, out _));
        Assert.Equal(0, nil.Len);
        Assert.Equal(0, nil.Cap);
        var done = new Chan<int>();
        IEnumerable<Op> Blocked() { yield return Recv(nil); done.Close(); }
        IEnumerable<Op> Blocked2() { yield return Send(nil, 1); done.Close(); }
        var h1 = rt.Go(Blocked());
        var h2 = rt.Go(Blocked2());
        // Give them plenty of scheduling rounds.
        IEnumerable<Op> Spin() { for (int i = 0; i < 200; i++) yield return Yield(); }
        rt.Go(Spin()).Join();
        Assert.False(done.TryRecvOk(out _, out _));
        Assert.False(h1.IsCompleted);
        Assert.False(h2.IsCompleted);
        var t = new Thread(() => nil.Recv()) { IsBackground = true };
        t.Start();
        Assert.False(t.Join(50));
    }, detectDeadlocks: false); // nothing can wake them: the default detection would rightly report both

    [Fact]
    public void Thread_ops_allocate_nothing_in_steady_state()
    {
        var c = new Chan<object>(4);
        var o = new object();
        for (int i = 0; i < 100; i++) { c.Send(o); c.Recv(); c.TrySend(o); c.TryRecv(out _); }
        Assert.Equal(0, Measure.LeastOf(3, 0, () => Measure.ThreadAllocated(() =>
        {
            for (int i = 0; i < 10_000; i++) { c.Send(o); c.Recv(); c.TrySend(o); c.TryRecv(out _); c.Send(o); c.RecvOk(); c.TrySend(o); c.TryRecvOk(out _, out _); }
        })));

        // Blocking hand-offs between two threads: the waiter comes from the thread's pool.
        var u = new Chan<int>();
        const int Sent = 60_100;
        var t = new Thread(() => { for (int i = 0; i < Sent; i++) u.Send(i); });
        t.Start();
        int received = 0;
        for (; received < 100; received++) u.Recv();
        long allocated = Measure.LeastOf(3, 0, () => Measure.ThreadAllocated(() => { for (int i = 0; i < 20_000; i++, received++) u.Recv(); }));
        for (; received < Sent; received++) u.Recv(); // the rounds stop early once one allocates nothing
        t.Join();
        Assert.True(allocated < 1024, $"{allocated} bytes for 20,000 blocking receives");
    }
}

public class WaitReasonTests
{
    [Fact]
    public void Dumps_show_Go_wait_reasons() => Rt.With(2, rt =>
    {
        var c = new Chan<int>();
        var mu = new GoSharp.Sync.Mutex();
        var wg = new WaitGroup();
        wg.Add(1);
        mu.Lock();
        IEnumerable<Op> R() { yield return Recv(c); }
        IEnumerable<Op> S() { yield return Send(c, 1); yield return Send(c, 2); }
        IEnumerable<Op> Sel() { yield return SelectOps.Select(Chan<int>.Nil.RecvCase(), Chan<string>.Nil.RecvCase(), new Chan<int>().RecvCase()); }
        IEnumerable<Op> Sl() { yield return TimeOps.Sleep(TimeSpan.FromMinutes(5)); }
        IEnumerable<Op> W() { yield return SyncOps.Wait(wg); }
        IEnumerable<Op> L() { yield return SyncOps.Lock(mu); }
        IEnumerable<Op> N() { yield return Recv(Chan<int>.Nil); }
        var hs = new[] { rt.Go(Sel()), rt.Go(Sl()), rt.Go(W()), rt.Go(L()), rt.Go(N()) };
        var recv = rt.Go(R());
        string dump = "";
        // Wait (by the clock, not a count: CI machines are slow and loaded) until every goroutine has parked.
        SpinWait.SpinUntil(() =>
        {
            dump = rt.DumpGoroutines();
            return new[] { "[chan receive]", "[select]", "[sleep", "[sync.WaitGroup.Wait]", "[sync.Mutex.Lock]", "[chan receive (nil chan)]" }.All(dump.Contains);
        }, TimeSpan.FromSeconds(30));
        Assert.Contains("[chan receive]", dump);
        Assert.Contains("[select]", dump);
        Assert.Contains("[sleep", dump);
        Assert.Contains("[sync.WaitGroup.Wait]", dump);
        Assert.Contains("[sync.Mutex.Lock]", dump);
        Assert.Contains("[chan receive (nil chan)]", dump);
        c.Send(0);
        recv.Join();
        var send = rt.Go(S());
        SpinWait.SpinUntil(() => (dump = rt.DumpGoroutines()).Contains("[chan send]"), TimeSpan.FromSeconds(30));
        Assert.Contains("[chan send]", dump);
        c.Recv();
        c.Recv();
        send.Join();
        wg.Done();
        mu.Unlock();
        hs[2].Join();
        hs[3].Join();
        mu.Unlock();
    });

    [Fact]
    public void Dumps_name_each_sync_wait_as_Go_does() => Rt.With(2, rt =>
    {
        var writerHeld = new RWMutex();
        var readerHeld = new RWMutex();
        var condMu = new GoSharp.Sync.Mutex();
        var cond = new Cond(condMu);
        var sem = new GoSharp.Sync.Semaphore(1);
        writerHeld.Lock();
        readerHeld.RLock();
        sem.Acquire();
        IEnumerable<Op> Reader() { yield return SyncOps.RLock(writerHeld); writerHeld.RUnlock(); }
        IEnumerable<Op> Writer() { yield return SyncOps.Lock(readerHeld); readerHeld.Unlock(); }
        IEnumerable<Op> CondWaiter() { yield return SyncOps.Lock(condMu); yield return SyncOps.Wait(cond); condMu.Unlock(); }
        IEnumerable<Op> Acquirer() { yield return SyncOps.Acquire(sem); sem.Release(); }
        var hs = new[] { rt.Go(Reader()), rt.Go(Writer()), rt.Go(CondWaiter()), rt.Go(Acquirer()) };
        var reasons = new[] { "[sync.RWMutex.RLock]", "[sync.RWMutex.Lock]", "[sync.Cond.Wait]", "[semacquire]" };
        foreach (var reason in reasons)
            Assert.True(SpinWait.SpinUntil(() => Dumps.CountInStatus(rt, reason) == 1, TimeSpan.FromSeconds(30)), reason + " missing:\n" + rt.DumpGoroutines());
        writerHeld.Unlock();
        readerHeld.RUnlock();
        condMu.Lock();
        cond.Signal();
        condMu.Unlock();
        sem.Release();
        foreach (var h in hs) h.Join();
    });
}
