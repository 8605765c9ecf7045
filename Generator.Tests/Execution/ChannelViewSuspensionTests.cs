using System;
using System.Linq;
using System.Reflection;
using Xunit;

namespace GoSharp.Generator.Tests.Execution;

/// <summary>
/// The blocking members of the channel views and of Go.Group are suspension points: the generated frames
/// hold their awaiters (a call the generator took for plain code would block the thread instead, and the
/// differential run could not tell).
/// </summary>
public class ChannelViewSuspensionTests
{
    private static Type[] AwaiterFields(string frame) =>
        (typeof(Cases).GetNestedType(frame, BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("no generated frame " + frame))
        .GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
        .Where(f => f.Name.StartsWith("_aw", StringComparison.Ordinal))
        .Select(f => f.FieldType)
        .ToArray();

    [Theory]
    [InlineData("ViewsBuffered_Frame", typeof(ChanSendAwaiter<int>))]
    [InlineData("ViewsBuffered_Frame", typeof(ChanMoveNextAwaiter<int>))]
    [InlineData("ViewsBuffered_Frame", typeof(ChanRecvOkAwaiter<int>))]
    [InlineData("ViewsBuffered_Frame", typeof(ChanRecvAwaiter<int>))]
    [InlineData("Produce_Frame", typeof(ChanSendAwaiter<int>))]
    [InlineData("ViewsAcrossGoroutines_Frame", typeof(SelectAwaiter<int, Empty>))]
    [InlineData("TimerChannels_Frame", typeof(ChanRecvAwaiter<DateTime>))]
    [InlineData("GroupInGoroutine_Frame", typeof(GroupGoAwaiter))]
    [InlineData("GroupInGoroutine_Frame", typeof(GroupWaitAwaiter))]
    [InlineData("GroupFirstError_Frame", typeof(GroupWaitAwaiter))]
    [InlineData("CancellableOperations_Frame", typeof(ChanSendCancelableAwaiter<int>))]
    [InlineData("CancellableOperations_Frame", typeof(ChanRecvCancelableAwaiter<int>))]
    [InlineData("CancellableOperations_Frame", typeof(ChanRecvOkCancelableAwaiter<int>))]
    [InlineData("CancellableOperations_Frame", typeof(MutexLockAwaiter))]
    [InlineData("CancellableOperations_Frame", typeof(SemaphoreAcquireAwaiter))]
    [InlineData("CancellableOperations_Frame", typeof(WaitGroupAwaiter))]
    [InlineData("CancellableOperations_Frame", typeof(SleepAwaiter))]
    [InlineData("CancellableOperations_Frame", typeof(JoinAwaiter))]
    [InlineData("CancellableOperations_Frame", typeof(JoinAwaiter<int>))]
    public void Frame_awaits(string frame, Type awaiter) => Assert.Contains(awaiter, AwaiterFields(frame));
}
