using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CsCheck;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Channels;

public class ChanPropertyTests
{
    public static TheoryData<int> Procs => new() { 1, 2, 4 };

    public sealed record Plan(int Cap, bool[] ProducerIsThread, int PerProducer, bool[] ConsumerIsThread, int CloseAfterYields, bool CloserIsThread);

    static readonly Gen<Plan> PlanGen =
        Gen.Select(Gen.Int[0, 4], Gen.Bool.Array[1, 4], Gen.Int[0, 150], Gen.Bool.Array[1, 3], Gen.Int[-1, 300], Gen.Bool,
            (cap, prods, per, cons, close, closerThread) => new Plan(cap, prods, per, cons, close, closerThread));

    [Theory, MemberData(nameof(Procs))]
    public void Every_value_received_once_or_its_send_threw(int procs) => Rt.With(procs, rt =>
    {
        PlanGen.Sample(plan => Run(rt, plan), iter: 200, threads: 1);
    });

    static void Run(GoRuntime rt, Plan plan)
    {
        var c = new Chan<int>(plan.Cap);
        int np = plan.ProducerIsThread.Length, nc = plan.ConsumerIsThread.Length;
        var sent = new int[np];
        var got = Enumerable.Range(0, nc).Select(_ => new List<int>()).ToArray();
        var joins = new List<Action>();
        var producersDone = new WaitGroup();
        producersDone.Add(np);

        for (int p = 0; p < np; p++)
        {
            int id = p;
            if (plan.ProducerIsThread[p])
            {
                var t = new Thread(() =>
                {
                    try
                    {
                        for (int i = 0; i < plan.PerProducer; i++) { c.Send(id * 1_000_000 + i); sent[id]++; }
                    }
                    catch (ChannelClosedException) { }
                    finally { producersDone.Done(); }
                });
                t.Start();
                joins.Add(t.Join);
            }
            else
            {
                IEnumerable<Op> Producer()
                {
                    try
                    {
                        for (int i = 0; i < plan.PerProducer; i++)
                        {
                            var s = Send(c, id * 1_000_000 + i).Catch();
                            yield return s;
                            if (s.Error is ChannelClosedException) yield break;
                            if (s.Error is not null) throw s.Error;
                            sent[id]++;
                        }
                    }
                    finally { producersDone.Done(); }
                }
                var h = rt.Go(Producer());
                joins.Add(h.Join);
            }
        }
        for (int k = 0; k < nc; k++)
        {
            var list = got[k];
            if (plan.ConsumerIsThread[k])
            {
                var t = new Thread(() => { foreach (var v in c) list.Add(v); });
                t.Start();
                joins.Add(t.Join);
            }
            else
            {
                IEnumerable<Op> Consumer()
                {
                    var e = c.GetEnumerator();
                    while (true)
                    {
                        var mn = MoveNext(e);
                        yield return mn;
                        if (!mn.Result) yield break;
                        list.Add(e.Current);
                    }
                }
                var h = rt.Go(Consumer());
                joins.Add(h.Join);
            }
        }
        // The closer: either after every producer finished, or early, racing with them.
        if (plan.CloseAfterYields < 0)
        {
            producersDone.Wait();
            c.Close();
        }
        else if (plan.CloserIsThread)
        {
            for (int i = 0; i < plan.CloseAfterYields; i++) Thread.Yield();
            c.Close();
        }
        else
        {
            IEnumerable<Op> Closer()
            {
                for (int i = 0; i < plan.CloseAfterYields; i++) yield return Yield();
                c.Close();
            }
            rt.Go(Closer()).Join();
        }
        foreach (var j in joins) j();

        var all = got.SelectMany(l => l).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());                       // nothing twice
        var expected = Enumerable.Range(0, np).SelectMany(p => Enumerable.Range(0, sent[p]).Select(i => p * 1_000_000 + i));
        Assert.Equal(expected.OrderBy(x => x), all.OrderBy(x => x));           // every completed send, nothing else
        foreach (var l in got)                                                 // per-sender FIFO, per receiver
        {
            foreach (var byProducer in l.GroupBy(v => v / 1_000_000))
            {
                var seq = byProducer.Select(v => v % 1_000_000).ToList();
                Assert.Equal(seq.OrderBy(x => x), seq);
            }
        }
    }
}
