using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Runtime.Tests.Frames;

/// <summary>
/// A test-only counting signal written against the park protocol: <see cref="Set"/> adds a permit or
/// readies the parked waiter; waiting takes a permit or parks. One waiting goroutine at a time.
/// </summary>
internal sealed class Signal : IParkCommit
{
    private readonly Lock _lock = new();
    private int _permits;
    private G? _waiter;

    public void Set()
    {
        G? w;
        lock (_lock)
        {
            w = _waiter;
            if (w is null) _permits++;
            else _waiter = null;
        }
        w?.Ready(); // outside the lock, as the contract says
    }

    public bool TryTake()
    {
        lock (_lock)
        {
            if (_permits == 0) return false;
            _permits--;
            return true;
        }
    }

    bool IParkCommit.Commit(G g, object? arg)
    {
        lock (_lock)
        {
            if (_permits > 0)
            {
                _permits--;
                return false; // a Set came between the fast path and the commit: don't park
            }
            _waiter = g;
            return true;
        }
    }

    public Awaiter GetAwaiter2() => new(this);

    public struct Awaiter
    {
        private readonly Signal _s;
        public Awaiter(Signal s) => _s = s;
        public bool IsCompleted => _s.TryTake();
        public FrameResult Suspend(G g, Frame frame) => g.Park(frame, _s, null, WaitReason.Other);
        public void GetResult() { }
    }
}

/// <summary>
/// <c>void PingPong(Signal wait, Signal set, int n, bool first) { for (i..n) { if (first) set.Set(); wait.Wait(); if (!first) set.Set(); } }</c>
/// </summary>
internal sealed class PingPongFrame : Frame<int>
{
    private readonly Signal _wait, _set;
    private readonly int _n;
    private readonly bool _first;
    private int _i;
    private Signal.Awaiter _aw0;

    public PingPongFrame(Signal wait, Signal set, int n, bool first)
    {
        _wait = wait;
        _set = set;
        _n = n;
        _first = first;
    }

    public override FrameResult Resume(G g)
    {
        switch (State) { case 0: goto resume0; }
        _i = 0;
    loop:
        if (_i >= _n) goto end;
        if (_first) _set.Set();
        _aw0 = _wait.GetAwaiter2();
        if (!_aw0.IsCompleted)
        {
            State = 0;
            return _aw0.Suspend(g, this);
        }
    resume0:
        State = -1;
        _aw0.GetResult();
        if (!_first) _set.Set();
        _i++;
        goto loop;
    end:
        Result = _i;
        return FrameResult.Completed;
    }
}

/// <summary><c>void WaitOnce(Signal s) { s.Wait(); }</c></summary>
internal sealed class WaitOnceFrame : Frame
{
    private readonly Signal _s;
    private Signal.Awaiter _aw0;
    public WaitOnceFrame(Signal s) => _s = s;

    public override FrameResult Resume(G g)
    {
        switch (State) { case 0: goto resume0; }
        _aw0 = _s.GetAwaiter2();
        if (!_aw0.IsCompleted)
        {
            State = 0;
            return _aw0.Suspend(g, this);
        }
    resume0:
        State = -1;
        _aw0.GetResult();
        return FrameResult.Completed;
    }
}
