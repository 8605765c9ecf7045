using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Runtime.Tests.Frames;

/// <summary>
/// <c>int Spin(Box stop) { int n = 0; while (!stop.Value) n++; return n; }</c> with the generated
/// back-edge preemption check: the loop never suspends on its own.
/// </summary>
internal sealed class SpinFrame : Frame<long>
{
    public sealed class Box { public volatile bool Value; }
    private readonly Box _stop;
    private long _n;
    public int Preemptions;

    public SpinFrame(Box stop) => _stop = stop;

    public override FrameResult Resume(G g)
    {
        switch (State) { case 0: goto resume0; }
    loop:
        if (_stop.Value) goto end;
        _n++;
        if (g.Preempt) // back-edge check
        {
            Preemptions++;
            State = 0;
            return g.Yield(this);
        }
    resume0:
        State = -1;
        goto loop;
    end:
        Result = _n;
        return FrameResult.Completed;
    }
}
