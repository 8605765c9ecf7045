using System;
using System.Collections.Concurrent;
using GoSharp.CompilerServices;

namespace GoSharp.Runtime.Tests.Frames;

public enum InnerMode { SyncReturn, YieldThenReturn, YieldThenThrow, SyncThrow }

/// <summary><c>int Inner(mode) { if (mode yields) Go.Yield(); if (mode throws) throw ...; return 1; }</c></summary>
internal sealed class InnerFrame : Frame<int>
{
    private readonly InnerMode _mode;
    private YieldAwaiter _aw0;
    public InnerFrame(InnerMode mode) => _mode = mode;

    public override FrameResult Resume(G g)
    {
        switch (State) { case 0: goto resume0; }
        if (_mode is InnerMode.YieldThenReturn or InnerMode.YieldThenThrow)
        {
            _aw0 = Go.GetYieldAwaiter();
            if (!_aw0.IsCompleted)
            {
                State = 0;
                return _aw0.Suspend(g, this);
            }
        }
    resume0:
        State = -1;
        if (_mode is InnerMode.YieldThenThrow or InnerMode.SyncThrow) ThrowFromInner();
        Result = 1;
        return FrameResult.Completed;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ThrowFromInner() => throw new InvalidOperationException("inner failed");
}

/// <summary><c>int Middle(mode, log) { try { return Inner(mode) + 10; } finally { log.Add("middle finally"); } }</c></summary>
internal sealed class MiddleFrame : Frame<int>
{
    private readonly InnerMode _mode;
    private readonly ConcurrentQueue<string> _log;
    private InnerFrame? _call0;
    private int _v;

    public MiddleFrame(InnerMode mode, ConcurrentQueue<string> log)
    {
        _mode = mode;
        _log = log;
    }

    public override FrameResult Resume(G g)
    {
        switch (State) { case 0: goto try0; } // state 0 lives inside the try: go to its dispatch
    try0:
        try
        {
            switch (State) { case 0: goto resume0; }
            _call0 = new InnerFrame(_mode);
            FrameResult r = g.Invoke(this, _call0);
            if (r != FrameResult.Completed)
            {
                State = 0;
                return r;
            }
        resume0:
            State = -1;
            _v = _call0!.GetResult() + 10;
            _call0 = null;
        }
        finally
        {
            if (State < 0) _log.Enqueue("middle finally"); // suspended (State >= 0): not leaving the try
        }
        Result = _v;
        return FrameResult.Completed;
    }
}

/// <summary><c>int Outer(mode, log) { try { return Middle(mode, log) + 100; } catch (InvalidOperationException e) { log.Add("outer caught " + e.Message); return -1; } }</c></summary>
internal sealed class OuterFrame : Frame<int>
{
    private readonly InnerMode _mode;
    private readonly ConcurrentQueue<string> _log;
    private MiddleFrame? _call0;
    public Exception? Caught;

    public OuterFrame(InnerMode mode, ConcurrentQueue<string> log)
    {
        _mode = mode;
        _log = log;
    }

    public override FrameResult Resume(G g)
    {
        switch (State) { case 0: goto try0; }
    try0:
        try
        {
            switch (State) { case 0: goto resume0; }
            _call0 = new MiddleFrame(_mode, _log);
            FrameResult r = g.Invoke(this, _call0);
            if (r != FrameResult.Completed)
            {
                State = 0;
                return r;
            }
        resume0:
            State = -1;
            Result = _call0!.GetResult() + 100;
            _call0 = null;
        }
        catch (InvalidOperationException e)
        {
            Caught = e;
            _log.Enqueue("outer caught " + e.Message);
            Result = -1;
        }
        return FrameResult.Completed;
    }
}

/// <summary>A goroutine that throws at once.</summary>
internal sealed class ThrowingFrame : Frame<int>
{
    private readonly Exception _ex;
    public ThrowingFrame(Exception ex) => _ex = ex;
    public override FrameResult Resume(G g) => throw _ex;
}

/// <summary>A goroutine that runs an action as plain code (on its M) and completes.</summary>
internal sealed class ActionFrame : Frame
{
    private readonly Action _action;
    public ActionFrame(Action action) => _action = action;
    public override FrameResult Resume(G g)
    {
        _action();
        return FrameResult.Completed;
    }
}

/// <summary><c>T JoinOther(Goroutine&lt;T&gt; h) => h.Join();</c> as a suspension point.</summary>
internal sealed class JoinFrame<T> : Frame<T>
{
    private readonly Goroutine<T> _h;
    private JoinAwaiter<T> _aw0;
    public JoinFrame(Goroutine<T> h) => _h = h;

    public override FrameResult Resume(G g)
    {
        switch (State) { case 0: goto resume0; }
        _aw0 = _h.GetJoinAwaiter();
        if (!_aw0.IsCompleted)
        {
            State = 0;
            return _aw0.Suspend(g, this);
        }
    resume0:
        State = -1;
        Result = _aw0.GetResult();
        _aw0 = default;
        return FrameResult.Completed;
    }
}
