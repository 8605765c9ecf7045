using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

// The cap on Ms (Go: sched.maxmcount, debug.SetMaxThreads, checkmcount's "thread exhaustion").
//
// A runtime needs one M per P; every M beyond that exists because a goroutine blocks its thread in plain
// code (a blocking section, Go's system call) and its P went, or may go, to another M. So the count that
// grows without bound is the number of Ms in blocking sections (or back from one and waiting for a P),
// and the cap is checked where that count grows: entering a blocking section, before the P is handed off.
//   - Enter (EnterBlocking / EnterSyscall): increment _blockedMs; if blocked + GOMAXPROCS would exceed the
//     limit, undo and throw ThreadExhaustionException to the goroutine that wanted to block, which still
//     holds its P and never blocked. Go crashes the process here; a .NET library fails the one call, loudly,
//     and the rest of the program goes on (and may recover by blocking fewer goroutines at once).
//   - Exit (ExitBlocking): decrement once the M holds a P again (or the runtime is gone).
// Ms are created only by StartM when no idle M exists, i.e. when every M holds a P or is blocked, so the
// threads in use stay within GOMAXPROCS + blocked Ms <= the limit (sysmon not counted, as it holds no P).
// Plain-code preemption (PreemptPlainCode) also leaves the P for a while, but only to be fair: over the
// limit it keeps the P instead of failing. Two waits cannot be refused once started, because their primitive
// has already changed state for them (Go's reader count of an RWMutex, a Cond waiter that has unlocked its
// locker): they are counted but may pass the limit. A refused Mutex waiter leaves Go's waiter count first
// (Mutex.LockSlow.Leave), and a refused queued channel, semaphore or WaitGroup wait is withdrawn (Parker).
internal sealed partial class Sched
{
    private volatile int _maxThreads;
    private int _blockedMs;

    /// <summary>The limit on Ms; see the header.</summary>
    internal int MaxThreads => _maxThreads;

    /// <summary>Ms now in a blocking section or waiting for a P after one (for tests and the limit).</summary>
    internal int BlockedMs => Volatile.Read(ref _blockedMs);

    internal int SetMaxThreads(int n) => Interlocked.Exchange(ref _maxThreads, n);

    /// <summary>Counts an M entering a blocking section; false (counting nothing) if that would pass the limit.</summary>
    private bool TryCountBlockedM()
    {
        int blocked = Interlocked.Increment(ref _blockedMs);
        if (blocked + _gomaxprocs <= _maxThreads) return true;
        Interlocked.Decrement(ref _blockedMs);
        return false;
    }

    /// <summary>Counts a wait that must not be refused (see <see cref="EnterBlocking"/>).</summary>
    private void CountBlockedMPastLimit() => Interlocked.Increment(ref _blockedMs);

    private void CountUnblockedM() => Interlocked.Decrement(ref _blockedMs);

    private ThreadExhaustionException ThreadExhaustion(G g) => new(
        $"GoSharp: thread exhaustion: goroutine {g.Goid} would block its thread, and the runtime '{Name}' would then need more "
        + $"than its {_maxThreads}-thread limit ({_gomaxprocs} for its Ps and {Volatile.Read(ref _blockedMs)} blocked in plain code). "
        + "Raise the limit (GoRuntimeOptions.MaxThreads, the GoSharp.MaxThreads AppContext setting, the GOSHARP_MAXTHREADS "
        + "environment variable, or Go.SetMaxThreads; Go: debug.SetMaxThreads), or block fewer goroutines in plain code at once: "
        + "use Go.Await for awaitable APIs and GoSharp's own channels and sync types, which park the goroutine instead.",
        _maxThreads);
}
