using System;
using System.Collections.Generic;
using GoSharp.CompilerServices;

namespace GoSharp.Runtime.Tests;

/// <summary>
/// One suspension point of a test goroutine: wraps a struct awaiter held in a field and drives it exactly
/// as generated code does (IsCompleted, else Suspend on the stored awaiter, then GetResult).
/// </summary>
public abstract class Op
{
    /// <summary>Capture an exception of GetResult/IsCompleted instead of failing the goroutine.</summary>
    public bool Catching;
    public Exception? Error;

    internal bool Start()
    {
        try { return IsCompleted(); }
        catch (Exception ex) when (Catching) { Error = ex; return true; }
    }

    internal void End()
    {
        if (Error is not null) return;
        try { Finish(); }
        catch (Exception ex) when (Catching) { Error = ex; }
    }

    protected abstract bool IsCompleted();
    internal abstract FrameResult Suspend(G g, Frame f);
    protected abstract void Finish();

    public Op Catch() { Catching = true; return this; }
}

public delegate bool IsCompletedFn<TAw>(ref TAw aw);
public delegate FrameResult SuspendFn<TAw>(ref TAw aw, G g, Frame f);
public delegate TRes ResultFn<TAw, TRes>(ref TAw aw);

public sealed class Op<TAw, TRes> : Op
{
    private TAw _aw;
    private readonly IsCompletedFn<TAw> _isc;
    private readonly SuspendFn<TAw> _sus;
    private readonly ResultFn<TAw, TRes> _res;
    public TRes Result = default!;

    public Op(TAw aw, IsCompletedFn<TAw> isc, SuspendFn<TAw> sus, ResultFn<TAw, TRes> res)
    {
        _aw = aw; _isc = isc; _sus = sus; _res = res;
    }

    protected override bool IsCompleted() => _isc(ref _aw);

    internal override FrameResult Suspend(G g, Frame f)
    {
        Action? race = _beforePark;
        _beforePark = null;
        race?.Invoke();
        return _sus(ref _aw, g, f);
    }
    protected override void Finish() => Result = _res(ref _aw);

    public new Op<TAw, TRes> Catch() { Catching = true; return this; }

    /// <summary>
    /// Runs <paramref name="race"/> after IsCompleted said "would block" and before Suspend: in the window
    /// where another M could change the primitive before the park commit decides (must not throw).
    /// </summary>
    public Op<TAw, TRes> BeforePark(Action race) { _beforePark = race; return this; }

    private Action? _beforePark;
}

/// <summary>
/// A goroutine written as a C# iterator: each <c>yield return op</c> is a suspension point. The iterator
/// is the flattened state machine, the frame drives it (as a generated frame would).
/// </summary>
public sealed class ScriptFrame : Frame
{
    private readonly IEnumerator<Op> _it;
    private Op? _cur;
    private readonly string _name;

    public ScriptFrame(IEnumerable<Op> script, string name = "script")
    {
        _it = script.GetEnumerator();
        _name = name;
    }

    public override string MethodName => _name;

    public override FrameResult Resume(G g)
    {
        if (_cur is not null)
        {
            var c = _cur;
            _cur = null;
            State = -1;
            c.End();
        }
        while (_it.MoveNext())
        {
            var op = _it.Current;
            if (op.Start())
            {
                op.End();
                continue;
            }
            _cur = op;
            State = 0;
            return op.Suspend(g, this);
        }
        return FrameResult.Completed;
    }
}

public static class ScriptExtensions
{
    public static Goroutine Go(this GoRuntime rt, IEnumerable<Op> script) => rt.Spawn(new ScriptFrame(script));
}
