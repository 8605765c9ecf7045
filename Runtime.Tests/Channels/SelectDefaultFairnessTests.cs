using System.Collections.Generic;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;
using static GoSharp.Runtime.Tests.SelectOps;

namespace GoSharp.Runtime.Tests.Channels;

/// <summary>
/// Go's selectgo with a default: default is taken only when no case is ready, and among ready cases the pick
/// stays uniform. Run in deterministic mode, where the choices come from the runtime's seed, over fixed seeds, so
/// the bounds (each side at least 30% of 10,000 selects, about 40 standard deviations from half) cannot flake;
/// <see cref="SelectTests"/> has the free-running 1% bound without a default.
/// </summary>
public class SelectDefaultFairnessTests
{
    private const int Rounds = 10_000;

    [Fact]
    public void Two_ready_cases_and_a_default_split_evenly_and_never_take_the_default()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            var a = new Chan<int>(1);
            var b = new Chan<int>(1);
            int na = 0, nb = 0;
            IEnumerable<Op> Body()
            {
                for (int i = 0; i < Rounds; i++)
                {
                    // Refilled each round (buffered values, not closed channels), so a taken case really moves a value.
                    if (a.Len == 0) a.TrySend(1);
                    if (b.Len == 0) b.TrySend(2);
                    var s = Select(a.RecvCase(), b.RecvCase(), Go.Default);
                    yield return s;
                    Assert.NotEqual(2, s.Result.Index);
                    if (s.Result.Index == 0) { Assert.Equal(1, s.Result.Value1); na++; }
                    else { Assert.Equal(2, s.Result.Value2); nb++; }
                }
            }
            rt.Go(Body()).Join();
            Assert.Equal(Rounds, na + nb);
            Assert.True(na >= Rounds * 3 / 10 && nb >= Rounds * 3 / 10, $"seed {seed}: {na} / {nb}");
        }
    }

    [Fact]
    public void A_send_and_a_receive_both_ready_with_a_default_split_evenly()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            var input = new Chan<int>(1);
            var output = new Chan<int>(1);
            int sent = 0, received = 0;
            IEnumerable<Op> Body()
            {
                for (int i = 0; i < Rounds; i++)
                {
                    if (input.Len == 0) input.TrySend(i);
                    output.TryRecv(out _); // room again
                    var s = Select(output.SendCase(i), input.RecvCase(), Go.Default);
                    yield return s;
                    Assert.NotEqual(2, s.Result.Index);
                    if (s.Result.Index == 0) sent++; else received++;
                }
            }
            rt.Go(Body()).Join();
            Assert.True(sent >= Rounds * 3 / 10 && received >= Rounds * 3 / 10, $"seed {seed}: {sent} / {received}");
        }
    }

    [Fact]
    public void The_default_is_taken_exactly_when_nothing_is_ready()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            var a = new Chan<int>(1);
            var b = new Chan<int>(); // unbuffered, no partner: never ready
            var nil = Chan<int>.Nil;
            IEnumerable<Op> Body()
            {
                var rnd = new System.Random(seed);
                for (int i = 0; i < Rounds; i++)
                {
                    bool ready = rnd.Next(2) == 0;
                    if (ready) a.TrySend(i);
                    var s = Select(b.RecvCase(), nil.RecvCase(), a.RecvCase(), Go.Default);
                    yield return s;
                    Assert.Equal(ready ? 2 : 3, s.Result.Index);
                    if (ready) Assert.Equal(i, s.Result.Value3);
                }
            }
            rt.Go(Body()).Join();
        }
    }
}
