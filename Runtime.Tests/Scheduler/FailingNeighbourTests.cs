using System;
using System.Collections.Generic;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary>
/// Goroutines that throw in the middle of others' traffic, at every interleaving a seed gives: before their first
/// suspension, after resuming from a receive, and between yields. The others run to their ends with every message,
/// and each thrower's exception reaches its joiner as itself (scheduler.md, Handles and exceptions).
/// </summary>
public class FailingNeighbourTests
{
    private sealed class Boom(int who) : Exception($"boom {who}")
    {
        public int Who { get; } = who;
    }

    [Fact]
    public void Throwers_among_ping_pong_pairs_leave_the_pairs_running_and_reach_their_joiners()
    {
        const int Pairs = 8, Rounds = 100, Throwers = 6;
        for (int seed = 0; seed < 30; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            var pingers = new Goroutine[Pairs];
            var pongers = new Goroutine[Pairs];
            var throwers = new Goroutine[Throwers];
            var sums = new long[Pairs];
            var feed = new Chan<int>(); // the receive the second kind of thrower wakes from

            IEnumerable<Op> Ping(int k, Chan<int> to, Chan<int> back)
            {
                for (int i = 0; i < Rounds; i++)
                {
                    yield return Send(to, i);
                    var r = Recv(back);
                    yield return r;
                    sums[k] += r.Result;
                }
                to.Close();
            }
            IEnumerable<Op> Pong(Chan<int> from, Chan<int> back)
            {
                while (true)
                {
                    var r = RecvOk(from);
                    yield return r;
                    if (!r.Result.Ok) yield break;
                    yield return Send(back, r.Result.Value * 2);
                }
            }
            IEnumerable<Op> Thrower(int who)
            {
                switch (who % 3)
                {
                    case 0: throw new Boom(who); // before its first suspension point
                    case 1:
                        yield return Recv(feed); // parked, then woken by the root
                        throw new Boom(who);
                    default:
                        for (int y = 0; y < who; y++) yield return Yield();
                        throw new Boom(who);
                }
            }
            IEnumerable<Op> Root()
            {
                for (int k = 0; k < Pairs; k++)
                {
                    var to = new Chan<int>();
                    var back = new Chan<int>(k % 2); // unbuffered and buffered replies
                    pongers[k] = rt.Go(Pong(to, back));
                    pingers[k] = rt.Go(Ping(k, to, back));
                    if (k < Throwers) throwers[k] = rt.Go(Thrower(k));
                }
                for (int w = 0; w < Throwers; w++) if (w % 3 == 1) yield return Send(feed, w);
            }
            rt.Go(Root()).Join();

            for (int k = 0; k < Pairs; k++)
            {
                pingers[k].Join();
                pongers[k].Join();
                Assert.Equal(2L * Rounds * (Rounds - 1) / 2, sums[k]); // every reply, doubled
            }
            for (int w = 0; w < Throwers; w++)
            {
                var e = Assert.Throws<Boom>(() => throwers[w].Join());
                Assert.Equal(w, e.Who);
                Assert.Same(e, throwers[w].Exception);
            }
        }
    }
}
