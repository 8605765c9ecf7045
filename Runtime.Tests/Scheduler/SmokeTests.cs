using GoSharp.Runtime.Tests.Frames;
using Xunit;

namespace GoSharp.Runtime.Tests.Scheduler;

public class SmokeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void OneGoroutineYieldsAndReturns(int procs)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        var frame = new YieldingFrame(100, 7);
        long r = rt.Spawn(frame).Join();
        Assert.Equal(YieldingFrame.Expected(100, 7), r);
        Assert.Equal(101, frame.Resumptions);
    }
}
