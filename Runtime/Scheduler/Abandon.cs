using System;
using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

// Writing off parked goroutines (no Go counterpart: a Go deadlock or exit ends the process). Dispose
// abandons every goroutine that has not ended; a deadlock report abandons the deadlocked ones. Both
// halves of the protocol:
//   - The abandoner, for a G in Waiting: withdraw its wait from the primitive (TryAbandonWait), under the
//     primitive's own lock. Success means no waker can reach the G any more; only then is the G written
//     off (status Dead, frames dropped) and its joiners told (JoinState.Finish with the exception).
//   - A waker that dequeued the wait first wins: withdrawal fails, the G is (or is about to be)
//     runnable, and it is not written off here.
// Goroutines blocked in plain code on an M (Parker.WaitThread, a plain Join) are woken by Dispose through
// the M's BlockedOn record, after their wait is withdrawn the same way; they throw ObjectDisposedException.
internal sealed partial class Sched
{
    /// <summary>Withdraws a parked G's wait; see the header. False when the wait cannot be seen into.</summary>
    private static bool TryAbandonWait(G g)
    {
        switch (g.WaitingOn)
        {
            case IAbandonableWait wait:
                return wait.TryAbandon(g);
            case Frame root when g.WaitReason == WaitReason.Join:
                return JoinState.TryUnlinkJoiner(root, g);
            default:
                // A nil channel or an empty select: nothing can ever wake it. Anything else is a primitive
                // outside the runtime whose queue we cannot reach.
                return WaitsForever(g);
        }
    }

    private static bool WaitsForever(G g) =>
        g.WaitReason is WaitReason.ChanReceiveNil or WaitReason.ChanSendNil or WaitReason.SelectNoCases
            or WaitReason.SelectNilCases;

    /// <summary>True if <see cref="TryAbandonWait"/> can see into what <paramref name="g"/> waits on.</summary>
    private static bool IsWithdrawable(G g) =>
        g.WaitingOn is IAbandonableWait
        || g.WaitingOn is Frame && g.WaitReason == WaitReason.Join
        || WaitsForever(g);

    /// <summary>
    /// Writes off a parked G whose wait was withdrawn: Dead, frames dropped, out of allgs (it is never
    /// recycled: its frames may still be referenced by a joiner's handle). Its joiners get
    /// <paramref name="reason"/>. False if the G was not parked or its wait could not be withdrawn.
    /// </summary>
    private bool TryWriteOff(G g, Func<G, Exception> reason)
    {
        if (g.GetStatus() != GStatus.Waiting || !TryAbandonWait(g)) return false;
        Frame? root = g.Root;
        long goid = g.Goid;
        Exception why = reason(g);
        if (System.Threading.Interlocked.CompareExchange(ref g.Status, (int)GStatus.Dead, (int)GStatus.Waiting) != (int)GStatus.Waiting)
            return false;
        g.Reset();
        g.WaitingOn = null;
        g.SchedLink = null;
        ForgetGs(g);
        if (root is not null) JoinState.Finish(this, root, goid, why);
        return true;
    }
}
