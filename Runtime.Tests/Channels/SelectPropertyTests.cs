using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CsCheck;
using Xunit;
using static GoSharp.Runtime.Tests.SelectOps;

namespace GoSharp.Runtime.Tests.Channels;

public class SelectPropertyTests
{
    public static TheoryData<int> Procs => new() { 1, 2, 4 };

    // Each producer's select: four send cases over channels picked at random (-1: a nil channel).
    public sealed record Plan(int[] Caps, int[][] ProducerCases, bool[] ProducerIsThread, int PerProducer, bool[] ConsumerIsThread);

    static readonly Gen<Plan> PlanGen =
        Gen.Select(Gen.Int[0, 2].Array[3], Gen.Int[-1, 2].Array[4].Array[1, 4], Gen.Bool.Array[4], Gen.Int[0, 100], Gen.Bool.Array[1, 3],
            (caps, cases, pt, per, ct) => new Plan(caps, cases, pt, per, ct));

    [Theory, MemberData(nameof(Procs))]
    public void Selects_deliver_every_value_exactly_once(int procs) => Rt.With(procs, rt =>
    {
        PlanGen.Sample(plan => Run(rt, plan), iter: 60, threads: 1);
    });

    static void Run(GoRuntime rt, Plan plan)
    {
        var chans = plan.Caps.Select(c => new Chan<int>(c)).ToArray();
        Chan<int> Pick(int i) => i < 0 ? default : chans[i];
        int np = plan.ProducerCases.Length;
        var received = new List<int>[plan.ConsumerIsThread.Length];
        var joins = new List<Action>();
        var producers = new List<Action>();
        for (int p = 0; p < np; p++)
        {
            int id = p;
            var cs = plan.ProducerCases[p];
            if (cs.All(i => i < 0)) cs = new[] { 0, -1, -1, -1 }; // at least one live case
            if (plan.ProducerIsThread[p])
            {
                var t = new Thread(() =>
                {
                    for (int i = 0; i < plan.PerProducer; i++)
                    {
                        int v = id * 1_000_000 + i;
                        Go.Select(Pick(cs[0]).SendCase(v), Pick(cs[1]).SendCase(v), Pick(cs[2]).SendCase(v), Pick(cs[3]).SendCase(v));
                    }
                });
                t.Start();
                producers.Add(t.Join);
            }
            else
            {
                IEnumerable<Op> Producer()
                {
                    for (int i = 0; i < plan.PerProducer; i++)
                    {
                        int v = id * 1_000_000 + i;
                        yield return Select(Pick(cs[0]).SendCase(v), Pick(cs[1]).SendCase(v), Pick(cs[2]).SendCase(v), Pick(cs[3]).SendCase(v));
                    }
                }
                producers.Add(rt.Go(Producer()).Join);
            }
        }
        for (int k = 0; k < received.Length; k++)
        {
            var list = received[k] = new List<int>();
            if (plan.ConsumerIsThread[k])
            {
                var t = new Thread(() =>
                {
                    var open = new[] { true, true, true };
                    while (open.Any(o => o))
                    {
                        var s = Go.Select(chans[0].RecvCase(), chans[1].RecvCase(), chans[2].RecvCase());
                        if (!s.Ok) { open[s.Index] = false; continue; }
                        list.Add(s.Index switch { 0 => s.Value1, 1 => s.Value2, _ => s.Value3 });
                    }
                });
                t.Start();
                joins.Add(t.Join);
            }
            else
            {
                IEnumerable<Op> Consumer()
                {
                    var open = new[] { true, true, true };
                    while (open.Any(o => o))
                    {
                        var s = Select(chans[0].RecvCase(), chans[1].RecvCase(), chans[2].RecvCase());
                        yield return s;
                        var r = s.Result;
                        if (!r.Ok) { open[r.Index] = false; continue; }
                        list.Add(r.Index switch { 0 => r.Value1, 1 => r.Value2, _ => r.Value3 });
                    }
                }
                joins.Add(rt.Go(Consumer()).Join);
            }
        }
        producers.ForEach(j => j());
        foreach (var c in chans) c.Close();
        joins.ForEach(j => j());
        var all = received.SelectMany(l => l).OrderBy(x => x).ToList();
        var expected = Enumerable.Range(0, np).SelectMany(p => Enumerable.Range(0, plan.PerProducer).Select(i => p * 1_000_000 + i)).OrderBy(x => x);
        Assert.Equal(expected, all);
    }
}
