using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;
using static GoSharp.Runtime.Tests.SelectOps;

namespace GoSharp.Runtime.Tests.Channels;

/// <summary>
/// Send, Recv and RecvOk with a CancellationToken, in goroutines and on threads: a cancelled send never
/// delivers, a receive that took a value returns it, and under races between cancellation and a ready peer
/// every value sent is received or still in the channel.
/// </summary>
public class ChanCancellationTests
{
    public static TheoryData<int> Procs => new() { 1, 2, 4 };

    private static CancellationToken Cancelled()
    {
        var cts = new CancellationTokenSource();
        cts.Cancel();
        return cts.Token;
    }

    [Fact]
    public void Already_cancelled_token_throws_on_a_thread_before_the_operation()
    {
        var ct = Cancelled();
        var c = new Chan<int>(2);
        var e = Assert.Throws<OperationCanceledException>(() => c.Send(1, ct));
        Assert.Equal(ct, e.CancellationToken);
        Assert.Equal(0, c.Len);                                  // not sent although there was room
        c.Send(7);
        Assert.Throws<OperationCanceledException>(() => c.Recv(ct));
        Assert.Throws<OperationCanceledException>(() => c.RecvOk(ct));
        Assert.Equal(1, c.Len);                                  // not taken although it was ready
        SendChan<int> w = c;
        RecvChan<int> r = c;
        Assert.Throws<OperationCanceledException>(() => w.Send(1, ct));
        Assert.Throws<OperationCanceledException>(() => r.Recv(ct));
        Assert.Throws<OperationCanceledException>(() => r.RecvOk(ct));
        Assert.Equal(7, c.Recv(CancellationToken.None));
        Assert.Throws<OperationCanceledException>(() => Chan<int>.Nil.Recv(ct));
    }

    [Theory, MemberData(nameof(Procs))]
    public void Already_cancelled_token_throws_in_a_goroutine_before_the_operation(int procs) => Rt.With(procs, rt =>
    {
        var ct = Cancelled();
        var c = new Chan<int>(2);
        var errors = new List<Exception?>();
        IEnumerable<Op> Script()
        {
            var s = Send(c, 1, ct).Catch(); yield return s; errors.Add(s.Error);
            yield return Send(c, 7);
            var r = Recv(c, ct).Catch(); yield return r; errors.Add(r.Error);
            var ro = RecvOk(c, ct).Catch(); yield return ro; errors.Add(ro.Error);
            var n = Recv(Chan<int>.Nil, ct).Catch(); yield return n; errors.Add(n.Error);
        }
        rt.Go(Script()).Join();
        Assert.All(errors, e => Assert.Equal(ct, Assert.IsType<OperationCanceledException>(e).CancellationToken));
        Assert.Equal(1, c.Len);
        Assert.True(c.TryRecv(out int v));
        Assert.Equal(7, v);
    });

    /// <summary>
    /// A pooled wait record keeps its cancellation record in its sleeper's slot once it has had a token
    /// (Parker.SleeperBox): the same records then serve cancellable, select and plain waits in turn, and every
    /// value must still reach the right receiver and every select the right case.
    /// </summary>
    [Theory, MemberData(nameof(Procs))]
    public void Wait_records_serve_cancellable_select_and_plain_waits_in_turn(int procs) => Rt.With(procs, rt =>
    {
        const int Rounds = 2_000;
        var c = new Chan<int>();
        var d = new Chan<int>();
        using var cts = new CancellationTokenSource(); // never cancelled: only registered and unregistered
        var got = new List<int>();
        var cases = new List<int>();
        IEnumerable<Op> Receiver()
        {
            for (int i = 0; i < Rounds; i++)
            {
                var r = Recv(c, cts.Token); yield return r; got.Add(r.Result);
                var s = Select(c.RecvCase(), d.RecvCase()); yield return s;
                cases.Add(s.Result.Index);
                got.Add(s.Result.Index == 0 ? s.Result.Value1 : s.Result.Value2);
                var p = Recv(c); yield return p; got.Add(p.Result);
            }
        }
        IEnumerable<Op> Sender()
        {
            int v = 0;
            for (int i = 0; i < Rounds; i++)
            {
                yield return Send(c, v++, cts.Token);
                yield return i % 2 == 0 ? Send(d, v++) : Send(c, v++);
                yield return Send(c, v++);
            }
        }
        var receiver = rt.Go(Receiver());
        rt.Go(Sender()).Join();
        receiver.Join();
        Assert.Equal(Enumerable.Range(0, 3 * Rounds), got);
        Assert.Equal(Enumerable.Range(0, Rounds).Select(i => i % 2 == 0 ? 1 : 0), cases);
    });

