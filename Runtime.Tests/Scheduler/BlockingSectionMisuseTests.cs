using System;
using GoSharp.CompilerServices;
using GoSharp.Runtime.Tests.Faults;
using Xunit;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary>
/// A goroutine that tries to suspend inside <c>Go.EnterBlocking()</c> (its P handed on, its thread allowed only to
/// block) gets an InvalidOperationException in its own code; the section's <c>using</c> ends it on the way out and
/// the runtime goes on (the process used to die on a scheduler thread: "bad status change Running -> Waiting").
/// A section disposed twice says so instead of taking a second P.
/// </summary>
public class BlockingSectionMisuseTests
{
    /// <summary><c>using (Go.EnterBlocking()) { c.Recv(); }</c> (or Go.Yield()) in the shape the generator emits.</summary>
    private sealed class SuspendInSectionFrame(Chan<int> c, bool yield) : Frame<string>
    {
        private BlockingSection _section;
        private ChanRecvAwaiter<int> _recv;
        private YieldAwaiter _yield;

        public override FrameResult Resume(G g)
        {
            _section = Go.EnterBlocking();
            try
            {
                if (yield)
                {
                    _yield = Go.GetYieldAwaiter();
                    if (!_yield.IsCompleted) { State = 0; return _yield.Suspend(g, this); }
                }
                else
                {
                    _recv = c.GetRecvAwaiter();
                    if (!_recv.IsCompleted) { State = 0; return _recv.Suspend(g, this); }
                }
                Result = "did not suspend";
            }
            catch (InvalidOperationException e)
            {
                Result = e.Message;
            }
            finally
            {
                _section.Dispose();
            }
            return FrameResult.Completed;
        }
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    public void Suspending_inside_a_blocking_section_throws_in_the_goroutine_and_the_runtime_goes_on(int procs, bool yield)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs });
        var c = new Chan<int>();
        var message = rt.Spawn(new SuspendInSectionFrame(c, yield)).Join();
        Assert.Contains("inside a blocking section (Go.EnterBlocking())", message);
        // The section ended: the runtime runs the next goroutines, with every P.
        var sum = new Chan<int>(procs * 4);
        var handles = new Goroutine[procs * 4];
        for (var i = 0; i < handles.Length; i++)
        {
            var k = i;
            handles[i] = rt.Spawn(new PlainFrame(() => sum.Send(k)));
        }
        var total = 0;
        for (var i = 0; i < handles.Length; i++) total += sum.Recv();
        foreach (var h in handles) h.Join();
        Assert.Equal(handles.Length * (handles.Length - 1) / 2, total);
    }

    [Fact]
    public void A_blocking_section_disposed_twice_says_so()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        string error = "";
        rt.Spawn(new PlainFrame(() =>
        {
            var section = Go.EnterBlocking();
            section.Dispose();
            try { section.Dispose(); error = "no error"; }
            catch (InvalidOperationException e) { error = e.Message; }
        })).Join();
        Assert.Contains("has ended already: dispose it once", error);
        var after = 0;
        rt.Spawn(new PlainFrame(() => after = 3)).Join();
        Assert.Equal(3, after);
    }
}
