using System;
using System.Collections.Generic;
using System.Threading;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;
using static GoSharp.Runtime.Tests.SyncOps;

namespace GoSharp.Runtime.Tests.SyncPrimitives;

/// <summary>
/// Deadlocks a Go developer writes with the sync types rather than channels, under the default, proving rule: every
/// goroutine ends up parked on a Mutex, RWMutex, WaitGroup, Cond or Semaphore that no thread holds, and GoRuntime.Run
/// must report it (Go: "all goroutines are asleep"). The primitives are made inside the goroutines, so only their
/// frames reach them (docs/deadlocks.md, Limits).
/// </summary>
public class SyncDeadlockTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2); // a hang guard, never a timing assert

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var kind in new[] { "mutex AB-BA", "rwmutex reader and writer", "waitgroup short of a Done", "cond nobody signals", "semaphore taken twice" })
            foreach (int procs in new[] { 1, 4 })
                data.Add(kind, procs);
        return data;
    }

    private static IEnumerable<Op> Program(string kind)
    {
        switch (kind)
        {
            case "mutex AB-BA":
            {
                var m1 = new GoSharp.Sync.Mutex();
                var m2 = new GoSharp.Sync.Mutex();
                var turn = new Chan<int>();
                IEnumerable<Op> A() { yield return Lock(m1); yield return Recv(turn); yield return Lock(m2); }
                IEnumerable<Op> B() { yield return Lock(m2); yield return Send(turn, 1); yield return Lock(m1); }
                var a = GoRuntime.Current.Go(A());
                GoRuntime.Current.Go(B());
                yield return Join(a);
                break;
            }
            case "rwmutex reader and writer":
            {
                var rw = new RWMutex();
                var m = new GoSharp.Sync.Mutex();
                var turn = new Chan<int>();
                IEnumerable<Op> Reader() { yield return RLock(rw); yield return Send(turn, 1); yield return Lock(m); }
                IEnumerable<Op> Writer() { yield return Lock(m); yield return Recv(turn); yield return Lock(rw); }
                GoRuntime.Current.Go(Reader());
                var w = GoRuntime.Current.Go(Writer());
                yield return Join(w);
                break;
            }
            case "waitgroup short of a Done":
            {
                var wg = new WaitGroup();
                wg.Add(2);
                IEnumerable<Op> Worker() { wg.Done(); yield break; }
                GoRuntime.Current.Go(Worker());
                yield return Wait(wg);
                break;
            }
            case "cond nobody signals":
            {
                var m = new GoSharp.Sync.Mutex();
                var cond = new Cond(m);
                yield return Lock(m);
                yield return Wait(cond);
                break;
            }
            case "semaphore taken twice":
            {
                var s = new GoSharp.Sync.Semaphore(1);
                yield return Acquire(s);
                yield return Acquire(s);
                break;
            }
            default:
                throw new ArgumentException(kind);
        }
    }

    [Theory, MemberData(nameof(Cases))]
    public void IsReported(string kind, int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        Exception? thrown = null;
        var t = new Thread(() =>
        {
            try { rt.Run(() => GoRuntime.Current.Go(Program(kind))); }
            catch (Exception e) { thrown = e; }
        }) { IsBackground = true };
        t.Start();
        Assert.True(t.Join(Guard), $"{kind}: Run never returned, the deadlock was not reported");
        var ex = Assert.IsType<DeadlockException>(thrown);
        Assert.StartsWith("all goroutines are asleep - deadlock!", ex.Message);
    }
}
