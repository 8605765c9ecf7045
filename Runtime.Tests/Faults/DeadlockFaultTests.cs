using System;
using System.Collections.Generic;
using System.Threading;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Faults;

/// <summary>
/// Scenario 4: a deadlock is reported to joiners (DetectDeadlocks), then a plain thread wakes what the
/// deadlocked goroutine was waiting on. The goroutine's body ran once and never runs again, the value is
/// not lost (an unbuffered TrySend fails; a buffered value stays for a thread to take), and the handle
/// stays completed: Join keeps throwing DeadlockException and never hangs.
/// </summary>
[Collection(FaultsCollection.Name)]
public class DeadlockFaultTests
{
    private static readonly System.Collections.Concurrent.ConcurrentQueue<Exception> Unobserved = new();

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(4, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(4, 1)]
    public void LateWakeUpAfterADeadlockReportDoesNotRerunTheGoroutine(int procs, int cap)
    {
        procs = FaultEnv.Procs(procs);
        for (int round = 0; round < 3 * FaultEnv.Rounds; round++) Round(procs, cap, viaSelect: round % 2 == 1);
    }

    private static void Round(int procs, int cap, bool viaSelect)
    {
        // A goroutine wrongly run again after its report can fail a second time with nobody left to observe it:
        // record that (it would otherwise end the test host from the finaliser and hide every other result).
        var rt = new GoRuntime(new GoRuntimeOptions
        {
            MaxProcs = procs,
            DetectDeadlocks = true,
            DeadlockOnAllAsleep = true,
            UnhandledException = e => Unobserved.Enqueue(e),
        });
        var c = new Chan<int>(cap);
        var d = new Chan<int>(cap);
        int starts = 0, resumed = 0;
        IEnumerable<Op> Victim()
        {
            Interlocked.Increment(ref starts); // the first line: counts how many times the body began
            if (viaSelect) yield return SelectOps.Select(c.RecvCase(), d.RecvCase());
            else yield return Recv(c);
            Interlocked.Increment(ref resumed);
        }
        IEnumerable<Op> Partner() { yield return Recv(d); }
        Goroutine victim = default, partner = default;
        IEnumerable<Op> Main()
        {
            victim = GoRuntime.Current.Go(Victim());
            partner = GoRuntime.Current.Go(Partner());
            yield break;
        }
        try
        {
            FaultEnv.Guarded("main", () => rt.Go(Main()).Join());
            var first = FaultEnv.JoinError(victim, "join of a deadlocked goroutine");
            var dl = Assert.IsType<DeadlockException>(first);
            Assert.StartsWith("all goroutines are asleep - deadlock!", dl.Message);
            Assert.Contains($"goroutine {victim.Id} [{(viaSelect ? "select" : "chan receive")}]", dl.Dump);
            Assert.IsType<DeadlockException>(FaultEnv.JoinError(partner, "join of the partner"));

            // The late wake-up, from a plain thread.
            if (cap == 0) Assert.False(c.TrySend(42), $"the send went to a goroutine already reported deadlocked (its body has begun {Volatile.Read(ref starts)} time(s))");
            else
            {
                Assert.True(c.TrySend(42));
                Assert.True(c.TryRecv(out int v), $"the value sent after the deadlock report was taken by the deadlocked goroutine (its body has begun {Volatile.Read(ref starts)} time(s))");
                Assert.Equal(42, v);
            }
            Assert.True(victim.IsCompleted);
            Assert.IsType<DeadlockException>(FaultEnv.JoinError(victim, "second join of a deadlocked goroutine"));
        }
        finally
        {
            FaultEnv.Guarded("Dispose", () => rt.Dispose());
        }
        // After Dispose nothing of rt runs any more: the counts are final.
        Assert.Equal(1, Volatile.Read(ref starts));
        Assert.Equal(0, Volatile.Read(ref resumed));
    }
}
