using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Xunit;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary>
/// The thread limit (Go: debug.SetMaxThreads): goroutines blocked in plain code may not make the runtime use
/// more threads than it allows; the one that would gets ThreadExhaustionException before it blocks.
/// </summary>
public class ThreadLimitTests
{
    [Fact]
    public void Blocking_past_the_thread_limit_fails_loudly_and_raising_it_lets_the_next_block()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, MaxThreads = 3 });
        Assert.Equal(3, rt.Sched.MaxThreads);
        using var gate = new ManualResetEventSlim();
        var outcomes = new Chan<Exception?>(16);
        IEnumerable<Op> Blocker()
        {
            Exception? error = null;
            try { Go.Blocking(() => gate.Wait()); }
            catch (ThreadExhaustionException ex) { error = ex; }
            outcomes.Send(error);                                // buffered: never waits
            yield break;
        }
        // One P plus two blocked threads fit in three; the third and fourth blocker would need a fourth thread.
        var handles = Enumerable.Range(0, 4).Select(_ => rt.Go(Blocker())).ToList();
        var first = (ThreadExhaustionException)outcomes.Recv()!;   // only failures come back before the gate opens
        var second = (ThreadExhaustionException)outcomes.Recv()!;
        Assert.Equal(3, first.Limit);
        Assert.Contains("3-thread limit", first.Message);
        Assert.Contains("GOSHARP_MAXTHREADS", first.Message);
        Assert.Contains("GoRuntimeOptions.MaxThreads", second.Message);
        Assert.Equal(2, rt.Sched.BlockedMs);
        Assert.InRange(rt.Sched.ThreadCount, 1, 3);

        Assert.Equal(3, rt.SetMaxThreads(4));                      // Go's SetMaxThreads returns the old limit
        handles.Add(rt.Go(Blocker()));                             // now fits: it blocks like the first two
        SpinWait.SpinUntil(() => rt.Sched.BlockedMs == 3);
        gate.Set();
        foreach (var h in handles) h.Join();
        Assert.Null(outcomes.Recv());
        Assert.Null(outcomes.Recv());
        Assert.Null(outcomes.Recv());
        Assert.Equal(0, rt.Sched.BlockedMs);
        Assert.InRange(rt.Sched.ThreadCount, 1, 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => rt.SetMaxThreads(0));
    }

    [Fact]
    public void A_channel_wait_in_plain_code_at_the_limit_is_withdrawn_before_it_throws()
    {
        // A plain helper's Recv queues its waiter, then finds it cannot block: the waiter must leave the queue,
        // or a later send would hand its value to a receiver that is gone.
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, MaxThreads = 1 });
        var c = new Chan<int>(1);
        Exception? error = null;
        IEnumerable<Op> PlainReceiver()
        {
            try { c.Recv(); }
            catch (ThreadExhaustionException ex) { error = ex; }
            yield break;
        }
        rt.Go(PlainReceiver()).Join();
        Assert.IsType<ThreadExhaustionException>(error);
        Assert.True(c.H!.RecvQ.IsEmpty);
        Assert.True(c.TrySend(5));
        Assert.Equal(1, c.Len);                                    // buffered, not handed to the gone receiver
        Assert.Throws<ArgumentOutOfRangeException>(() => new GoRuntime(new GoRuntimeOptions { MaxThreads = 0 }));
    }

    [Fact]
    public void A_mutex_wait_in_plain_code_at_the_limit_leaves_the_waiter_count()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, MaxThreads = 1 });
        var mu = new Sync.Mutex();
        mu.Lock();                                                 // held by this plain thread
        Exception? error = null;
        IEnumerable<Op> PlainLocker()
        {
            try { mu.Lock(); }
            catch (ThreadExhaustionException ex) { error = ex; }
            yield break;
        }
        rt.Go(PlainLocker()).Join();
        Assert.IsType<ThreadExhaustionException>(error);
        Assert.Equal(Sync.Mutex.Locked, Volatile.Read(ref mu.State)); // no waiter left counted
        mu.Unlock();
        Assert.True(mu.TryLock());
    }
}
