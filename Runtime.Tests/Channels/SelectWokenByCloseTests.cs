using System;
using System.Collections.Generic;
using System.Threading;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Channels;

/// <summary>
/// A parked select woken by the close of one of its channels (Go: a send case panics, a receive case gets the zero
/// value and ok = false) must leave the queues of its other channels at once: a later send or receive there that
/// found its stale entry would hand a value to a goroutine that has moved on, and the value would be lost.
/// </summary>
public class SelectWokenByCloseTests
{
    [Theory, InlineData(1, false), InlineData(4, false), InlineData(1, true), InlineData(4, true)]
    public void TheOtherCasesHoldNothingAfterTheClose(int procs, bool sendCase)
    {
        Rt.With(procs, rt =>
        {
            for (int round = 0; round < 50; round++)
            {
                var closing = new Chan<int>();
                var other = new Chan<int>();
                var otherOut = new Chan<int>();
                Exception? error = null;
                int index = -1;
                bool ok = true;
                IEnumerable<Op> Selector()
                {
                    if (sendCase)
                    {
                        // Its other cases: a receive on one channel and a send on another.
                        var s = SelectOps.Select(closing.SendCase(1), other.RecvCase(), otherOut.SendCase(9)).Catch();
                        yield return s;
                        error = s.Error;
                    }
                    else
                    {
                        var s = SelectOps.Select(closing.RecvCase(), other.RecvCase(), otherOut.SendCase(9));
                        yield return s;
                        (index, ok) = (s.Result.Index, s.Result.Ok);
                    }
                }
                var h = rt.Go(Selector());
                Assert.True(SpinWait.SpinUntil(() => Dumps.CountInStatus(rt, "[select") == 1, Scheduler.BlockingTests.Guard));
                closing.Close();
                h.Join();
                if (sendCase) Assert.IsType<ChannelClosedException>(error);
                else Assert.True(index == 0 && !ok, $"round {round}: case {index}, ok {ok}");
                // Nobody waits on the other channels now.
                Assert.False(other.TrySend(5), $"round {round}: a send found the select's stale receive");
                Assert.False(otherOut.TryRecv(out int v), $"round {round}: a receive took {v} from the select's stale send");
            }
        });
    }
}
