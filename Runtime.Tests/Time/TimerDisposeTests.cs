using System;
using System.Collections.Generic;
using System.Threading;
using GoSharp.Runtime.Tests.Scheduler;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Time;

/// <summary>Timers and a runtime's Dispose (runtime red team, round 3).</summary>
public class TimerDisposeTests
{
    private static IEnumerable<Op> YieldUntil(StopFlag stop)
    {
        while (!stop.Value) yield return Yield();
    }

    private sealed class StopFlag { public volatile bool Value; }

    // An AfterFunc that fired after Dispose had begun (the runtime counted as disposed, its Ms not yet stopped)
    // started its goroutine with NewProc, which threw ObjectDisposedException on the scheduler thread: the process
    // died. Here the hook fires it exactly there: a goroutine keeps the M scheduling, and both timers are made due;
    // the channel timer, due after the AfterFunc, shows that the M has run past the AfterFunc's firing.
    [Fact]
    public void An_AfterFunc_firing_while_the_runtime_is_disposed_starts_nothing()
    {
        var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, Name = "afterfunc-dispose" });
        var stop = new StopFlag();
        int ran = 0;
        Go.Timer af, marker;
        using (rt.Enter())
        {
            af = Go.AfterFunc(TimeSpan.FromHours(1), () => Interlocked.Increment(ref ran));
            marker = Go.NewTimer(TimeSpan.FromHours(1));
        }
        rt.Go(YieldUntil(stop));
        rt.DisposingForTest = () =>
        {
            af.Reset(TimeSpan.FromTicks(1));
            marker.Reset(TimeSpan.FromTicks(2));
            Assert.True(SpinWait.SpinUntil(() => marker.C.Len == 1, BlockingTests.Guard));
        };
        rt.Dispose();
        stop.Value = true;
        Assert.Equal(0, ran);
    }

    // New timers on a disposed runtime would never fire: created there, they throw as a spawn does (Go.After used
    // to return a channel that a plain thread then waited on forever).
    [Fact]
    public void Creating_a_timer_on_a_disposed_runtime_throws()
    {
        var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        rt.Dispose();
        using (rt.Enter())
        {
            Assert.Throws<ObjectDisposedException>(() => Go.After(TimeSpan.FromMilliseconds(1)));
            Assert.Throws<ObjectDisposedException>(() => Go.NewTimer(TimeSpan.FromMilliseconds(1)));
            Assert.Throws<ObjectDisposedException>(() => Go.NewTicker(TimeSpan.FromMilliseconds(1)));
            Assert.Throws<ObjectDisposedException>(() => Go.AfterFunc(TimeSpan.FromMilliseconds(1), () => { }));
        }
    }
}
