using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using GoSharp.Channels;

namespace GoSharp
{
    public readonly partial struct Chan<T>
    {
        /// <summary>
        /// A <see cref="ChannelReader{T}"/> over this channel, for code written against
        /// System.Threading.Channels. Completes when the channel is closed and drained. See docs/channels.md
        /// (Adapters) for what a Go channel cannot express: <c>WaitToReadAsync</c> takes the value it waits for.
        /// </summary>
        public ChannelReader<T> AsChannelReader() => ((RecvChan<T>)this).AsChannelReader();

        /// <summary>
        /// A <see cref="ChannelWriter{T}"/> over this channel: <c>WriteAsync</c> is <see cref="SendAsync"/>,
        /// <c>TryWrite</c> is <see cref="TrySend"/> (false once closed), <c>Complete</c> closes it.
        /// </summary>
        public ChannelWriter<T> AsChannelWriter() => ((SendChan<T>)this).AsChannelWriter();
    }

    public readonly partial struct RecvChan<T>
    {
        /// <summary>A <see cref="ChannelReader{T}"/> over this channel; see <see cref="Chan{T}.AsChannelReader"/>.</summary>
        public ChannelReader<T> AsChannelReader() =>
            new GoChannelReader<T>(H ?? throw new InvalidOperationException("A nil channel has no ChannelReader: it would never complete nor yield."));
    }

    public readonly partial struct SendChan<T>
    {
        /// <summary>A <see cref="ChannelWriter{T}"/> over this channel; see <see cref="Chan{T}.AsChannelWriter"/>.</summary>
        public ChannelWriter<T> AsChannelWriter() =>
            new GoChannelWriter<T>(H ?? throw new InvalidOperationException("A nil channel has no ChannelWriter: it could never be written nor completed."));
    }

    public static partial class Go
    {
        /// <summary>
        /// A channel fed from <paramref name="source"/> (System.Threading.Channels to GoSharp): an async loop
        /// on the thread pool reads each item and sends it, and closes the channel when the source completes
        /// (normally or with an error) or <paramref name="cancellationToken"/> is cancelled. Buffering: the
        /// channel holds <paramref name="capacity"/> values (0: each send waits for a receiver), plus the one
        /// item the loop holds while it waits to send. The source's error is not carried by the channel (a
        /// Go channel has no error): it stays on <c>source.Completion</c>, which the loop observes.
        /// </summary>
        public static RecvChan<T> FromChannel<T>(ChannelReader<T> source, int capacity = 0, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(source);
            var ch = new Chan<T>(capacity);
            _ = Pump(source, ch, cancellationToken);
            return ch;
        }

        private static async Task Pump<T>(ChannelReader<T> source, Chan<T> ch, CancellationToken ct)
        {
            try
            {
                while (await source.WaitToReadAsync(ct).ConfigureAwait(false))
                {
                    while (source.TryRead(out T? item))
                        await ch.SendAsync(item, ct).ConfigureAwait(false);
                }
            }
            catch (Exception)
            {
                // Cancellation, the source's own fault (still on source.Completion for its owner), or a
                // receiver-side close of the channel: in every case the pump stops and the channel ends.
            }
            finally
            {
                ch.H!.CloseIfOpen();
            }
        }
    }
}

namespace GoSharp.Channels
{
    /// <summary>
    /// <see cref="ChannelReader{T}"/> over a Go channel. A Go channel cannot wait for a value without taking
    /// it, so <see cref="WaitToReadAsync"/> receives the value and keeps it here; <see cref="TryRead"/> and
    /// <see cref="ReadAsync"/> hand kept values out first. Safe for several concurrent readers.
    /// </summary>
    internal sealed class GoChannelReader<T> : ChannelReader<T>
    {
        private readonly HChan<T> _h;
        private readonly Queue<T> _kept = new(); // values taken by WaitToReadAsync, not yet read; lock(_kept)
        private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public GoChannelReader(HChan<T> h)
        {
            _h = h;
            // A close that finds the buffer empty ends the reader at once; otherwise the read that drains it does.
            h.OnClose(() => { if (h.Count == 0 && KeptCount == 0) Complete(); });
        }

