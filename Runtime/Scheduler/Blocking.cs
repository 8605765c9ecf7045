using System;
using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

// A goroutine's plain (not generated) code that blocks its thread. Go: entersyscall / entersyscallblock /
// exitsyscall / retake. Two ways in, one way out:
//   - EnterBlocking (Go: entersyscallblock): the wait is known to be long (a channel wait in plain code, a
//     plain Join, a sleep): the P is handed to another M at once.
//   - EnterSyscall (Go: entersyscall; the public Go.Blocking / Go.EnterBlocking): the duration is unknown
//     (file I/O, a lock, a native call). The P stays reserved for this M in PStatus.Syscall, with no M
//     holding it. Sysmon retakes it (CAS Syscall -> Idle, then handoffp) once the section has lasted a
//     whole sysmon round and the P has work (local queue, due timers), or nothing else is idle or spinning,
//     or the section has lasted 10 ms. A short section costs no thread switch at all.
//   - ExitBlocking (Go: exitsyscall): the fast path takes the reserved P back by CAS Syscall -> Running;
//     if sysmon or a stop-the-world got there first, take an idle P, or wait for one (Go can park the G
//     instead, because it can switch stacks; the G's frames here are on this thread's stack).
// Either way, between enter and exit the M holds no P, so the code inside may use any GoSharp primitive
// as a plain thread would; it never touches a P.
internal sealed partial class Sched
{
    /// <summary>Ends a blocking section started by <see cref="EnterBlocking"/> or <see cref="EnterSyscall"/>.</summary>
    internal readonly struct BlockingScope : IDisposable
    {
        private readonly M? _m;
        private readonly bool _external;
        internal BlockingScope(M? m, bool external = false)
        {
            _m = m;
            _external = external;
        }

        public void Dispose()
        {
            if (_m is not null) _m.Sched.ExitBlocking(_m, _external);
        }
    }

    /// <summary>
    /// Call before blocking the current thread for a wait known to be long. On an ordinary thread it does
    /// nothing; on an M running a goroutine it hands the P to another M now. Dispose the result after the
    /// block. Go: entersyscallblock.
    /// </summary>
    /// <exception cref="ThreadExhaustionException">Blocking would pass the runtime's thread limit (ThreadLimit.cs); nothing blocked.</exception>
    /// <param name="refuseAtLimit">False for a wait that cannot be undone once started (a reader queued on an
    /// RWMutex, a Cond waiter that has unlocked): it is counted but never refused, and may pass the limit.</param>
    /// <param name="external">A wait for the world outside the runtime (a Task), counted in <see cref="ExternalWaits"/>
    /// in deterministic mode, so the virtual clock does not jump past it.</param>
    public static BlockingScope EnterBlocking(bool refuseAtLimit = true, bool external = false)
    {
        M? m = M.Current;
        if (m is null || m.CurG is null) return default;
        using var section = new RuntimeSection(m);
        if (m.P is null) return default; // in a blocking section already, or sysmon took the P
        if (!m.Sched.TryCountBlockedM())
        {
            if (refuseAtLimit) throw m.Sched.ThreadExhaustion(m.CurG);
            m.Sched.CountBlockedMPastLimit();
        }
        return HandOffForBlocking(m, external && m.Sched._det is not null);
    }

    /// <summary>Hands the P to another M now; the goroutine is in Syscall until the scope ends.</summary>
    /// <param name="m">The M, running the goroutine that blocks.</param>
    /// <param name="external">Deterministic mode, a wait the runtime cannot see the end of: counted in
    /// <see cref="ExternalWaits"/> until the section ends, so the virtual clock does not jump past it (Go's synctest
    /// does not advance time while a goroutine of the bubble is in a system call).</param>
    private static BlockingScope HandOffForBlocking(M m, bool external)
    {
        m.CurG!.CasStatus(GStatus.Running, GStatus.Syscall);
        if (external) Interlocked.Increment(ref m.Sched.ExternalWaits);
        P p = ReleaseP(m);
        m.Sched.HandoffP(p);
        return new BlockingScope(m, external);
    }

    /// <summary>
    /// Call before code that may block the thread for an unknown time: the P stays reserved and sysmon
    /// retakes it only if the section lasts (see the header). Go: entersyscall. In deterministic mode the
    /// P is handed off at once (sysmon does not act there, and a blocking section may wait for another
    /// goroutine of the same, single, P).
    /// </summary>
    /// <exception cref="ThreadExhaustionException">Blocking would pass the runtime's thread limit (ThreadLimit.cs); nothing blocked.</exception>
    public static BlockingScope EnterSyscall()
    {
        M? m = M.Current;
        if (m is null || m.CurG is null) return default;
        using var section = new RuntimeSection(m);
        if (m.P is not P p) return default; // in a blocking section already, or sysmon took the P
        if (!m.Sched.TryCountBlockedM()) throw m.Sched.ThreadExhaustion(m.CurG);
        // Deterministic mode: .NET code blocking for real, which the virtual clock must wait for.
        if (m.Sched._det is not null) return HandOffForBlocking(m, external: true);
        m.CurG.CasStatus(GStatus.Running, GStatus.Syscall);
        p.SyscallTick++;
        p.M = null;
        m.P = null;
        m.OldP = p;
        p.Status = PStatus.Syscall; // last: from here on sysmon may retake it
        return new BlockingScope(m);
    }

