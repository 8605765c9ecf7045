using System.Threading;
using GoSharp.CompilerServices;
using GoSharp.Time;

namespace GoSharp.Scheduler;

/// <summary>P's status (Go: _Pidle, _Prunning, _Pgcstop, _Pdead).</summary>
internal enum PStatus
{
    /// <summary>On the idle P list, or just created.</summary>
    Idle,
    /// <summary>Held by an M that runs goroutines or looks for work.</summary>
    Running,
    /// <summary>Stopped for a stop-the-world (procresize).</summary>
    Stopped,
    /// <summary>
    /// Kept for an M in a blocking section (Go: _Psyscall): no M holds it; the M takes it back on return if
    /// still in this state, else sysmon has retaken it (handed it to another M) and the M waits for a P.
    /// </summary>
    Syscall,
    /// <summary>Retired by procresize.</summary>
    Dead,
}

/// <summary>
/// A processor: the right to run goroutines (Go: <c>p</c>). GOMAXPROCS of them exist; an M runs Go code
/// only while it holds one. Each has a local run queue, a cache of dead Gs and a schedule tick.
/// </summary>
internal sealed class P
{
    public readonly int Id;
    private int _status;

    /// <summary>Go: p.status. Changed by its holder, by the stopper, or by CAS (syscall exit vs. retake).</summary>
    public PStatus Status
    {
        get => (PStatus)Volatile.Read(ref _status);
        set => Volatile.Write(ref _status, (int)value);
    }

    /// <summary>Moves the status from <paramref name="from"/> to <paramref name="to"/> if it is still <paramref name="from"/>.</summary>
    public bool CasStatus(PStatus from, PStatus to) =>
        Interlocked.CompareExchange(ref _status, (int)to, (int)from) == (int)from;
    public readonly RunQueue RunQueue = new();

    /// <summary>Incremented on every new time slice (not for runnext, which inherits). Go: schedtick.</summary>
    public uint SchedTick;

    /// <summary>The M holding this P, or null. Go: p.m.</summary>
    public M? M;

    /// <summary>Next P on the idle list. Go: p.link.</summary>
    public P? Link;

    /// <summary>Dead Gs ready for reuse (Go: p.gFree).</summary>
    public GQueue FreeGs;

    /// <summary>This P's timers (Go: p.timers).</summary>
    public readonly TimerHeap Timers = new();

    /// <summary>The last schedtick sysmon saw, and when (Go: sysmontick).</summary>
    public uint SysmonTick;
    public long SysmonWhen;
    /// <summary>Sysmon's last round saw this P's M blocked in a managed wait, at the same schedtick (PlainCodeRetake.cs).</summary>
    public bool SysmonSawBlocked;

    /// <summary>Counts blocking sections entered on this P (Go: syscalltick); sysmon's last view of it.</summary>
    public uint SyscallTick;
    public uint SysmonSyscallTick;
    public long SysmonSyscallWhen;

    public P(int id) => Id = id;

    public override string ToString() => $"P{Id}";
}
