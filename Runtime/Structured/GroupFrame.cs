using System;
using GoSharp.CompilerServices;

namespace GoSharp.Structured;

/// <summary>
/// One goroutine of a <see cref="Go.Group"/>: runs an action, or calls a launcher and joins the goroutine
/// it started, or joins an added goroutine; records the exception and leaves the group. Written by hand
/// (the runtime has no generator), like the timers' AfterFunc frame.
/// </summary>
internal sealed class GroupFrame : Frame
{
    private readonly Go.Group _group;
    private readonly Sync.Semaphore? _slot;
    private readonly Action? _action;
    private readonly Func<Goroutine>? _start;
    private Goroutine _joined;
    private JoinAwaiter _aw;

    public GroupFrame(Go.Group group, Sync.Semaphore? slot, Action? action, Func<Goroutine>? start, Goroutine joined)
    {
        _group = group;
        _slot = slot;
        _action = action;
        _start = start;
        _joined = joined;
    }

    public override string MethodName => _action is not null ? "GoSharp.Go.Group.Go" : "GoSharp.Go.Group.join";

    public override FrameResult Resume(G g)
    {
        if (State == 0) goto resume0;
        try
        {
            if (_action is not null)
            {
                _action();
                goto exit;
            }
            if (_start is not null) _joined = _start();
            _aw = _joined.GetJoinAwaiter();
            if (!_aw.IsCompleted)
            {
                State = 0;
                return _aw.Suspend(g, this);
            }
        }
        catch (Exception e)
        {
            _group.Fail(e);
            goto exit;
        }
    resume0:
        State = -1;
        try
        {
            _aw.GetResult(); // the joined goroutine's exception, rethrown here (and so observed)
        }
        catch (Exception e)
        {
            _group.Fail(e);
        }
        _aw = default;
        _joined = default;
    exit:
        _group.Exit(_slot);
        return FrameResult.Completed;
    }
}
