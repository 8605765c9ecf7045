using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Xunit;
using static GoSharp.Runtime.Tests.SelectOps8;

namespace GoSharp.Runtime.Tests.Channels;

public class WideSelectTests
{
    public static TheoryData<int> Procs => new() { 1, 2, 4 };

    [Fact]
    public void Eight_cases_typed_and_fair()
    {
        var c = Enumerable.Range(0, 7).Select(_ => new Chan<int>(1)).ToArray();
        var s = new Chan<string>(1);
        for (int k = 0; k < 7; k++)
        {
            c[k].Send(k * 10);
            var r = Go.Select(c[0].RecvCase(), c[1].RecvCase(), c[2].RecvCase(), c[3].RecvCase(), c[4].RecvCase(), c[5].RecvCase(), c[6].RecvCase(), s.RecvCase());
            Assert.Equal(k, r.Index);
            int v = r.Index switch { 0 => r.Value1, 1 => r.Value2, 2 => r.Value3, 3 => r.Value4, 4 => r.Value5, 5 => r.Value6, _ => r.Value7 };
            Assert.Equal(k * 10, v);
        }
        s.Send("x");
        var rs = Go.Select(c[0].RecvCase(), c[1].RecvCase(), c[2].RecvCase(), c[3].RecvCase(), c[4].RecvCase(), s.RecvCase());
        Assert.Equal(5, rs.Index);
        Assert.Equal("x", rs.Value6);
        Assert.Equal(5, Go.Select(c[0].RecvCase(), c[1].RecvCase(), c[2].RecvCase(), c[3].RecvCase(), c[4].RecvCase(), Go.Default).Index);

        // Eight closed channels: every case about 1/8 of the time.
        foreach (var ch in c) ch.Close();
        s.Close();
        var counts = new int[8];
        const int N = 80_000;
        for (int i = 0; i < N; i++)
            counts[Go.Select(c[0].RecvCase(), c[1].RecvCase(), c[2].RecvCase(), c[3].RecvCase(), c[4].RecvCase(), c[5].RecvCase(), c[6].RecvCase(), s.RecvCase()).Index]++;
        Assert.All(counts, n => Assert.InRange(n, N / 8 - 500, N / 8 + 500)); // sigma ~ 94
    }

    [Theory, MemberData(nameof(Procs))]
    public void Six_cases_in_a_goroutine_woken_by_a_thread(int procs) => Rt.With(procs, rt =>
    {
        var c = Enumerable.Range(0, 5).Select(_ => new Chan<int>()).ToArray();
        var quit = new Chan<Empty>();
        var got = new List<(int, int)>();
        IEnumerable<Op> Body()
        {
            while (true)
            {
                var s = Select(c[0].RecvCase(), c[1].RecvCase(), c[2].RecvCase(), c[3].RecvCase(), c[4].RecvCase(), quit.RecvCase());
                yield return s;
                var r = s.Result;
                if (r.Index == 5) yield break;
                got.Add((r.Index, r.Index switch { 0 => r.Value1, 1 => r.Value2, 2 => r.Value3, 3 => r.Value4, _ => r.Value5 }));
            }
        }
        var h = rt.Go(Body());
        for (int i = 0; i < 100; i++) c[i % 5].Send(i);
        quit.Close();
        h.Join();
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (i % 5, i)), got);
    });
}
