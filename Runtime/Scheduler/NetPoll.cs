using System;
using System.Diagnostics;
using System.Threading;
using GoSharp.CompilerServices;
using GoSharp.Net.Poll;

namespace GoSharp.Scheduler;

// The scheduler's side of the network poller (Go: findRunnable's netpoll calls, injectglist, sysmon's
// poll). The poller and its protocol are in Runtime/Net/Poll/NetPoller.cs; here is who polls and what
// becomes of the goroutines a poll readies.
//
// The blocking poll, both halves. The M (PollM) takes the process's one blocking-poll right, puts itself
// on the idle M list marked InPoll under the lock, and blocks in epoll_wait until the earliest timer.
// A waker that wants an M (StartM, Dispose) takes it off the list and sets its NextP under the same lock,
// reads InPoll there, and breaks the poll (the eventfd) instead of waking the note. Back from the poll,
// the M takes the lock: off the list means it was handed NextP (or, null, told to stop); still on it, it
// removes itself and takes an idle P if the poll readied goroutines or the timer is due, else polls again.
internal sealed partial class Sched
{
    /// <summary>Waiting -> Runnable for a goroutine a poll readied, appended to <paramref name="list"/> for <see cref="InjectList"/>. Go: netpollready's casgstatus.</summary>
    internal void MarkRunnable(G g, ref GQueue list)
    {
        if (Interlocked.CompareExchange(ref g.Status, (int)GStatus.Runnable, (int)GStatus.Waiting) != (int)GStatus.Waiting)
            throw new InvalidOperationException(
                $"goroutine {g.Goid} was readied by the network poller while {g.GetStatus()}: a frame would be resumed twice.");
        list.PushBack(g);
    }

    /// <summary>
    /// Queues goroutines a poll made runnable (Go: injectglist): with a P, as many as there are idle Ps go to
    /// the global queue with an M started for each, the rest to this P's queue; without one, all go to the
    /// global queue. Deterministic mode: all to its one queue.
    /// </summary>
    private void InjectList(ref GQueue list, P? p)
    {
        if (list.IsEmpty) return;
        int n = list.Count;
        int toGlobal = p is null || _det is not null ? n : Math.Min(n, _npidle);
        if (toGlobal > 0)
        {
            lock (_lock)
            {
                for (int i = 0; i < toGlobal; i++) GlobalRunQueuePutLocked(list.Pop()!);
            }
            int start = Math.Min(toGlobal, _npidle);
            for (int i = 0; i < start && _npidle != 0; i++) StartM(null, spinning: false);
        }
        while (list.Pop() is G g) p!.RunQueue.Put(g, next: false, this);
    }

    /// <summary>FindRunnable's non-blocking poll (Go: findRunnable's netpoll(0)): a goroutine to run, the rest injected.</summary>
    private G? PollWithoutBlocking(P p)
    {
        if (!NetPoller.HasDescriptors || !NetPoller.NobodyBlocked) return null;
        GQueue list = default;
        NetPoller.Poll(0, this, ref list);
        G? g = list.Pop();
        if (g is not null) InjectList(ref list, p);
        return g;
    }

    /// <summary>Sysmon's poll when nobody has polled for 10 ms. True if it readied anything.</summary>
    private bool SysmonPoll(long nowTicks)
    {
        if (!NetPoller.SysmonShouldPoll(nowTicks)) return false;
        GQueue list = default;
        NetPoller.Poll(0, this, ref list);
        if (list.IsEmpty) return false;
        InjectList(ref list, null);
        return true;
    }

    /// <summary>True when an M about to sleep should block in the poller instead (it then holds the right to).</summary>
    private bool TakeBlockingPoll() =>
        NetPoller.HasDescriptors && (NetPoller.BlockingPollOnlyFor is null || NetPoller.BlockingPollOnlyFor == this) && NetPoller.TryTakeBlockingPoll();

    /// <summary>For tests: the id of the M that StartM would take first, or -1.</summary>
    internal int IdleMHeadId
    {
        get
        {
            lock (_lock) return _midle?.Id ?? -1;
        }
    }

    /// <summary>For tests: the id of this scheduler's M blocked in the poller, or -1.</summary>
    internal int MInPoll
    {
        get
        {
            lock (_lock)
            {
                foreach (M m in _allm)
                    if (m.InPoll) return m.Id;
                return -1;
            }
        }
    }

    /// <summary>
    /// An M with no P blocks in the poller until an event, a break or <paramref name="wakeAt"/> (the earliest
    /// timer); returns holding a P, or without one when stopping. The caller took the blocking-poll right.
    /// See the header. Go: findRunnable's netpoll(delay) and what follows it.
    /// </summary>
    private void PollM(M m, long wakeAt)
    {
        while (true)
        {
            lock (_lock)
            {
                if (_stopping)
                {
                    NetPoller.ReleaseBlockingPoll();
                    return;
                }
                m.InPoll = true;
                MPutLocked(m);
            }
            int timeoutMs = -1;
            if (wakeAt != long.MaxValue)
            {
                long ms = (wakeAt - Nanotime()) * 1000 / Stopwatch.Frequency + 1; // rounded up, as StopM
                timeoutMs = (int)Math.Clamp(ms, 0, int.MaxValue - 1);
            }
            GQueue list = default;
            NetPoller.Poll(timeoutMs, this, ref list);
            NetPoller.ReleaseBlockingPoll();
            bool timerDue = wakeAt != long.MaxValue && Nanotime() >= wakeAt;
            P? p = null;
            bool handed = false;
            lock (_lock)
            {
                m.InPoll = false;
                if (RemoveIdleMLocked(m))
                {
                    if ((!list.IsEmpty || timerDue) && !_stopTheWorld && !_stopping)
                    {
                        p = PIdleGetLocked();
                        if (p is not null) AcquireP(m, p);
                    }
                }
                else
                {
                    handed = true;
                }
            }
            if (handed)
            {
                p = m.NextP;
                m.NextP = null;
                if (p is not null) AcquireP(m, p); // null: woken to stop
            }
            InjectList(ref list, p);
            if (p is not null || handed || _stopping) return;
            // Nothing for this M (a spurious break, or goroutines the Ps that run will find): poll again.
            if (!TakeBlockingPoll())
            {
                StopM(m, _det is null ? EarliestTimer(_allp) : long.MaxValue);
                return;
            }
            wakeAt = _det is null ? EarliestTimer(_allp) : long.MaxValue;
        }
    }
}
