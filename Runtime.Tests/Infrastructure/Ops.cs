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

public static class SelectOps
{
    public readonly struct Unit;

    public static Op<SelectAwaiter<T1, T2>, Selected<T1, T2>> Select<T1, T2>(SelectCase<T1> c1, SelectCase<T2> c2) => new(Go.GetSelectAwaiter(c1, c2),
        (ref SelectAwaiter<T1, T2> a) => a.IsCompleted, (ref SelectAwaiter<T1, T2> a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref SelectAwaiter<T1, T2> a) => a.GetResult());

    public static Op<SelectAwaiter<T1, T2, T3>, Selected<T1, T2, T3>> Select<T1, T2, T3>(SelectCase<T1> c1, SelectCase<T2> c2, SelectCase<T3> c3) => new(Go.GetSelectAwaiter(c1, c2, c3),
        (ref SelectAwaiter<T1, T2, T3> a) => a.IsCompleted, (ref SelectAwaiter<T1, T2, T3> a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref SelectAwaiter<T1, T2, T3> a) => a.GetResult());

    public static Op<SelectAwaiter<T1, T2, T3, T4>, Selected<T1, T2, T3, T4>> Select<T1, T2, T3, T4>(SelectCase<T1> c1, SelectCase<T2> c2, SelectCase<T3> c3, SelectCase<T4> c4) => new(Go.GetSelectAwaiter(c1, c2, c3, c4),
        (ref SelectAwaiter<T1, T2, T3, T4> a) => a.IsCompleted, (ref SelectAwaiter<T1, T2, T3, T4> a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref SelectAwaiter<T1, T2, T3, T4> a) => a.GetResult());

    public static Op<SelectAwaiter, Unit> SelectForever() => new(Go.GetSelectAwaiter(),
        (ref SelectAwaiter a) => a.IsCompleted, (ref SelectAwaiter a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref SelectAwaiter a) => { a.GetResult(); return default; });
}

public static class TimeOps
{
    public readonly struct Unit;

    public static Op<SleepAwaiter, Unit> Sleep(TimeSpan d) => new(Go.GetSleepAwaiter(d),
        (ref SleepAwaiter a) => a.IsCompleted, (ref SleepAwaiter a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref SleepAwaiter a) => { a.GetResult(); return default; });

    public static Op<SleepAwaiter, Unit> Sleep(int ms) => Sleep(TimeSpan.FromMilliseconds(ms));
}
