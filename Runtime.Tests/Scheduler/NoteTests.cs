using System;
using System.Diagnostics;
using System.Threading;
using GoSharp.Scheduler;
using Xunit;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary>
/// The M's sleep/wake-up event (Note.cs): Sleep blocks at once and TrySpin only looks for a wake-up
/// for a while, so the wake-up protocol alone must make sure no wake-up is lost.
/// </summary>
public class NoteTests
{
    [Fact]
    public void AWakeupBeforeTheSleepEndsItAtOnceAndIsConsumed()
    {
        var note = new Note();
        note.Wakeup();
        Assert.True(note.Sleep(timeoutMs: 60_000));
        Assert.False(note.Sleep(timeoutMs: 0)); // consumed: the next sleep is not ended by it
    }

    [Fact]
    public void ATimedOutSleepReportsFalseAndTheNextWakeupIsNotLost()
    {
        var note = new Note();
        Assert.False(note.Sleep(timeoutMs: 1));
        note.Wakeup();
        Assert.True(note.Sleep(timeoutMs: 60_000));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void ATimedSleepNeverEndsBeforeItsTimeout(int timeoutMs)
    {
        // A lower bound, which a correct note meets on any machine however loaded (no upper bound is asserted):
        // rounding the time left down once woke Ms up to a millisecond early, and Sleep(1) did not sleep at all,
        // so an M waiting for a timer spun through the scheduler (red team, 2026-11-28).
        var note = new Note();
        for (int i = 0; i < 20; i++)
        {
            long start = Stopwatch.GetTimestamp();
            Assert.False(note.Sleep(timeoutMs));
            Assert.True(Stopwatch.GetElapsedTime(start) >= TimeSpan.FromMilliseconds(timeoutMs), $"Sleep({timeoutMs}) returned after {Stopwatch.GetElapsedTime(start).TotalMilliseconds} ms");
        }
    }

    [Fact]
    public void AWakeupFromAnotherThreadAlwaysEndsTheSleepWhicheverComesFirst()
    {
        // The waker races the sleeper: sometimes it finds the note empty, sometimes blocked. Every round
        // must end with the sleeper woken (a lost wake-up shows as a false: the 60 s timeout).
        const int rounds = 500;
        var note = new Note();
        int woken = 0;
        var go = new Barrier(2);
        var sleeper = new Thread(() =>
        {
            for (int i = 0; i < rounds; i++)
            {
                go.SignalAndWait();
                if (note.Sleep(timeoutMs: 60_000)) woken++;
                go.SignalAndWait();
            }
        });
        sleeper.Start();
        for (int i = 0; i < rounds; i++)
        {
            go.SignalAndWait();
            if (i % 2 == 0) Thread.Yield();
            note.Wakeup();
            go.SignalAndWait();
        }
        sleeper.Join();
        Assert.Equal(rounds, woken);
    }

    [Fact]
    public void TrySpinConsumesAWakeupThatCameFirst()
    {
        var note = new Note();
        note.Wakeup();
        Assert.True(note.TrySpin());
        Assert.False(note.Sleep(timeoutMs: 0));
    }

    [Fact]
    public void TrySpinWithoutAWakeupLeavesTheNoteForTheSleepThatFollows()
    {
        var note = new Note();
        Assert.False(note.TrySpin());
        note.Wakeup();
        Assert.True(note.Sleep(timeoutMs: 60_000));
    }
}
