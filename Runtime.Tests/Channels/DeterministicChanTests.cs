using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;
using static GoSharp.Runtime.Tests.SelectOps;

namespace GoSharp.Runtime.Tests.Channels;

/// <summary>
/// Goroutine-only scenarios under the deterministic scheduler (one P, seeded choice among runnable
/// goroutines): many interleavings of close, select and hand-off, each reproducible from its seed.
/// </summary>
public class DeterministicChanTests
{
    [Fact]
    public void Close_select_and_handoff_under_many_seeded_schedules()
    {
        for (int seed = 1; seed <= 150; seed++)
        {
            var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            try
            {
                Scenario(rt, seed);
            }
            catch (Exception ex)
            {
                throw new Exception($"seed {seed}", ex);
            }
            finally
            {
                rt.Dispose();
            }
        }
    }

    static void Scenario(GoRuntime rt, int seed)
    {
        var rnd = new Random(seed);
        int cap = rnd.Next(3);
        var data = new Chan<int>(cap);
        var other = new Chan<int>(rnd.Next(2));
        var quit = new Chan<Empty>();
        var sentOk = new List<int>();
        var got = new List<int>();
        int closeAfter = rnd.Next(0, 30);
        IEnumerable<Op> Producer(int id)
        {
            for (int i = 0; i < 10; i++)
            {
                int v = id * 100 + i;
                var s = Select(data.SendCase(v), other.SendCase(v)).Catch();
                yield return s;
                if (s.Error is ChannelClosedException) yield break;
                if (s.Error is not null) throw s.Error;
                sentOk.Add(v);
            }
        }
        IEnumerable<Op> Consumer()
        {
            bool dataOpen = true, otherOpen = true;
            while (dataOpen || otherOpen)
            {
                var s = Select(dataOpen ? data.RecvCase() : default, otherOpen ? other.RecvCase() : default);
                yield return s;
                var r = s.Result;
                if (!r.Ok) { if (r.Index == 0) dataOpen = false; else otherOpen = false; continue; }
                got.Add(r.Index == 0 ? r.Value1 : r.Value2);
            }
        }
        IEnumerable<Op> Closer()
        {
            for (int i = 0; i < closeAfter; i++) yield return Yield();
            data.Close();
            other.Close();
            quit.Close();
        }
        var hs = new List<Goroutine> { rt.Go(Producer(1)), rt.Go(Producer(2)), rt.Go(Consumer()), rt.Go(Consumer()), rt.Go(Closer()) };
        hs.ForEach(h => h.Join());
        Assert.Equal(sentOk.OrderBy(x => x), got.OrderBy(x => x));
    }
}
