using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GoSharp.CompilerServices;
using GoSharp.Scheduler;
using Xunit;

namespace GoSharp.Runtime.Tests.Scheduler;

public class RunQueueTests
{
    private static G[] MakeGs(GoRuntime rt, int n)
    {
        var gs = new G[n];
        for (int i = 0; i < n; i++) gs[i] = new G(rt.Sched) { Goid = i + 1 };
        return gs;
    }

    [Fact]
    public void RunnextIsTakenFirstAndInheritsTheTimeSlice_DisplacedGoesToTail()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        var q = new RunQueue();
        var g = MakeGs(rt, 3);
        q.Put(g[0], next: false, rt.Sched);
        q.Put(g[1], next: true, rt.Sched);
        q.Put(g[2], next: true, rt.Sched); // displaces g1 to the tail

        Assert.Same(g[2], q.Get(out bool inherit));
        Assert.True(inherit);
        Assert.Same(g[0], q.Get(out inherit));
        Assert.False(inherit);
        Assert.Same(g[1], q.Get(out inherit));
        Assert.False(inherit);
        Assert.Null(q.Get(out _));
        Assert.True(q.IsEmpty);
    }

    [Fact]
    public void AFullRingMovesHalfPlusTheNewGToTheGlobalQueue()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        var q = new RunQueue();
        var g = MakeGs(rt, RunQueue.Size + 1);
        for (int i = 0; i < RunQueue.Size; i++) q.Put(g[i], next: false, rt.Sched);
        Assert.Equal(0, rt.Sched.GlobalRunQueueLength);
        Assert.Equal(RunQueue.Size, q.Count);

        q.Put(g[RunQueue.Size], next: false, rt.Sched);

        Assert.Equal(RunQueue.Size / 2 + 1, rt.Sched.GlobalRunQueueLength);
        Assert.Equal(RunQueue.Size / 2, q.Count);
        // The oldest half went to the global queue in order, followed by the new G.
        var global = new List<G>();
        while (rt.Sched.GlobalRunQueuePopForTest() is G x) global.Add(x);
        Assert.Equal(g.Take(RunQueue.Size / 2).Append(g[RunQueue.Size]), global);
        var local = new List<G>();
        while (q.Get(out _) is G x) local.Add(x);
        Assert.Equal(g.Skip(RunQueue.Size / 2).Take(RunQueue.Size / 2), local);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(10, 5)]
    [InlineData(255, 128)]
    public void StealTakesHalfRoundedUp(int n, int expectedStolen)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2 });
        var victim = new RunQueue();
        var thief = new RunQueue();
        var victimP = new P(1) { Status = PStatus.Idle };
        var g = MakeGs(rt, n);
        foreach (var x in g) victim.Put(x, next: false, rt.Sched);

        G? first = thief.StealFrom(victim, stealRunNext: false, victimP);

        Assert.Same(g[expectedStolen - 1], first); // the last stolen is run at once
        Assert.Equal(expectedStolen - 1, thief.Count);
        Assert.Equal(n - expectedStolen, victim.Count);
    }

    [Fact]
    public void RunnextIsStolenOnlyWhenAskedAndTheRingIsEmpty()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2 });
        var victim = new RunQueue();
        var thief = new RunQueue();
        var victimP = new P(1) { Status = PStatus.Idle };
        var g = MakeGs(rt, 1);
        victim.Put(g[0], next: true, rt.Sched);

        Assert.Null(thief.StealFrom(victim, stealRunNext: false, victimP));
        Assert.Same(g[0], thief.StealFrom(victim, stealRunNext: true, victimP));
        Assert.True(victim.IsEmpty);
    }

    [Fact]
    public void RunnextOfARunningVictimIsStolenAfterTheBackoffWhenItsOwnerDoesNotTakeIt()
    {
        // The thief sleeps first (the owner probably runs the G in a moment); if the owner does not, the
        // G must still be stolen, not waited on for ever.
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2 });
        var victim = new RunQueue();
        var thief = new RunQueue();
        var victimP = new P(1) { Status = PStatus.Running };
        var g = MakeGs(rt, 1);
        victim.Put(g[0], next: true, rt.Sched);

        Assert.Same(g[0], thief.StealFrom(victim, stealRunNext: true, victimP));
        Assert.True(victim.IsEmpty);
    }

    [Fact]
    public void TheRunnextBackoffSleepsThroughTheCLibraryWhereThereIsOne()
    {
        // A failed binding would silently turn the backoff into a yield, which spins on an idle machine.
        MicroSleep.Sleep(1);
        Assert.Equal(OperatingSystem.IsWindows(), MicroSleep.YieldsInstead);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ConcurrentStealNeverLosesOrDuplicatesAG(int thieves)
    {
        // One owner puts (some to runnext) and gets; thieves steal into their own queues and drain them.
        // Every G must come out exactly once, whichever consumer got it.
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        const int total = 200_000;
        var g = MakeGs(rt, total);
        var owner = new RunQueue();
        var seen = new int[total + 1];
        int consumed = 0;
        var victimP = new P(0) { Status = PStatus.Running };
        bool done = false;

        void Consume(G x)
        {
            Interlocked.Increment(ref seen[x.Goid]);
            Interlocked.Increment(ref consumed);
        }

        var threads = Enumerable.Range(0, thieves).Select(t => new Thread(() =>
        {
            var mine = new RunQueue();
            while (!Volatile.Read(ref done) || !owner.IsEmpty)
            {
                G? x = mine.StealFrom(owner, stealRunNext: true, victimP);
                if (x is null) { Thread.SpinWait(10); continue; }
                Consume(x);
                while (mine.Get(out _) is G y) Consume(y);
            }
        })).ToList();
        threads.ForEach(t => t.Start());

        for (int i = 0; i < total; i++)
        {
            owner.Put(g[i], next: i % 7 == 0, rt.Sched);
            if (i % 3 == 0 && owner.Get(out _) is G x) Consume(x);
        }
        while (owner.Get(out _) is G x) Consume(x);
        Volatile.Write(ref done, true);
        threads.ForEach(t => t.Join());
        while (rt.Sched.GlobalRunQueuePopForTest() is G x) Consume(x); // overflow, if any

        Assert.Equal(total, consumed);
        Assert.All(seen.Skip(1), c => Assert.Equal(1, c));
    }
}
