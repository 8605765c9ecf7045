using System;
using System.Collections.Generic;
using System.Linq;
using GoSharp.CompilerServices;
using GoSharp.Runtime.Tests.Frames;
using Xunit;

namespace GoSharp.Runtime.Tests.Scheduler;

public class DeterministicModeTests
{
    /// <summary><c>for (i < n) { log.Add(id); Go.Yield(); }</c></summary>
    private sealed class LogYieldFrame : Frame
    {
        private readonly int _id, _n;
        private readonly List<int> _log;
        private int _i;
        private YieldAwaiter _aw;
        public LogYieldFrame(int id, int n, List<int> log) { _id = id; _n = n; _log = log; }
        public override FrameResult Resume(G g)
        {
            switch (State) { case 0: goto resume0; }
            _i = 0;
        loop:
            if (_i >= _n) return FrameResult.Completed;
            lock (_log) _log.Add(_id);
            _aw = Go.GetYieldAwaiter();
            if (!_aw.IsCompleted) { State = 0; return _aw.Suspend(g, this); }
        resume0:
            State = -1;
            _i++;
            goto loop;
        }
    }

    /// <summary>One run: a root goroutine spawns the workers (so no outside thread races the scheduler).</summary>
    private static int[] Interleaving(int seed, int workers = 6, int yields = 20)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
        var log = new List<int>();
        var handles = new Goroutine[workers];
        rt.Spawn(new ActionFrame(() =>
        {
            for (int k = 0; k < workers; k++) handles[k] = GoRuntime.Current.Spawn(new LogYieldFrame(k, yields, log));
        })).Join();
        foreach (var h in handles) h.Join();
        lock (log) return log.ToArray();
    }

    [Fact]
    public void TheSameSeedReplaysTheSameInterleaving()
    {
        for (int seed = 0; seed < 20; seed++)
            Assert.Equal(Interleaving(seed), Interleaving(seed));
    }

    [Fact]
    public void DifferentSeedsExploreDifferentInterleavings()
    {
        var distinct = Enumerable.Range(0, 20).Select(s => string.Join(",", Interleaving(s))).Distinct().Count();
        Assert.True(distinct >= 15, $"only {distinct} distinct interleavings out of 20 seeds");
        // Every run is still a valid execution: each worker logged exactly its yields.
        var one = Interleaving(7);
        Assert.All(Enumerable.Range(0, 6), k => Assert.Equal(20, one.Count(x => x == k)));
    }

    [Fact]
    public void ParkReadyAndNestedCallsWorkInDeterministicMode()
    {
        for (int seed = 0; seed < 50; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            var a = new Signal();
            var b = new Signal();
            var ha = rt.Spawn(new PingPongFrame(a, b, 50, first: true));
            var hb = rt.Spawn(new PingPongFrame(b, a, 50, first: false));
            var nested = rt.Spawn(new OuterFrame(InnerMode.YieldThenThrow, new System.Collections.Concurrent.ConcurrentQueue<string>()));
            Assert.Equal(50, ha.Join());
            Assert.Equal(50, hb.Join());
            Assert.Equal(-1, nested.Join());
        }
    }

    [Fact]
    public void DeterministicModeRunsOnOneP()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = 1 });
        Assert.True(rt.IsDeterministic);
        Assert.Equal(1, rt.MaxProcs);
        Assert.Throws<InvalidOperationException>(() => rt.SetMaxProcs(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GoRuntime(new GoRuntimeOptions { DeterministicSeed = 1, MaxProcs = 2 }));
    }
}
