using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary>
/// A goroutine whose plain code blocks its thread on a GoSharp wait (an AfterFunc's function or a Once.Do delegate
/// sending on a channel nobody reads, a helper that receives synchronously) is asleep, as a parked goroutine is
/// (CheckDead.cs, IsAsleepInPlainCode). Go reports the program's deadlock; until 2026-11-30 GoSharp counted such a
/// thread as in a blocking call that something outside might end, ran no probe, and the program hung. The other
/// side: whatever can still end the sleep (a plain thread that holds the channel, a Task's continuation, a timer)
/// is never reported. The iterators' plain code between yields is such code: it runs on the goroutine's thread.
/// </summary>
public class PlainCodeSleepDeadlockTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2); // a hang guard, never a timing assert

    public static TheoryData<string, int> Kinds()
    {
        var data = new TheoryData<string, int>();
        foreach (var kind in new[] { "chan send", "chan receive", "select", "mutex", "waitgroup", "cond", "once.do", "afterfunc" })
            foreach (int procs in new[] { 1, 2 })
                data.Add(kind, procs);
        return data;
    }

    /// <summary>
    /// The main goroutine receives from a channel nobody sends on, while another goroutine's thread sleeps in
    /// plain code on a wait nothing will end: the main goroutine is reported, with the dump (Go: "all goroutines
    /// are asleep - deadlock!").
    /// </summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public void ADeadlockBehindAGoroutineAsleepInPlainCodeIsReported(string kind, int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        var ex = Assert.IsType<DeadlockException>(RunGuarded(rt, () => GoRuntime.Current.Go(MainBehind(kind))));
        Assert.Equal(1, Count(ex.Dump, @"goroutine \d+ \[chan receive\]"));
        Assert.Equal(1, Count(ex.Dump, @"goroutine \d+ \[syscall\]")); // the sleeper, whose own stack holds its wait
    }

    /// <summary>The same with virtual time and a seeded schedule (deterministic mode), on many seeds.</summary>
    [Fact]
    public void SeededDeadlocksBehindASleeperInPlainCodeAreReported()
    {
        string[] kinds = { "chan send", "select", "mutex", "waitgroup", "once.do", "afterfunc" };
        for (int seed = 1; seed <= 60; seed++)
        {
            string kind = kinds[seed % kinds.Length];
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            Assert.IsType<DeadlockException>(RunGuarded(rt, () => GoRuntime.Current.Go(MainBehind(kind))));
        }
    }

    private static IEnumerable<Op> MainBehind(string kind)
    {
        StartSleeper(kind);
        yield return Recv(new Chan<int>()); // nobody sends: the deadlock
    }

    /// <summary>Starts a goroutine whose plain code sleeps for ever; only its own stack holds what it waits on.</summary>
    private static void StartSleeper(string kind)
    {
        if (kind == "afterfunc")
        {
            var ch = new Chan<int>();
            Go.AfterFunc(TimeSpan.FromMilliseconds(1), () => ch.Send(1)); // plain code, nobody ever receives
            return;
        }
        GoRuntime.Current.Go(Sleeper(kind));
    }

    private static IEnumerable<Op> Sleeper(string kind)
    {
        switch (kind)
        {
            case "chan send": new Chan<int>().Send(1); break;
            case "chan receive": new Chan<int>().Recv(); break;
            case "select": Go.Select(new Chan<int>().RecvCase(), new Chan<string>().SendCase("x")); break;
            case "mutex":
                var m = new GoSharp.Sync.Mutex();
                m.Lock();
                m.Lock();
                break;
            case "waitgroup":
                var wg = new WaitGroup();
                wg.Add(1);
                wg.Wait();
                break;
            case "cond":
                var l = new GoSharp.Sync.Mutex();
                var c = new Cond(l);
                l.Lock();
                c.Wait();
                break;
            case "once.do":
                var ch = new Chan<int>();
                new Once().Do(() => ch.Send(1));
                break;
            case "join": JoinForever(); break;
        }
        yield break;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)] // the handle dies at the join
    private static void JoinForever() => GoRuntime.Current.Go(Forever()).Join();

    private static IEnumerable<Op> Forever() { yield return Recv(new Chan<int>()); }

    /// <summary>
    /// The sleeper joins, in plain code, a goroutine that waits for ever: the main goroutine is reported, and so
    /// is the joined one when nothing keeps its handle (then the sleeper's join throws, and its end with the
    /// exception is no unobserved failure).
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ADeadlockBehindAGoroutineAsleepInAPlainJoinIsReported(int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        var ex = Assert.IsType<DeadlockException>(RunGuarded(rt, () => GoRuntime.Current.Go(MainBehind("join"))));
        Assert.Equal(1, Count(ex.Dump, @"goroutine \d+ \[syscall\]"));
    }

    // ---- What can still end the sleep: never reported ----

    /// <summary>
    /// The sleeper receives, in plain code, from a channel a plain thread holds and sends on once a probe has
    /// looked; the main goroutine waits for what the sleeper forwards. Probes run (the sleeper no longer keeps
    /// them off) and find the main goroutine reachable through the sleeper's stack: nothing is reported.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void ASleeperAPlainThreadWillWakeHidesNothingAndIsNeverReported(int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        AssertNeverReported(rt, outside: 1);
    }

    /// <summary>The same on many seeds (deterministic mode), the outside waker being a thread, a Task or a timer.</summary>
    [Fact]
    public void SeededSleepersSomethingOutsideWillWakeAreNeverReported()
    {
        for (int seed = 1; seed <= 150; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            AssertNeverReported(rt, outside: seed % 3);
        }
    }

    /// <summary>
    /// <paramref name="outside"/>: 0, a timer sends (the runtime is not quiescent until it fired); 1, a plain
    /// thread sends after a probe ran; 2, a Task's continuation sends once the test completes it, after a probe.
    /// </summary>
    private static void AssertNeverReported(GoRuntime rt, int outside)
    {
        var probes = new SemaphoreSlim(0);
        int reported = 0;
        rt.Sched.DeadlockProbeFinished = dead => { Interlocked.Add(ref reported, dead); probes.Release(); };
        var inbox = new Chan<int>();
        var outbox = new Chan<int>();
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (outside == 2) tcs.Task.ContinueWith(_ => inbox.Send(7), TaskScheduler.Default);
        int got = 0;
        IEnumerable<Op> Forwarder()
        {
            // Plain code: the thread sleeps on the timer's channel or on the inbox, then on the outbox.
            if (outside == 0) Go.After(TimeSpan.FromMilliseconds(5)).Recv();
            outbox.Send(outside == 0 ? 7 : inbox.Recv());
            yield break;
        }
        IEnumerable<Op> Main()
        {
            GoRuntime.Current.Go(Forwarder());
            var r = Recv(outbox);
            yield return r;
            got = r.Result;
        }
        var main = rt.Go(Main());
        if (outside != 0)
        {
            Assert.True(probes.Wait(Guard), "no probe ran although every goroutine was asleep");
            if (outside == 1) inbox.Send(7); else tcs.SetResult();
        }
        var finish = Task.Run(() => main.Join());
        Assert.True(finish.Wait(Guard), $"the main goroutine never ended ({Volatile.Read(ref reported)} reported deadlocked)");
        Assert.Equal(7, got);
        Assert.Equal(0, Volatile.Read(ref reported));
    }

    // ---- Go's rule (DeadlockOnAllAsleep) ----

    /// <summary>Go's rule reports the sleeper too: its plain code throws the exception, and both joins get it.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void GoRuleReportsTheSleeperWithTheParkedGoroutines(int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs, DeadlockOnAllAsleep = true });
        var ch = new Chan<int>();
        Goroutine sleeper = default, parked = default;
        IEnumerable<Op> Sleep() { ch.Send(1); yield break; } // plain code: nobody receives
        IEnumerable<Op> Park() { yield return Recv(new Chan<int>()); }
        IEnumerable<Op> Main()
        {
            sleeper = GoRuntime.Current.Go(Sleep());
            parked = GoRuntime.Current.Go(Park());
            yield break;
        }
        rt.Go(Main()).Join();
        var ex = Assert.Throws<DeadlockException>(() => parked.Join());
        Assert.Contains($"goroutine {parked.Id} [chan receive]", ex.Dump);
        Assert.Contains($"goroutine {sleeper.Id} [syscall]", ex.Dump);
        Assert.IsType<DeadlockException>(Assert.ThrowsAny<Exception>(() => sleeper.Join()));
        Assert.Equal(0, ch.Len); // the wait was withdrawn: a later send finds no receiver
        Assert.False(ch.TrySend(2));
    }

    /// <summary>
    /// Go's rule reports a program whose only goroutine, the main one, is asleep in plain code; the proof cannot
    /// (the thread's own stack holds the channel: docs/deadlocks.md).
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void GoRuleReportsAMainGoroutineAsleepInPlainCode(int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs, DeadlockOnAllAsleep = true });
        var ex = Assert.IsType<DeadlockException>(RunGuarded(rt, () => GoRuntime.Current.Go(Sleeper("chan receive"))));
        Assert.Equal(1, Count(ex.Dump, @"goroutine \d+ \[syscall\]"));
    }

    /// <summary>
    /// Go's rule ends a sleeper nobody joins (an AfterFunc's goroutine has no handle) with the exception in its
    /// plain code: the deadlock was reported to the parked goroutine's joiner, and the sleeper's end is no
    /// unobserved failure (the default handler would end the process).
    /// </summary>
    [Theory]
    [InlineData("afterfunc")]
    [InlineData("chan send")]
    public void GoRuleEndsASleeperNobodyJoinsWithoutAnUnhandledReport(string kind)
    {
        int unhandled = 0;
        using var rt = new GoRuntime(new GoRuntimeOptions
        {
            MaxProcs = 1,
            DeadlockOnAllAsleep = true,
            UnhandledException = _ => Interlocked.Increment(ref unhandled),
        });
        Goroutine parked = default;
        IEnumerable<Op> Park() { yield return Recv(new Chan<int>()); }
        IEnumerable<Op> Main()
        {
            StartSleeper(kind); // no handle kept
            parked = GoRuntime.Current.Go(Park());
            yield break;
        }
        rt.Go(Main()).Join();
        var ex = Assert.Throws<DeadlockException>(() => parked.Join());
        Assert.Equal(1, Count(ex.Dump, @"goroutine \d+ \[syscall\]"));
        Assert.True(SpinWait.SpinUntil(() => rt.NumGoroutine == 0, Guard), "the sleeper never ended");
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.Equal(0, Volatile.Read(ref unhandled));
    }

    /// <summary>
    /// Go's rule, a plain-code sleeper and a parked goroutine trading values: each hand-off wakes the sleeper and
    /// parks its partner at once. A wake-up must clear the sleeper's mark before the partner parks, or a check in
    /// between reports both (seeded and on 1 to 4 Ps).
    /// </summary>
    [Fact]
    public void GoRuleNeverReportsASleeperItsPartnerJustWoke()
    {
        foreach (int procs in new[] { 1, 2, 4 })
            PingPong(new GoRuntimeOptions { MaxProcs = procs, DeadlockOnAllAsleep = true }, 2000);
        for (int seed = 1; seed <= 40; seed++)
            PingPong(new GoRuntimeOptions { DeterministicSeed = seed, DeadlockOnAllAsleep = true }, 100);
    }

    private static void PingPong(GoRuntimeOptions options, int rounds)
    {
        using var rt = new GoRuntime(options);
        var ping = new Chan<int>();
        var pong = new Chan<int>();
        var mu = new GoSharp.Sync.Mutex();
        IEnumerable<Op> Plain()
        {
            for (int i = 0; i < rounds; i++)
            {
                ping.Send(i);                            // plain code: the thread sleeps until the partner receives
                mu.Lock();                               // or until the partner unlocks
                if (pong.Recv() != i) throw new InvalidOperationException("out of step");
                mu.Unlock();                             // wakes the partner parked on the mutex
            }
            yield break;
        }
        IEnumerable<Op> Partner()
        {
            for (int i = 0; i < rounds; i++)
            {
                var r = Recv(ping);
                yield return r;
                yield return Send(pong, r.Result);
                yield return SyncOps.Lock(mu);           // parks while the sleeper holds it
                mu.Unlock();
            }
        }
        Goroutine a = default, b = default;
        IEnumerable<Op> Main()
        {
            a = GoRuntime.Current.Go(Plain());
            b = GoRuntime.Current.Go(Partner());
            yield break;
        }
        rt.Go(Main()).Join();
        var finish = Task.Run(() => { a.Join(); b.Join(); });
        Assert.True(finish.Wait(Guard), "the pair never finished");
        finish.GetAwaiter().GetResult(); // a false report throws DeadlockException here
    }

    /// <summary>Runs <c>rt.Run(main)</c> on a thread of its own; returns what it threw (null if nothing).</summary>
    private static Exception? RunGuarded(GoRuntime rt, Func<Goroutine> main)
    {
        Exception? thrown = null;
        var t = new Thread(() =>
        {
            try { rt.Run(main); }
            catch (Exception e) { thrown = e; }
        }) { IsBackground = true };
        t.Start();
        Assert.True(t.Join(Guard), "Run never returned: the deadlock was not reported");
        return thrown;
    }

    private static int Count(string dump, string pattern) => Regex.Matches(dump, "^" + pattern, RegexOptions.Multiline).Count;
}
