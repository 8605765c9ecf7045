using System;
using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

// sysmon: a thread without a P that watches the Ps. Go: sysmon, retake, preemptone.
internal sealed partial class Sched
{
    private void StartSysmon()
    {
        _sysmon = new Thread(Sysmon) { IsBackground = true, Name = $"GoSharp sysmon ({Name})" };
        _sysmon.UnsafeStart(); // not in the creator's ExecutionContext: sysmon outlives it
    }

    /// <summary>
    /// Sleeps 1 ms (the finest sleep .NET offers; Go starts at 20 us), doubling after 50 idle rounds up to
    /// 10 ms, and asks any goroutine that has held its P past the time slice to yield at its next
    /// preemption check. Go: sysmon.
    /// </summary>
    private void Sysmon()
    {
        int delayMs = 1;
        int idle = 0;
        while (!_stopping)
        {
            _sysmonWake.Sleep(delayMs);
            if (_stopping) break;
            long now = Nanotime();
            CoarseSeconds = (int)(Environment.TickCount64 / 1000);
            bool acted = _det is null && Retake(now); // time-based preemption would break replay
            MaybeSchedTrace(now);
            // A timer is overdue and a P is idle: an M must wake for it (Go: sysmon's startm for timers).
            if (_det is null && _npidle > 0 && EarliestTimer(_allp) < now - System.Diagnostics.Stopwatch.Frequency / 1000)
            {
                WakeP();
                acted = true;
            }
            // Nobody has polled the network for 10 ms (every M busy, or asleep on its note): poll for them.
            if (SysmonPoll(System.Diagnostics.Stopwatch.GetTimestamp())) acted = true; // real time: sockets are outside
            if (acted) { idle = 0; delayMs = 1; }
            else if (++idle > 50 && delayMs < 10 && _schedTraceTicks == 0) delayMs *= 2;
            if (delayMs > 10) delayMs = 10;
        }
    }

    /// <summary>
    /// Preempts goroutines whose P's schedtick has not moved for a time slice, takes the P from one still
    /// there a slice later if its work waits (PlainCodeRetake.cs), and takes back Ps kept for blocking
    /// sections that have lasted (see Blocking.cs). True while any P is in a blocking section, so
    /// sysmon keeps its short period then. Go: retake.
    /// </summary>
    private bool Retake(long now)
    {
        bool acted = false;
        foreach (P p in _allp)
        {
            if (p.Status == PStatus.Syscall)
            {
                acted = true;
                p.SysmonWhen = now; // a time slice is measured while the P runs goroutine code
                RetakeFromSyscall(p, now);
                continue;
            }
            if (p.Status != PStatus.Running)
            {
                // A time slice is measured while the P runs: an idle P taken again keeps its tick.
                p.SysmonWhen = now;
                continue;
            }
            uint tick = p.SchedTick;
            if (p.SysmonTick != tick)
            {
                p.SysmonTick = tick;
                p.SysmonWhen = now;
                p.SysmonSawBlocked = false;
                continue;
            }
            if (now - p.SysmonWhen >= PreemptTicks && p.M?.CurG is G g && !g.Preempt)
            {
                g.Preempt = true; // Go: preemptone
                acted = true;
            }
            // Still there a slice later: the goroutine is in plain code (blocked, or a loop that has no
            // preemption check). Take the P if its work would otherwise wait (PlainCodeRetake.cs).
            if (RetakeFromPlainCode(p, now)) acted = true;
        }
        return acted;
    }

    private static readonly long SyscallRetakeTicks = System.Diagnostics.Stopwatch.Frequency / 100; // 10 ms

    /// <summary>
    /// A P kept for an M in a blocking section: retaken once the section has outlived a whole sysmon round
    /// and its work needs running (Go's conditions: local work or due timers, or no idle or spinning P to
    /// pick up new work, or 10 ms in the section).
    /// </summary>
    private void RetakeFromSyscall(P p, long now)
    {
        uint tick = p.SyscallTick;
        if (p.SysmonSyscallTick != tick)
        {
            // A section sysmon has not seen before: give it one round.
            p.SysmonSyscallTick = tick;
            p.SysmonSyscallWhen = now;
            return;
        }
        bool work = !p.RunQueue.IsEmpty || p.Timers.NextWhen <= now;
        if (!work && Volatile.Read(ref _nmspinning) + _npidle > 0 && now - p.SysmonSyscallWhen < SyscallRetakeTicks) return;
        if (!p.CasStatus(PStatus.Syscall, PStatus.Idle)) return; // the M came back first
        HandoffP(p);
    }
}
