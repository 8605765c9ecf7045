using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

/// <summary>
/// A goroutine's <c>Join(token)</c> park (allocated only when the join must wait and the token can be
/// cancelled). Both halves under <c>lock(root)</c>, the lock the goroutine's end takes to ready its joiners:
/// the token's callback unlinks the joiner and readies it only if it is still listed (the end did not take it);
/// a callback that comes before the commit step is seen by it, and the goroutine then does not park.
/// </summary>
internal sealed class CancelableJoin : IParkCommit, IAbandonableWait
{
    private readonly Frame _root;
    private readonly G _g;
    private readonly CancellationTokenRegistration _registration;
    private bool _requested, _canceled;

    public CancelableJoin(Frame root, G g, CancellationToken cancellationToken)
    {
        _root = root;
        _g = g;
        _registration = cancellationToken.UnsafeRegister(static s => ((CancelableJoin)s!).OnCancel(), this);
    }

    private void OnCancel()
    {
        bool won;
        lock (_root)
        {
            _requested = true;
            won = JoinState.UnlinkJoinerLocked(_root, _g);
            if (won) _canceled = true;
        }
        if (won) _g.Ready();
    }

    bool IParkCommit.Commit(G g, object? arg)
    {
        lock (_root)
        {
            if (_root.IsCompleted) return false;
            if (_requested)
            {
                _canceled = true;
                return false;
            }
            JoinState.AddJoinerLocked(_root, g);
            return true;
        }
    }

    bool IAbandonableWait.TryAbandon(G g) => JoinState.TryUnlinkJoiner(_root, g);

    /// <summary>After the goroutine resumed: drops the registration; true if the token ended the wait.</summary>
    public bool End()
    {
        _registration.Dispose();
        return _canceled;
    }
}
