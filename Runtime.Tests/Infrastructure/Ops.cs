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
        (ref ChanRecvAwaiter<T> a) => a.GetResult()!);

    // The directional views hand out the channel's own awaiters; these drive them as generated code would.
    public static Op<ChanSendAwaiter<T>, Unit> Send<T>(SendChan<T> c, T v) => new(c.GetSendAwaiter(v),
        (ref ChanSendAwaiter<T> a) => a.IsCompleted, (ref ChanSendAwaiter<T> a, G g, Frame f) => a.Suspend(g, f),
        (ref ChanSendAwaiter<T> a) => { a.GetResult(); return default; });

    public static Op<ChanRecvAwaiter<T>, T> Recv<T>(RecvChan<T> c) => new(c.GetRecvAwaiter(),
        (ref ChanRecvAwaiter<T> a) => a.IsCompleted, (ref ChanRecvAwaiter<T> a, G g, Frame f) => a.Suspend(g, f),
        (ref ChanRecvAwaiter<T> a) => a.GetResult()!);

    public static Op<ChanRecvOkAwaiter<T>, (T Value, bool Ok)> RecvOk<T>(RecvChan<T> c) => new(c.GetRecvOkAwaiter(),
        (ref ChanRecvOkAwaiter<T> a) => a.IsCompleted, (ref ChanRecvOkAwaiter<T> a, G g, Frame f) => a.Suspend(g, f),
        (ref ChanRecvOkAwaiter<T> a) => a.GetResult());

    public static Op<ChanRecvOkAwaiter<T>, (T Value, bool Ok)> RecvOk<T>(Chan<T> c) => new(c.GetRecvOkAwaiter(),
        (ref ChanRecvOkAwaiter<T> a) => a.IsCompleted, (ref ChanRecvOkAwaiter<T> a, G g, Frame f) => a.Suspend(g, f),
        (ref ChanRecvOkAwaiter<T> a) => a.GetResult());

    // Cancellable forms: the Cancelable awaiters, carrying the token.
    public static Op<ChanSendCancelableAwaiter<T>, Unit> Send<T>(Chan<T> c, T v, System.Threading.CancellationToken ct) => new(c.GetSendAwaiter(v, ct),
        (ref ChanSendCancelableAwaiter<T> a) => a.IsCompleted, (ref ChanSendCancelableAwaiter<T> a, G g, Frame f) => a.Suspend(g, f),
        (ref ChanSendCancelableAwaiter<T> a) => { a.GetResult(); return default; });

    public static Op<ChanRecvCancelableAwaiter<T>, T> Recv<T>(Chan<T> c, System.Threading.CancellationToken ct) => new(c.GetRecvAwaiter(ct),
        (ref ChanRecvCancelableAwaiter<T> a) => a.IsCompleted, (ref ChanRecvCancelableAwaiter<T> a, G g, Frame f) => a.Suspend(g, f),
        (ref ChanRecvCancelableAwaiter<T> a) => a.GetResult()!);

    public static Op<ChanRecvOkCancelableAwaiter<T>, (T Value, bool Ok)> RecvOk<T>(Chan<T> c, System.Threading.CancellationToken ct) => new(c.GetRecvOkAwaiter(ct),
        (ref ChanRecvOkCancelableAwaiter<T> a) => a.IsCompleted, (ref ChanRecvOkCancelableAwaiter<T> a, G g, Frame f) => a.Suspend(g, f),
        (ref ChanRecvOkCancelableAwaiter<T> a) => a.GetResult());

    public static Op<ChanSendCancelableAwaiter<T>, Unit> Send<T>(SendChan<T> c, T v, System.Threading.CancellationToken ct) => new(c.GetSendAwaiter(v, ct),
        (ref ChanSendCancelableAwaiter<T> a) => a.IsCompleted, (ref ChanSendCancelableAwaiter<T> a, G g, Frame f) => a.Suspend(g, f),
        (ref ChanSendCancelableAwaiter<T> a) => { a.GetResult(); return default; });

    public static Op<ChanRecvCancelableAwaiter<T>, T> Recv<T>(RecvChan<T> c, System.Threading.CancellationToken ct) => new(c.GetRecvAwaiter(ct),
        (ref ChanRecvCancelableAwaiter<T> a) => a.IsCompleted, (ref ChanRecvCancelableAwaiter<T> a, G g, Frame f) => a.Suspend(g, f),
        (ref ChanRecvCancelableAwaiter<T> a) => a.GetResult()!);

    public static Op<ChanMoveNextAwaiter<T>, bool> MoveNext<T>(ChanEnumerator<T> e) => new(e.GetMoveNextAwaiter(),
        (ref ChanMoveNextAwaiter<T> a) => a.IsCompleted, (ref ChanMoveNextAwaiter<T> a, G g, Frame f) => a.Suspend(g, f),
        (ref ChanMoveNextAwaiter<T> a) => a.GetResult());

    public static Op<YieldAwaiter, Unit> Yield() => new(default,
        (ref YieldAwaiter a) => a.IsCompleted, (ref YieldAwaiter a, G g, Frame f) => a.Suspend(g, f),
        (ref YieldAwaiter a) => { a.GetResult(); return default; });

    public static Op<GroupGoAwaiter, Unit> GroupGo(Go.Group group, Action action) => new(group.GetGoAwaiter(action),
        (ref GroupGoAwaiter a) => a.IsCompleted, (ref GroupGoAwaiter a, G g, Frame f) => a.Suspend(g, f),
        (ref GroupGoAwaiter a) => { a.GetResult(); return default; });

    public static Op<GroupGoAwaiter, Unit> GroupGo(Go.Group group, Func<Goroutine> start) => new(group.GetGoAwaiter(start),
        (ref GroupGoAwaiter a) => a.IsCompleted, (ref GroupGoAwaiter a, G g, Frame f) => a.Suspend(g, f),
        (ref GroupGoAwaiter a) => { a.GetResult(); return default; });

    public static Op<GroupWaitAwaiter, Unit> GroupWait(Go.Group group) => new(group.GetWaitAwaiter(),
        (ref GroupWaitAwaiter a) => a.IsCompleted, (ref GroupWaitAwaiter a, G g, Frame f) => a.Suspend(g, f),
        (ref GroupWaitAwaiter a) => { a.GetResult(); return default; });

    public static Op<JoinAwaiter, Unit> Join(Goroutine h, System.Threading.CancellationToken ct) => new(h.GetJoinAwaiter(ct),
        (ref JoinAwaiter a) => a.IsCompleted, (ref JoinAwaiter a, G g, Frame f) => a.Suspend(g, f),
        (ref JoinAwaiter a) => { a.GetResult(); return default; });

    public static Op<JoinAwaiter<T>, T> Join<T>(Goroutine<T> h, System.Threading.CancellationToken ct) => new(h.GetJoinAwaiter(ct),
        (ref JoinAwaiter<T> a) => a.IsCompleted, (ref JoinAwaiter<T> a, G g, Frame f) => a.Suspend(g, f),
        (ref JoinAwaiter<T> a) => a.GetResult());

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

    public static Op<SleepAwaiter, Unit> Sleep(TimeSpan d, System.Threading.CancellationToken ct) => new(Go.GetSleepAwaiter(d, ct),
        (ref SleepAwaiter a) => a.IsCompleted, (ref SleepAwaiter a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref SleepAwaiter a) => { a.GetResult(); return default; });
}

