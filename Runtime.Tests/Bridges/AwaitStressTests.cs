using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Bridges;

/// <summary>
/// Go.Await under load: goroutines await Tasks that other threads complete with a value, a fault or a cancellation,
/// some with continuations run inline by the completing thread (a plain thread, or a goroutine's own plain code on
/// an M), some through the thread pool. Each await must give back exactly what its Task ended with, and the
/// goroutine's AsyncLocal value must be its own after every await, whichever thread readied it.
/// </summary>
public class AwaitStressTests
{
    private static readonly AsyncLocal<string?> s_local = new();
    private const int Goroutines = 8, Awaits = 40;

    private enum Outcome { Value, Fault, Cancel }

    private static Outcome OutcomeOf(int k, int i) => (Outcome)((k * 7 + i * 3) % 3);

    /// <summary>The tasks of one run and who completes them: plain threads, or a goroutine that receives them on a channel.</summary>
    private static IEnumerable<Op> Program(GoRuntime rt, bool completeFromGoroutine, ConcurrentQueue<string> errors)
    {
        var work = new BlockingCollection<(TaskCompletionSource<int> Tcs, int K, int I)>();
        var toGoroutine = new Chan<(TaskCompletionSource<int> Tcs, int K, int I)>(Goroutines);
        var done = new Chan<int>(Goroutines);
        s_local.Value = "completer"; // a completing thread's own value must not reach the goroutines it readies
        var threads = completeFromGoroutine ? Array.Empty<Thread>() : Enumerable.Range(0, 2).Select(_ => new Thread(() =>
        {
            s_local.Value = "completer";
            foreach (var w in work.GetConsumingEnumerable()) Complete(w.Tcs, w.K, w.I);
        })).ToArray();
        foreach (var th in threads) th.Start();
        IEnumerable<Op> Completer()
        {
            s_local.Value = "completer";
            for (int n = 0; n < Goroutines * Awaits; n++)
            {
                var r = Recv(toGoroutine);
                yield return r;
                Complete(r.Result.Tcs, r.Result.K, r.Result.I); // plain code of a goroutine: inline continuations run on its M
            }
        }
        IEnumerable<Op> Awaiter(int k)
        {
            s_local.Value = $"g{k}";
            for (int i = 0; i < Awaits; i++)
            {
                var tcs = new TaskCompletionSource<int>(i % 2 == 0 ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);
                if (completeFromGoroutine) yield return Send(toGoroutine, (tcs, k, i));
                else work.Add((tcs, k, i));
                var a = AwaitOps.Await(tcs.Task).Catch();
                yield return a;
                string what = (OutcomeOf(k, i), a.Error) switch
                {
                    (Outcome.Value, null) when a.Result == k * 1000 + i => "",
                    (Outcome.Fault, InvalidOperationException e) when e.Message == $"{k}/{i}" => "",
                    (Outcome.Cancel, TaskCanceledException) => "",
                    var (o, e) => $"g{k} await {i}: expected {o}, got {(e is null ? a.Result.ToString() : e.GetType().Name + " " + e.Message)}",
                };
                if (what != "") errors.Enqueue(what);
                if (s_local.Value != $"g{k}") errors.Enqueue($"g{k} await {i}: AsyncLocal {s_local.Value ?? "null"}");
            }
            yield return Send(done, k);
        }
        if (completeFromGoroutine) rt.Go(Completer());
        for (int k = 0; k < Goroutines; k++) rt.Go(Awaiter(k));
        for (int k = 0; k < Goroutines; k++) yield return Recv(done);
        work.CompleteAdding();
        foreach (var th in threads) th.Join();
    }

    private static void Complete(TaskCompletionSource<int> tcs, int k, int i)
    {
        switch (OutcomeOf(k, i))
        {
            case Outcome.Value: tcs.SetResult(k * 1000 + i); break;
            case Outcome.Fault: tcs.SetException(new InvalidOperationException($"{k}/{i}")); break;
            default: tcs.SetCanceled(); break;
        }
    }

    [Theory]
    [InlineData(1, false)] [InlineData(1, true)]
    [InlineData(2, false)] [InlineData(2, true)]
    [InlineData(4, false)] [InlineData(4, true)]
    public void EachAwaitGetsItsTasksOutcomeAndKeepsItsAsyncLocal(int procs, bool completeFromGoroutine)
    {
        var errors = new ConcurrentQueue<string>();
        Rt.With(procs, rt => rt.Go(Program(rt, completeFromGoroutine, errors)).Join());
        Assert.True(errors.IsEmpty, string.Join("\n", errors.Take(5)));
    }

    [Theory, InlineData(false), InlineData(true)]
    public void EachAwaitGetsItsTasksOutcomeAndKeepsItsAsyncLocalOverSeeds(bool completeFromGoroutine)
    {
        var errors = new ConcurrentQueue<string>();
        for (int seed = 1; seed <= 10 && errors.IsEmpty; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            rt.Go(Program(rt, completeFromGoroutine, errors)).Join();
        }
        Assert.True(errors.IsEmpty, string.Join("\n", errors.Take(5)));
    }
}
