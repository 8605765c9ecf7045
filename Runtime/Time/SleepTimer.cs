using System;
using System.ComponentModel;
using System.Threading;
using GoSharp.CompilerServices;
using GoSharp.Waiting;
using GoSharp.Scheduler;

namespace GoSharp.Time;

/// <summary>A sleeping goroutine's timer (pooled per thread).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
internal sealed class SleepTimer : IAbandonableWait
{
    internal readonly SleepEntry Entry;
    internal G? G;
    internal long Due;

    public SleepTimer() => Entry = new SleepEntry(this);

    internal sealed class SleepEntry : TimerEntry
    {
        private readonly SleepTimer _owner;
        public SleepEntry(SleepTimer owner) => _owner = owner;
        internal override void Fire(long now, int seq) => _owner.G!.Ready();
    }

    /// <summary>Off the heap before it fires: the sleeper can no longer be readied.</summary>
    public bool TryAbandon(G g) => Entry.Heap is TimerHeap h && h.Remove(Entry);

    internal static readonly IParkCommit Commit = new CommitStep();

    private sealed class CommitStep : IParkCommit
    {
        public bool Commit(G g, object? arg)
        {
            var t = (SleepTimer)arg!;
            g.Sched.AddTimer(t.Entry, t.Due);
            return true;
        }
    }

    internal static SleepTimer Rent() => ObjectCache<SleepTimer>.Rent();

    internal static void Return(SleepTimer t)
    {
        t.G = null;
        ObjectCache<SleepTimer>.Return(t);
    }
}
