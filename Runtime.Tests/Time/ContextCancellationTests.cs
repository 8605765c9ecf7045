using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Time;

/// <summary>
/// Go's worker pool under a context with a deadline: workers select between the jobs channel and the token's done
/// channel, await a Task per job, and send results with the token; the token is cancelled by a runtime timer
/// (Go.AfterFunc) or by .NET's (CancelAfter) while they run. Every job is taken at most once, every result sent is
/// received, the producer and every worker end, and nothing is left parked.
/// </summary>
public class ContextCancellationTests
{
    private const int Workers = 4, Jobs = 400;

    private static IEnumerable<Op> Program(GoRuntime rt, bool runtimeTimer, int afterMs, ConcurrentQueue<string> errors)
    {
        var cts = new CancellationTokenSource(); // not disposed: the timer may still fire after the program ends
        CancellationToken ct = cts.Token;
        if (runtimeTimer) Go.AfterFunc(TimeSpan.FromMilliseconds(afterMs), cts.Cancel);
        else cts.CancelAfter(afterMs);
        var jobs = new Chan<int>();
        var results = new Chan<int>(Workers);
        var taken = new ConcurrentDictionary<int, int>();
        int produced = 0;
        IEnumerable<Op> Producer()
        {
            for (int j = 0; j < Jobs; j++)
            {
                var s = SelectOps.Select(jobs.SendCase(j), ct.DoneCase());
                yield return s;
                if (s.Result.Index == 1) break;
                produced++;
            }
            jobs.Close();
        }
        IEnumerable<Op> Worker()
        {
            while (true)
            {
                var s = SelectOps.Select(jobs.RecvCase(), ct.DoneCase());
                yield return s;
                if (s.Result.Index == 1 || !s.Result.Ok) yield break;
                int job = s.Result.Value1;
                if (!taken.TryAdd(job, 1)) errors.Enqueue($"job {job} taken twice");
                var a = AwaitOps.Await(Task.Run(() => job * 2));
                yield return a;
                var send = Send(results, a.Result, ct).Catch();
                yield return send;
                if (send.Error is OperationCanceledException) { taken.TryRemove(job, out _); yield break; }
                if (send.Error is not null) { errors.Enqueue(send.Error.ToString()); yield break; }
            }
        }
        var producer = rt.Go(Producer());
        var workers = Enumerable.Range(0, Workers).Select(_ => rt.Go(Worker())).ToList();
        // The collector: receives until every worker has ended, then drains what they left in the buffer.
        var allDone = new Chan<int>();
        IEnumerable<Op> Closer()
        {
            foreach (var w in workers) yield return Join(w);
            allDone.Close();
        }
        rt.Go(Closer());
        var received = new List<int>();
        while (true)
        {
            var s = SelectOps.Select(results.RecvCase(), allDone.RecvCase());
            yield return s;
            if (s.Result.Index == 1) break;
            received.Add(s.Result.Value1);
        }
        while (results.TryRecv(out int late)) received.Add(late);
        yield return Join(producer);
        if (received.Count != received.Distinct().Count()) errors.Enqueue("a result was received twice");
        var expected = taken.Keys.Select(j => j * 2).Order().ToList();
        if (!expected.SequenceEqual(received.Order())) errors.Enqueue($"{taken.Count} jobs delivered, {received.Count} results received");
        if (produced > Jobs || taken.Count > produced) errors.Enqueue($"produced {produced}, delivered {taken.Count}");
    }

    [Theory]
    [InlineData(1, true)] [InlineData(1, false)]
    [InlineData(2, true)] [InlineData(2, false)]
    [InlineData(4, true)] [InlineData(4, false)]
    public void AWorkerPoolStopsCleanlyWhenItsContextIsCancelled(int procs, bool runtimeTimer)
    {
        var errors = new ConcurrentQueue<string>();
        Rt.With(procs, rt =>
        {
            foreach (int afterMs in new[] { 0, 1, 2, 5 })
            {
                rt.Go(Program(rt, runtimeTimer, afterMs, errors)).Join();
                Assert.True(SpinWait.SpinUntil(() => rt.NumGoroutine == 0, Scheduler.BlockingTests.Guard), rt.DumpGoroutines());
            }
        });
        Assert.True(errors.IsEmpty, string.Join("\n", errors.Take(5)));
    }

    [Fact]
    public void AWorkerPoolStopsCleanlyWhenItsContextIsCancelledOverSeeds()
    {
        var errors = new ConcurrentQueue<string>();
        for (int seed = 1; seed <= 20; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            rt.Go(Program(rt, runtimeTimer: true, afterMs: seed % 4, errors)).Join();
        }
        Assert.True(errors.IsEmpty, string.Join("\n", errors.Take(5)));
    }
}
