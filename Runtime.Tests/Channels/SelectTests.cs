using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;
using static GoSharp.Runtime.Tests.SelectOps;

namespace GoSharp.Runtime.Tests.Channels;

public class SelectTests
{
    public static TheoryData<int> Procs => new() { 1, 2, 4 };

    [Fact]
    public void Fairness_two_ready_cases_on_a_thread()
    {
        var a = new Chan<int>(1);
        var b = new Chan<int>(1);
        int na = 0;
        const int N = 1_000_000; // the issue asks for 100,000; 10x keeps the 1% bound at 10 sigma, so CI never flakes
        for (int i = 0; i < N; i++)
        {
            a.TrySend(1);
            b.TrySend(2);
            var s = Go.Select(a.RecvCase(), b.RecvCase());
            if (s.Index == 0) { na++; Assert.Equal(1, s.Value1); } else Assert.Equal(2, s.Value2);
            // drain the other one
            if (s.Index == 0) b.Recv(); else a.Recv();
        }
        Assert.InRange(na, N / 2 - N / 200, N / 2 + N / 200); // within 1% of half
    }

    [Theory, MemberData(nameof(Procs))]
    public void Fairness_two_ready_cases_in_a_goroutine(int procs) => Rt.With(procs, rt =>
    {
        var a = new Chan<Empty>(1);
        var b = new Chan<Empty>(1);
        a.Close(); // a closed channel is always ready
        b.Close();
        int na = 0;
        const int N = 1_000_000; // the issue asks for 100,000; 10x keeps the 1% bound at 10 sigma, so CI never flakes
        IEnumerable<Op> Body()
        {
            for (int i = 0; i < N; i++)
            {
                var s = Select(a.RecvCase(), b.RecvCase());
                yield return s;
                Assert.False(s.Result.Ok);
                if (s.Result.Index == 0) na++;
            }
        }
        rt.Go(Body()).Join();
        Assert.InRange(na, N / 2 - N / 200, N / 2 + N / 200); // within 1% of half
    });

    [Fact]
    public void Default_nil_and_same_channel_twice()
    {
        var c = new Chan<int>(1);
        var nil = Chan<int>.Nil;
        var s = Go.Select(c.RecvCase(), nil.RecvCase(), Go.Default);
        Assert.Equal(2, s.Index);
        c.Send(7);
        s = Go.Select(nil.SendCase(1), c.RecvCase(), Go.Default);
        Assert.Equal(1, s.Index);
        Assert.Equal(7, s.Value2);
        Assert.True(s.Ok);
        // The same channel for send and receive: the buffer has room, so only the send is ready.
        for (int i = 0; i < 10; i++)
        {
            var t = Go.Select(c.SendCase(i), c.RecvCase());
            Assert.Equal(0, t.Index);
            Assert.Equal(i, c.Recv());
        }
        // Nil cases are never ready even with default absent: the other case wins.
        c.Send(3);
        var u = Go.Select(nil.RecvCase(), nil.SendCase(0), c.RecvCase());
        Assert.Equal(2, u.Index);
        Assert.Equal(3, u.Value3);
        // Send case on a closed channel throws.
        c.Close();
        Assert.Throws<ChannelClosedException>(() => Go.Select(c.SendCase(1), nil.RecvCase()));
        // Receive case on a closed channel: ok false.
        var v = Go.Select(c.RecvCase(), Go.Default);
        Assert.Equal(0, v.Index);
        Assert.False(v.Ok);
    }

