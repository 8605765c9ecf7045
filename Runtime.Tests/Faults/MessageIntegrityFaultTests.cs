using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Faults;

/// <summary>
/// Scenario 1: goroutines, plain threads and async code send and receive on one channel while a thread
/// closes it mid-stream. Every send that returned is received exactly once; every send that threw
/// <see cref="ChannelClosedException"/> is never received; nothing else goes wrong.
/// </summary>
[Collection(FaultsCollection.Name)]
public class MessageIntegrityFaultTests
{
    private const int PerProducer = 300;

    private sealed class Ledger
    {
        public readonly ConcurrentQueue<int> Sent = new(), Failed = new(), Received = new();
        public readonly ConcurrentQueue<Exception> Errors = new();
        public int ReceivedCount;

        public void Check(int attempts, int producers)
        {
            FaultEnv.NoErrors(Errors, "unexpected exceptions");
            var received = Received.ToArray();
            var dup = received.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(dup.Count == 0, $"received twice: {string.Join(",", dup.Take(10))}");
            var sent = Sent.ToHashSet();
            var lost = sent.Where(v => !received.Contains(v)).ToList();
            Assert.True(lost.Count == 0, $"sent but never received: {string.Join(",", lost.Take(10))}");
            var phantom = received.Where(v => !sent.Contains(v)).ToList();
            Assert.True(phantom.Count == 0, $"received but the send did not succeed (threw or never made): {string.Join(",", phantom.Take(10))}");
            var failed = Failed.ToArray();
            Assert.Empty(failed.Intersect(received));
            Assert.Equal(failed.Length, failed.Distinct().Count());
            Assert.True(failed.Length <= producers, "a producer kept sending after a send threw");
            Assert.True(Sent.Count + failed.Length <= attempts);
        }
    }

    public static IEnumerable<object[]> Rows() =>
        from procs in new[] { 1, 2, 4 }
        from cap in new[] { 0, 3 }
        from viaSelect in new[] { false, true }
        select new object[] { procs, cap, viaSelect };

    [Theory]
    [MemberData(nameof(Rows))]
    public void MixedSendersAndReceiversUnderCloseRaces(int procs, int cap, bool viaSelect)
    {
        procs = FaultEnv.Procs(procs);
        for (int round = 0; round < 4 * FaultEnv.Rounds; round++)
            MixedRound(procs, cap, viaSelect, seed: round * 977 + procs * 31 + cap * 7 + (viaSelect ? 1 : 0));
    }

