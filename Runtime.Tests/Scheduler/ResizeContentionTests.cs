using System;
using System.Threading;
using GoSharp.CompilerServices;
using GoSharp.Runtime.Tests.Frames;
using GoSharp.Scheduler;
using Xunit;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary>
/// SetMaxProcs from a goroutine while another stopper holds the world: the goroutine waits for the world
/// semaphore, and the stop that held it asked it to yield meanwhile. In Go it parks on the semaphore and
/// execute clears that request when it runs again, so after its GOMAXPROCS returns it runs on unasked; a
/// request carried over made it yield at its next loop back-edge for nothing (the same symptom as a resizer
/// asking itself, LifecycleTests.AGoroutineThatResizesItsRuntimeIsNotAskedToYield).
/// </summary>
public class ResizeContentionTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_resizer_that_waited_for_another_stop_is_not_left_asked_to_yield(int shrinkTo)
    {
        // Sysmon's own requests are kept out by a long PreemptAfter.
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2, PreemptAfter = TimeSpan.FromHours(1) });
        using var running = new ManualResetEventSlim();
        bool askedBefore = false, askedAfter = true;
        var resizer = rt.Spawn(new ActionFrame(() =>
        {
            G self = M.Current!.CurG!;
            running.Set();
            // Plain code, on its P, until the other stopper asks it to yield: that stopper holds the semaphore
            // now and waits for this P, which the wait for the semaphore below hands over.
            while (!self.Preempt) Thread.SpinWait(1); // volatile
            askedBefore = true;
            GoRuntime.Current.SetMaxProcs(shrinkTo);
            askedAfter = M.Current!.CurG!.Preempt;
        }));
        running.Wait();
        rt.SetMaxProcs(4); // from a plain thread: the first stopper
        resizer.Join();
        Assert.True(askedBefore);
        Assert.False(askedAfter);
        Assert.Equal(shrinkTo, rt.MaxProcs);
    }

    [Fact]
    public void Resizers_on_every_P_shrinking_each_others_Ps_all_finish()
    {
        // Four goroutines resize at once, each to a size that retires the P of some other (and, for the one
        // on a retired P, its own: it goes on on P0). Every call returns and the runtime ends at a size one
        // of them set, with the yielding goroutines around them all run to their end.
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 4 });
        var others = new Goroutine<long>[200];
        for (int i = 0; i < others.Length; i++) others[i] = rt.Spawn(new YieldingFrame(20, i));
        int[] sizes = { 1, 2, 3, 4 };
        var resizers = new Goroutine[sizes.Length];
        for (int k = 0; k < sizes.Length; k++)
        {
            int size = sizes[k];
            resizers[k] = rt.Spawn(new ActionFrame(() =>
            {
                for (int round = 0; round < 25; round++) GoRuntime.Current.SetMaxProcs(round % 2 == 0 ? size : 5 - size);
            }));
        }
        foreach (var r in resizers) r.Join();
        Assert.Contains(rt.MaxProcs, sizes);
        for (int i = 0; i < others.Length; i++) Assert.Equal(YieldingFrame.Expected(20, i), others[i].Join());
    }
}