        private int KeptCount { get { lock (_kept) return _kept.Count; } }

        private void Complete() => _completion.TrySetResult();

        public override Task Completion => _completion.Task;

        public override bool CanCount => true;

        public override int Count => _h.Count + KeptCount;

        public override bool TryRead([MaybeNullWhen(false)] out T item)
        {
            lock (_kept)
            {
                if (_kept.TryDequeue(out item)) return true;
            }
            if (new Chan<T>(_h).TryRecvOk(out item, out bool ok))
            {
                if (ok) return true;
                Complete();
            }
            item = default;
            return false;
        }

        public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
        {
            if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled<bool>(cancellationToken);
            lock (_kept)
            {
                if (_kept.Count > 0) return new ValueTask<bool>(true);
            }
            return WaitSlow(cancellationToken);
        }

        private async ValueTask<bool> WaitSlow(CancellationToken ct)
        {
            var (value, ok) = await new Chan<T>(_h).RecvOkAsync(ct).ConfigureAwait(false);
            if (!ok)
            {
                // Closed and drained; another reader may still hold kept values.
                if (KeptCount > 0) return true;
                Complete();
                return false;
            }
            lock (_kept) _kept.Enqueue(value);
            return true;
        }

        public override ValueTask<T> ReadAsync(CancellationToken cancellationToken = default)
        {
            if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled<T>(cancellationToken);
            lock (_kept)
            {
                if (_kept.TryDequeue(out T? item)) return new ValueTask<T>(item);
            }
            return ReadSlow(cancellationToken);
        }

        private async ValueTask<T> ReadSlow(CancellationToken ct)
        {
            var (value, ok) = await new Chan<T>(_h).RecvOkAsync(ct).ConfigureAwait(false);
            if (ok) return value;
            Complete();
            throw new System.Threading.Channels.ChannelClosedException();
        }
    }

    /// <summary>
    /// <see cref="ChannelWriter{T}"/> over a Go channel. A Go channel cannot report room without sending,
    /// so <see cref="WaitToWriteAsync"/> only says whether the channel is open; <see cref="WriteAsync"/>
    /// waits for a receiver or room as a send does.
    /// </summary>
    internal sealed class GoChannelWriter<T> : ChannelWriter<T>
    {
        private readonly HChan<T> _h;

        public GoChannelWriter(HChan<T> h) => _h = h;

        public override bool TryWrite(T item)
        {
            try
            {
                return new Chan<T>(_h).TrySend(item);
            }
            catch (GoSharp.ChannelClosedException)
            {
                return false; // ChannelWriter's contract: false, not an exception, once completed
            }
        }

        public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default)
        {
            if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled<bool>(cancellationToken);
            return new ValueTask<bool>(!_h.Closed);
        }

        public override ValueTask WriteAsync(T item, CancellationToken cancellationToken = default)
        {
            if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled(cancellationToken);
            var send = new Chan<T>(_h).SendAsync(item, cancellationToken);
            return send.IsCompletedSuccessfully ? default : Translate(send);
        }

        private static async ValueTask Translate(ValueTask send)
        {
            try
            {
                await send.ConfigureAwait(false);
            }
            catch (GoSharp.ChannelClosedException e)
            {
                // Callers of a ChannelWriter catch System.Threading.Channels' exception.
                throw new System.Threading.Channels.ChannelClosedException(e);
            }
        }

        /// <summary>Closes the channel; false if it was closed already. A Go channel carries no error: <paramref name="error"/> is not delivered to readers.</summary>
        public override bool TryComplete(Exception? error = null)
        {
            if (_h.Closed) return false;
            try
            {
                _h.Close();
                return true;
            }
            catch (GoSharp.ChannelClosedException)
            {
                return false; // closed by someone else between the check and the close
            }
        }
    }
}
