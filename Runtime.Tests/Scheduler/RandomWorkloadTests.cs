using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using GoSharp.Runtime.Tests.Frames;
using Xunit;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary>
/// Random mixes of every scheduling path (spawn, yield, park/ready pairs, joins, nested calls with
/// exceptions, resizes) on random GOMAXPROCS: everything completes, with the right results, exactly once.
/// </summary>
public class RandomWorkloadTests
{
    private enum Kind { Yielder, PingPongPair, Joiner, Nested }

    private sealed record Job(Kind Kind, int Size, InnerMode Mode);

    private static readonly Gen<Job> GenJob =
        Gen.Select(Gen.Enum<Kind>(), Gen.Int[0, 40], Gen.Enum<InnerMode>(), (k, n, m) => new Job(k, n, m));

    private static readonly Gen<(int Procs, Job[] Jobs, int[] Resizes)> GenWorkload =
        Gen.Select(Gen.Int[1, 4], GenJob.Array[1, 300], Gen.Int[1, 4].Array[0, 4]);

    [Fact]
    public void RandomWorkloadsAllCompleteCorrectly()
    {
        GenWorkload.Sample(w => Run(w.Procs, w.Jobs, w.Resizes), iter: 60, threads: 1);
    }

    private static void Run(int procs, Job[] jobs, int[] resizes)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        var checks = new List<Action>();
        foreach (var job in jobs)
        {
            switch (job.Kind)
            {
                case Kind.Yielder:
                {
                    var f = new YieldingFrame(job.Size, job.Size * 7);
                    var h = rt.Spawn(f);
                    checks.Add(() =>
                    {
                        Assert.Equal(YieldingFrame.Expected(job.Size, job.Size * 7), h.Join());
                        Assert.Equal(job.Size + 1, f.Resumptions);
                    });
                    break;
                }
                case Kind.PingPongPair:
                {
                    var a = new Signal();
                    var b = new Signal();
                    var ha = rt.Spawn(new PingPongFrame(a, b, job.Size, first: true));
                    var hb = rt.Spawn(new PingPongFrame(b, a, job.Size, first: false));
                    checks.Add(() =>
                    {
                        Assert.Equal(job.Size, ha.Join());
                        Assert.Equal(job.Size, hb.Join());
                    });
                    break;
                }
                case Kind.Joiner:
                {
                    var target = rt.Spawn(new YieldingFrame(job.Size % 5, job.Size));
                    var h = rt.Spawn(new JoinFrame<long>(target));
                    checks.Add(() => Assert.Equal(YieldingFrame.Expected(job.Size % 5, job.Size), h.Join()));
                    break;
                }
                case Kind.Nested:
                {
                    var log = new ConcurrentQueue<string>();
                    var h = rt.Spawn(new OuterFrame(job.Mode, log));
                    bool throws = job.Mode is InnerMode.YieldThenThrow or InnerMode.SyncThrow;
                    checks.Add(() =>
                    {
                        Assert.Equal(throws ? -1 : 111, h.Join());
                        Assert.Equal(throws ? 2 : 1, log.Count);
                    });
                    break;
                }
            }
        }
        foreach (int n in resizes) rt.SetMaxProcs(n);
        foreach (var check in checks) check();
    }
}
