using System;
using System.Collections.Generic;
using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

/// <summary>
/// One thread blocked in a plain <c>Join</c> (an ordinary thread, or a goroutine's plain code on an M). The
/// thread waits on this record alone, never on the goroutine's frame: while it sleeps its stack holds nothing
/// that leads to the goroutine, so a joiner does not by itself keep a deadlocked goroutine reachable (see
/// DeadlockProbe.cs). The goroutine's end hands the first frame back through <see cref="Complete"/>; a
/// deadlock proof that found the goroutine collected ends the wait through <see cref="Fail"/> instead.
/// Guarded by <c>lock(this)</c>.
/// </summary>
internal sealed class ThreadJoiner
{
    private bool _done;
    private Frame? _root;
    private string? _deadlockDump;
    // A goroutine's thread sleeps here with no token: only the joined goroutine's end wakes it, so deadlock
    // detection counts the joiner as asleep (CheckDead.cs). Cleared by Complete and Fail before they wake it.
    private bool _asleep;

    /// <summary>A goroutine's thread sleeps in <see cref="Wait"/>, and only the joined goroutine can end it.</summary>
    public bool Asleep => Volatile.Read(ref _asleep);

    /// <summary>The goroutine ended: wake the thread with its first frame (result or exception).</summary>
    public void Complete(Frame root)
    {
        lock (this)
        {
            _root = root;
            _done = true;
            _asleep = false;
            Monitor.PulseAll(this);
        }
    }

    /// <summary>The goroutine was proven deadlocked and is gone: wake the thread with a <see cref="DeadlockException"/>.</summary>
    public void Fail(string dump)
    {
        lock (this)
        {
            _deadlockDump = dump;
            _done = true;
            _asleep = false;
            Monitor.PulseAll(this);
        }
    }

    /// <summary>Wakes the thread to re-check its token or its M's <see cref="M.Abandoned"/> flag.</summary>
    public void Pulse()
    {
        lock (this) Monitor.PulseAll(this);
    }

    /// <summary>
    /// Sleeps until <see cref="Complete"/> or <see cref="Fail"/>. Returns the frame, or null when
    /// <paramref name="cancellationToken"/> was cancelled first; throws <see cref="DeadlockException"/> after
    /// <see cref="Fail"/> and <see cref="ObjectDisposedException"/> when <paramref name="m"/>'s runtime is disposed.
    /// </summary>
    public Frame? Wait(M? m, CancellationToken cancellationToken)
    {
        if (m is not null && !cancellationToken.CanBeCanceled && m.CurG is not null)
        {
            // The P was handed off before this, so the Ms went idle before the goroutine fell asleep: look now.
            // A new sleep, counted before the mark publishes it (CheckDead.cs, StillAsleep).
            G cg = m.CurG;
            Volatile.Write(ref cg.SleepSeq, cg.SleepSeq + 1);
            bool asleep;
            lock (this) asleep = _asleep = !_done;
            if (asleep) m.Sched.ThreadWaitAsleep();
        }
        lock (this)
        {
            while (!_done)
            {
                if (cancellationToken.IsCancellationRequested) return null;
                if (m is not null && m.Abandoned)
                {
                    _asleep = false;
                    throw new ObjectDisposedException(nameof(GoRuntime),
                        $"The GoSharp runtime '{m.Sched.Name}' was disposed while this goroutine's plain code was joining another.");
                }
                Monitor.Wait(this);
            }
            if (_deadlockDump is not null) throw new DeadlockException(_deadlockDump);
            return _root;
        }
    }
}

/// <summary>
/// The threads joining one goroutine, guarded by <c>lock(root)</c> of its first frame. A deadlock probe holds
/// this list (not the frame) across its garbage collection, so it can still wake the joiners of a goroutine
/// that the collection proved unreachable; by then nobody else can reach the list.
/// </summary>
internal sealed class ThreadJoiners
{
    private readonly List<ThreadJoiner> _list = new(1);

    public int Count => _list.Count;

    public void Add(ThreadJoiner joiner) => _list.Add(joiner);

    public void Remove(ThreadJoiner joiner) => _list.Remove(joiner);

    /// <summary>Takes every joiner out (the caller wakes them outside the frame's lock); null if none.</summary>
    public ThreadJoiner[]? TakeAll()
    {
        if (_list.Count == 0) return null;
        var all = _list.ToArray();
        _list.Clear();
        return all;
    }
}
