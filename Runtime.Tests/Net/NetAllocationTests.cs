using System;
using GoSharp.CompilerServices;
using GoSharp.Net;
using GoSharp.Runtime.Tests.Channels;
using Xunit;
using Xunit.Abstractions;

namespace GoSharp.Runtime.Tests.Net;

/// <summary>Hand-written frames (as the generator emits them): no harness allocations in the measured loop.</summary>
[Collection(nameof(MeasuresProcessAllocations))]
public class NetAllocationTests
{
    private readonly ITestOutputHelper _out;
    public NetAllocationTests(ITestOutputHelper output) => _out = output;

    /// <summary>Writes back what it reads until the end of the stream.</summary>
    private sealed class EchoFrame : Frame
    {
        private readonly Conn _c;
        private readonly byte[] _buf = new byte[256];
        private int _n;
        private ConnReadAwaiter _r;
        private ConnWriteAwaiter _w;

        public EchoFrame(Conn c) => _c = c;

        public override FrameResult Resume(G g)
        {
            switch (State) { case 0: goto resume0; case 1: goto resume1; }
        loop:
            _r = _c.GetReadAwaiter(_buf);
            if (!_r.IsCompleted) { State = 0; return _r.Suspend(g, this); }
        resume0:
            State = -1;
            _n = _r.GetResult();
            _r = default;
            if (_n == 0) return FrameResult.Completed;
            _w = _c.GetWriteAwaiter(_buf.AsMemory(0, _n));
            if (!_w.IsCompleted) { State = 1; return _w.Suspend(g, this); }
        resume1:
            State = -1;
            _w.GetResult();
            _w = default;
            goto loop;
        }
    }

    /// <summary>N round trips of a 64-byte message: write it, read it all back.</summary>
    private sealed class PingFrame : Frame
    {
        private readonly Conn _c;
        private readonly int _rounds;
        private readonly byte[] _msg = new byte[64];
        private readonly byte[] _back = new byte[64];
        private int _i, _got;
        private ConnReadAwaiter _r;
        private ConnWriteAwaiter _w;

        public PingFrame(Conn c, int rounds) { _c = c; _rounds = rounds; }

        public override FrameResult Resume(G g)
        {
            switch (State) { case 0: goto resume0; case 1: goto resume1; }
            _i = 0;
        loop:
            if (_i >= _rounds) return FrameResult.Completed;
            _msg[0] = (byte)_i;
            _w = _c.GetWriteAwaiter(_msg);
            if (!_w.IsCompleted) { State = 0; return _w.Suspend(g, this); }
        resume0:
            State = -1;
            _w.GetResult();
            _w = default;
            _got = 0;
        read:
            _r = _c.GetReadAwaiter(_back.AsMemory(_got));
            if (!_r.IsCompleted) { State = 1; return _r.Suspend(g, this); }
        resume1:
            State = -1;
            int n = _r.GetResult();
            _r = default;
            if (n == 0) throw new InvalidOperationException("the echo ended early");
            _got += n;
            if (_got < _back.Length) goto read;
            if (_back[0] != (byte)_i) throw new InvalidOperationException("out of order");
            _i++;
            goto loop;
        }
    }

    [Theory, InlineData(1), InlineData(2)]
    public void Read_and_Write_in_goroutines_allocate_next_to_nothing(int procs) => Rt.With(procs, rt =>
    {
        var (a, b) = NetTestKit.Pair();
        using (a)
        using (b)
        {
            Goroutine echo = rt.Spawn(new EchoFrame(b));
            // Warm-up: the sockets' cached operations, the deadline tokens' registrations, the thread pool.
            rt.Spawn(new PingFrame(a, 1_000)).Join();
            const int N = 2_000;
            // Process-wide counter: the socket engine's threads count too (that is the point), and so does
            // anything else the test host does meanwhile, which only adds; the least of a few runs is the
            // closest to the truth.
            long allocated = Measure.LeastOf(4, 0, () =>
            {
                var ping = new PingFrame(a, N);
                return Measure.ProcessAllocated(() => rt.Spawn(ping).Join());
            });
            a.CloseWrite();
            echo.Join();
            _out.WriteLine($"{allocated} bytes for {N} round trips ({(double)allocated / N:F2} B each)");
            // Two reads and two writes per round trip, most of them parked: well under a byte each on average
            // means no per-operation object (the smallest is 24 bytes).
            Assert.True(allocated < 4 * N, $"{allocated} bytes for {N} round trips ({(double)allocated / N:F2} B each)");
        }
    });
}
