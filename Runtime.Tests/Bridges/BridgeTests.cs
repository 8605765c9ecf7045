using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using static GoSharp.Runtime.Tests.AwaitOps;
using static GoSharp.Runtime.Tests.Ops;
using static GoSharp.Runtime.Tests.SelectOps;

namespace GoSharp.Runtime.Tests.Bridges;

public class BridgeTests
{
    public static TheoryData<int> Procs => new() { 1, 2, 4 };

    [Theory, MemberData(nameof(Procs))]
    public void Goroutines_await_tasks_without_holding_threads(int procs) => Rt.With(procs, rt =>
    {
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var vgate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int sum = 0;
        Exception? err = null;
        IEnumerable<Op> Body()
        {
            var a = Await(gate.Task); yield return a; Interlocked.Add(ref sum, a.Result);
            yield return Await(new ValueTask(vgate.Task));
            var b = Await(new ValueTask<int>(5)); yield return b; Interlocked.Add(ref sum, b.Result);
            var c = Await(Task.FromException(new TimeoutException("boom"))).Catch(); yield return c; err = c.Error;
            var d = Await((Task)Task.Delay(5)); yield return d;
        }
        var hs = Enumerable.Range(0, 50).Select(_ => rt.Go(Body())).ToList();
        // Fifty goroutines parked on one task, and the runtime still runs others.
        IEnumerable<Op> Other() { yield return Yield(); }
        rt.Go(Other()).Join();
        Assert.All(hs, h => Assert.False(h.IsCompleted));
        gate.SetResult(2);
        vgate.SetResult();
        hs.ForEach(h => h.Join());
        Assert.Equal(50 * 7, sum);
        Assert.IsType<TimeoutException>(err);
    });

    [Fact]
    public void Await_on_a_plain_thread_blocks_and_unwraps()
    {
        Assert.Equal(3, Go.Await(Task.Run(() => 3)));
        Assert.Equal(4, Go.Await(new ValueTask<int>(Task.Run(() => 4))));
        Go.Await(Task.Delay(1));
        Go.Await(new ValueTask(Task.Delay(1)));
        Assert.Throws<TimeoutException>(() => Go.Await(Task.Run(() => throw new TimeoutException())));
    }

    [Theory, MemberData(nameof(Procs))]
    public async Task Async_send_recv_and_read_all(int procs)
    {
        var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        try
        {
            var c = new Chan<int>();
            IEnumerable<Op> Producer() { for (int i = 0; i < 100; i++) yield return Send(c, i); c.Close(); }
            _ = rt.Go(Producer());
            var got = new List<int>();
            await foreach (var v in c.ReadAllAsync()) got.Add(v);
            Assert.Equal(Enumerable.Range(0, 100), got);
            Assert.Equal((0, false), await c.RecvOkAsync());

            var d = new Chan<int>(1);
            await d.SendAsync(1);             // buffered: completes at once
            var pending = d.SendAsync(2);     // waits for a receiver
            Assert.False(pending.IsCompleted);
            var rec = new List<int>();
            IEnumerable<Op> Consumer() { for (int i = 0; i < 2; i++) { var r = Recv(d); yield return r; rec.Add(r.Result); } }
            rt.Go(Consumer()).Join();
            await pending;
            Assert.Equal(new[] { 1, 2 }, rec);

            // Cancellation withdraws a pending send; a pending recv too.
            var e = new Chan<int>();
            using var cts = new CancellationTokenSource();
            var s = e.SendAsync(9, cts.Token);
            var r2 = e.RecvAsync(CancellationToken.None); // the send is queued, so this receives it...
            Assert.Equal(9, await r2);
            await s;
            var s2 = e.SendAsync(10, cts.Token);
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await s2);
            Assert.False(e.TryRecv(out _)); // the cancelled value was not delivered
            e.Close();
            await Assert.ThrowsAsync<ChannelClosedException>(async () => await e.SendAsync(1));
        }
        finally
        {
            rt.Dispose();
        }
    }

    [Theory, MemberData(nameof(Procs))]
    public void Cancellation_token_as_select_case_and_channel_as_token(int procs) => Rt.With(procs, rt =>
    {
        using var cts = new CancellationTokenSource();
        var work = new Chan<int>();
        var done = Go.Done(cts.Token);
        int processed = 0;
        IEnumerable<Op> Worker()
        {
            while (true)
            {
                var s = Select(work.RecvCase(), done.RecvCase());
                yield return s;
                if (s.Result.Index == 1) yield break;
                processed++;
            }
        }
        var h = rt.Go(Worker());
        for (int i = 0; i < 10; i++) work.Send(i);
        cts.Cancel();
        h.Join();
        Assert.Equal(10, processed);
        Assert.Equal(1, Go.Select(work.RecvCase(), cts.Token.DoneCase()).Index);
        Assert.True(Go.Done(CancellationToken.None).IsNil);

        var quit = new Chan<Empty>();
        var token = quit.ToCancellationToken();
        Assert.False(token.IsCancellationRequested);
        var t = Task.Delay(Timeout.Infinite, token);
        quit.Close();
        Assert.Throws<TaskCanceledException>(() => t.GetAwaiter().GetResult());
        Assert.True(quit.ToCancellationToken().IsCancellationRequested);
    });
}
