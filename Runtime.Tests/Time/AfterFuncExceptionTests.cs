using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;
using static GoSharp.Runtime.Tests.TimeOps;

namespace GoSharp.Runtime.Tests.Time;

/// <summary>
/// An exception thrown by an AfterFunc's function (runtime red team against Go, bench/gosemantics
/// panic-in-afterfunc). Go ends the program at once on a panic in the AfterFunc goroutine; GoSharp reported it only
/// when a garbage collection finalised the goroutine's root frame, though no handle to it ever existed: a short
/// program ended with the exception lost, and a long one ran on for as long as no collection came.
/// </summary>
public class AfterFuncExceptionTests
{
    [Fact]
    public void An_AfterFunc_exception_is_reported_when_it_is_thrown()
    {
        for (int seed = 0; seed < 50; seed++)
        {
            var reported = new ConcurrentQueue<UnhandledGoroutineException>();
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed, UnhandledException = reported.Enqueue });
            var started = new Chan<long>(1);
            IEnumerable<Op> Body()
            {
                Go.AfterFunc(TimeSpan.FromMilliseconds(5), () =>
                {
                    started.TrySend(Go.CurrentId);
                    throw new FormatException("in afterfunc");
                });
                var r = Recv(started);
                yield return r;
                // Virtual time moves on only when no goroutine can run: the AfterFunc goroutine has ended by then.
                yield return Sleep(10);
                var e = Assert.Single(reported);
                Assert.Equal(r.Result, e.GoroutineId);
                Assert.Equal("in afterfunc", Assert.IsType<FormatException>(e.InnerException).Message);
            }
            rt.Go(Body()).Join();
        }
    }

    [Fact]
    public void An_AfterFunc_that_returns_reports_nothing()
    {
        var reported = new ConcurrentQueue<UnhandledGoroutineException>();
        using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = 1, UnhandledException = reported.Enqueue });
        var ran = new Chan<int>(1);
        IEnumerable<Op> Body()
        {
            Go.AfterFunc(TimeSpan.FromMilliseconds(5), () => ran.TrySend(1));
            yield return Recv(ran);
            yield return Sleep(10);
            Assert.Empty(reported);
        }
        rt.Go(Body()).Join();
    }
}
