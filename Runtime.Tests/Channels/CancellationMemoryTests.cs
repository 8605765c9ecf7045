using System;
using System.Collections.Generic;
using System.Threading;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Channels;

/// <summary>
/// Each cancellable wait disposes its registration when it ends: a long-lived token keeps nothing per
/// operation. Measures the whole heap, so it runs alone with the other memory tests.
/// </summary>
[Collection(nameof(MeasuresProcessAllocations))]
public class CancellationMemoryTests
{
    private const int Operations = 100_000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_long_lived_token_keeps_nothing_per_wait(bool receiverIsGoroutine) => Rt.With(1, rt =>
    {
        using var cts = new CancellationTokenSource();
        var c = new Chan<int>();                                   // unbuffered: nearly every operation waits
        long received = 0;
        IEnumerable<Op> Receiver(int n)
        {
            for (int i = 0; i < n; i++)
            {
                var r = Recv(c, cts.Token);
                yield return r;
                received += r.Result;
            }
        }
        void Round(int n)
        {
            var sender = new Thread(() => { for (int i = 0; i < n; i++) c.Send(1, cts.Token); });
            sender.Start();
            if (receiverIsGoroutine) rt.Go(Receiver(n)).Join();
            else for (int i = 0; i < n; i++) received += c.Recv(cts.Token);
            sender.Join();
        }
        Round(1000);                                               // warm: pools, tiering
        // Retention per wait shows in every round; see Measure for why a few.
        int rounds = 0;
        long growth = Measure.LeastOf(3, (1 << 20) - 1, () => Measure.Retained(() => { rounds++; Round(Operations); }));
        GC.KeepAlive(cts);
        Assert.Equal(1000 + (long)rounds * Operations, received);
        Assert.True(growth < 1 << 20, $"{growth:N0} bytes retained by {Operations:N0} cancellable sends and receives");
    });
}
