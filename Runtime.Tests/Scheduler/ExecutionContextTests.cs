using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using GoSharp.Runtime.Tests.Frames;
using Xunit;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary>
/// A goroutine runs in the ExecutionContext of its spawner, as Task.Run does, and what it sets stays its
/// own (GoRuntimeOptions.FlowExecutionContext). Goroutines here are scripts (iterators): the code between
/// two <c>yield return</c>s runs inside one resume, on whichever M runs it then.
/// </summary>
public class ExecutionContextTests
{
    private static readonly AsyncLocal<string?> s_local = new();

    /// <summary>Reads the AsyncLocal at the first resume and after each of <paramref name="yields"/> yields.</summary>
    private static IEnumerable<Op> ReadEveryResume(int yields, ConcurrentQueue<string?> seen)
    {
        seen.Enqueue(s_local.Value);
        for (int i = 0; i < yields; i++)
        {
            yield return Ops.Yield();
            seen.Enqueue(s_local.Value);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void AsyncLocalSetBeforeSpawnIsSeenAtEveryResume(int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        // Several goroutines with different values yield to each other through the global queue, so on
        // more than one P they run on several Ms, and any leak between them shows as a wrong value.
        const int goroutines = 8, yields = 200;
        var seen = new ConcurrentQueue<string?>[goroutines];
        var handles = new Goroutine[goroutines];
        for (int k = 0; k < goroutines; k++)
        {
            seen[k] = new ConcurrentQueue<string?>();
            s_local.Value = $"request-{k}";
            handles[k] = rt.Go(ReadEveryResume(yields, seen[k]));
        }
        s_local.Value = null;
        foreach (var h in handles) h.Join();
        for (int k = 0; k < goroutines; k++)
        {
            Assert.Equal(yields + 1, seen[k].Count);
            Assert.All(seen[k], v => Assert.Equal($"request-{k}", v));
        }
    }

    // GoRuntime.Enter keeps the entered runtime in the ExecutionContext (it follows awaits). A goroutine spawned
    // inside the scope from a thread with the default context must still start in the default context, as it
    // did when the scope was thread-static: no context to restore at each of its resumes.
    [Fact]
    public void EnteringARuntimeGivesTheGoroutinesSpawnedInsideNoContextToRestore()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        bool? hadContext = null;
        IEnumerable<Op> Body()
        {
            hadContext = GoSharp.CompilerServices.G.Current!.ExecContext is not null;
            yield break;
        }
        Thread t;
        using (ExecutionContext.SuppressFlow()) // a thread with the default context, whatever the test runner's
        {
            t = new Thread(() =>
            {
                rt.Go(Body()).Join(); // starts the runtime's first M: the default context is known from here on
                using (rt.Enter()) rt.Go(Body()).Join();
            });
            t.Start();
        }
        t.Join();
        Assert.False(hadContext);
    }

    private sealed class MarkerContext : SynchronizationContext;

    // A SynchronizationContext is thread state, outside the ExecutionContext. .NET's thread pool drops one
    // a work item installed (ExecutionContext.Run restores the thread's), so it never reaches the next item.
    // A goroutine's stayed on its M: every goroutine that ran there after it saw it as Current, and a
    // Task awaited there (await task, Task.Yield) posted its continuation to it.
    [Fact]
    public void ASynchronizationContextAGoroutineSetsDoesNotReachTheNextGoroutine()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = 1 });
        var c = new Chan<int>();
        SynchronizationContext? seenByNext = new MarkerContext(), seenAfterPark = new MarkerContext();
        IEnumerable<Op> Installer()
        {
            SynchronizationContext.SetSynchronizationContext(new MarkerContext());
            yield return Ops.Recv(c);
            seenAfterPark = SynchronizationContext.Current;
        }
        IEnumerable<Op> Next()
        {
            seenByNext = SynchronizationContext.Current;
            yield break;
        }
        IEnumerable<Op> Main()
        {
            var installer = rt.Go(Installer());
            yield return TimeOps.Sleep(1); // virtual time moves only once the installer has parked
            yield return Ops.Join(rt.Go(Next()));
            yield return Ops.Send(c, 1);
            yield return Ops.Join(installer);
        }
        rt.Go(Main()).Join();
        Assert.Null(seenByNext);
        Assert.Null(seenAfterPark); // each resume starts without one, as each thread-pool work item does
    }

    [Fact]
    public void AValueSetInsideAGoroutineStaysWithItAndLeaksNowhere()
    {
        // One P: B runs on the M that just ran A, while A is parked.
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        var wake = new Chan<int>();
        string? aAfterPark = "unset", aAfterYield = "unset", bSees = "unset", cSees = "unset";
        IEnumerable<Op> A()
        {
            s_local.Value = "A";
            yield return Ops.Yield();
            aAfterYield = s_local.Value;
            yield return Ops.Recv(wake); // parks: B runs next on the same M
            aAfterPark = s_local.Value;
        }
        IEnumerable<Op> B()
        {
            bSees = s_local.Value;
            s_local.Value = "B";
            yield return Ops.Send(wake, 1);
        }
        var a = rt.Go(A());
        var b = rt.Go(B());
        a.Join();
        b.Join();
        // C runs after both ended, on the same M, in the Gs they left behind.
        rt.Go(ReadOnce(v => cSees = v)).Join();

        Assert.Equal("A", aAfterYield);
        Assert.Equal("A", aAfterPark);
        Assert.Null(bSees);
        Assert.Null(cSees);
        Assert.Null(s_local.Value); // nor the spawning thread
    }

    private static IEnumerable<Op> ReadOnce(Action<string?> record)
    {
        record(s_local.Value);
        yield break;
    }

    [Fact]
    public void AGoroutineSpawnedByAGoroutineInheritsItsCurrentValues()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        string? childSees = "unset";
        Goroutine child = default;
        IEnumerable<Op> Parent()
        {
            s_local.Value = "parent";
            yield return Ops.Yield();
            child = GoRuntime.Current.Go(ReadOnce(v => childSees = v));
            s_local.Value = "parent, later"; // after the spawn: not the child's business
            yield return Ops.Join(child);
        }
        rt.Go(Parent()).Join();
        Assert.Equal("parent", childSees);
    }

    [Fact]
    public void ActivityCurrentFlowsAndAChildActivityStaysInside()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2 });
        using var source = new ActivitySource("GoSharp.Tests.ExecutionContext");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(listener);

        Activity? before = Activity.Current;
        using Activity request = new Activity("request").Start();
        Activity? first = null, afterYield = null, child = null, afterChild = null;
        IEnumerable<Op> Work()
        {
            first = Activity.Current;
            yield return Ops.Yield();
            afterYield = Activity.Current;
            child = source.StartActivity("inside"); // becomes Activity.Current for this goroutine only
            yield return Ops.Yield();
            afterChild = Activity.Current;
            child?.Stop();
        }
        rt.Go(Work()).Join();

        Assert.Same(request, first);
        Assert.Same(request, afterYield);
        Assert.NotNull(child);
        Assert.Same(child, afterChild);
        Assert.Same(request, child!.Parent);
        Assert.Same(request, Activity.Current); // the child did not leak out
        request.Stop();
        Assert.Same(before, Activity.Current);
    }

    [Fact]
    public void CurrentCultureFlows()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2 });
        CultureInfo original = CultureInfo.CurrentCulture;
        // A distinct instance (not a named culture): works in invariant-globalization mode too.
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        var seen = new ConcurrentQueue<CultureInfo>();
        IEnumerable<Op> Work()
        {
            seen.Enqueue(CultureInfo.CurrentCulture);
            yield return Ops.Yield();
            seen.Enqueue(CultureInfo.CurrentCulture);
        }
        try
        {
            CultureInfo.CurrentCulture = culture;
            var h = rt.Go(Work());
            CultureInfo.CurrentCulture = original;
            h.Join();
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
        Assert.Equal(2, seen.Count);
        Assert.All(seen, c => Assert.Same(culture, c));
    }

    [Fact]
    public void FlowOffStartsGoroutinesEmptyButKeepsTheirOwnValues()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, FlowExecutionContext = false });
        string? atStart = "unset", ownAfterYield = "unset", next = "unset";
        IEnumerable<Op> Work()
        {
            atStart = s_local.Value;
            s_local.Value = "own";
            yield return Ops.Yield();
            ownAfterYield = s_local.Value;
        }
        // The runtime's first M starts during this spawn, on this thread, while the value is set: an M
        // started with Thread.Start (not UnsafeStart) would carry it into every goroutine it runs.
        s_local.Value = "spawner";
        try
        {
            rt.Go(Work()).Join();
            rt.Go(ReadOnce(v => next = v)).Join();
        }
        finally
        {
            s_local.Value = null;
        }
        Assert.Null(atStart);
        Assert.Equal("own", ownAfterYield);
        Assert.Null(next);
    }

    [Fact]
    public void ManySeedsInDeterministicMode()
    {
        var failures = new List<string>();
        for (int seed = 0; seed < 100; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            var log = new ConcurrentQueue<string>();
            IEnumerable<Op> Worker(int k)
            {
                string expectedAtStart = "root";
                if (s_local.Value != expectedAtStart) log.Enqueue($"worker {k} started with {s_local.Value}");
                // Even workers set their own value; odd ones keep the one inherited from the root.
                string mine = k % 2 == 0 ? $"w{k}" : "root";
                if (k % 2 == 0) s_local.Value = mine;
                for (int i = 0; i < 5; i++)
                {
                    yield return Ops.Yield();
                    if (s_local.Value != mine) log.Enqueue($"worker {k} resume {i}: {s_local.Value}");
                }
            }
            IEnumerable<Op> Root()
            {
                var workers = Enumerable.Range(0, 6).Select(k => GoRuntime.Current.Go(Worker(k))).ToArray();
                foreach (var w in workers) yield return Ops.Join(w);
                if (s_local.Value != "root") log.Enqueue($"root sees {s_local.Value}");
            }
            s_local.Value = "root";
            Goroutine root = rt.Go(Root());
            s_local.Value = null;
            root.Join();
            failures.AddRange(log.Select(l => $"seed {seed}: {l}"));
        }
        Assert.Empty(failures);
    }

    [Fact]
    public void FlowSuppressedAtSpawnIsNotCaptured()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        string? seen = "unset";
        s_local.Value = "hidden";
        try
        {
            Goroutine h;
            using (ExecutionContext.SuppressFlow()) h = rt.Go(ReadOnce(v => seen = v));
            h.Join();
        }
        finally
        {
            s_local.Value = null;
        }
        Assert.Null(seen);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AfterFuncRunsInTheContextOfItsCaller(bool flow)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2, FlowExecutionContext = flow });
        var seen = new Chan<string?>(4);
        IEnumerable<Op> Arm()
        {
            // Armed inside a goroutine whose own context holds a value: the callback sees it, not the M's.
            s_local.Value = "set in the goroutine";
            Go.AfterFunc(TimeSpan.FromMilliseconds(1), () => seen.TrySend(s_local.Value));
            yield break;
        }
        using (rt.Enter())
        {
            s_local.Value = "set by the caller";
            try
            {
                Go.AfterFunc(TimeSpan.FromMilliseconds(1), () => seen.TrySend(s_local.Value));
            }
            finally
            {
                s_local.Value = null;
            }
            string? first = seen.Recv();
            rt.Go(Arm()).Join();
            string? second = seen.Recv();
            // A plain goroutine spawned afterwards from a thread with no context sees nothing of either.
            string? leaked = "unset";
            rt.Go(ReadOnce(v => leaked = v)).Join();
            Assert.Equal(flow ? "set by the caller" : null, first);
            Assert.Equal(flow ? "set in the goroutine" : null, second);
            Assert.Null(leaked);
        }
    }
}
