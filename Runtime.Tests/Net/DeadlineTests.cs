using System;
using System.Collections.Generic;
using System.Threading;
using GoSharp.Net;
using Xunit;
using static GoSharp.Runtime.Tests.Net.NetTestKit;

namespace GoSharp.Runtime.Tests.Net;

// Deadlines are real time. No test asserts how long anything took: a deadline either lies in the past, or
// guards a wait that could otherwise never end (a peer that never writes, never reads).
public class DeadlineTests
{
    private static void AssertDeadline(Exception? error, string operation)
    {
        var d = Assert.IsType<DeadlineExceededException>(error);
        Assert.IsAssignableFrom<TimeoutException>(d);
        Assert.Equal(operation, d.Operation);
        Assert.Contains($"{operation} deadline", d.Message);
    }

    [Fact]
    public void Read_deadline_fires_in_a_goroutine_and_the_connection_stays_usable() => Rt.With(2, rt =>
    {
        var (a, b) = Pair();
        using (a)
        using (b)
        {
            Exception? timedOut = null;
            int later = -1;
            var go = new Chan<int>();
            IEnumerable<Op> Reader()
            {
                var buf = new byte[16];
                a.SetReadDeadline(DateTime.UtcNow.AddMilliseconds(50)); // the peer never writes
                var r = NetOps.Read(a, buf).Catch();
                yield return r;
                timedOut = r.Error;
                a.SetReadDeadline(default);
                yield return Ops.Send(go, 1);
                var r2 = NetOps.Read(a, buf);
                yield return r2;
                later = r2.Result;
            }
            Goroutine g = rt.Go(Reader());
            go.Recv();
            b.Write(new byte[] { 42 });
            g.Join();
            AssertDeadline(timedOut, "read");
            Assert.Equal(1, later);
        }
    });

    [Fact]
    public void A_deadline_set_in_the_past_ends_the_pending_read_of_a_parked_goroutine() => Rt.With(2, rt =>
    {
        var (a, b) = Pair();
        using (a)
        using (b)
        {
            Exception? error = null;
            IEnumerable<Op> Reader()
            {
                var r = NetOps.Read(a, new byte[16]).Catch();
                yield return r;
                error = r.Error;
            }
            Goroutine g = rt.Go(Reader());
            UntilParkedOnNetwork(rt, 1);
            a.SetReadDeadline(DateTime.UtcNow.AddSeconds(-1)); // Go's idiom to interrupt a reader
            g.Join();
            AssertDeadline(error, "read");
            // Future reads fail too, at once, until the deadline moves.
            AssertDeadline(Record(() => a.Read(new byte[1])), "read");
        }
    });

    [Fact]
    public void Write_deadline_ends_a_write_the_peer_never_reads() => Rt.With(2, rt =>
    {
        var (a, b) = Pair();
        using (a)
        using (b)
        {
            Exception? error = null;
            long written = 0;
            IEnumerable<Op> Writer()
            {
                var chunk = new byte[256 * 1024];
                while (true)
                {
                    var w = NetOps.Write(a, chunk).Catch();
                    yield return w;
                    if (w.Error is not null)
                    {
                        error = w.Error;
                        yield break;
                    }
                    written += chunk.Length;
                }
            }
            Goroutine g = rt.Go(Writer());
            UntilParkedOnNetwork(rt, 1); // the socket buffers are full
            a.SetWriteDeadline(DateTime.UtcNow.AddSeconds(-1));
            g.Join();
            AssertDeadline(error, "write");
            Assert.True(written > 0);
            // The read side has its own deadline: untouched.
            b.Write(new byte[] { 1 });
            Assert.Equal(1, a.Read(new byte[1]));
        }
    });

