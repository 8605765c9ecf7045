using System.Collections.Generic;
using GoSharp.CompilerServices;
using GoSharp.Scheduler;
using GoSharp.Waiting;
using Xunit;

namespace GoSharp.Runtime.Tests.Waiting;

/// <summary>
/// A goroutine's spare wait record (G.SpareWaiter, docs/performance-compare.md): a channel wait takes the record the
/// goroutine gave back last, a wait of another kind gives it back to the cache when it parks, and so does the
/// goroutine's exit. Hand-written frames (as the generator emits them) that look at the slot between waits.
/// </summary>
public class SpareWaiterTests
{
    private sealed class Probe : Frame
    {
        private readonly Chan<int> _c;
        private readonly WaitGroup _wg;
        private readonly List<object?> _seen;
        private ChanRecvAwaiter<int> _r;
        private WaitGroupAwaiter _w;
        private object? _first;
        public G? Self;

        public Probe(Chan<int> c, WaitGroup wg, List<object?> seen) { _c = c; _wg = wg; _seen = seen; }

        public override FrameResult Resume(G g)
        {
            switch (State) { case 0: goto resume0; case 1: goto resume1; case 2: goto resume2; }
            Self = g;
            _r = _c.GetRecvAwaiter();
            if (!_r.IsCompleted) { State = 0; return _r.Suspend(g, this); }
        resume0:
            State = -1;
            _r.GetResult();
            _first = g.SpareWaiter;          // the record of that receive, kept
            _seen.Add(_first);
            _r = _c.GetRecvAwaiter();
            if (!_r.IsCompleted) { State = 1; return _r.Suspend(g, this); }
        resume1:
            State = -1;
            _r.GetResult();
            _seen.Add(g.SpareWaiter);        // the same record again
            _w = _wg.GetWaitAwaiter();
            if (!_w.IsCompleted) { State = 2; return _w.Suspend(g, this); }
        resume2:
            State = -1;
            _w.GetResult();
            _seen.Add(g.SpareWaiter);        // a WaitGroup park gave it back
            return FrameResult.Completed;
        }
    }

    /// <summary>Waits (yielding) until the probe is parked, then does the next step: so each of its waits parks.</summary>
    private sealed class Driver : Frame
    {
        private readonly Probe _probe;
        private readonly Chan<int> _c;
        private readonly WaitGroup _wg;
        private int _step;
        private ChanSendAwaiter<int> _s;

        public Driver(Probe probe, Chan<int> c, WaitGroup wg) { _probe = probe; _c = c; _wg = wg; }

        public override FrameResult Resume(G g)
        {
            switch (State) { case 0: goto resume0; case 1: goto resume1; }
        loop:
            if (_step == 3) return FrameResult.Completed;
            if (_probe.Self is not { } self || self.GetStatus() != GStatus.Waiting) { State = 0; return g.Yield(this); }
        resume0:
            State = -1;
            if (_probe.Self is not { } parked || parked.GetStatus() != GStatus.Waiting) goto loop;
            _step++;
            if (_step == 3) { _wg.Done(); goto loop; }
            _s = _c.GetSendAwaiter(_step);
            if (!_s.IsCompleted) { State = 1; return _s.Suspend(g, this); }
        resume1:
            State = -1;
            _s.GetResult();
            goto loop;
        }
    }

    [Fact]
    public void A_channel_wait_reuses_the_goroutines_spare_record_and_other_waits_and_exit_give_it_back()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        using (rt.Enter())
        {
            var c = new Chan<int>();
            var wg = new WaitGroup();
            wg.Add(1);
            var seen = new List<object?>();
            var probe = new Probe(c, wg, seen);
            var h = rt.Spawn(probe);
            rt.Spawn(new Driver(probe, c, wg)).Join();
            h.Join();
            Assert.Equal(3, seen.Count);
            Assert.IsType<Waiter<int>>(seen[0]);
            Assert.Same(seen[0], seen[1]);
            Assert.Null(seen[2]);
            Assert.Null(probe.Self!.SpareWaiter);   // the exit (G.Reset) gave it back too
        }
    }
}
