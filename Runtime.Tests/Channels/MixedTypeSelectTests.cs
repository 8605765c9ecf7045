using System;
using System.Linq;
using System.Threading;
using Xunit;

namespace GoSharp.Runtime.Tests.Channels;

/// <summary>Regressions from review: channel ids per element type, timer Stop after a fire.</summary>
public class MixedTypeSelectTests
{
    [Fact]
    public void ChannelsOfDifferentElementTypesHaveDistinctIds()
    {
        var ids = new[]
        {
            new Chan<int>().H!.Id, new Chan<long>().H!.Id, new Chan<string>().H!.Id,
            new Chan<DateTime>().H!.Id, new Chan<Empty>().H!.Id,
        };
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void SelectOverChannelsOfTwoElementTypesLosesNothingUnderConcurrentSenders()
    {
        var a = new Chan<int>();
        var b = new Chan<long>();
        const int perSender = 20_000;
        var senders = Enumerable.Range(0, 3).Select(k => new Thread(() =>
        {
            for (int i = 0; i < perSender; i++)
            {
                if ((i + k) % 2 == 0) a.Send(1); else b.Send(1L);
            }
        })).ToList();
        senders.ForEach(t => t.Start());
        long received = 0;
        for (int i = 0; i < 3 * perSender; i++)
        {
            var s = Go.Select(a.RecvCase(), b.RecvCase());
            received += s.Index == 0 ? s.Value1 : s.Value2;
        }
        senders.ForEach(t => t.Join());
        Assert.Equal(3 * perSender, received);
    }

    [Fact]
    public void StopAfterAnUnreadFireReturnsTrueAndDrains()
    {
        var t = Go.NewTimer(TimeSpan.FromMilliseconds(1));
        Assert.True(SpinWait.SpinUntil(() => t.C.Len == 1, TimeSpan.FromSeconds(10)));
        // Go 1.23: the fired value is drained by Stop, and Stop reports it, so
        // `if (!t.Stop()) t.C.Recv();` cannot wait for a value that is gone.
        Assert.True(t.Stop());
        Assert.Equal(0, t.C.Len);
    }
}