    [Fact]
    public void Cancelling_a_blocked_thread_send_withdraws_the_value()
    {
        var c = new Chan<int>();
        using var cts = new CancellationTokenSource();
        Exception? error = null;
        var t = new Thread(() =>
        {
            try { c.Send(42, cts.Token); }
            catch (Exception ex) { error = ex; }
        });
        t.Start();
        SpinWait.SpinUntil(() => !c.H!.SendQ.IsEmpty);             // the sender is queued
        cts.Cancel();
        t.Join();
        Assert.Equal(cts.Token, Assert.IsType<OperationCanceledException>(error).CancellationToken);
        Assert.True(c.H!.SendQ.IsEmpty);
        Assert.False(c.TryRecv(out _));                          // the value was never delivered
    }

    [Fact]
    public void Cancelling_a_blocked_thread_receive_leaves_later_values_to_others()
    {
        var c = new Chan<int>(1);
        using var cts = new CancellationTokenSource();
        Exception? error = null;
        var t = new Thread(() =>
        {
            try { c.RecvOk(cts.Token); }
            catch (Exception ex) { error = ex; }
        });
        t.Start();
        SpinWait.SpinUntil(() => !c.H!.RecvQ.IsEmpty);
        cts.Cancel();
        t.Join();
        Assert.IsType<OperationCanceledException>(error);
        c.Send(5);
        Assert.Equal(1, c.Len);                                  // buffered: no receiver is waiting any more
        Assert.Equal(5, c.Recv());
    }

    [Theory, MemberData(nameof(Procs))]
    public void Cancelling_a_parked_goroutine_ends_its_wait(int procs) => Rt.With(procs, rt =>
    {
        var send = new Chan<int>();
        var recv = new Chan<int>();
        using var cts = new CancellationTokenSource();
        Exception? sendError = null, recvError = null, nilError = null;
        IEnumerable<Op> Sender() { var s = Send(send, 1, cts.Token).Catch(); yield return s; sendError = s.Error; }
        IEnumerable<Op> Receiver() { var r = RecvOk(recv, cts.Token).Catch(); yield return r; recvError = r.Error; }
        IEnumerable<Op> NilReceiver() { var r = Recv(Chan<int>.Nil, cts.Token).Catch(); yield return r; nilError = r.Error; }
        var hs = new[] { rt.Go(Sender()), rt.Go(Receiver()), rt.Go(NilReceiver()) };
        SpinWait.SpinUntil(() => !send.H!.SendQ.IsEmpty && !recv.H!.RecvQ.IsEmpty);
        cts.Cancel();
        foreach (var h in hs) h.Join();
        Assert.IsType<OperationCanceledException>(sendError);
        Assert.IsType<OperationCanceledException>(recvError);
        Assert.IsType<OperationCanceledException>(nilError);
        Assert.False(send.TryRecv(out _));                       // the cancelled send delivered nothing
        Assert.True(send.H!.SendQ.IsEmpty && recv.H!.RecvQ.IsEmpty);
    });

    [Theory, MemberData(nameof(Procs))]
    public void A_receive_that_got_its_value_returns_it_in_a_goroutine(int procs) => Rt.With(procs, rt =>
    {
        // The value arrives, then the token is cancelled before the receiver resumes: the value wins.
        var c = new Chan<int>();
        using var cts = new CancellationTokenSource();
        int got = 0;
        IEnumerable<Op> Receiver() { var r = Recv(c, cts.Token); yield return r; got = r.Result; }
        var h = rt.Go(Receiver());
        SpinWait.SpinUntil(() => !c.H!.RecvQ.IsEmpty);
        c.Send(9);                                               // handed to the parked receiver
        cts.Cancel();
        h.Join();
        Assert.Equal(9, got);
    });