    /// <summary>Takes an idle P, or waits until one is handed over. Go: exitsyscall.</summary>
    internal void ExitBlocking(M m, bool external)
    {
        // Disposed twice (a copy of the section's struct disposed again): the M holds its P by now, and taking
        // another would corrupt the Ps' accounting.
        if (m.CurG is not { } g || g.GetStatus() != GStatus.Syscall)
            throw new InvalidOperationException("This blocking section (Go.EnterBlocking()) has ended already: dispose it once.");
        using var section = new RuntimeSection(m);
        P? oldp = m.OldP;
        if (oldp is not null)
        {
            m.OldP = null;
            if (oldp.CasStatus(PStatus.Syscall, PStatus.Running))
            {
                // Nobody retook it: the fast path (Go: exitsyscallfast). No lock, no thread switch.
                m.P = oldp;
                oldp.M = m;
                m.CurG!.CasStatus(GStatus.Syscall, GStatus.Running);
                CountUnblockedM();
                return;
            }
        }
        bool disposed = !AcquirePAfterBlocking(m, external);
        m.CurG!.CasStatus(GStatus.Syscall, GStatus.Running);
        CountUnblockedM();
        if (disposed)
        {
            // The goroutine goes on without a P only to unwind: the M's schedule loop sees no P and
            // exits; GoExit0 recycles nothing.
            throw new ObjectDisposedException(nameof(GoRuntime),
                $"The GoSharp runtime '{Name}' was disposed while goroutine {m.CurG.Goid} was blocked.");
        }
    }

    /// <summary>
    /// An M without a P that must go on with its goroutine (after a blocking section, or a retake from plain
    /// code) takes an idle P, or waits until one is handed over. False if the runtime stopped: no P.
    /// </summary>
    /// <param name="m">The M, without a P.</param>
    /// <param name="external">The section was counted in <see cref="ExternalWaits"/> (deterministic mode): the count
    /// drops under the lock, once the M holds a P or waits for one, so the virtual clock cannot jump in between.</param>
    private bool AcquirePAfterBlocking(M m, bool external = false)
    {
        bool wait = false;
        lock (_lock)
        {
            if (external) Interlocked.Decrement(ref ExternalWaits);
            P? p = _stopTheWorld || _stopping ? null : PIdleGetLocked();
            if (p is not null) AcquireP(m, p);
            else if (_stopping) return false;
            else
            {
                m.WaitingForP = true;
                m.Link = _exitWaiters;
                _exitWaiters = m;
                wait = true;
            }
        }
        if (wait)
        {
            SleepM(m);
            P? p = m.NextP;
            m.NextP = null;
            if (p is null) return false; // Dispose woke us without a P
            AcquireP(m, p);
        }
        return true;
    }

    /// <summary>For tests: an M is back from a blocking section and waits for a P.</summary>
    internal bool AnyExitWaiterForTest
    {
        get { lock (_lock) return _exitWaiters is not null; }
    }

    /// <summary>
    /// The running goroutine was asked to yield (<see cref="G.Preempt"/>) but its code cannot suspend here:
    /// a loop that stays plain code because it holds a lambda. Its M hands the P to another M, which runs
    /// the other goroutines, and waits for a P before the loop goes on (Go preempts such a goroutine
    /// asynchronously; a frame-based goroutine cannot be stopped between statements, its thread can).
    /// A yielding goroutine gives its P to a waiting M first (<see cref="HandPToExitWaiter"/>), so the
    /// wait is as fair as the global run queue.
    /// </summary>
    public static void PreemptPlainCode()
    {
        M? m = M.Current;
        if (m is null || m.CurG is null) return;
        BlockingScope scope;
        using (new RuntimeSection(m))
        {
            if (m.P is null)
            {
                // Sysmon took it while the loop ran: a safe point to take one back (PlainCodeRetake.cs).
                if (Volatile.Read(ref m.RetakeState) != RetakeNone) m.Sched.ReacquireAfterRetake(m);
                return;
            }
            if (!m.Sched.TryCountBlockedM()) return; // at the thread limit: keep the P rather than fail (ThreadLimit.cs)
            scope = HandOffForBlocking(m, external: false);
        }
        scope.Dispose();
    }

    /// <summary>
    /// After a yield: if an M waits for a P to go on with its goroutine (after a blocking call or a plain-
    /// code preemption), it gets this one, and this M looks for a P again (it parks in FindRunnable).
    /// </summary>
    private void HandPToExitWaiter(M m)
    {
        lock (_lock)
        {
            // Deterministic mode: the waiter came back from the real world at a moment no seed decides; it gets
            // the P when every goroutine is blocked (PutIdlePLocked), not at whichever yield follows its return.
            if (_exitWaiters is null || _stopTheWorld || _stopping || m.P is null || _det is not null) return;
            P p = ReleaseP(m);
            PutIdlePLocked(p); // an exit waiter is served first
        }
    }
}
