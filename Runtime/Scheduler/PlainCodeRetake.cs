using System.Runtime.CompilerServices;
using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

// Taking a P from an M stuck in a goroutine's plain code. Go: retake's handoffp of a P in a system call, which
// Go can do for every blocking call because every system call goes through entersyscall. .NET code blocks
// without telling anyone (Thread.Sleep, File.ReadAllBytes, Monitor.Enter, a native call), and a plain loop
// cannot be preempted, so here sysmon also takes the P from an M that has run one goroutine's code for a
// while: the M goes on without a P, as a thread in a blocking section does, and another M runs the P's work.
//
// Why this needs a protocol. The M's own code uses its P without locks: the run queue's producer side,
// runnext, the free-G cache, and the P's status in EnterBlocking. While a goroutine runs, that code is
// reached from the goroutine (a send readies a receiver, a spawn, a blocking section); sysmon must never
// hand the P to another M in the middle of it, and the M must never use a P that was handed away. A lock
// or a compare-and-swap on every such entry would cost every channel operation. So the two sides meet in
// an asymmetric Dekker handshake, the fast side paying two plain stores and a load:
//
//   The M (EnterRuntime, LeaveRuntime; and Execute around the goroutine's frames):
//     - runs a goroutine's code with InUserCode = 1;
//     - on entering the runtime from that code: store InUserCode = 0, then load RetakeState. None: the P
//       is still its own for as long as InUserCode stays 0. Deciding: spin until sysmon has decided.
//       Retaken: m.P is null (sysmon wrote it before Retaken), and the M goes on as a thread without a P
//       (readied goroutines go to the global queue, blocking waits block the thread only);
//     - on leaving: store InUserCode = 1.
//   Sysmon (RetakeFromPlainCode):
//     - store RetakeState = Deciding (an interlocked exchange: a full fence), then
//       Interlocked.MemoryBarrierProcessWide, which drains every processor's store buffer: after it, an
//       InUserCode = 0 the M stored before it is visible, and any load the M does after it sees Deciding;
//     - load InUserCode. 0: the M is in the runtime (or the scheduler), so give up: RetakeState = None.
//       1: whatever the M does next, its next entry reads Deciding or Retaken, so the P can go: clear m.P,
//       p.M and the P's status under the scheduler lock, then publish Retaken and hand the P off.
//   A store then load on the M's side and a fence then load on sysmon's: one of the two sees the other.
//
// Getting a P back. The goroutine is told to yield (g.Preempt), and the M takes a P again only where it
// holds nothing: when the goroutine's frames return to Execute (it yielded, parked, completed), or at the
// preemption check of a loop that stays plain code (PreemptPlainCode), the M takes an idle P or waits as an
// exit waiter, exactly as after a blocking section whose P was retaken (ExitBlocking); such a waiter counts as
// work for the next retake, so a P stuck in plain code in turn is taken for it (HandoffP serves it first). It never waits inside EnterRuntime, which may run under a channel's lock. Meanwhile it
// is counted as a blocked M (the thread limit), and the P's new M runs the other goroutines; so for a
// while GOMAXPROCS + 1 threads run goroutine code, as in Go while a system call runs, the difference
// being that a stuck plain loop also counts as one.
//
// When. Sysmon already asks a goroutine that has held its P for a time slice (10 ms) to yield. A P whose
// schedule tick has not moved for twice that, whose M is in the goroutine's code, and that has work
// nobody else can take (its own queue, the global queue, due timers, or a stop-the-world waiting for it,
// with no idle P that a woken spinning M could use to steal the queue and run the timers) is retaken; with
// an idle P, sysmon wakes a spinning M instead. Not in deterministic mode (sysmon does not act there), and not past the thread
// limit. An M whose thread sysmon sees in a managed wait (ThreadState.WaitSleepJoin) on two rounds in a row, the
// tick unmoved, is blocked, not computing: it need not wait out the slices (BlockedForARound). The handshake is
// the same either way; the thread state only decides when sysmon starts it.
internal sealed partial class Sched
{
    internal const int RetakeNone = 0, RetakeDeciding = 1, RetakeRetaken = 2;

    /// <summary>
    /// Called on entry to runtime code that uses the current M's P from a goroutine's code (see the header):
    /// true if it left user code, and then the caller must call <see cref="LeaveRuntime"/> when done. Read
    /// <c>m.P</c> only after this call: null if sysmon took the P.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool EnterRuntime(M m)
    {
        if (m.InUserCode == 0) return false; // the scheduler or an outer runtime section: nothing to do
        Volatile.Write(ref m.InUserCode, 0);
        if (Volatile.Read(ref m.RetakeState) == RetakeDeciding) AwaitRetakeDecision(m);
        return true;
    }

    /// <summary>
    /// A runtime section as a scope: <c>using var section = new RuntimeSection(m);</c> (nothing for a null M, or
    /// when already inside one). For entries that may throw; the hot ones (Ready, NewProc) call
    /// <see cref="EnterRuntime"/> and <see cref="LeaveRuntime"/> without the try/finally.
    /// </summary>
    internal readonly ref struct RuntimeSection
    {
        private readonly M? _m;
        public RuntimeSection(M? m) => _m = m is not null && EnterRuntime(m) ? m : null;
        public void Dispose()
        {
            if (_m is not null) LeaveRuntime(_m, entered: true);
        }
    }

