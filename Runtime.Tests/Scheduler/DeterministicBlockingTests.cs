using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using GoSharp.Runtime.Tests.Faults;
using Xunit;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary>
/// Deterministic mode jumps the virtual clock when every goroutine is blocked on the runtime; a goroutine inside
/// <c>Go.Blocking</c> (real .NET code blocking its thread) or waiting on a Task from plain code is not, so the clock
/// waits for it, as Go's synctest does not advance time during a system call (runtime red team: a 10 s
/// <c>Go.After</c> fired while the worker was still in its blocking call).
/// </summary>
public class DeterministicBlockingTests
{
    /// <summary><c>Go.Sleep(d); then();</c> in the shape the generator emits: a sleep on the runtime's (virtual) timers.</summary>
    private sealed class SleepFrame(TimeSpan d, Action then) : GoSharp.CompilerServices.Frame
    {
        private SleepAwaiter _aw;
        public override GoSharp.CompilerServices.FrameResult Resume(GoSharp.CompilerServices.G g)
        {
            if (State == 0) goto resume0;
            _aw = Go.GetSleepAwaiter(d);
            if (!_aw.IsCompleted) { State = 0; return _aw.Suspend(g, this); }
        resume0:
            State = -1;
            _aw.GetResult();
            then();
            return GoSharp.CompilerServices.FrameResult.Completed;
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_virtual_clock_waits_for_a_goroutine_blocked_outside_the_runtime(bool task)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = 7 });
        using var inside = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        long start = rt.Sched.Nanotime();
        long sleptUntil = 0;
        var blocker = rt.Spawn(new PlainFrame(() =>
        {
            if (task) { inside.Set(); Go.Await(release.Task); }
            else Go.Blocking(() => { inside.Set(); gate.Wait(); });
        }));
        var sleeper = rt.Spawn(new SleepFrame(TimeSpan.FromSeconds(10), () => sleptUntil = rt.Sched.Nanotime()));
        Assert.True(inside.Wait(BlockingTests.Guard));
        // Every P idle (the sleeper parked, the blocker's section handed its P on): the scheduler has had its chance
        // to jump the clock by now, and must not have. Without the fix the sleep ends at once instead.
        Assert.True(SpinWait.SpinUntil(() => rt.Sched.IdleProcs == 1 || Volatile.Read(ref sleptUntil) != 0, BlockingTests.Guard));
        Assert.Equal(0, Volatile.Read(ref sleptUntil));
        Assert.True(rt.Sched.Nanotime() - start < Stopwatch.Frequency * 10);
        if (task) release.SetResult(); else gate.Set();
        Assert.True(BlockingTests.Finishes(() => { blocker.Join(); sleeper.Join(); }));
        Assert.True(sleptUntil - start >= Stopwatch.Frequency * 10);
    }

    // A timer channel sends the virtual clock's time in deterministic mode (synctest's fake time.Now), not the wall
    // clock's: Go.After(1 hour) delivers the runtime's start plus an hour, though it fires at once in real time.
    [Fact]
    public void A_timer_channel_sends_the_virtual_time()
    {
        var before = DateTime.UtcNow;
        using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = 3 });
        DateTime fired = default, ticked = default;
        rt.Spawn(new PlainFrame(() =>
        {
            fired = Go.After(TimeSpan.FromHours(1)).Recv();
            ticked = Go.After(TimeSpan.FromMinutes(30)).Recv();
        })).Join();
        var after = DateTime.UtcNow;
        Assert.InRange(fired - before, TimeSpan.FromHours(1), TimeSpan.FromHours(1) + (after - before));
        Assert.InRange(ticked - fired, TimeSpan.FromMinutes(30) - TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(30) + TimeSpan.FromMilliseconds(1));
    }
}
