using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;
using static GoSharp.Runtime.Tests.SelectOps;
using static GoSharp.Runtime.Tests.TimeOps;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary>
/// GOMAXPROCS changed over and over, from goroutines and from a plain thread at once, while many goroutines
/// exchange messages through unbuffered and buffered channels, selects and short sleeps (whose timers move to P0
/// when their P is retired). Every message is received exactly once and every goroutine runs its end exactly
/// once: a retired P's run queue, its timers and a goroutine parked on it are all handed on, none dropped or
/// queued twice. The property does not depend on how the resizes interleave with the traffic, so nothing here waits
/// for a moment.
/// </summary>
public class ResizeChurnTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Messages_and_goroutines_survive_repeated_resizes_exactly_once(int seed)
    {
        const int Producers = 24, Consumers = 12, PerProducer = 1000, Resizes = 300;
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 4 });
        var unbuffered = new Chan<int>();
        var buffered = new Chan<int>(16);
        var received = new int[Producers * PerProducer];
        var ended = new int[Producers + Consumers];

        IEnumerable<Op> Producer(int p)
        {
            var rnd = new Random(seed * 100 + p);
            for (int i = 0; i < PerProducer; i++)
            {
                int v = p * PerProducer + i;
                if (rnd.Next(2) == 0) yield return Send(unbuffered, v);
                else yield return Send(buffered, v);
                if (rnd.Next(50) == 0) yield return Sleep(TimeSpan.FromTicks(rnd.Next(1, 5_000)));
            }
            Interlocked.Increment(ref ended[p]);
        }

        IEnumerable<Op> Consumer(int c)
        {
            var rnd = new Random(seed * 100 + 50 + c);
            // A channel seen closed becomes nil (never ready, as in Go), so the other one is still drained.
            var u = unbuffered;
            var b = buffered;
            while (!u.IsNil || !b.IsNil)
            {
                var s = Select(u.RecvCase(), b.RecvCase());
                yield return s;
                if (!s.Result.Ok)
                {
                    if (s.Result.Index == 0) u = Chan<int>.Nil; else b = Chan<int>.Nil;
                    continue;
                }
                Interlocked.Increment(ref received[s.Result.Index == 0 ? s.Result.Value1 : s.Result.Value2]);
                if (rnd.Next(50) == 0) yield return Yield();
            }
            Interlocked.Increment(ref ended[Producers + c]);
        }

        IEnumerable<Op> Resizer(int r)
        {
            var rnd = new Random(seed * 100 + 90 + r);
            for (int i = 0; i < Resizes; i++)
            {
                Go.SetMaxProcs(rnd.Next(1, 9));
                yield return Yield();
            }
        }

        var producers = Enumerable.Range(0, Producers).Select(p => rt.Go(Producer(p))).ToArray();
        var consumers = Enumerable.Range(0, Consumers).Select(c => rt.Go(Consumer(c))).ToArray();
        var resizers = Enumerable.Range(0, 2).Select(r => rt.Go(Resizer(r))).ToArray();
        var rndThread = new Random(seed);
        for (int i = 0; i < Resizes; i++) rt.SetMaxProcs(rndThread.Next(1, 9)); // from a plain thread too

        foreach (var h in resizers) h.Join();
        foreach (var h in producers) h.Join();
        // Every value is sent; closing now ends the consumers once they have drained the buffer (a closed
        // channel still delivers what it holds before it reports closed).
        unbuffered.Close();
        buffered.Close();
        foreach (var h in consumers) h.Join();

        Assert.All(received, n => Assert.Equal(1, n));
        Assert.All(ended, n => Assert.Equal(1, n));
        Assert.InRange(rt.MaxProcs, 1, 8);
    }
}
