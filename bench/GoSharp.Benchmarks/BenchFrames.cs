using System.Threading;
using GoSharp.CompilerServices;
using GoSharp.Runtime.Tests.Frames;

namespace GoSharp.Benchmarks;

// Hand-written frames in the shape the generator emits, so the runtime is measured alone.

/// <summary><c>for (i < n) { if (first) set.Set(); wait.Wait(); if (!first) set.Set(); }</c></summary>
internal sealed class PingPongFrame : Frame
{
    private readonly Signal _wait, _set;
    private readonly int _n;
    private readonly bool _first;
    private int _i;

    public PingPongFrame(Signal wait, Signal set, int n, bool first) { _wait = wait; _set = set; _n = n; _first = first; }

    public override FrameResult Resume(G g)
    {
        switch (State) { case 0: goto resume0; }
        _i = 0;
    loop:
        if (_i >= _n) return FrameResult.Completed;
        if (_first) _set.Set();
        if (!_wait.TryTake()) { State = 0; return g.Park(this, _wait, null, WaitReason.Other); }
    resume0:
        State = -1;
        if (!_first) _set.Set();
        _i++;
        goto loop;
    }
}

/// <summary><c>for (i < n) Go.Yield();</c></summary>
internal sealed class YieldLoopFrame : Frame
{
    private readonly int _n;
    private int _i;
    private YieldAwaiter _aw;
    public YieldLoopFrame(int n) => _n = n;

    public override FrameResult Resume(G g)
    {
        switch (State) { case 0: goto resume0; }
        _i = 0;
    loop:
        if (_i >= _n) return FrameResult.Completed;
        _aw = Go.GetYieldAwaiter();
        if (!_aw.IsCompleted) { State = 0; return _aw.Suspend(g, this); }
    resume0:
        State = -1;
        _aw.GetResult();
        _i++;
        goto loop;
    }
}

/// <summary>A goroutine that does nothing but count down and, last, set a signal.</summary>
internal sealed class NopFrame : Frame
{
    private readonly Countdown _c;
    public NopFrame(Countdown c) => _c = c;
    public override FrameResult Resume(G g)
    {
        _c.Done();
        return FrameResult.Completed;
    }
}

internal sealed class Countdown
{
    private int _n;
    public readonly Signal Zero = new();
    public void Reset(int n) => _n = n;
    public void Done() { if (Interlocked.Decrement(ref _n) == 0) Zero.Set(); }
}

/// <summary><c>for (i < n) go Nop(); wait for all;</c> — Go: go + exit + wg.Done.</summary>
internal sealed class SpawnLoopFrame : Frame
{
    private readonly int _n;
    private readonly Countdown _c = new();
    private int _i;
    public SpawnLoopFrame(int n) => _n = n;

    public override FrameResult Resume(G g)
    {
        switch (State) { case 0: goto resume0; }
        _c.Reset(_n);
        for (_i = 0; _i < _n; _i++) g.Sched.Runtime.Spawn(new NopFrame(_c));
        if (!_c.Zero.TryTake()) { State = 0; return g.Park(this, _c.Zero, null, WaitReason.Other); }
    resume0:
        State = -1;
        return FrameResult.Completed;
    }
}

/// <summary><c>int Leaf(int x) => x + 1;</c> as a [Goroutine] method that never suspends.</summary>
internal sealed class LeafFrame : Frame<int>
{
    private readonly int _x;
    public LeafFrame(int x) => _x = x;
    public override FrameResult Resume(G g)
    {
        Result = _x + 1;
        return FrameResult.Completed;
    }
}

/// <summary><c>for (i < n) acc = Leaf(acc);</c> — the nested-call synchronous fast path.</summary>
internal sealed class NestedLoopFrame : Frame<int>
{
    private readonly int _n;
    private int _i, _acc;
    private LeafFrame? _call;
    public NestedLoopFrame(int n) => _n = n;

    public override FrameResult Resume(G g)
    {
        switch (State) { case 0: goto resume0; }
        _i = 0;
    loop:
        if (_i >= _n) { Result = _acc; return FrameResult.Completed; }
        _call = new LeafFrame(_acc);
        var r = g.Invoke(this, _call);
        if (r != FrameResult.Completed) { State = 0; return r; }
    resume0:
        State = -1;
        _acc = _call!.GetResult();
        _call = null;
        _i++;
        goto loop;
    }
}