    private static void MixedRound(int procs, int cap, bool viaSelect, int seed)
    {
        var rnd = new Random(seed);
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        var ch = new Chan<int>(cap);
        var never = new Chan<int>();
        var led = new Ledger();
        const int producers = 6; // 2 goroutines, 2 threads, 2 async
        int attempts = producers * PerProducer;
        int closeAfter = rnd.Next(0, attempts); // received count at which a thread closes the channel
        using var closeNow = new ManualResetEventSlim(closeAfter == 0);

        void OnReceived(int v)
        {
            led.Received.Enqueue(v);
            if (Interlocked.Increment(ref led.ReceivedCount) == closeAfter) closeNow.Set();
        }

        void Outcome(int v, Exception? ex, ref bool stop)
        {
            if (ex is null) led.Sent.Enqueue(v);
            else
            {
                if (ex is ChannelClosedException) led.Failed.Enqueue(v);
                else led.Errors.Enqueue(ex);
                stop = true;
            }
        }

        IEnumerable<Op> GoProducer(int k)
        {
            for (int i = 0; i < PerProducer; i++)
            {
                int v = k * PerProducer + i;
                Op op = viaSelect ? SelectOps.Select(ch.SendCase(v), never.RecvCase()).Catch() : Send(ch, v).Catch();
                yield return op;
                bool stop = false;
                Outcome(v, op.Error, ref stop);
                if (stop) yield break;
            }
        }

        void ThreadProducer(int k)
        {
            for (int i = 0; i < PerProducer; i++)
            {
                int v = k * PerProducer + i;
                Exception? err = null;
                try
                {
                    if (viaSelect) Go.Select(ch.SendCase(v), never.RecvCase());
                    else ch.Send(v);
                }
                catch (Exception ex) { err = ex; }
                bool stop = false;
                Outcome(v, err, ref stop);
                if (stop) return;
            }
        }

        async Task AsyncProducer(int k)
        {
            for (int i = 0; i < PerProducer; i++)
            {
                int v = k * PerProducer + i;
                Exception? err = null;
                try { await ch.SendAsync(v); }
                catch (Exception ex) { err = ex; }
                bool stop = false;
                Outcome(v, err, ref stop);
                if (stop) return;
            }
        }

        IEnumerable<Op> GoConsumer()
        {
            while (true)
            {
                if (viaSelect)
                {
                    var op = SelectOps.Select(ch.RecvCase(), never.RecvCase());
                    yield return op;
                    if (!op.Result.Ok) yield break;
                    OnReceived(op.Result.Value1);
                }
                else
                {
                    var op = RecvOk(ch);
                    yield return op;
                    if (!op.Result.Ok) yield break;
                    OnReceived(op.Result.Value);
                }
            }
        }

        void ThreadConsumer()
        {
            while (true)
            {
                if (viaSelect)
                {
                    var s = Go.Select(ch.RecvCase(), never.RecvCase());
                    if (!s.Ok) return;
                    OnReceived(s.Value1);
                }
                else
                {
                    var (v, ok) = ch.RecvOk();
                    if (!ok) return;
                    OnReceived(v);
                }
            }
        }

        async Task ReadAllConsumer()
        {
            await foreach (var v in ch.ReadAllAsync()) OnReceived(v);
        }

        async Task RecvAsyncConsumer()
        {
            while (true)
            {
                var (v, ok) = await ch.RecvOkAsync();
                if (!ok) return;
                OnReceived(v);
            }
        }

        void Guard(Action a) { try { a(); } catch (Exception ex) { led.Errors.Enqueue(ex); } }

        var closer = FaultEnv.Start(() => Guard(() =>
        {
            if (!closeNow.Wait(FaultEnv.Guard)) throw new TimeoutException("close trigger never reached");
            ch.Close();
        }), rt, "closer");
        var goroutines = new List<Goroutine>
        {
            rt.Go(GoProducer(0)), rt.Go(GoProducer(1)), rt.Go(GoConsumer()), rt.Go(GoConsumer()),
        };
        var threads = new List<Thread>
        {
            FaultEnv.Start(() => Guard(() => ThreadProducer(2)), rt, "producer 2"),
            FaultEnv.Start(() => Guard(() => ThreadProducer(3)), rt, "producer 3"),
            FaultEnv.Start(() => Guard(ThreadConsumer), rt, "consumer"),
        };
        var tasks = new List<Task>
        {
            Task.Run(() => AsyncProducer(4)), Task.Run(() => AsyncProducer(5)),
            Task.Run(ReadAllConsumer), Task.Run(RecvAsyncConsumer),
        };

        FaultEnv.Joined(closer, "closer");
        foreach (var t in threads) FaultEnv.Joined(t, t.Name!);
        foreach (var t in tasks)
        {
            FaultEnv.Done(t, "async producer/consumer");
            if (t.Exception is not null) led.Errors.Enqueue(t.Exception);
        }
        foreach (var h in goroutines)
        {
            var e = FaultEnv.JoinError(h, "goroutine producer/consumer");
            if (e is not null) led.Errors.Enqueue(e);
        }
        led.Check(attempts, producers);
        Assert.True(led.ReceivedCount >= closeAfter);
    }

    /// <summary>
    /// The same properties with goroutines only, in deterministic mode over many seeds: a closer goroutine
    /// yields a seed-chosen number of times and closes the channel while producers and consumers run.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void DeterministicCloseRacesOverSeeds(int cap)
    {
        int seeds = 150 * FaultEnv.Rounds;
        for (int seed = 0; seed < seeds; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            var ch = new Chan<int>(cap);
            var never = new Chan<int>();
            var led = new Ledger();
            const int producers = 3, per = 20;
            int yields = new Random(seed).Next(0, 40);

            IEnumerable<Op> Producer(int k)
            {
                for (int i = 0; i < per; i++)
                {
                    int v = k * per + i;
                    Op op = k == 2 ? SelectOps.Select(ch.SendCase(v), never.RecvCase()).Catch() : Send(ch, v).Catch();
                    yield return op;
                    if (op.Error is null) led.Sent.Enqueue(v);
                    else
                    {
                        if (op.Error is ChannelClosedException) led.Failed.Enqueue(v);
                        else led.Errors.Enqueue(op.Error);
                        yield break;
                    }
                }
            }
            IEnumerable<Op> Consumer(bool select)
            {
                while (true)
                {
                    if (select)
                    {
                        var op = SelectOps.Select(ch.RecvCase(), never.RecvCase());
                        yield return op;
                        if (!op.Result.Ok) yield break;
                        led.Received.Enqueue(op.Result.Value1);
                    }
                    else
                    {
                        var op = RecvOk(ch);
                        yield return op;
                        if (!op.Result.Ok) yield break;
                        led.Received.Enqueue(op.Result.Value);
                    }
                }
            }
            IEnumerable<Op> Closer()
            {
                for (int i = 0; i < yields; i++) yield return Yield();
                ch.Close();
            }
            var hs = new List<Goroutine>();
            IEnumerable<Op> Main()
            {
                var cur = GoRuntime.Current;
                for (int k = 0; k < producers; k++) hs.Add(cur.Go(Producer(k)));
                hs.Add(cur.Go(Consumer(false)));
                hs.Add(cur.Go(Consumer(true)));
                hs.Add(cur.Go(Closer()));
                yield break;
            }
            FaultEnv.Guarded($"seed {seed}", () =>
            {
                rt.Go(Main()).Join();
                foreach (var h in hs) h.Join();
            });
            led.Check(producers * per, producers);
        }
    }
}