    [Fact]
    public void Deadlines_fire_on_plain_threads()
    {
        var (a, b) = Pair();
        using (a)
        using (b)
        {
            a.SetReadDeadline(DateTime.Now.AddMilliseconds(50)); // local time is understood too
            AssertDeadline(Record(() => a.Read(new byte[16])), "read");
            a.SetWriteDeadline(DateTime.UtcNow.AddMilliseconds(50));
            var chunk = new byte[256 * 1024];
            AssertDeadline(Record(() => { while (true) a.Write(chunk); }), "write");
            a.SetDeadline(DateTime.UtcNow.AddDays(1));
            b.Write(new byte[] { 7 });
            var one = new byte[1];
            Assert.Equal(1, a.Read(one));
            Assert.Equal(7, one[0]);
        }
    }

    [Fact]
    public void A_cancelled_token_ends_a_read_with_OperationCanceledException() => Rt.With(2, rt =>
    {
        var (a, b) = Pair();
        using (a)
        using (b)
        using (var cts = new CancellationTokenSource())
        {
            Exception? error = null;
            IEnumerable<Op> Reader()
            {
                var r = NetOps.Read(a, new byte[4], cts.Token).Catch();
                yield return r;
                error = r.Error;
            }
            Goroutine g = rt.Go(Reader());
            UntilParkedOnNetwork(rt, 1);
            cts.Cancel();
            g.Join();
            var oce = Assert.IsAssignableFrom<OperationCanceledException>(error);
            Assert.Equal(cts.Token, oce.CancellationToken);
            Assert.IsNotType<DeadlineExceededException>(error);
            // Not a deadline: the next read works.
            b.Write(new byte[] { 3 });
            Assert.Equal(1, a.Read(new byte[4]));
        }
    });

    [Fact]
    public void A_cancelled_token_ends_a_write_the_peer_never_reads() => Rt.With(2, rt =>
    {
        // The write waits with a cancellation source made only when it has to wait (most writes go out at
        // once and never need one): the caller's token, registered before that, must still reach it.
        var (a, b) = Pair();
        using (a)
        using (b)
        using (var cts = new CancellationTokenSource())
        {
            Exception? error = null;
            long written = 0;
            IEnumerable<Op> Writer()
            {
                var chunk = new byte[256 * 1024];
                while (true)
                {
                    var w = NetOps.Write(a, chunk, cts.Token).Catch();
                    yield return w;
                    if (w.Error is not null)
                    {
                        error = w.Error;
                        yield break;
                    }
                    written += chunk.Length;
                }
            }
            Goroutine g = rt.Go(Writer());
            UntilParkedOnNetwork(rt, 1); // the socket buffers are full
            cts.Cancel();
            g.Join();
            var oce = Assert.IsAssignableFrom<OperationCanceledException>(error);
            Assert.Equal(cts.Token, oce.CancellationToken);
            Assert.IsNotType<DeadlineExceededException>(error);
            Assert.True(written > 0);
        }
    });

    [Fact]
    public void A_read_cancelled_by_nothing_that_still_holds_is_issued_again() => Rt.With(2, rt =>
    {
        // What a deadline that fired and was moved ahead before the read saw the cancellation leaves behind (a
        // red team hit it with one thread interrupting and the reader moving its deadline): the read's source is
        // cancelled, but no deadline has passed, no token fired, the Conn is open. Go's read re-checks the deadline
        // after each wake-up and waits on; so does this one (a cancelled receive took no data).
        var (a, b) = Pair();
        using (a)
        using (b)
        {
            int got = -1;
            var buf = new byte[4];
            IEnumerable<Op> Reader()
            {
                var r = NetOps.Read(a, buf);
                yield return r;
                got = r.Result;
            }
            Goroutine g = rt.Go(Reader());
            UntilParkedOnNetwork(rt, 1);
            a.ReadDirection.CancelOutstanding();
            b.Write(new byte[] { 9 });
            g.Join();
            Assert.Equal(1, got);
            Assert.Equal(9, buf[0]);
        }
    });

    private static Exception? Record(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
