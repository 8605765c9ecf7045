using GoSharp.CompilerServices;

namespace GoSharp.Runtime.Tests.Frames;

/// <summary>
/// Hand-written goroutine: <c>int Count(int n, int seed) { var acc = seed; for (i = 0; i &lt; n; i++) { Go.Yield(); acc = acc * 31 + i; } return acc; }</c>
/// in the flattened shape the generator emits.
/// </summary>
internal sealed class YieldingFrame : Frame<long>
{
    private readonly int _n;
    private long _acc;
    private int _i;
    private YieldAwaiter _aw0;
    public int Resumptions;

    public YieldingFrame(int n, long seed)
    {
        _n = n;
        _acc = seed;
    }

    public static long Expected(int n, long seed)
    {
        long acc = seed;
        for (int i = 0; i < n; i++) acc = acc * 31 + i;
        return acc;
    }

    public override FrameResult Resume(G g)
    {
        Resumptions++;
        switch (State)
        {
            case 0: goto resume0;
        }
        _i = 0;
    loop:
        if (_i >= _n) goto end;
        _aw0 = Go.GetYieldAwaiter();
        if (!_aw0.IsCompleted)
        {
            State = 0;
            return _aw0.Suspend(g, this);
        }
    resume0:
        State = -1;
        _aw0.GetResult();
        _acc = _acc * 31 + _i;
        _i++;
        goto loop;
    end:
        Result = _acc;
        return FrameResult.Completed;
    }
}
