using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Channels;

/// <summary>
/// Go's close while the channel is busy: receivers, senders and selects of both kinds are parked on it (or about to
/// park) when one goroutine closes it. Every value a send completed is received exactly once; every send that did
/// not complete threw ChannelClosedException (Go: panic) and delivered nothing; every receive after the buffer ran
/// dry reports ok = false; and every goroutine ends. On 1, 2 and 4 Ps and over seeded deterministic schedules.
/// </summary>
public class CloseWhileParkedTests
{
    private const int PerKind = 6;

    private sealed class Tally
    {
        public readonly ConcurrentBag<int> Sent = new(), Received = new();
        public readonly ConcurrentBag<string> Errors = new();
        public int ClosedSends, ClosedReceives;
    }

    // A generated loop's back-edge: sysmon's request to yield. Without it these loops, which hand each other the P
    // through runnext and so share one time slice, would keep the closer (queued by its yields) waiting for seconds.
    private static bool Preempted => GoSharp.CompilerServices.G.Current!.Preempt;

    private static IEnumerable<Op> Program(GoRuntime rt, int capacity, int closeAfterSends, Tally t)
    {
        var ch = new Chan<int>(capacity);
        var progress = new Chan<int>(1); // completed sends wake the closer (a yield would queue it behind the others)
        var never = new Chan<int>();
        var all = new List<Goroutine>();
        IEnumerable<Op> Receiver()
        {
            while (true)
            {
                var r = RecvOk(ch);
                yield return r;
                if (!r.Result.Ok) { System.Threading.Interlocked.Increment(ref t.ClosedReceives); yield break; }
                t.Received.Add(r.Result.Value);
                if (Preempted) yield return Yield();
            }
        }
        IEnumerable<Op> SelectReceiver()
        {
            while (true)
            {
                var s = SelectOps.Select(ch.RecvCase(), never.RecvCase());
                yield return s;
                if (s.Result.Index != 0) t.Errors.Add($"select picked case {s.Result.Index}: nothing is sent there");
                if (!s.Result.Ok) { System.Threading.Interlocked.Increment(ref t.ClosedReceives); yield break; }
                t.Received.Add(s.Result.Value1);
                if (Preempted) yield return Yield();
            }
        }
        IEnumerable<Op> Sender(int id, bool viaSelect)
        {
            for (int i = 0; ; i++)
            {
                int v = id * 1_000_000 + i;
                Op op = viaSelect ? SelectOps.Select(ch.SendCase(v), never.RecvCase()).Catch() : Send(ch, v).Catch();
                yield return op;
                if (op.Error is ChannelClosedException) { System.Threading.Interlocked.Increment(ref t.ClosedSends); yield break; }
                if (op.Error is not null) { t.Errors.Add(op.Error.ToString()); yield break; }
                t.Sent.Add(v);
                progress.TrySend(0);
                if (Preempted) yield return Yield();
            }
        }
        for (int k = 0; k < PerKind; k++)
        {
            all.Add(rt.Go(Receiver()));
            all.Add(rt.Go(SelectReceiver()));
            all.Add(rt.Go(Sender(k, viaSelect: false)));
            all.Add(rt.Go(Sender(PerKind + k, viaSelect: true)));
        }
        for (int i = 0; i < closeAfterSends; i++) yield return Recv(progress);
        ch.Close();
        foreach (var g in all) yield return Join(g);
    }

    private static void Check(Tally t, string where)
    {
        Assert.True(t.Errors.IsEmpty, $"{where}: {string.Join("; ", t.Errors.Take(3))}");
        Assert.Equal(2 * PerKind, t.ClosedSends);     // every sender ends on the close
        Assert.Equal(2 * PerKind, t.ClosedReceives);  // every receiver sees it, after the buffer is drained
        var sent = t.Sent.OrderBy(v => v).ToArray();
        var received = t.Received.OrderBy(v => v).ToArray();
        Assert.Equal(sent, received); // nothing lost, nothing duplicated, nothing from a failed send
    }

    [Theory]
    [InlineData(1, 0)] [InlineData(1, 3)]
    [InlineData(2, 0)] [InlineData(2, 3)]
    [InlineData(4, 0)] [InlineData(4, 3)]
    public void CloseAmongParkedSendersReceiversAndSelects(int procs, int capacity)
    {
        // Few rounds: until the close, the loops hand each other the P through runnext, and the woken closer waits in
        // the local queue behind them for a time slice each (as in Go); the seeds below explore more schedules.
        for (int round = 0; round < 8; round++)
        {
            var t = new Tally();
            Rt.With(procs, rt => rt.Go(Program(rt, capacity, round % 4, t)).Join());
            Check(t, $"round {round}");
        }
    }

    [Theory, InlineData(0), InlineData(3)]
    public void CloseAmongParkedSendersReceiversAndSelectsOverSeeds(int capacity)
    {
        for (int seed = 1; seed <= 60; seed++)
        {
            var t = new Tally();
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            rt.Go(Program(rt, capacity, seed % 12, t)).Join();
            Check(t, $"seed {seed}");
        }
    }
}
