using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Structured;

/// <summary>Go.Group: errgroup semantics (first error wins and cancels, Wait, limit) on 1, 2 and 4 Ps.</summary>
public class GroupTests
{
    public static TheoryData<int> Procs => new() { 1, 2, 4 };

    /// <summary>Waits for the group's token (a goroutine selecting on ctx.Done()), then stops with OperationCanceledException.</summary>
    static IEnumerable<Op> StopsOnCancel(Go.Group g, StrongBox<int> stopped)
    {
        yield return Recv(GoSharp.Go.Done(g.Token));
        Interlocked.Increment(ref stopped.Value);
        g.Token.ThrowIfCancellationRequested();
    }

    static IEnumerable<Op> Fails(Exception e)
    {
        yield return Yield();
        throw e;
    }

    [Theory, MemberData(nameof(Procs))]
    public void No_error_wait_returns_after_all(int procs) => Rt.With(procs, rt =>
    {
        var g = new Go.Group();
        int done = 0;
        for (int i = 0; i < 200; i++) g.Go(() => Interlocked.Increment(ref done));
        for (int i = 0; i < 50; i++) g.Go(() => rt.Go(Counting()));
        IEnumerable<Op> Counting() { yield return Yield(); Interlocked.Increment(ref done); }
        Assert.False(g.Token.IsCancellationRequested);
        g.Wait();
        Assert.Equal(250, done);
        Assert.Empty(g.Exceptions);
        Assert.True(g.Token.IsCancellationRequested); // as errgroup: Wait cancels the context
        g.Wait(); // again: same outcome
        Assert.Throws<InvalidOperationException>(() => g.Go(() => { }));
    });

    [Theory, MemberData(nameof(Procs))]
    public void First_error_wins_and_cancels_the_rest(int procs) => Rt.With(procs, rt =>
    {
        var g = new Go.Group();
        var stopped = new StrongBox<int>();
        const int waiters = 20;
        for (int i = 0; i < waiters; i++) g.Add(rt.Go(StopsOnCancel(g, stopped)));
        var boom = new InvalidOperationException("boom");
        g.Go(() => rt.Go(Fails(boom)));
        var thrown = Assert.Throws<InvalidOperationException>(g.Wait);
        Assert.Same(boom, thrown);                         // rethrown as itself, not wrapped
        Assert.Equal(waiters, stopped.Value);              // every goroutine saw the cancellation and stopped
        var all = g.Exceptions;
        Assert.Same(boom, all[0]);
        Assert.Equal(waiters + 1, all.Count);              // the later ones are kept, not dropped
        Assert.All(all.Skip(1), e => Assert.IsType<OperationCanceledException>(e));
    });

    [Theory, MemberData(nameof(Procs))]
    public void Wait_inside_a_goroutine_suspends_and_rethrows(int procs) => Rt.With(procs, rt =>
    {
        var g = new Go.Group();
        var gate = new Chan<Empty>();
        var boom = new FormatException("first");
        // Plain-code action: blocks its thread on the gate, then throws.
        g.Go(() => { gate.Recv(); throw boom; });
        Op? wait = null;
        IEnumerable<Op> Waiter()
        {
            wait = GroupWait(g).Catch();
            yield return wait;
        }
        var w = rt.Go(Waiter());
        gate.Close();
        w.Join();
        Assert.Same(boom, wait!.Error);
    });

    [Theory, MemberData(nameof(Procs))]
    public void Limit_is_respected_exactly(int procs) => Rt.With(procs, rt =>
    {
        const int limit = 3, total = 30;
        var g = new Go.Group();
        g.SetLimit(limit);
        var started = new Chan<int>(total);
        var release = new Chan<Empty>();
        int active = 0, max = 0, ran = 0;
        IEnumerable<Op> Task(int id)
        {
            int now = Interlocked.Increment(ref active);
            for (int m = Volatile.Read(ref max); now > m; m = Volatile.Read(ref max))
                Interlocked.CompareExchange(ref max, now, m);
            yield return Send(started, id);
            yield return Recv(release);
            Interlocked.Decrement(ref active); // before the slot is freed: the group frees it after this goroutine ends
            Interlocked.Increment(ref ran);
        }
        // The spawner is a goroutine: Go is a suspension point that waits for a slot.
        IEnumerable<Op> Spawner()
        {
            for (int i = 0; i < total; i++)
            {
                int id = i;
                yield return GroupGo(g, () => rt.Go(Task(id)));
            }
        }
        var spawner = rt.Go(Spawner());
        for (int i = 0; i < limit; i++) started.Recv();
        Assert.Throws<InvalidOperationException>(() => g.SetLimit(5)); // goroutines are active
        Assert.False(g.TryGo(() => { }));                           // no free slot
        for (int i = 0; i < total; i++)
        {
            // Full while there is more to start (the last releases end goroutines nobody replaces).
            if (i + limit <= total) Assert.Equal(limit, Volatile.Read(ref active));
            release.Send(default);
            if (i + limit < total) started.Recv(); // the freed slot went to the next one
        }
        spawner.Join();
        g.Wait();
        Assert.Equal(limit, max);
        Assert.Equal(total, ran);
    });

    [Theory, MemberData(nameof(Procs))]
    public void Parent_token_cancels_the_group_without_an_error(int procs) => Rt.With(procs, rt =>
    {
        using var parent = new CancellationTokenSource();
        var g = new Go.Group(parent.Token);
        var stopped = new StrongBox<int>();
        IEnumerable<Op> Quiet()
        {
            yield return Recv(GoSharp.Go.Done(g.Token));
            Interlocked.Increment(ref stopped.Value);
        }
        for (int i = 0; i < 5; i++) g.Add(rt.Go(Quiet()));
        parent.Cancel();
        g.Wait(); // cancellation alone is no error
        Assert.Equal(5, stopped.Value);
        Assert.Empty(g.Exceptions);
    });

    [Fact]
    public void TryGo_limit_dispose_and_misuse()
    {
        var g = new Go.Group();
        Assert.Throws<ArgumentOutOfRangeException>(() => g.SetLimit(0));
        g.SetLimit(1);
        var gate = new Chan<Empty>();
        Assert.True(g.TryGo(() => gate.Recv()));
        Assert.False(g.TryGo(() => { }));
        gate.Close();
        g.Wait();
        Assert.Throws<InvalidOperationException>(() => g.TryGo(() => { }));

        var h = new Go.Group();
        h.Dispose();
        Assert.True(h.Token.IsCancellationRequested);
        Assert.Throws<InvalidOperationException>(() => h.Go(() => { }));
        Assert.Throws<ArgumentException>(() => new Go.Group().Add(default));
    }

    [Fact]
    public void A_throwing_launcher_is_the_groups_error()
    {
        var g = new Go.Group();
        var e = new ArgumentException("bad launch");
        g.Go(new Func<Goroutine>(() => throw e));
        Assert.Same(e, Assert.Throws<ArgumentException>(g.Wait));
    }
}

public sealed class StrongBox<T> { public T Value = default!; }
