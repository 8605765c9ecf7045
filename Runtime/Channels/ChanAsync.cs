using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GoSharp.Channels;

using GoSharp.Waiting;

namespace GoSharp;

/// <summary>Channel operations for async code (Task-based callers outside goroutines).</summary>
public readonly partial struct Chan<T>
{
    /// <summary>
    /// Sends from async code: completes when a receiver took the value or the buffer had room; throws
    /// <see cref="ChannelClosedException"/> if the channel is or becomes closed. Cancelling withdraws the
    /// send (the value is not delivered) unless a receiver already took it.
    /// </summary>
    public ValueTask SendAsync(T value, CancellationToken cancellationToken = default)
    {
        var h = H;
        if (h is null) return new ValueTask(Task.Delay(Timeout.Infinite, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        h.Lock.Enter();
        int r = h.SendLocked(value, out Waiter? wake);
        if (r != 0)
        {
            h.Lock.Exit();
            wake?.WakeOwner();
            if (r < 0) return ValueTask.FromException(ChannelClosedException.SendOnClosed());
            return default;
        }
        var w = new Waiter<T> { Value = value, Async = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        h.SendQ.Enqueue(w, h);
        h.Lock.Exit();
        return new ValueTask(WaitSend(h, w, cancellationToken));
    }

    private static async Task WaitSend(HChan<T> h, Waiter<T> w, CancellationToken ct)
    {
        await WaitAsync(h, w, send: true, ct).ConfigureAwait(false);
        if (!w.Success) throw ChannelClosedException.SendOnClosed();
    }

    /// <summary>Receives from async code: the value, or default once the channel is closed and drained.</summary>
    public async ValueTask<T> RecvAsync(CancellationToken cancellationToken = default) =>
        (await RecvOkAsync(cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Receives from async code, with <c>Ok</c> false once the channel is closed and drained.</summary>
    public ValueTask<(T Value, bool Ok)> RecvOkAsync(CancellationToken cancellationToken = default)
    {
        var h = H;
        if (h is null) return new ValueTask<(T, bool)>(Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(
            static t => { t.GetAwaiter().GetResult(); return (default(T)!, false); }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default));
        cancellationToken.ThrowIfCancellationRequested();
        h.Lock.Enter();
        int r = h.RecvLocked(out T value, out Waiter? wake);
        if (r != 0)
        {
            h.Lock.Exit();
            wake?.WakeOwner();
            return new ValueTask<(T, bool)>((value, r == 1));
        }
        var w = new Waiter<T> { Async = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        h.RecvQ.Enqueue(w, h);
        h.Lock.Exit();
        return new ValueTask<(T, bool)>(WaitRecv(h, w, cancellationToken));
    }

    private static async Task<(T, bool)> WaitRecv(HChan<T> h, Waiter<T> w, CancellationToken ct)
    {
        await WaitAsync(h, w, send: false, ct).ConfigureAwait(false);
        return (w.Value, w.Success);
    }

    private static async Task WaitAsync(HChan<T> h, Waiter<T> w, bool send, CancellationToken ct)
    {
        if (ct.CanBeCanceled)
        {
            using var reg = ct.Register(() =>
            {
                if (h.CancelWaiter(w, send)) w.Async!.TrySetCanceled(ct);
            });
            await w.Async!.Task.ConfigureAwait(false);
        }
        else
        {
            await w.Async!.Task.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads every value until the channel is closed and drained (Go's range, for <c>await foreach</c>).
    /// </summary>
    public async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var (v, ok) = await RecvOkAsync(cancellationToken).ConfigureAwait(false);
            if (!ok) yield break;
            yield return v;
        }
    }

    /// <summary>
    /// A token cancelled when this channel is closed (Go's done channel as a .NET token): hands a
    /// goroutine's <c>done</c> channel to Task-based APIs. The cancellation (and the token's callbacks)
    /// runs on the thread pool shortly after <see cref="Close"/>, never on the closing thread.
    /// </summary>
    public CancellationToken ToCancellationToken()
    {
        var h = H;
        if (h is null) return CancellationToken.None; // nil: never closed
        if (h.Closed) return new CancellationToken(canceled: true);
        var cts = new CancellationTokenSource();
        // Cancel runs the token's callbacks (user code) synchronously: keep them off the closing
        // goroutine's scheduler thread.
        h.OnClose(() => ThreadPool.UnsafeQueueUserWorkItem(static c => ((CancellationTokenSource)c!).Cancel(), cts));
        return cts.Token;
    }
}

public static partial class Go
{
    /// <summary>
    /// The channel closed when <paramref name="cancellationToken"/> is cancelled (Go: <c>ctx.Done()</c>):
    /// receive from it, range over it, or select on it (<see cref="CancellationTokenSelectExtensions.DoneCase"/>).
    /// Nil (never ready) for a token that cannot be cancelled. Like Go's, it is the same channel at every call
    /// for the same token, made and registered on the token once, and receive-only: nobody but the token
    /// closes it.
    /// </summary>
    public static RecvChan<Empty> Done(CancellationToken cancellationToken) => DoneChannels.For(cancellationToken);
}

/// <summary>Select cases for <see cref="CancellationToken"/>.</summary>
public static class CancellationTokenSelectExtensions
{
    /// <summary>
    /// A select case ready once the token is cancelled (Go: <c>case &lt;-ctx.Done():</c>): the receive case of
    /// <see cref="Go.Done"/>. Cheap in a loop: the token's channel is made and registered once per token.
    /// </summary>
    public static SelectCase<Empty> DoneCase(this CancellationToken cancellationToken) => DoneChannels.For(cancellationToken).RecvCase();
}
