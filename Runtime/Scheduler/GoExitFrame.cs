using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

/// <summary>
/// The frame beneath every goroutine's first frame. Go plants <c>goexit</c>'s address as the return
/// address of a new goroutine's function, so returning from it "returns into" goexit; here the first
/// frame's <see cref="Frame.Caller"/> is this frame, so completing it resumes goexit, which publishes the
/// goroutine's result or exception and wakes its joiners. The M then recycles the G (Go: goexit1 ->
/// mcall(goexit0)). Stateless: one instance serves every goroutine.
/// </summary>
internal sealed class GoExitFrame : Frame
{
    public static readonly GoExitFrame Instance = new();

    private GoExitFrame() { }

    public override string MethodName => "GoSharp.goexit";

    public override FrameResult Resume(G g)
    {
        JoinState.Finish(g.Sched, g.Root!, g.Goid);
        return FrameResult.Completed;
    }
}
