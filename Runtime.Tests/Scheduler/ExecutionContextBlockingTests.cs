using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GoSharp.Scheduler;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary>
/// AsyncLocal values around a goroutine that blocks its thread (unannounced, so sysmon takes its P, or in
/// Go.Blocking, which hands it on): the blocked goroutine keeps its value through the block and after its next
/// suspensions, and the goroutines that run meanwhile on its P, on another M, see only their own.
/// </summary>
public class ExecutionContextBlockingTests
{
    private static readonly AsyncLocal<string?> s_local = new();

    [Theory, InlineData(false), InlineData(true)]
    public void ABlockedGoroutinesValueStaysItsOwnAndReachesNoOneWhoRunsMeanwhile(bool announced)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        using var gate = new ManualResetEventSlim();
        var seen = new ConcurrentQueue<string>();
        M? blockerM = null, otherM = null;
        var done = new Chan<int>();
        IEnumerable<Op> Blocker()
        {
            s_local.Value = "blocker";
            yield return Yield();
            blockerM = M.Current;
            if (announced) Go.Blocking(() => gate.Wait());
            else gate.Wait(); // plain code: only the other goroutine, on the retaken P, opens the gate
            seen.Enqueue($"blocker after the block: {s_local.Value}");
            yield return Yield();
            seen.Enqueue($"blocker after a yield: {s_local.Value}");
            yield return Recv(done);
            seen.Enqueue($"blocker after a park: {s_local.Value}");
        }
        IEnumerable<Op> Other()
        {
            otherM = M.Current;
            seen.Enqueue($"other at start: {s_local.Value ?? "null"}");
            s_local.Value = "other";
            yield return Yield();
            seen.Enqueue($"other after a yield: {s_local.Value}");
            gate.Set();
            yield return Send(done, 1);
            seen.Enqueue($"other after a send: {s_local.Value}");
        }
        var blocker = rt.Go(Blocker());
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref blockerM) is not null, BlockingTests.Guard));
        var other = rt.Go(Other());
        bool finished = BlockingTests.Finishes(() => { other.Join(); blocker.Join(); });
        gate.Set();
        Assert.True(finished, "the other goroutine never ran while the blocker held the only P's thread");
        string? late = "unset";
        IEnumerable<Op> Late() { late = s_local.Value; yield break; }
        rt.Go(Late()).Join();

        Assert.NotSame(blockerM, otherM); // the other ran on the P taken from the blocked thread
        Assert.Equal(
            new[] { "other at start: null", "other after a yield: other", "blocker after the block: blocker", "blocker after a yield: blocker",
                    "blocker after a park: blocker", "other after a send: other" }.Order(),
            seen.Order());
        Assert.Null(late);
    }
}
