using System.Threading;
using System.Threading.Tasks;
using GoSharp.CompilerServices;
using GoSharp.Runtime.Tests.Frames;
using Xunit;

namespace GoSharp.Runtime.Tests.Bridges;

/// <summary>
/// The handle and its Task agree on the goroutine's end, whichever is looked at first: a handle that reports the
/// end has a complete Task, and a complete Task's handle reports the end (and has the result). The goroutine ends on
/// an M while the test thread spins on one of the two, then reads the other at once; the end used to mark the
/// goroutine completed, release its lock and only then complete the Task, a window this loop hits.
/// </summary>
public class AsTaskOrderTests
{
    // Without the fix the first test failed within its first 50 rounds, the second observer at round 0.
    private const int Rounds = 200;

    /// <summary>
    /// Two observers per round: the test thread spins on the handle, and a second thread asks for the Task over and
    /// over (AsTask takes the goroutine's lock, as the end does) and checks the two under it. The contention on the
    /// lock also widens the old window: releasing a lock with a waiter wakes that waiter first.
    /// </summary>
    [Theory, InlineData(2), InlineData(4)]
    public void AHandleThatReportsTheEndHasACompleteTask(int procs) => Rt.With(procs, rt =>
    {
        for (int i = 0; i < Rounds; i++)
        {
            var gate = new Chan<int>(1);
            var h = rt.Spawn(new YieldThenFrame(gate));
            var task = h.AsTask();
            bool split = false;
            using var started = new ManualResetEventSlim();
            var asker = new Thread(() =>
            {
                started.Set();
                while (true)
                {
                    bool ended = h.IsCompleted;
                    if (ended && !h.AsTask().IsCompleted) split = true;
                    if (ended) return;
                }
            });
            asker.Start();
            started.Wait();
            gate.TrySend(i);
            while (!h.IsCompleted) { }
            bool complete = task.IsCompleted;
            asker.Join();
            Assert.True(complete, $"round {i}: the handle reports the end, its Task is not complete");
            Assert.False(split, $"round {i}: after the end AsTask gave a Task that is not complete");
            Assert.Equal(i, task.Result);
        }
    });

    [Theory, InlineData(2), InlineData(4)]
    public void ACompleteTasksHandleReportsTheEnd(int procs) => Rt.With(procs, rt =>
    {
        for (int i = 0; i < Rounds; i++)
        {
            var gate = new Chan<int>(1);
            var h = rt.Spawn(new YieldThenFrame(gate));
            var task = h.AsTask();
            gate.TrySend(i);
            while (!task.IsCompleted) { }
            Assert.True(h.IsCompleted, $"round {i}: the Task is complete, the handle does not report the end");
            Assert.Null(h.Exception);
            Assert.Equal(i, h.Join());
        }
    });

    /// <summary>Receives a value from <paramref name="gate"/> and returns it.</summary>
    private sealed class YieldThenFrame(Chan<int> gate) : Frame<int>
    {
        private ChanRecvAwaiter<int> _recv;

        public override FrameResult Resume(G g)
        {
            if (State != 0)
            {
                _recv = gate.GetRecvAwaiter();
                if (!_recv.IsCompleted)
                {
                    State = 0;
                    return _recv.Suspend(g, this);
                }
            }
            State = -1;
            Result = _recv.GetResult();
            return FrameResult.Completed;
        }
    }
}