    /// <summary>Ends a runtime section started by <see cref="EnterRuntime"/> (if it returned true).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void LeaveRuntime(M m, bool entered)
    {
        if (entered) Volatile.Write(ref m.InUserCode, 1);
    }

    /// <summary>Sysmon is between its fence and its decision: a few microseconds, unless it was descheduled.</summary>
    private static void AwaitRetakeDecision(M m)
    {
        var spin = new SpinWait();
        while (Volatile.Read(ref m.RetakeState) == RetakeDeciding) spin.SpinOnce();
    }

    /// <summary>
    /// Where the M holds nothing (InUserCode already 0): after the goroutine's frames returned to
    /// <see cref="Execute"/>, or at a plain-code preemption check (<see cref="PreemptPlainCode"/>, which would
    /// otherwise let a retaken loop run without a P for as long as it runs). If sysmon took the P, take an idle
    /// P or wait for one. False only when the runtime stopped meanwhile.
    /// </summary>
    internal bool ReacquireAfterRetake(M m)
    {
        if (Volatile.Read(ref m.RetakeState) == RetakeDeciding) AwaitRetakeDecision(m);
        if (Volatile.Read(ref m.RetakeState) != RetakeRetaken) return true;
        m.RetakeState = RetakeNone;
        bool ok = AcquirePAfterBlocking(m);
        CountUnblockedM();
        return ok;
    }

    private long RetakeTicks => 2 * PreemptTicks;

    /// <summary>
    /// Sysmon's half (see the header): takes <paramref name="p"/> from an M stuck in a goroutine's code if
    /// the P has work nobody else can take. True if it acted.
    /// </summary>
    private bool RetakeFromPlainCode(P p, long now)
    {
        if (p.M is not M m || m.CurG is not G g || Volatile.Read(ref m.InUserCode) == 0) return false;
        bool blocked = BlockedForARound(p, m);
        if (now - p.SysmonWhen < RetakeTicks && !blocked) return false;
        // A stop-the-world waiting for this P counts as work: handing the P off stops it (HandoffP). So does an
        // M waiting for a P to go on with its goroutine (an exit waiter): that goroutine is in no run queue.
        bool work = !p.RunQueue.IsEmpty || _runqsize != 0 || p.Timers.NextWhen <= now || _stopTheWorld ||
                    _exitWaiters is not null;
        if (!work) return false;
        if (_npidle > 0)
        {
            // An idle P can do it: a spinning M steals the queue and runs the due timers (StealWork).
            WakeP();
            return true;
        }
        if (!TryCountBlockedM()) return false; // at the thread limit: leave the P where it is
        uint tick = p.SchedTick;
        Interlocked.Exchange(ref m.RetakeState, RetakeDeciding);
        Interlocked.MemoryBarrierProcessWide();
        bool commit;
        lock (_lock)
        {
            commit = !_stopping && Volatile.Read(ref m.InUserCode) == 1 && m.P == p && p.M == m &&
                     p.Status == PStatus.Running && p.SchedTick == tick && m.CurG == g;
            if (commit)
            {
                m.P = null;
                p.M = null;
                p.Status = PStatus.Idle;
                g.Preempt = true; // come back to Execute soon, where the M takes a P again
            }
        }
        if (!commit)
        {
            // Uncounted before the M is let go: its next EnterSyscall must not see this transient count.
            CountUnblockedM();
            Volatile.Write(ref m.RetakeState, RetakeNone);
            return false;
        }
        Volatile.Write(ref m.RetakeState, RetakeRetaken);
        RetakesFromPlainCode++;
        if (blocked && now - p.SysmonWhen < RetakeTicks) RetakesOfBlockedThreads++;
        HandoffP(p);
        return true;
    }

    /// <summary>
    /// True when sysmon has seen <paramref name="m"/>'s thread in a managed wait (<c>Thread.Sleep</c>,
    /// <c>Monitor.Wait</c> or a contended <c>lock</c>, a <c>WaitHandle</c>, <c>Task.Wait</c>) on this round and the
    /// one before, the P's schedtick unmoved between them: the thread is blocked, not computing, so taking the P
    /// costs no oversubscription and need not wait out two time slices (Go takes a P from a system call after a
    /// sysmon round). A native call that blocks (a synchronous read) looks running and waits for the slices.
    /// </summary>
    private static bool BlockedForARound(P p, M m)
    {
        if ((m.Thread.ThreadState & ThreadState.WaitSleepJoin) == 0)
        {
            p.SysmonSawBlocked = false;
            return false;
        }
        if (p.SysmonSawBlocked) return true;
        p.SysmonSawBlocked = true;
        return false;
    }

    /// <summary>How many times sysmon took a P from an M stuck in plain code (for tests and traces).</summary>
    internal long RetakesFromPlainCode;

    /// <summary>How many of those were of an M seen blocked in a managed wait, before the time slices ran out.</summary>
    internal long RetakesOfBlockedThreads;
}
