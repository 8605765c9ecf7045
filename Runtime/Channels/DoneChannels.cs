using System;
using System.Runtime.CompilerServices;
using System.Threading;
using GoSharp.Waiting;

namespace GoSharp.Channels;

/// <summary>
/// One done channel per <see cref="CancellationTokenSource"/> (Go: a context's <c>Done()</c> channel, made
/// once). Kept in a <see cref="ConditionalWeakTable{TKey, TValue}"/> keyed by the token's source: the entry
/// lives exactly as long as the source, so a loop of selects over <c>token.DoneCase()</c> registers on the
/// token once instead of once per select (each registration is kept by the source until it is cancelled or
/// collected: 1,000,000 selects used to keep about 198 MiB alive).
/// </summary>
/// <remarks>
/// <see cref="CancellationToken"/> does not expose its source; the private field is read with an
/// <see cref="UnsafeAccessorAttribute"/>. Should a later .NET rename it, the accessor throws once and every
/// call falls back to a fresh channel and registration per call (the old behaviour), never to a wrong answer.
/// </remarks>
internal static class DoneChannels
{
    private static readonly ConditionalWeakTable<CancellationTokenSource, Entry> s_table = new();
    private static readonly HChan<Empty> s_closed = NewClosed();
    private static bool s_noAccessor;

    private sealed class Entry
    {
        public readonly HChan<Empty> Channel = new(0);
        public int Registered;
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_source")]
    private static extern ref CancellationTokenSource? SourceOf(ref CancellationToken token);

    public static RecvChan<Empty> For(CancellationToken token)
    {
        if (!token.CanBeCanceled) return default;
        if (token.IsCancellationRequested) return new Chan<Empty>(s_closed);
        CancellationTokenSource? source = Source(token);
        if (source is null) return new Chan<Empty>(Registered(token, new HChan<Empty>(0)));
        Entry e = s_table.GetValue(source, static _ => new Entry());
        // Exactly one caller registers; a concurrent one may select on the channel a moment before the
        // registration exists, which only matters if the token is cancelled in that moment, and then the
        // registration (made right after) runs its callback at once.
        if (Volatile.Read(ref e.Registered) == 0 && Interlocked.Exchange(ref e.Registered, 1) == 0)
            Registered(token, e.Channel);
        return new Chan<Empty>(e.Channel);
    }

    private static CancellationTokenSource? Source(CancellationToken token)
    {
        if (Volatile.Read(ref s_noAccessor)) return null;
        try
        {
            return SourceOf(ref token);
        }
        catch (MissingFieldException)
        {
            Volatile.Write(ref s_noAccessor, true);
            return null;
        }
    }

    private static HChan<Empty> Registered(CancellationToken token, HChan<Empty> channel)
    {
        // Unsafe: closing a channel needs no ExecutionContext. The registration is never disposed: it lives as
        // long as the source, as the channel does.
        token.UnsafeRegister(static s => ((HChan<Empty>)s!).CloseIfOpen(), channel);
        return channel;
    }

    private static HChan<Empty> NewClosed()
    {
        var h = new HChan<Empty>(0);
        h.Close();
        return h;
    }
}
