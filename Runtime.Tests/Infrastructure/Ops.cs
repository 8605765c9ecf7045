using System;
using GoSharp.CompilerServices;

namespace GoSharp.Runtime.Tests;

/// <summary>Suspension points for scripts, one per runtime primitive.</summary>
public static class Ops
{
    public readonly struct Unit;

    public static Op<ChanSendAwaiter<T>, Unit> Send<T>(Chan<T> c, T v) => new(c.GetSendAwaiter(v),
        (ref ChanSendAwaiter<T> a) => a.IsCompleted, (ref ChanSendAwaiter<T> a, G g, Frame f) => a.Suspend(g, f),
        (ref ChanSendAwaiter<T> a) => { a.GetResult(); return default; });

    public static Op<ChanRecvAwaiter<T>, T> Recv<T>(Chan<T> c) => new(c.GetRecvAwaiter(),
        (ref ChanRecvAwaiter<T> a) => a.IsCompleted, (ref ChanRecvAwaiter<T> a, G g, Frame f) => a.Suspend(g, f),
        (ref ChanRecvAwaiter<T> a) => a.GetResult());

    public static Op<ChanRecvOkAwaiter<T>, (T Value, bool Ok)> RecvOk<T>(Chan<T> c) => new(c.GetRecvOkAwaiter(),
        (ref ChanRecvOkAwaiter<T> a) => a.IsCompleted, (ref ChanRecvOkAwaiter<T> a, G g, Frame f) => a.Suspend(g, f),
        (ref ChanRecvOkAwaiter<T> a) => a.GetResult());

    public static Op<ChanMoveNextAwaiter<T>, bool> MoveNext<T>(ChanEnumerator<T> e) => new(e.GetMoveNextAwaiter(),
        (ref ChanMoveNextAwaiter<T> a) => a.IsCompleted, (ref ChanMoveNextAwaiter<T> a, G g, Frame f) => a.Suspend(g, f),
        (ref ChanMoveNextAwaiter<T> a) => a.GetResult());

    public static Op<YieldAwaiter, Unit> Yield() => new(default,
        (ref YieldAwaiter a) => a.IsCompleted, (ref YieldAwaiter a, G g, Frame f) => a.Suspend(g, f),
        (ref YieldAwaiter a) => { a.GetResult(); return default; });

    public static Op<JoinAwaiter, Unit> Join(Goroutine h) => new(h.GetJoinAwaiter(),
        (ref JoinAwaiter a) => a.IsCompleted, (ref JoinAwaiter a, G g, Frame f) => a.Suspend(g, f),
        (ref JoinAwaiter a) => { a.GetResult(); return default; });
}
