using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GoSharp.CompilerServices;
using GoSharp.Runtime.Tests.Frames;
using Xunit;

namespace GoSharp.Runtime.Tests.Bridges;

/// <summary>
/// <c>handle.AsTask()</c>: the goroutine's end as a Task that completes as <c>await handle</c> in an async method
/// would. Each goroutine waits on a gate that opens only after the Task was asked for, so the Task really waits.
/// </summary>
public class AsTaskTests
{
    public static TheoryData<int> Procs => new() { 1, 2, 4 };

    [Theory, MemberData(nameof(Procs))]
    public void TheTaskCompletesWithTheResultWhenTheGoroutineEnds(int procs) => Rt.With(procs, rt =>
    {
        var gate = new Chan<int>(1);
        var h = rt.Spawn(new GateFrame<int>(gate, v => v * 2));
        var task = h.AsTask();
        Assert.False(task.IsCompleted); // the goroutine cannot end before the gate opens
        Assert.Same(task, h.AsTask());
        Assert.Same(task, ((Goroutine)h).AsTask()); // the untyped handle shares the typed Task
        Assert.Same(Task.CompletedTask, Task.WhenAny(task, Task.CompletedTask).GetAwaiter().GetResult());
        gate.TrySend(21);
        Assert.Equal(42, task.GetAwaiter().GetResult());
        Assert.True(task.IsCompletedSuccessfully);
        Assert.Equal(42, h.Join());
    });

    [Theory, MemberData(nameof(Procs))]
    public void AnUntypedGoroutinesTaskCompletes(int procs) => Rt.With(procs, rt =>
    {
        var gate = new Chan<int>(1);
        Goroutine h = rt.Go(WaitOn(gate));
        var task = h.AsTask();
        Assert.False(task.IsCompleted);
        gate.TrySend(1);
        task.GetAwaiter().GetResult();
        Assert.True(task.IsCompletedSuccessfully);
        Assert.Same(task, h.AsTask());
    });

    [Theory, MemberData(nameof(Procs))]
    public void AFaultCarriesTheGoroutinesOwnException(int procs) => Rt.With(procs, rt =>
    {
        var gate = new Chan<int>(1);
        var thrown = new InvalidOperationException("boom");
        var h = rt.Spawn(new GateFrame<int>(gate, _ => throw thrown));
        var task = h.AsTask();
        gate.TrySend(1);
        Assert.Same(thrown, Assert.Throws<InvalidOperationException>(() => task.GetAwaiter().GetResult()));
        Assert.True(task.IsFaulted);
        Assert.Same(thrown, Assert.Single(task.Exception!.InnerExceptions)); // no AggregateException inside
        Assert.Null(h.Root!.Joins!.Unobserved); // the Task waited: no report is kept for the handle's collection
        Assert.Same(thrown, Assert.Throws<InvalidOperationException>(() => h.Join()));
    });

