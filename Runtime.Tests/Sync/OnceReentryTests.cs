using System;
using System.Collections.Generic;
using System.Threading;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;
using static GoSharp.Runtime.Tests.SyncOps;

namespace GoSharp.Runtime.Tests.SyncPrimitives;

/// <summary>
/// Once's check for a Do from inside its own action is per thread: it must throw for that call only, never
/// for a caller on another thread that merely waits for the action (a goroutine on another M, a plain
/// thread), and never for a Do of a different Once nested in the action, however deep. The first test fails
/// for a check that is too broad (any runner, rather than the caller's own thread).
/// </summary>
public class OnceReentryTests
{
    public static TheoryData<int> Procs => new() { 1, 2, 4 };

    [Theory, MemberData(nameof(Procs))]
    public void Callers_waiting_on_other_threads_while_the_action_blocks_its_thread_never_throw(int procs) => Rt.With(procs, rt =>
    {
        // The action blocks its thread in plain code until every goroutine has announced itself and the test
        // thread has also called Do: meanwhile the runtime hands the action's P to another M, and the callers
        // run there and wait for the Once. None of them is inside the action, so none may throw.
        const int Callers = 16;
        var once = new Once();
        var release = new Chan<int>();
        var started = new Chan<int>(Callers);
        var entered = new Chan<int>(1);
        int runs = 0, thrown = 0, returned = 0;
        void Action()
        {
            runs++;
            entered.Send(1);
            release.Recv(); // plain blocking receive: the thread blocks, its P is handed off
        }
        IEnumerable<Op> Runner() { yield return Do(once, Action); }
        IEnumerable<Op> Caller()
        {
            yield return Send(started, 1);
            yield return Do(once, () => runs++);
            Interlocked.Increment(ref returned);
        }
        var runner = rt.Go(Runner());
        entered.Recv(); // the runner is inside the action before any caller starts
        var callers = new List<Goroutine>();
        for (int i = 0; i < Callers; i++) callers.Add(rt.Go(Caller())); // a throw fails its Join
        for (int i = 0; i < Callers; i++) started.Recv();
        var threadCaller = new Thread(() =>
        {
            try { once.Do(() => runs++); }
            catch (InvalidOperationException) { Interlocked.Increment(ref thrown); }
        });
        threadCaller.Start();
        release.Send(0);
        runner.Join();
        foreach (var g in callers) g.Join();
        threadCaller.Join();
        Assert.Equal(1, runs);
        Assert.Equal(0, thrown);
        Assert.Equal(Callers, returned);
    });

    [Theory, MemberData(nameof(Procs))]
    public void A_different_Once_nested_in_the_action_runs_and_the_same_one_still_throws(int procs) => Rt.With(procs, rt =>
    {
        // A.Do(() => B.Do(() => C.Do(...))) runs all three; A.Do inside C's action (two levels down) is still
        // a Do of A from inside A's action and throws; B, done by then, is a no-op there, not an error.
        var a = new Once();
        var b = new Once();
        var c = new Once();
        var log = new List<string>();
        Exception? inner = null;
        IEnumerable<Op> Main()
        {
            yield return Do(a, () =>
            {
                log.Add("a");
                b.Do(() =>
                {
                    log.Add("b");
                    c.Do(() =>
                    {
                        log.Add("c");
                        try { a.Do(() => log.Add("a again")); }
                        catch (InvalidOperationException e) { inner = e; }
                    });
                });
                b.Do(() => log.Add("b again"));
            });
        }
        rt.Go(Main()).Join();
        Assert.Equal(new[] { "a", "b", "c" }, log);
        Assert.IsType<InvalidOperationException>(inner);
        Assert.True(a.IsDone && b.IsDone && c.IsDone);
    });
}
