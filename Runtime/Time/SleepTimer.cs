using System;
using System.ComponentModel;
using System.Threading;
using GoSharp.CompilerServices;
using GoSharp.Waiting;
using GoSharp.Scheduler;

namespace GoSharp.Time;

/// <summary>
/// A sleeping goroutine's timer (pooled per thread). A sleep with a cancellable token registers on it; both
/// halves of cancelling are under <c>lock(this)</c>: the callback takes the entry off its heap and readies the
/// sleeper only if the entry was still there (the firing took it otherwise, and readies it itself); a callback
/// that comes before the commit step is seen by it, which then does not park.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
internal sealed class SleepTimer : IAbandonableWait
{
    internal readonly SleepEntry Entry;
    internal G? G;
    internal long Due;
    private CancellationTokenRegistration _registration;
    private bool _cancelable, _requested, _canceled;

    public SleepTimer() => Entry = new SleepEntry(this);

    internal sealed class SleepEntry : TimerEntry
    {
        private readonly SleepTimer _owner;
        public SleepEntry(SleepTimer owner) => _owner = owner;
        internal override void Fire(long now, int seq) => _owner.G!.Ready();
    }

    /// <summary>Off the heap before it fires: the sleeper can no longer be readied.</summary>
    public bool TryAbandon(G g) => Entry.Heap is TimerHeap h && h.Remove(Entry);

    /// <summary>Registers the sleep's token; call before parking.</summary>
    internal void RegisterCancel(CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled) return;
        _cancelable = true;
        _registration = cancellationToken.UnsafeRegister(static s => ((SleepTimer)s!).OnCancel(), this);
    }

    private void OnCancel()
    {
        bool won = false;
        lock (this)
        {
            _requested = true;
            while (true)
            {
                // A resize may move the entry to another heap between the read and the removal: retry.
                TimerHeap? h = Entry.Heap;
                if (h is null) break;
                if (h.Remove(Entry))
                {
                    won = true;
                    break;
                }
            }
            if (won) _canceled = true;
        }
        if (won) G!.Ready();
    }

    /// <summary>After the sleeper resumed: drops the registration; true if the token ended the sleep.</summary>
    internal bool EndCancel()
    {
        if (!_cancelable) return false;
        _registration.Dispose();
        _registration = default;
        return _canceled;
    }

    internal static readonly IParkCommit Commit = new CommitStep();

    private sealed class CommitStep : IParkCommit
    {
        public bool Commit(G g, object? arg)
        {
            var t = (SleepTimer)arg!;
            if (!t._cancelable)
            {
                g.Sched.AddTimer(t.Entry, t.Due);
                return true;
            }
            lock (t)
            {
                if (t._requested)
                {
                    t._canceled = true;
                    return false;
                }
                g.Sched.AddTimer(t.Entry, t.Due);
                return true;
            }
        }
    }

    internal static SleepTimer Rent() => ObjectCache<SleepTimer>.Rent();

    internal static void Return(SleepTimer t)
    {
        t.G = null;
        t._cancelable = t._requested = t._canceled = false;
        ObjectCache<SleepTimer>.Return(t);
    }
}
