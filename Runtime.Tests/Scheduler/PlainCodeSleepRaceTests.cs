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