    [Theory, MemberData(nameof(Procs))]
    public void AnOperationCanceledExceptionGivesACanceledTaskAsAwaitInAnAsyncMethodDoes(int procs) => Rt.With(procs, rt =>
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var gate = new Chan<int>(1);
        var h = rt.Spawn(new GateFrame<int>(gate, _ => throw new OperationCanceledException(cts.Token)));
        var task = h.AsTask();
        var awaited = Awaited(h);
        gate.TrySend(1);
        var canceled = Assert.ThrowsAny<OperationCanceledException>(() => task.GetAwaiter().GetResult());
        Assert.Equal(cts.Token, canceled.CancellationToken);
        Assert.True(task.IsCanceled);
        Assert.ThrowsAny<OperationCanceledException>(() => awaited.GetAwaiter().GetResult());
        Assert.True(awaited.IsCanceled); // what the Task mirrors
    });

    /// <summary>
    /// The Task of a goroutine that ends with an OperationCanceledException is the Task of an async method that throws
    /// that same exception: awaiting it (or a WhenAll over it) rethrows the goroutine's own exception object, not a new
    /// TaskCanceledException; Wait and Result throw what the async method's do; no Exception. Asked for before the end
    /// (completed by the end) and after it (completed by AsTask), on a typed and an untyped goroutine.
    /// </summary>
    [Theory, MemberData(nameof(Procs))]
    public void ACanceledTaskKeepsTheGoroutinesOwnExceptionAsAnAsyncMethodsDoes(int procs) => Rt.With(procs, rt =>
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var thrown = new OperationCanceledException("the goroutine's own", cts.Token);
        var oracle = AsyncMethodThrowing(thrown);
        Assert.True(((IAsyncResult)oracle).AsyncWaitHandle.WaitOne());

        var gate = new Chan<int>(1);
        var before = rt.Spawn(new GateFrame<int>(gate, _ => throw thrown));
        var askedBefore = before.AsTask();
        gate.TrySend(1);
        AssertEndsAs(oracle, askedBefore, thrown);

        var after = rt.Spawn(new GateFrame<int>(Closed(), _ => throw thrown));
        Assert.Same(thrown, Assert.Throws<OperationCanceledException>(() => after.Join()));
        AssertEndsAs(oracle, after.AsTask(), thrown);

        var untypedGate = new Chan<int>(1);
        Goroutine untyped = rt.Go(WaitThenThrow(untypedGate, thrown));
        var untypedTask = untyped.AsTask();
        untypedGate.TrySend(1);
        AssertEndsAs(oracle, untypedTask, thrown);
    });

    [Theory, MemberData(nameof(Procs))]
    public void AnEndedGoroutineGivesACompletedTaskAtOnce(int procs) => Rt.With(procs, rt =>
    {
        var done = rt.Spawn(new GateFrame<int>(Closed(), v => v + 7));
        Assert.Equal(7, done.Join());
        var task = done.AsTask();
        Assert.True(task.IsCompletedSuccessfully);
        Assert.Equal(7, task.Result);
        Assert.Same(task, done.AsTask());

        var thrown = new FormatException("x");
        var failed = rt.Spawn(new GateFrame<int>(Closed(), _ => throw thrown));
        Assert.Same(thrown, Assert.Throws<FormatException>(() => failed.Join()));
        var faulted = failed.AsTask();
        Assert.True(faulted.IsFaulted);
        Assert.Same(thrown, Assert.Single(faulted.Exception!.InnerExceptions));
    });

    [Theory, MemberData(nameof(Procs))]
    public void WhenAllOverAThousandGoroutines(int procs) => Rt.With(procs, rt =>
    {
        var gate = new Chan<int>();
        var tasks = Enumerable.Range(0, 1000).Select(i => rt.Spawn(new GateFrame<int>(gate, _ => i)).AsTask()).ToArray();
        gate.Close(); // every goroutine ends now, most after its Task was made
        Assert.Equal(Enumerable.Range(0, 1000), Task.WhenAll(tasks).GetAwaiter().GetResult());

        // Goroutines that end at once, their Task asked for while they may be ending on another P: whichever side
        // takes the lock first, the Task completes (a lost one would leave WhenAll waiting).
        var open = Closed();
        var racing = Enumerable.Range(0, 1000).Select(i => rt.Spawn(new GateFrame<int>(open, _ => i)).AsTask()).ToArray();
        Assert.Equal(Enumerable.Range(0, 1000), Task.WhenAll(racing).GetAwaiter().GetResult());
    });

    /// <summary>
    /// Deterministic mode: the Tasks are asked for inside the runtime, by the goroutine that starts the workers, while
    /// the workers interleave as each seed decides (some end before their Task exists, some after).
    /// </summary>
    [Fact]
    public async Task TasksCompleteUnderEverySeedOfDeterministicMode()
    {
        for (int seed = 0; seed < 50; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            var tasks = new Task<long>[8];
            rt.Spawn(new ActionFrame(() =>
            {
                for (int k = 0; k < tasks.Length; k++) tasks[k] = GoRuntime.Current.Spawn(new YieldingFrame(k, k)).AsTask();
            })).Join();
            Assert.Equal(Enumerable.Range(0, tasks.Length).Select(k => YieldingFrame.Expected(k, k)), await Task.WhenAll(tasks));
        }
    }

    [Fact]
    public void ADefaultHandleThrowsAsJoinDoes()
    {
        var join = Assert.Throws<InvalidOperationException>(() => default(Goroutine).Join());
        Assert.Equal(join.Message, Assert.Throws<InvalidOperationException>(() => AskForTask(default(Goroutine))).Message);
        var typedJoin = Assert.Throws<InvalidOperationException>(() => default(Goroutine<int>).Join());
        Assert.Equal(typedJoin.Message, Assert.Throws<InvalidOperationException>(() => AskForTask(default(Goroutine<int>))).Message);
    }

    /// <summary>
    /// A goroutine that failed with nobody waiting keeps its exception for the unhandled-exception report; once
    /// AsTask hands it to a Task (which is read), the runtime must not report it as well.
    /// </summary>
    [Fact]
    public void AnExceptionHandedToTheTaskIsNotReportedByTheRuntime()
    {
        var reported = new BlockingCollection<UnhandledGoroutineException>();
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, UnhandledException = reported.Add });
        var holder = FailThenAsTask(rt);
        for (int i = 0; i < 100 && holder.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(holder.IsAlive, "the unobserved-exception holder was never collected");
        GC.WaitForPendingFinalizers();
        Assert.Empty(reported);
    }

    /// <summary>Not inlined, so that no local keeps the handle or the Task alive.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference FailThenAsTask(GoRuntime rt)
    {
        var h = rt.Spawn(new GateFrame<int>(Closed(), _ => throw new ArithmeticException("seen")));
        SpinWait.SpinUntil(() => h.IsCompleted);
        var holder = h.Root!.Joins?.Unobserved;
        Assert.NotNull(holder); // it failed with nobody waiting
        Assert.IsType<ArithmeticException>(h.AsTask().Exception!.InnerException);
        return new WeakReference(holder, trackResurrection: true);
    }

    private static System.Collections.Generic.IEnumerable<Op> WaitOn(Chan<int> gate)
    {
        yield return Ops.Recv(gate);
    }

    // AsTask throws before it has a Task: the analyzer would take a lambda returning one for asynchronous code.
    private static void AskForTask(Goroutine h) => _ = h.AsTask();

    private static void AskForTask(Goroutine<int> h) => _ = h.AsTask();

    private static Chan<int> Closed()
    {
        var c = new Chan<int>();
        c.Close();
        return c;
    }

    private static async Task<int> Awaited(Goroutine<int> h) => await h;

    private static async Task<int> AsyncMethodThrowing(Exception e)
    {
        await Task.Yield();
        throw e;
    }

    private static System.Collections.Generic.IEnumerable<Op> WaitThenThrow(Chan<int> gate, Exception e)
    {
        yield return Ops.Recv(gate);
        throw e;
    }

    /// <summary>Every way of reading a canceled Task gives for <paramref name="task"/> what it gives for the async method's.</summary>
    private static void AssertEndsAs(Task<int> oracle, Task task, OperationCanceledException thrown)
    {
        Assert.Same(thrown, Assert.Throws<OperationCanceledException>(() => oracle.GetAwaiter().GetResult())); // the model
        Assert.Same(thrown, Assert.Throws<OperationCanceledException>(() => task.GetAwaiter().GetResult()));
        Assert.Same(thrown, Assert.Throws<OperationCanceledException>(() => Task.WhenAll(task).GetAwaiter().GetResult()));
        Assert.Equal(oracle.Status, task.Status);
        Assert.True(task.IsCanceled);
        Assert.Null(task.Exception);
        var expected = Assert.Single(Assert.Throws<AggregateException>(() => oracle.Wait()).InnerExceptions);
        var actual = Assert.Single(Assert.Throws<AggregateException>(() => task.Wait()).InnerExceptions);
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(((OperationCanceledException)expected).CancellationToken, ((OperationCanceledException)actual).CancellationToken);
        if (task is Task<int> typed)
        {
            var result = Assert.Single(Assert.Throws<AggregateException>(() => typed.Result).InnerExceptions);
            Assert.Equal(expected.GetType(), result.GetType());
        }
    }

    /// <summary>A goroutine that receives from <paramref name="gate"/> and ends with <paramref name="end"/> of the value.</summary>
    private sealed class GateFrame<T>(Chan<int> gate, Func<int, T> end) : Frame<T>
    {
        private ChanRecvAwaiter<int> _recv;

        public override FrameResult Resume(G g)
        {
            if (State != 0)
            {
                _recv = gate.GetRecvAwaiter();
                if (!_recv.IsCompleted)
                {
                    State = 0;
                    return _recv.Suspend(g, this);
                }
            }
            State = -1;
            Result = end(_recv.GetResult());
            return FrameResult.Completed;
        }
    }
}
