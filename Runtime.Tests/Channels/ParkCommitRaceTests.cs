using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;
using static GoSharp.Runtime.Tests.SelectOps;

namespace GoSharp.Runtime.Tests.Channels;

/// <summary>
/// A goroutine's blocking send or receive decides "would block" without the channel's lock and leaves
/// every decision to its park commit, which takes the lock once (HChan essay, step 3). These scenarios
/// race that window against everything that can change the channel meanwhile: receivers and senders
/// arriving, a select on the same channel, a close, and a token cancelling the wait; and the same window
/// of a select without default, which also goes to its commit without locking when no case is ready.
/// Whatever the interleaving, every value a send reported delivered is received exactly once, and no
/// value whose send threw (closed, cancelled) is ever received.
/// </summary>
public class ParkCommitRaceTests
{
    [Fact]
    public void Sends_and_receives_that_park_through_the_commit_lose_nothing_under_many_seeded_schedules()
    {
        for (int seed = 1; seed <= 300; seed++)
        {
            var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            try
            {
                Scenario(rt, new Random(seed));
            }
            catch (Exception ex)
            {
                throw new Exception($"seed {seed}", ex);
            }
            finally
            {
                rt.Dispose();
            }
        }
    }

    [Fact]
    public void Sends_and_receives_that_park_through_the_commit_lose_nothing_on_four_Ps()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 4 });
        for (int round = 1; round <= 200; round++)
        {
            try
            {
                Scenario(rt, new Random(round));
            }
            catch (Exception ex)
            {
                throw new Exception($"round {round}", ex);
            }
        }
    }

    static void Scenario(GoRuntime rt, Random rnd)
    {
        int cap = rnd.Next(3);
        var data = new Chan<int>(cap);
        using var cts = new CancellationTokenSource();
        var sync = new object();
        var delivered = new List<int>();
        var notDelivered = new List<int>();
        var received = new List<int>();
        int closeAfter = rnd.Next(0, 40), cancelAfter = rnd.Next(0, 40);
        int nextRaceValue = 1_000;
        bool closed = false;

        void Close()
        {
            lock (sync)
            {
                if (closed) return;
                closed = true;
            }
            data.Close();
        }
        // What another M may do to the channel between a would-block answer and the park commit.
        Action? Race()
        {
            int pick;
            lock (sync) pick = rnd.Next(6);
            switch (pick)
            {
                case 0:
                    return () =>
                    {
                        if (data.TryRecv(out int v)) lock (sync) received.Add(v);
                    };
                case 1:
                    return () =>
                    {
                        int v;
                        lock (sync) v = nextRaceValue++;
                        bool sent;
                        try { sent = data.TrySend(v); }
                        catch (ChannelClosedException) { sent = false; }
                        lock (sync) (sent ? delivered : notDelivered).Add(v);
                    };
                case 2: return Close;
                case 3: return cts.Cancel;
                default: return null;
            }
        }

        static Op Prepared<TAw, TRes>(Op<TAw, TRes> op, Action? race)
        {
            op.Catch();
            if (race is not null) op.BeforePark(race);
            return op;
        }
        IEnumerable<Op> Sender(int id, bool withToken)
        {
            for (int i = 0; i < 12; i++)
            {
                int v = id * 100 + i;
                // The token's send has an awaiter type of its own (ChanSendCancelableAwaiter).
                Op s = withToken ? Prepared(Send(data, v, cts.Token), Race()) : Prepared(Send(data, v), Race());
                yield return s;
                lock (sync) (s.Error is null ? delivered : notDelivered).Add(v);
                if (s.Error is ChannelClosedException) yield break;
                if (s.Error is not null and not OperationCanceledException) throw s.Error;
            }
        }
        IEnumerable<Op> Receiver(bool withToken)
        {
            while (true)
            {
                Op r;
                Func<(int Value, bool Ok)> result;
                if (withToken)
                {
                    var op = RecvOk(data, cts.Token);
                    r = Prepared(op, Race());
                    result = () => op.Result;
                }
                else
                {
                    var op = RecvOk(data);
                    r = Prepared(op, Race());
                    result = () => op.Result;
                }
                yield return r;
                if (r.Error is OperationCanceledException)
                {
                    withToken = false; // a cancelled token fails every later receive at once
                    continue;
                }
                if (r.Error is not null) throw r.Error;
                if (!result().Ok) yield break;
                lock (sync) received.Add(result().Value);
            }
        }
        IEnumerable<Op> SelectingReceiver()
        {
            var other = new Chan<int>();
            while (true)
            {
                var s = Select(data.RecvCase(), other.RecvCase());
                if (Race() is Action race) s.BeforePark(race);
                yield return s;
                if (!s.Result.Ok) yield break;
                lock (sync) received.Add(s.Result.Value1);
            }
        }
        IEnumerable<Op> SelectingSender(int id)
        {
            var other = new Chan<int>();
            for (int i = 0; i < 12; i++)
            {
                int v = id * 100 + i;
                var s = Select(data.SendCase(v), other.SendCase(v)).Catch();
                if (Race() is Action race) s.BeforePark(race);
                yield return s;
                lock (sync) (s.Error is null ? delivered : notDelivered).Add(v);
                if (s.Error is ChannelClosedException) yield break;
                if (s.Error is not null) throw s.Error;
            }
        }
        IEnumerable<Op> Closer()
        {
            for (int i = 0; i < Math.Max(closeAfter, cancelAfter); i++)
            {
                if (i == cancelAfter) cts.Cancel();
                if (i == closeAfter) Close();
                yield return Yield();
            }
            cts.Cancel();
            Close();
        }

        var hs = new List<Goroutine>
        {
            rt.Go(Sender(1, false)), rt.Go(Sender(2, true)), rt.Go(Sender(3, false)), rt.Go(SelectingSender(4)),
            rt.Go(Receiver(false)), rt.Go(Receiver(true)), rt.Go(SelectingReceiver()), rt.Go(Closer()),
        };
        hs.ForEach(h => h.Join());

        Assert.Equal(delivered.OrderBy(x => x), received.OrderBy(x => x));
        Assert.Empty(notDelivered.Intersect(received));
    }
}