public static class SyncOps
{
    public readonly struct Unit;

    public static Op<MutexLockAwaiter, Unit> Lock(Sync.Mutex m) => new(m.GetLockAwaiter(),
        (ref MutexLockAwaiter a) => a.IsCompleted, (ref MutexLockAwaiter a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref MutexLockAwaiter a) => { a.GetResult(); return default; });

    public static Op<RWMutexLockAwaiter, Unit> Lock(RWMutex m) => new(m.GetLockAwaiter(),
        (ref RWMutexLockAwaiter a) => a.IsCompleted, (ref RWMutexLockAwaiter a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref RWMutexLockAwaiter a) => { a.GetResult(); return default; });

    public static Op<RWMutexRLockAwaiter, Unit> RLock(RWMutex m) => new(m.GetRLockAwaiter(),
        (ref RWMutexRLockAwaiter a) => a.IsCompleted, (ref RWMutexRLockAwaiter a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref RWMutexRLockAwaiter a) => { a.GetResult(); return default; });

    public static Op<WaitGroupAwaiter, Unit> Wait(WaitGroup wg) => new(wg.GetWaitAwaiter(),
        (ref WaitGroupAwaiter a) => a.IsCompleted, (ref WaitGroupAwaiter a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref WaitGroupAwaiter a) => { a.GetResult(); return default; });

