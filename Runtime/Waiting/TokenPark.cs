using System;
using System.Threading;
using GoSharp.CompilerServices;
using GoSharp.Scheduler;

namespace GoSharp.Waiting;

/// <summary>
/// A goroutine's park that only a <see cref="CancellationToken"/> can end: an operation on a nil channel
/// given a token (Go: <c>select { case &lt;-nilChan: case &lt;-ctx.Done(): }</c>). Both halves under
/// <c>lock(this)</c>: the token's callback readies the goroutine only once the commit step has parked it;
/// a callback that comes first is seen by the commit, which then does not park. Allocated per such park.
/// </summary>
internal sealed class TokenPark : IParkCommit, IAbandonableWait
{
    private readonly G _g;
    private readonly CancellationTokenRegistration _registration;
    private bool _requested, _parked, _done;

    private TokenPark(G g, CancellationToken cancellationToken)
    {
        _g = g;
        _registration = cancellationToken.UnsafeRegister(static s => ((TokenPark)s!).OnCancel(), this);
    }

    /// <summary>Parks <paramref name="g"/> until <paramref name="cancellationToken"/> is cancelled.</summary>
    public static FrameResult Park(G g, Frame frame, CancellationToken cancellationToken, WaitReason reason, out TokenPark park)
    {
        park = new TokenPark(g, cancellationToken);
        return g.Park(frame, park, park, reason);
    }

    private void OnCancel()
    {
        lock (this)
        {
            _requested = true;
            if (!_parked || _done) return;
            _done = true;
        }
        _g.Ready();
    }

    bool IParkCommit.Commit(G g, object? arg)
    {
        lock (this)
        {
            if (_requested) return false;
            _parked = true;
            return true;
        }
    }

    bool IAbandonableWait.TryAbandon(G g)
    {
        lock (this)
        {
            if (_done) return false;
            _done = true;
            return true;
        }
    }

    /// <summary>After the goroutine resumed: drops the registration. The wait always ends by cancellation.</summary>
    public void End() => _registration.Dispose();
}
