using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Bridges;

/// <summary>
/// <c>await handle</c> resumes where <c>await task</c> would: on the awaiting code's SynchronizationContext
/// or TaskScheduler, on the thread pool with <c>ConfigureAwait(false)</c>; <c>OnCompleted</c> flows the
/// ExecutionContext and <c>UnsafeOnCompleted</c> does not. Each goroutine waits on a gate that opens only
/// after the continuation is registered, so the awaits really suspend.
/// </summary>
public class AwaitHandleTests
{
    public static TheoryData<int> Procs => new() { 1, 2 };

    [Theory, MemberData(nameof(Procs))]
    public void AwaitResumesOnTheAwaitingCodesSynchronizationContext(int procs) => Rt.With(procs, rt =>
    {
        using var ui = new PumpContext();
        var (thread, context) = ui.Run(async () =>
        {
            var gate = new Chan<int>(1);
            var h = rt.Go(WaitOn(gate));
            var resumed = AwaitAndReport(h);
            gate.TrySend(1);
            return await resumed;
        }).GetAwaiter().GetResult();
        Assert.Equal(ui.ThreadId, thread);
        Assert.Same(ui, context);
    });

    [Theory, MemberData(nameof(Procs))]
    public void ConfigureAwaitFalseResumesOnTheThreadPool(int procs) => Rt.With(procs, rt =>
    {
        using var ui = new PumpContext();
        var (thread, context) = ui.Run(async () =>
        {
            var gate = new Chan<int>(1);
            var h = rt.Go(WaitOn(gate));
            var resumed = AwaitAndReport(h, continueOnCapturedContext: false);
            gate.TrySend(1);
            return await resumed;
        }).GetAwaiter().GetResult();
        Assert.NotEqual(ui.ThreadId, thread);
        Assert.Null(context);
    });

    [Theory, MemberData(nameof(Procs))]
    public void AwaitOfATypedHandleResumesOnTheAwaitingCodesTaskScheduler(int procs) => Rt.With(procs, rt =>
    {
        var exclusive = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
        var gate = new Chan<int>(1);
        var resumedOn = Task.Factory.StartNew(async () =>
        {
            var h = rt.Spawn(new ScriptResultFrame(gate));
            var pending = AwaitTyped(h);
            gate.TrySend(41);
            return await pending;
        }, CancellationToken.None, TaskCreationOptions.None, exclusive).Unwrap().GetAwaiter().GetResult();
        Assert.Equal((42, exclusive), resumedOn);
    });

    [Theory, MemberData(nameof(Procs))]
    public void OnCompletedFlowsTheExecutionContextAndUnsafeOnCompletedDoesNot(int procs) => Rt.With(procs, rt =>
    {
        var local = new AsyncLocal<int>();
        var gate = new Chan<int>(1);
        var h = rt.Go(WaitOn(gate));
        var safe = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var unsafeSeen = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        local.Value = 7;
        h.GetAwaiter().OnCompleted(() => safe.SetResult(local.Value));
        h.GetAwaiter().UnsafeOnCompleted(() => unsafeSeen.SetResult(local.Value));
        local.Value = 0;
        gate.TrySend(1);
        Assert.Equal(7, safe.Task.GetAwaiter().GetResult());
        Assert.Equal(0, unsafeSeen.Task.GetAwaiter().GetResult());
    });

    [Theory, MemberData(nameof(Procs))]
    public void OnCompletedFlowsTheExecutionContextIntoAPostedContinuation(int procs) => Rt.With(procs, rt =>
    {
        // The context posts without flowing the ExecutionContext (as a plain SynchronizationContext.Post does): the
        // continuation must still run in the awaiting code's, on the context's thread, as Task's OnCompleted does.
        using var ui = new PumpContext();
        var local = new AsyncLocal<int>();
        var seen = ui.Run(() =>
        {
            var gate = new Chan<int>(1);
            var h = rt.Go(WaitOn(gate));
            var done = new TaskCompletionSource<(int, int)>(TaskCreationOptions.RunContinuationsAsynchronously);
            local.Value = 7;
            h.GetAwaiter().OnCompleted(() => done.SetResult((local.Value, Environment.CurrentManagedThreadId)));
            local.Value = 0;
            gate.TrySend(1);
            return done.Task;
        }).GetAwaiter().GetResult();
        Assert.Equal((7, ui.ThreadId), seen);
    });

    private static IEnumerable<Op> WaitOn(Chan<int> gate)
    {
        yield return Recv(gate);
    }

    private static async Task<(int Thread, SynchronizationContext? Context)> AwaitAndReport(Goroutine h, bool continueOnCapturedContext = true)
    {
        if (continueOnCapturedContext) await h;
        else await h.ConfigureAwait(false);
        return (Environment.CurrentManagedThreadId, SynchronizationContext.Current);
    }

    private static async Task<(int, TaskScheduler)> AwaitTyped(Goroutine<int> h)
    {
        var v = await h;
        return (v, TaskScheduler.Current);
    }

    /// <summary>A goroutine that returns what it receives, plus one.</summary>
    private sealed class ScriptResultFrame(Chan<int> gate) : GoSharp.CompilerServices.Frame<int>
    {
        private ChanRecvAwaiter<int> _recv;

        public override GoSharp.CompilerServices.FrameResult Resume(GoSharp.CompilerServices.G g)
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
            Result = _recv.GetResult() + 1;
            return GoSharp.CompilerServices.FrameResult.Completed;
        }
    }

    /// <summary>A SynchronizationContext with a thread of its own, as a UI thread has.</summary>
    private sealed class PumpContext : SynchronizationContext, IDisposable
    {
        private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = new();
        private readonly Thread _thread;

        public PumpContext()
        {
            _thread = new Thread(Pump) { IsBackground = true, Name = "pump" };
            _thread.Start();
        }

        public int ThreadId => _thread.ManagedThreadId;

        public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

        public Task<T> Run<T>(Func<Task<T>> body)
        {
            var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            Post(async _ =>
            {
                try { done.SetResult(await body()); }
                catch (Exception e) { done.SetException(e); }
            }, null);
            return done.Task;
        }

        public void Dispose() => _queue.CompleteAdding();

        private void Pump()
        {
            SetSynchronizationContext(this);
            foreach (var (callback, state) in _queue.GetConsumingEnumerable()) callback(state);
        }
    }
}
