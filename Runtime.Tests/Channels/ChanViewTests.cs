using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Channels;

/// <summary>Receive-only and send-only views: the channel's own semantics through a narrower type.</summary>
public class ChanViewTests
{
    public static TheoryData<int> Procs => new() { 1, 2, 4 };

    static IEnumerable<Op> Producer(SendChan<int> w, int n)
    {
        for (int i = 0; i < n; i++) yield return Send(w, i);
        w.Close();
    }

    static IEnumerable<Op> Consumer(RecvChan<int> r, List<int> got)
    {
        while (true)
        {
            var op = RecvOk(r);
            yield return op;
            if (!op.Result.Ok) break;
            got.Add(op.Result.Value);
        }
    }

    [Theory, MemberData(nameof(Procs))]
    public void Goroutines_talk_through_views(int procs) => Rt.With(procs, rt =>
    {
        foreach (int cap in new[] { 0, 5 })
        {
            var ch = new Chan<int>(cap);
            var got = new List<int>();
            var cons = rt.Go(Consumer(ch, got));
            var prod = rt.Go(Producer(ch, 1000));
            prod.Join();
            cons.Join();
            Assert.Equal(Enumerable.Range(0, 1000), got);
        }
    });

    [Theory, MemberData(nameof(Procs))]
    public void Recv_view_awaiter_suspends_and_thread_sends(int procs) => Rt.With(procs, rt =>
    {
        var ch = new Chan<int>();
        RecvChan<int> r = ch;
        var got = new List<int>();
        IEnumerable<Op> Body()
        {
            for (int i = 0; i < 100; i++)
            {
                var op = Recv(r);
                yield return op;
                got.Add(op.Result);
            }
        }
        var h = rt.Go(Body());
        for (int i = 0; i < 100; i++) ch.Send(i); // a plain thread blocks on the same channel
        h.Join();
        Assert.Equal(Enumerable.Range(0, 100), got);
    });

    [Fact]
    public void Range_and_select_over_views()
    {
        var ch = new Chan<int>(3);
        SendChan<int> w = ch;
        RecvChan<int> r = ch;
        Assert.True(w.TrySend(1));
        w.Send(2);
        Assert.Equal(2, r.Len);
        Assert.Equal(3, w.Cap);
        var s = Go.Select(r.RecvCase(), Go.Default);
        Assert.Equal((0, true, 1), (s.Index, s.Ok, s.Value1));
        var t = Go.Select(w.SendCase(3), Go.Default);
        Assert.Equal(0, t.Index);
        w.Close();
        Assert.Equal(new[] { 2, 3 }, r.ToList()); // foreach: ends after close and drain
        Assert.Equal((0, false), r.RecvOk());
        Assert.True(r.TryRecvOk(out _, out bool ok));
        Assert.False(ok);
        Assert.Throws<ChannelClosedException>(() => w.Send(4));
        Assert.Throws<ChannelClosedException>(() => w.TrySend(4));
        Assert.Throws<ChannelClosedException>(() => w.Close());
    }

    [Fact]
    public void Nil_views_behave_as_the_nil_channel()
    {
        RecvChan<int> r = default;
        SendChan<int> w = default;
        Assert.True(r.IsNil);
        Assert.True(w.IsNil);
        Assert.True(RecvChan<int>.Nil == r);
        Assert.False(r.TryRecv(out _));
        Assert.False(r.TryRecvOk(out _, out _));
        Assert.False(w.TrySend(1));
        Assert.Equal(0, r.Len + r.Cap + w.Len + w.Cap);
        Assert.Throws<ChannelClosedException>(() => w.Close());
        // Never ready in a select.
        Assert.Equal(2, Go.Select(r.RecvCase(), w.SendCase(1), Go.Default).Index);
        RecvChan<int> fromNil = Chan<int>.Nil;
        Assert.True(fromNil.IsNil);
    }

    [Fact]
    public void Equality_follows_the_channel()
    {
        var a = new Chan<int>();
        var b = new Chan<int>();
        RecvChan<int> ra = a, ra2 = a, rb = b;
        SendChan<int> wa = a;
        Assert.True(ra == ra2);
        Assert.True(ra == a);          // a Chan converts, as Go compares chan T with <-chan T
        Assert.True(wa == a);
        Assert.False(ra == rb);
        Assert.True(ra != rb);
        Assert.Equal(a.GetHashCode(), ra.GetHashCode());
        Assert.Equal(a.GetHashCode(), wa.GetHashCode());
        Assert.True(ra.Equals((object)ra2));
        Assert.False(ra.Equals((object)a)); // through object only the same view type is equal (symmetry with Chan.Equals)
        Assert.Equal(0, default(RecvChan<int>).GetHashCode());
        Assert.StartsWith("<-chan#", ra.ToString());
        Assert.StartsWith("chan<-#", wa.ToString());
    }

    [Fact]
    public void Views_have_no_way_back_and_no_wrong_direction()
    {
        static bool ConvertsTo(Type from, Type to) => from.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Any(m => (m.Name == "op_Implicit" || m.Name == "op_Explicit") && m.ReturnType == to);
        Assert.False(ConvertsTo(typeof(RecvChan<int>), typeof(Chan<int>)));
        Assert.False(ConvertsTo(typeof(SendChan<int>), typeof(Chan<int>)));
        Assert.False(ConvertsTo(typeof(Chan<int>), typeof(RecvChan<int>))); // the operators live on the views
        Assert.True(ConvertsTo(typeof(RecvChan<int>), typeof(RecvChan<int>)));
        var recvNames = typeof(RecvChan<int>).GetMethods().Select(m => m.Name).ToHashSet();
        var sendNames = typeof(SendChan<int>).GetMethods().Select(m => m.Name).ToHashSet();
        Assert.DoesNotContain("Close", recvNames);
        Assert.DoesNotContain("Send", recvNames);
        Assert.DoesNotContain("SendCase", recvNames);
        Assert.DoesNotContain("Recv", sendNames);
        Assert.DoesNotContain("RecvCase", sendNames);
        Assert.DoesNotContain("GetEnumerator", sendNames);
        // Timers own their channels: C is receive-only, so nobody can close it under the timer.
        Assert.Equal(typeof(RecvChan<DateTime>), typeof(Go.Timer).GetProperty("C")!.PropertyType);
        Assert.Equal(typeof(RecvChan<DateTime>), typeof(Go.Ticker).GetProperty("C")!.PropertyType);
        Assert.Equal(typeof(RecvChan<DateTime>), typeof(Go).GetMethod("After")!.ReturnType);
    }

    [Fact]
    public async Task Async_members_of_the_views()
    {
        var ch = new Chan<int>();
        RecvChan<int> r = ch;
        SendChan<int> w = ch;
        var reader = Task.Run(async () =>
        {
            var got = new List<int>();
            await foreach (var v in r.ReadAllAsync()) got.Add(v);
            return got;
        });
        for (int i = 0; i < 50; i++) await w.SendAsync(i);
        var recv = r.RecvAsync().AsTask(); // every value is taken already: this one waits for the close
        w.Close();
        var got = await reader;
        // The last RecvAsync sees the close (or nothing was left): default.
        Assert.Equal(0, await recv);
        Assert.Equal(Enumerable.Range(0, 50), got);
        Assert.True(r.ToCancellationToken().IsCancellationRequested); // a closed done channel is a cancelled token
    }
}
