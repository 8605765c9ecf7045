using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary>
/// Go's rule (DeadlockOnAllAsleep) with goroutines asleep in plain code (CheckDead.cs, IsAsleepInPlainCode): its scan
/// reads one goroutine after another, so a goroutine read as asleep may be woken by one read later, after that one
/// fell asleep in turn. Two goroutines trading values through plain helpers do exactly that on every hand-off:
/// each wakes its partner and falls asleep. Neither may ever be reported.
/// </summary>
public class PlainCodeSleepRaceTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2); // a hang guard, never a timing assert

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void GoRuleNeverReportsTwoSleepersTradingInPlainCode(int procs)
    {
        for (int run = 0; run < 5; run++)
            PlainPingPong(new GoRuntimeOptions { MaxProcs = procs, DeadlockOnAllAsleep = true }, 3000);
    }

    [Fact]
    public void SeededGoRuleNeverReportsTwoSleepersTradingInPlainCode()
    {
        for (int seed = 1; seed <= 60; seed++)
            PlainPingPong(new GoRuntimeOptions { DeterministicSeed = seed, DeadlockOnAllAsleep = true }, 200);
    }

    /// <summary>
    /// The same hand-offs through a select with several cases (a ring of three) and through a Cond, on 1 to 4 Ps and
    /// seeded: every wait is a plain-code sleep that the partner ends and then falls asleep itself.
    /// </summary>
    [Theory]
    [InlineData("select ring", 1)]
    [InlineData("select ring", 2)]
    [InlineData("select ring", 4)]
    [InlineData("cond", 1)]
    [InlineData("cond", 2)]
    [InlineData("cond", 4)]
    public void GoRuleNeverReportsSleepersHandingOffThroughSelectOrCond(string kind, int procs)
    {
        for (int run = 0; run < 3; run++)
            Relay(new GoRuntimeOptions { MaxProcs = procs, DeadlockOnAllAsleep = true }, kind, 2000);
        for (int seed = 1; seed <= 20; seed++)
            Relay(new GoRuntimeOptions { DeterministicSeed = seed, DeadlockOnAllAsleep = true }, kind, 100);
    }

    private static void Relay(GoRuntimeOptions options, string kind, int rounds)
    {
        using var rt = new GoRuntime(options);
        var links = new[] { new Chan<int>(), new Chan<int>(), new Chan<int>() };
        var never = new Chan<string>();
        var mu = new GoSharp.Sync.Mutex();
        var cond = new Cond(mu);
        int turn = 0;
        var release = new Chan<int>();
        var done = new Chan<int>(3);
        int nodes = kind == "cond" ? 2 : 3;
        IEnumerable<Op> Node(int k)
        {
            for (int i = 0; i < rounds; i++)
            {
                if (kind == "cond")
                {
                    mu.Lock();
                    while (turn != k) cond.Wait();  // plain code: sleeps until the partner broadcasts
                    turn = 1 - k;
                    cond.Broadcast();
                    mu.Unlock();
                    continue;
                }
                if (k == 0) links[0].Send(i);
                Go.Select(links[(k + 2) % 3].RecvCase(), never.RecvCase()); // from the previous node
                if (k != 0) links[k].Send(i);
            }
            done.Send(k);
            yield break;
        }
        IEnumerable<Op> Filler() { yield return Recv(release); }
        IEnumerable<Op> Main()
        {
            for (int k = 0; k < nodes; k++)
            {
                GoRuntime.Current.Go(Node(k));
                for (int i = 0; i < 700; i++) GoRuntime.Current.Go(Filler());
            }
            for (int k = 0; k < nodes; k++) yield return Recv(done);
            release.Close();
        }
        var main = rt.Go(Main());
        var finish = Task.Run(() => main.Join());
        Assert.True(finish.Wait(Guard), "the relay never finished");
        finish.GetAwaiter().GetResult(); // a false report throws DeadlockException here
    }

    /// <summary>
    /// Both goroutines run only plain code: every send wakes the partner and the next receive puts the thread to
    /// sleep, so every P is idle through the whole exchange and each sleep runs Go's check. The main goroutine
    /// stays parked on the done channel, so a report would name it too.
    /// </summary>
    private static void PlainPingPong(GoRuntimeOptions options, int rounds, int fillers = 2000)
    {
        using var rt = new GoRuntime(options);
        var ping = new Chan<int>();
        var pong = new Chan<int>();
        var done = new Chan<int>(2);
        IEnumerable<Op> Left()
        {
            for (int i = 0; i < rounds; i++)
            {
                ping.Send(i);
                if (pong.Recv() != i) throw new InvalidOperationException("out of step");
            }
            done.Send(1);
            yield break;
        }
        IEnumerable<Op> Right()
        {
            for (int i = 0; i < rounds; i++) pong.Send(ping.Recv());
            done.Send(2);
            yield break;
        }
        var release = new Chan<int>();
        IEnumerable<Op> Filler() { yield return Recv(release); }
        IEnumerable<Op> Main()
        {
            // Parked goroutines between the pair in allgs lengthen the scan from one to the other: the window in
            // which the second wakes the first and falls asleep itself.
            GoRuntime.Current.Go(Left());
            for (int i = 0; i < fillers; i++) GoRuntime.Current.Go(Filler());
            GoRuntime.Current.Go(Right());
            yield return Recv(done);
            yield return Recv(done);
            release.Close();
        }
        var main = rt.Go(Main());
        var finish = Task.Run(() => main.Join());
        Assert.True(finish.Wait(Guard), "the pair never finished");
        finish.GetAwaiter().GetResult(); // a false report throws DeadlockException here
    }
}