    // Go: a parked select queues one sudog per case in lock order, which its heap sort derives from the
    // shuffled poll order, so among cases on one channel a sender wakes it through a random one
    // (select { case <-c: case <-c: case <-c: } counts about 1000 each of 3000). GoSharp queued its
    // waiters in case order: the first case won every wake-up of a parked select.
    [Fact]
    public void Parked_select_with_one_channel_in_several_cases_wakes_through_a_random_case()
    {
        var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = 7 });
        try
        {
            var c = new Chan<int>();
            var counts = new int[3];
            IEnumerable<Op> Selector()
            {
                var s = Select(c.RecvCase(), c.RecvCase(), c.RecvCase());
                yield return s;
                counts[s.Result.Index]++;
            }
            IEnumerable<Op> Main()
            {
                for (int i = 0; i < 300; i++)
                {
                    var h = rt.Go(Selector());
                    yield return TimeOps.Sleep(1); // virtual time moves only once the selector has parked
                    yield return Send(c, i);
                    yield return Join(h);
                }
            }
            rt.Go(Main()).Join();
            Assert.Equal(300, counts.Sum());
            Assert.All(counts, n => Assert.InRange(n, 60, 140));
        }
        finally
        {
            rt.Dispose();
        }
    }

    [Theory, MemberData(nameof(Procs))]
    public void Blocking_select_woken_by_send_recv_and_close(int procs) => Rt.With(procs, rt =>
    {
        var a = new Chan<int>();
        var b = new Chan<string>();
        var quit = new Chan<Empty>();
        var out1 = new Chan<int>();
        var log = new List<string>();
        IEnumerable<Op> Loop()
        {
            int next = 100;
            while (true)
            {
                var s = Select(a.RecvCase(), b.RecvCase(), out1.SendCase(next), quit.RecvCase());
                yield return s;
                var r = s.Result;
                switch (r.Index)
                {
                    case 0: log.Add("a" + r.Value1); break;
                    case 1: log.Add("b" + r.Value2); break;
                    case 2: log.Add("sent" + next); next++; break;
                    case 3: log.Add("quit"); yield break;
                }
            }
        }
        var h = rt.Go(Loop());
        a.Send(1);
        b.Send("x");
        Assert.Equal(100, out1.Recv());
        a.Send(2);
        Assert.Equal(101, out1.Recv());
        quit.Close();
        h.Join();
        Assert.Equal(new[] { "a1", "bx", "sent100", "a2", "sent101", "quit" }, log);
    });

    [Theory, MemberData(nameof(Procs))]
    public void Many_selectors_many_channels_every_value_once(int procs) => Rt.With(procs, rt =>
    {
        // 4 channels, 6 selecting consumers (goroutines and threads), 4 producers; each value exactly once.
        var chans = Enumerable.Range(0, 4).Select(i => new Chan<int>(i % 2)).ToArray();
        var done = new Chan<Empty>();
        var seen = new int[4 * 5000];
        IEnumerable<Op> Consumer()
        {
            while (true)
            {
                var s = Select(chans[0].RecvCase(), chans[1].RecvCase(), chans[2].RecvCase(), done.RecvCase());
                yield return s;
                if (s.Result.Index == 3) yield break;
                int v = s.Result.Index switch { 0 => s.Result.Value1, 1 => s.Result.Value2, _ => s.Result.Value3 };
                Interlocked.Increment(ref seen[v]);
            }
        }
        IEnumerable<Op> Producer(int p)
        {
            for (int i = 0; i < 5000; i++) yield return Send(chans[p % 3], p * 5000 + i);
        }
        var cons = Enumerable.Range(0, 4).Select(_ => rt.Go(Consumer())).ToList();
        var threads = Enumerable.Range(0, 2).Select(_ => new Thread(() =>
        {
            while (true)
            {
                var s = Go.Select(chans[0].RecvCase(), chans[1].RecvCase(), chans[2].RecvCase(), done.RecvCase());
                if (s.Index == 3) return;
                int v = s.Index switch { 0 => s.Value1, 1 => s.Value2, _ => s.Value3 };
                Interlocked.Increment(ref seen[v]);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        var prods = Enumerable.Range(0, 4).Select(p => rt.Go(Producer(p))).ToList();
        prods.ForEach(p => p.Join());
        done.Close();
        cons.ForEach(c => c.Join());
        threads.ForEach(t => t.Join());
        Assert.All(seen, n => Assert.Equal(1, n));
    });

    [Theory, MemberData(nameof(Procs))]
    public void Select_send_cases_compete_with_plain_receivers(int procs) => Rt.With(procs, rt =>
    {
        var a = new Chan<int>();
        var b = new Chan<int>();
        const int N = 3000;
        IEnumerable<Op> Sender()
        {
            for (int i = 0; i < N; i++)
            {
                var s = Select(a.SendCase(i), b.SendCase(i));
                yield return s;
            }
            a.Close();
            b.Close();
        }
        var got = new List<int>();
        var h = rt.Go(Sender());
        var t = new Thread(() => { foreach (var v in b) lock (got) got.Add(v); });
        t.Start();
        foreach (var v in a) lock (got) got.Add(v);
        t.Join();
        h.Join();
        got.Sort();
        Assert.Equal(Enumerable.Range(0, N), got);
    });

    [Theory, MemberData(nameof(Procs))]
    public void Empty_select_and_all_nil_block_forever(int procs) => Rt.With(procs, rt =>
    {
        IEnumerable<Op> Forever() { yield return SelectForever(); }
        IEnumerable<Op> AllNil() { yield return Select(Chan<int>.Nil.RecvCase(), Chan<string>.Nil.SendCase("x")); }
        var h1 = rt.Go(Forever());
        var h2 = rt.Go(AllNil());
        IEnumerable<Op> Spin() { for (int i = 0; i < 100; i++) yield return Yield(); }
        rt.Go(Spin()).Join();
        Assert.False(h1.IsCompleted);
        Assert.False(h2.IsCompleted);
    }, detectDeadlocks: false); // nothing can wake them: the default detection would rightly report both

    [Fact]
    public void Select_on_ready_channels_allocates_nothing()
    {
        var a = new Chan<int>(1);
        var b = new Chan<string>(1);
        for (int i = 0; i < 100; i++) { a.Send(1); Go.Select(a.RecvCase(), b.RecvCase(), Go.Default); }
        long allocated = Measure.LeastOf(3, 0, () => Measure.ThreadAllocated(() =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                a.Send(1);
                Go.Select(a.RecvCase(), b.RecvCase(), Go.Default);
                Go.Select(a.RecvCase(), b.RecvCase(), Go.Default);
                var aw = Go.GetSelectAwaiter(a.SendCase(2), b.RecvCase());
                if (!aw.IsCompleted) throw new InvalidOperationException("a ready send case did not complete at once");
                aw.GetResult();
                a.Recv();
            }
        }));
        Assert.Equal(0, allocated);
    }
}
