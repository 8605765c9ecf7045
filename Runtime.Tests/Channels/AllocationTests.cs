using System;
using GoSharp.CompilerServices;
using Xunit;

namespace GoSharp.Runtime.Tests.Channels;

/// <summary>Measures process-wide allocations, so it runs alone, after the parallel tests.</summary>
[CollectionDefinition(nameof(MeasuresProcessAllocations), DisableParallelization = true)]
public sealed class MeasuresProcessAllocations;

/// <summary>Hand-written frames (as the generator emits them): no harness allocations in the measured loop.</summary>
[Collection(nameof(MeasuresProcessAllocations))]
public class AllocationTests
{
    private sealed class PingFrame : Frame
    {
        private readonly Chan<int> _a, _b;
        private readonly int _n;
        private int _i;
        private ChanSendAwaiter<int> _s;
        private ChanRecvAwaiter<int> _r;

        public PingFrame(Chan<int> a, Chan<int> b, int n) { _a = a; _b = b; _n = n; }

        public override FrameResult Resume(G g)
        {
            switch (State) { case 0: goto resume0; case 1: goto resume1; }
            _i = 0;
        loop:
            if (_i >= _n) return FrameResult.Completed;
            _s = _a.GetSendAwaiter(_i);
            if (!_s.IsCompleted) { State = 0; return _s.Suspend(g, this); }
        resume0:
            State = -1;
            _s.GetResult();
            _r = _b.GetRecvAwaiter();
            if (!_r.IsCompleted) { State = 1; return _r.Suspend(g, this); }
        resume1:
            State = -1;
            if (_r.GetResult() != _i) throw new InvalidOperationException("out of order");
            _i++;
            goto loop;
        }
    }

    private sealed class PongFrame : Frame
    {
        private readonly Chan<int> _a, _b;
        private readonly Chan<int> _quit;
        private int _v;
        private SelectAwaiter<int, int> _sel;
        private ChanSendAwaiter<int> _s;

        public PongFrame(Chan<int> a, Chan<int> b, Chan<int> quit) { _a = a; _b = b; _quit = quit; }

        public override FrameResult Resume(G g)
        {
            switch (State) { case 0: goto resume0; case 1: goto resume1; }
        loop:
            _sel = Go.GetSelectAwaiter(_a.RecvCase(), _quit.RecvCase());
            if (!_sel.IsCompleted) { State = 0; return _sel.Suspend(g, this); }
        resume0:
            State = -1;
            var r = _sel.GetResult();
            if (r.Index == 1) return FrameResult.Completed;
            _v = r.Value1;
            _s = _b.GetSendAwaiter(_v);
            if (!_s.IsCompleted) { State = 1; return _s.Suspend(g, this); }
        resume1:
            State = -1;
            _s.GetResult();
            goto loop;
        }
    }

    [Theory, InlineData(1), InlineData(2)]
    public void Blocking_channel_and_select_operations_in_goroutines_allocate_nothing(int procs) => Rt.With(procs, rt =>
    {
        var a = new Chan<int>();
        var b = new Chan<int>();
        var quit = new Chan<int>();
        // Warm-up: fills the waiter and select caches of every M.
        var pong = rt.Spawn(new PongFrame(a, b, quit));
        rt.Spawn(new PingFrame(a, b, 20_000)).Join();
        const int N = 50_000;
        // Process-wide counter: other threads (the test host's reporting) may allocate meanwhile, which
        // only adds; the least of three runs is the closest to the truth.
        long allocated = Measure.LeastOf(3, 0, () =>
        {
            var ping = new PingFrame(a, b, N);
            return Measure.ProcessAllocated(() => rt.Spawn(ping).Join());
        });
        quit.Close();
        pong.Join();
        // 4 channel operations (two of them in a select), about 2 parks per round trip.
        Assert.True(allocated < 16 * 1024, $"{allocated} bytes for {N} round trips ({(double)allocated / N:F2} B each)");
    });
}
