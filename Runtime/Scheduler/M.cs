using System;
using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

/// <summary>
/// A worker thread (Go: <c>m</c>). The thread's own stack is its g0: the scheduling loop
/// (<see cref="Sched.Schedule"/>) runs there, and a goroutine runs on it as plain calls into its
/// frames. An M runs goroutines only while it holds a P.
/// </summary>
internal sealed class M
{
    [ThreadStatic] private static M? t_current;

    public readonly Sched Sched;
    public readonly int Id;
    public readonly Thread Thread;
    public readonly Note Park = new();

    /// <summary>The P held, or null while idle or blocked. Go: m.p.</summary>
    public P? P;
    /// <summary>The P to acquire on wake-up. Go: m.nextp.</summary>
    public P? NextP;
    /// <summary>The P kept in <see cref="PStatus.Syscall"/> during a blocking section. Go: m.oldp.</summary>
    public P? OldP;
    /// <summary>Looking for work without having found any. Go: m.spinning.</summary>
    public bool Spinning;
    /// <summary>The goroutine running on this M. Go: m.curg.</summary>
    public G? CurG;
    /// <summary>The commit step of the park the running goroutine asked for (Go: m.waitunlockf, m.waitlock).</summary>
    public IParkCommit? ParkCommit;
    public object? ParkArg;
    /// <summary>Next M on the idle list. Go: m.schedlink.</summary>
    public M? Link;
    /// <summary>
    /// What this M's thread is blocked on in plain code (a <see cref="Waiting.Parker"/> in WaitThread, or
    /// the root frame of a goroutine it joins), for Dispose to end the wait.
    /// </summary>
    public volatile object? BlockedOn;
    /// <summary>Set by Dispose: a plain-code wait on a GoSharp primitive ends with ObjectDisposedException.</summary>
    public volatile bool Abandoned;
    /// <summary>
    /// Set by Go's all-asleep rule before it ends this M's plain-code wait with a <see cref="DeadlockException"/>:
    /// the dump the exception carries (CheckDead.cs).
    /// </summary>
    public volatile string? DeadlockDump;
    /// <summary>Handed a P while waiting in <see cref="Sched.ExitBlocking"/>.</summary>
    public bool WaitingForP;
    /// <summary>
    /// On the idle list while blocked in the network poller instead of on <see cref="Park"/>: whoever hands it
    /// a P breaks the poll (NetPoll.cs). Guarded by the scheduler lock.
    /// </summary>
    public bool InPoll;

    /// <summary>
    /// 1 while this M runs a goroutine's own code, 0 in the scheduler and in runtime sections that use the
    /// P (<see cref="Sched.EnterRuntime"/>). Written only by this M's thread; sysmon may retake the P only
    /// while it reads 1 (PlainCodeRetake.cs).
    /// </summary>
    public int InUserCode;

    /// <summary>Sysmon's retake of this M's P: <see cref="Sched.RetakeNone"/>, Deciding or Retaken (PlainCodeRetake.cs).</summary>
    public int RetakeState;

    private uint _rand;

    /// <summary>
    /// The context this M's thread runs in between goroutines: the default one (the thread is started
    /// with UnsafeStart, so it carries nothing of whoever started it). Set on the M's own thread.
    /// </summary>
    public ExecutionContext? ExecContext;

    /// <summary>The default ExecutionContext (what a thread without a context captures), once any M has started.</summary>
    public static ExecutionContext? DefaultContext;

    public M(Sched sched, int id)
    {
        Sched = sched;
        Id = id;
        _rand = (uint)(id * 2654435761u) | 1u;
        Thread = new Thread(Run, maxStackSize: 0)
        {
            IsBackground = true,
            Name = $"GoSharp M{id} ({sched.Name})",
        };
    }

    /// <summary>The M running on the calling thread, or null for an ordinary thread.</summary>
    public static M? Current => t_current;

    /// <summary>Names this M's scheduling context as Go names it in traces.</summary>
    public string G0 => $"g0 of M{Id}";

    /// <summary>A fast per-M random number (Go: fastrand). xorshift32; only its owner calls it.</summary>
    public uint FastRand()
    {
        uint x = _rand;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        _rand = x;
        return x;
    }

    /// <summary>The thread's entry point. Go: mstart -> mstart1 -> schedule.</summary>
    private void Run()
    {
        t_current = this;
        ExecContext = ExecutionContext.Capture();
        DefaultContext = ExecContext; // the same instance from every M: a benign race
        try
        {
            Sched.MStart(this);
        }
        finally
        {
            t_current = null;
        }
    }

    public override string ToString() => $"M{Id}";
}