    /// <summary>
    /// Producers and consumers race a canceller that cancels the token they use, over and over. Property:
    /// every value whose Send returned was received exactly once or is still in the channel, and no value
    /// whose Send was cancelled shows up.
    /// </summary>
    [Theory]
    [InlineData(1, 0, false)]
    [InlineData(2, 0, false)]
    [InlineData(2, 3, false)]
    [InlineData(4, 1, false)]
    [InlineData(2, 0, true)]
    [InlineData(4, 2, true)]
    public void Cancellation_racing_ready_peers_loses_no_value(int procs, int cap, bool threads) => Rt.With(procs, rt =>
    {
        const int Producers = 4, Consumers = 4, Attempts = 3000;
        var c = new Chan<int>(cap);
        var current = new CancellationTokenSource();
        var sent = new ConcurrentBag<int>();
        var received = new ConcurrentBag<int>();
        int cancelledSends = 0;
        int running = Producers + Consumers;

        void Produce(int id, Func<int, CancellationToken, bool> send)
        {
            for (int i = 0; i < Attempts; i++)
            {
                int v = id * 1_000_000 + i;
                if (send(v, Volatile.Read(ref current).Token)) sent.Add(v); else Interlocked.Increment(ref cancelledSends);
            }
        }
        IEnumerable<Op> ProducerG(int id)
        {
            for (int i = 0; i < Attempts; i++)
            {
                int v = id * 1_000_000 + i;
                var s = Send(c, v, Volatile.Read(ref current).Token).Catch();
                yield return s;
                if (s.Error is null) sent.Add(v);
                else if (s.Error is OperationCanceledException) Interlocked.Increment(ref cancelledSends);
                else throw s.Error;
            }
            Interlocked.Decrement(ref running);
        }
        IEnumerable<Op> ConsumerG()
        {
            for (int i = 0; i < Attempts; i++)
            {
                var r = RecvOk(c, Volatile.Read(ref current).Token).Catch();
                yield return r;
                if (r.Error is null) received.Add(r.Result.Value);
                else if (r.Error is not OperationCanceledException) throw r.Error;
            }
            Interlocked.Decrement(ref running);
        }

        var handles = new List<Goroutine>();
        var plain = new List<Thread>();
        for (int p = 0; p < Producers; p++)
        {
            int id = p + 1;
            if (threads && p % 2 == 0)
                plain.Add(new Thread(() =>
                {
                    Produce(id, (v, ct) => { try { c.Send(v, ct); return true; } catch (OperationCanceledException) { return false; } });
                    Interlocked.Decrement(ref running);
                }));
            else handles.Add(rt.Go(ProducerG(id)));
        }
        for (int k = 0; k < Consumers; k++)
        {
            if (threads && k % 2 == 1)
                plain.Add(new Thread(() =>
                {
                    for (int i = 0; i < Attempts; i++)
                    {
                        try { received.Add(c.Recv(Volatile.Read(ref current).Token)); }
                        catch (OperationCanceledException) { }
                    }
                    Interlocked.Decrement(ref running);
                }));
            else handles.Add(rt.Go(ConsumerG()));
        }
        plain.ForEach(t => t.Start());
        // The canceller: until every worker is done, cancel the token in use and put a fresh one in place.
        int rounds = 0;
        while (Volatile.Read(ref running) > 0)
        {
            var old = Interlocked.Exchange(ref current, new CancellationTokenSource());
            old.Cancel();
            rounds++;
            if (rounds % 4 == 0) Thread.Yield();
        }
        foreach (var h in handles) h.Join();
        plain.ForEach(t => t.Join());
        var left = new List<int>();
        while (c.TryRecv(out int v)) left.Add(v);
        Assert.Equal(sent.OrderBy(x => x), received.Concat(left).OrderBy(x => x));
        Assert.Equal(Producers * Attempts, sent.Count + cancelledSends);
        Assert.True(c.H!.SendQ.IsEmpty && c.H.RecvQ.IsEmpty);
    });

    /// <summary>The same property under the deterministic scheduler, one interleaving per seed.</summary>
    [Fact]
    public void Cancellation_racing_ready_peers_under_many_seeds()
    {
        for (int seed = 1; seed <= 300; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            try
            {
                SeededScenario(rt, seed);
            }
            catch (Exception ex)
            {
                throw new Exception($"seed {seed}", ex);
            }
        }
    }

    private static void SeededScenario(GoRuntime rt, int seed)
    {
        var rnd = new Random(seed);
        var c = new Chan<int>(rnd.Next(3));
        var sources = Enumerable.Range(0, 4).Select(_ => new CancellationTokenSource()).ToArray();
        var sent = new List<int>();
        var received = new List<int>();
        int cancelled = 0;
        IEnumerable<Op> Producer(int id)
        {
            for (int i = 0; i < 6; i++)
            {
                int v = id * 100 + i;
                var s = Send(c, v, sources[(id + i) % sources.Length].Token).Catch();
                yield return s;
                if (s.Error is null) sent.Add(v);
                else if (s.Error is OperationCanceledException) cancelled++;
                else throw s.Error;
            }
        }
        IEnumerable<Op> Consumer(int id)
        {
            for (int i = 0; i < 6; i++)
            {
                var r = Recv(c, sources[(id + 2 * i) % sources.Length].Token).Catch();
                yield return r;
                if (r.Error is null) received.Add(r.Result);
                else if (r.Error is not OperationCanceledException) throw r.Error;
            }
        }
        var yields = sources.Select(_ => rnd.Next(0, 12)).ToArray();
        IEnumerable<Op> Canceller()
        {
            for (int k = 0; k < sources.Length; k++)
            {
                for (int i = 0; i < yields[k]; i++) yield return Yield();
                sources[k].Cancel();
            }
        }
        var hs = new List<Goroutine> { rt.Go(Producer(1)), rt.Go(Consumer(1)), rt.Go(Producer(2)), rt.Go(Consumer(2)), rt.Go(Canceller()) };
        hs.ForEach(h => h.Join());
        var left = new List<int>();
        while (c.TryRecv(out int v)) left.Add(v);
        Assert.Equal(sent.OrderBy(x => x), received.Concat(left).OrderBy(x => x));
        Assert.Equal(12, sent.Count + cancelled);
    }
}
