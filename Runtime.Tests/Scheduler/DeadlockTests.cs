using System;
using System.Collections.Generic;
using System.Threading;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Scheduler;

public class DeadlockTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AllGoroutinesAsleepIsReportedToTheJoinerWithTheDump(int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs, DetectDeadlocks = true, DeadlockOnAllAsleep = true });
        var c = new Chan<int>();
        var d = new Chan<int>();
        // Go's classic: each waits to receive what the other would send after receiving.
        IEnumerable<Op> A() { yield return Recv(c); yield return Send(d, 1); }
        IEnumerable<Op> B() { yield return Recv(d); yield return Send(c, 1); }
        // One goroutine starts both, as a program's main would: a plain thread starting them one by one
        // could leave the runtime idle between the two, which detection rightly calls a deadlock.
        Goroutine a = default, b = default;
        IEnumerable<Op> Main()
        {
            a = GoRuntime.Current.Go(A());
            b = GoRuntime.Current.Go(B());
            yield break;
        }
        rt.Go(Main()).Join();
        var ex = Assert.Throws<DeadlockException>(() => a.Join());
        Assert.StartsWith("all goroutines are asleep - deadlock!", ex.Message);
        Assert.Contains($"goroutine {a.Id} [chan receive]", ex.Dump);
        Assert.Contains($"goroutine {b.Id} [chan receive]", ex.Dump);
        Assert.IsType<DeadlockException>(Assert.ThrowsAny<Exception>(() => b.Join()));
    }

    /// <summary>
    /// Go prints a select whose every case is a nil channel as any select ("select"); only <c>select {}</c> is
    /// "select (no cases)". Until 2026-11-29 both read "select (no cases)" (bench/gosemantics' deadlock-select-nil).
    /// </summary>
    [Fact]
    public void ASelectOfNilChannelsIsDumpedAsASelectAndAnEmptyOneAsHavingNoCases()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, DetectDeadlocks = true, DeadlockOnAllAsleep = true });
        IEnumerable<Op> Nils() { yield return SelectOps.Select(Chan<int>.Nil.RecvCase(), Chan<string>.Nil.SendCase("x")); }
        IEnumerable<Op> NoCases() { yield return SelectOps.SelectForever(); }
        Goroutine nils = default, noCases = default;
        IEnumerable<Op> Main()
        {
            nils = GoRuntime.Current.Go(Nils());
            noCases = GoRuntime.Current.Go(NoCases());
            yield break;
        }
        rt.Go(Main()).Join();
        var ex = Assert.Throws<DeadlockException>(() => nils.Join());
        Assert.Contains($"goroutine {nils.Id} [select]:", ex.Dump);
        Assert.Contains($"goroutine {noCases.Id} [select (no cases)]:", ex.Dump);
        Assert.IsType<DeadlockException>(Assert.ThrowsAny<Exception>(() => noCases.Join()));
    }

    [Fact]
    public void SleepersAndTaskAwaitsAreNotDeadlocks()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, DetectDeadlocks = true, DeadlockOnAllAsleep = true });
        var tcs = new System.Threading.Tasks.TaskCompletionSource<int>(System.Threading.Tasks.TaskCreationOptions.RunContinuationsAsynchronously);
        IEnumerable<Op> Sleeper() { yield return TimeOps.Sleep(50); }
        rt.Go(Sleeper()).Join(); // the only goroutine sleeps: a pending timer is not a deadlock
        // A goroutine parked on a Task is waiting for the outside world, not deadlocked.
        var parked = rt.Go(Await(tcs.Task));
        Assert.True(SpinWait.SpinUntil(() => rt.DumpGoroutines().Contains("[Task await]"), TimeSpan.FromSeconds(10)));
        tcs.SetResult(7);
        parked.Join();
    }

    private static IEnumerable<Op> Await(System.Threading.Tasks.Task<int> task)
    {
        yield return AwaitOps.Await(task);
    }

    [Fact]
    public void APlainThreadHoldingTheChannelIsNotADeadlock()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        var c = new Chan<int>();
        IEnumerable<Op> A() { yield return Recv(c); }
        var a = rt.Go(A());
        Assert.True(SpinWait.SpinUntil(() => rt.DumpGoroutines().Contains("[chan receive]"), TimeSpan.FromSeconds(10)));
        c.Send(1); // a plain thread wakes it: exactly what the all-asleep rule would have ruled out
        a.Join();
    }
}