    public static Op<OnceAwaiter, Unit> Do(Once o, Action action) => new(o.GetDoAwaiter(action),
        (ref OnceAwaiter a) => a.IsCompleted, (ref OnceAwaiter a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref OnceAwaiter a) => { a.GetResult(); return default; });

    public static Op<CondWaitAwaiter, Unit> Wait(Cond c) => new(c.GetWaitAwaiter(),
        (ref CondWaitAwaiter a) => a.IsCompleted, (ref CondWaitAwaiter a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref CondWaitAwaiter a) => { a.GetResult(); return default; });

    public static Op<MutexLockAwaiter, Unit> Lock(Sync.Mutex m, System.Threading.CancellationToken ct) => new(m.GetLockAwaiter(ct),
        (ref MutexLockAwaiter a) => a.IsCompleted, (ref MutexLockAwaiter a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref MutexLockAwaiter a) => { a.GetResult(); return default; });

    public static Op<WaitGroupAwaiter, Unit> Wait(WaitGroup wg, System.Threading.CancellationToken ct) => new(wg.GetWaitAwaiter(ct),
        (ref WaitGroupAwaiter a) => a.IsCompleted, (ref WaitGroupAwaiter a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref WaitGroupAwaiter a) => { a.GetResult(); return default; });

    public static Op<SemaphoreAcquireAwaiter, Unit> Acquire(Sync.Semaphore s, System.Threading.CancellationToken ct) => new(s.GetAcquireAwaiter(ct),
        (ref SemaphoreAcquireAwaiter a) => a.IsCompleted, (ref SemaphoreAcquireAwaiter a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref SemaphoreAcquireAwaiter a) => { a.GetResult(); return default; });

    public static Op<SemaphoreAcquireAwaiter, Unit> Acquire(Sync.Semaphore s) => new(s.GetAcquireAwaiter(),
        (ref SemaphoreAcquireAwaiter a) => a.IsCompleted, (ref SemaphoreAcquireAwaiter a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref SemaphoreAcquireAwaiter a) => { a.GetResult(); return default; });
}

public static class AwaitOps
{
    public readonly struct Unit;

    public static Op<TaskAwaitAwaiter, Unit> Await(System.Threading.Tasks.Task t) => new(Go.GetAwaitAwaiter(t),
        (ref TaskAwaitAwaiter a) => a.IsCompleted, (ref TaskAwaitAwaiter a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref TaskAwaitAwaiter a) => { a.GetResult(); return default; });

    public static Op<TaskAwaitAwaiter<T>, T> Await<T>(System.Threading.Tasks.Task<T> t) => new(Go.GetAwaitAwaiter(t),
        (ref TaskAwaitAwaiter<T> a) => a.IsCompleted, (ref TaskAwaitAwaiter<T> a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref TaskAwaitAwaiter<T> a) => a.GetResult());

    public static Op<ValueTaskAwaitAwaiter, Unit> Await(System.Threading.Tasks.ValueTask t) => new(Go.GetAwaitAwaiter(t),
        (ref ValueTaskAwaitAwaiter a) => a.IsCompleted, (ref ValueTaskAwaitAwaiter a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref ValueTaskAwaitAwaiter a) => { a.GetResult(); return default; });

    public static Op<ValueTaskAwaitAwaiter<T>, T> Await<T>(System.Threading.Tasks.ValueTask<T> t) => new(Go.GetAwaitAwaiter(t),
        (ref ValueTaskAwaitAwaiter<T> a) => a.IsCompleted, (ref ValueTaskAwaitAwaiter<T> a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref ValueTaskAwaitAwaiter<T> a) => a.GetResult());
}

public static class SelectOps8
{
    public static Op<SelectAwaiter<T1, T2, T3, T4, T5, T6>, Selected<T1, T2, T3, T4, T5, T6>> Select<T1, T2, T3, T4, T5, T6>(
        SelectCase<T1> c1, SelectCase<T2> c2, SelectCase<T3> c3, SelectCase<T4> c4, SelectCase<T5> c5, SelectCase<T6> c6) => new(Go.GetSelectAwaiter(c1, c2, c3, c4, c5, c6),
        (ref SelectAwaiter<T1, T2, T3, T4, T5, T6> a) => a.IsCompleted, (ref SelectAwaiter<T1, T2, T3, T4, T5, T6> a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref SelectAwaiter<T1, T2, T3, T4, T5, T6> a) => a.GetResult());
}
