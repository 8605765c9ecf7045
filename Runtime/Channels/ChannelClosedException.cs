using System;

namespace GoSharp;

/// <summary>
/// Thrown by a send on a closed channel, by closing a closed channel and by closing a nil channel
/// (Go panics in these three cases). It signals a bug in the program's protocol, not a condition to retry.
/// </summary>
public sealed class ChannelClosedException : InvalidOperationException
{
    /// <summary>Creates the exception with a message.</summary>
    public ChannelClosedException(string message) : base(message) { }

    internal static ChannelClosedException SendOnClosed() => new(
        "send on closed channel. Only the sending side may close a channel, and only after its last send; " +
        "with several senders, signal them to stop (another channel or a CancellationToken) and close after they are done (a WaitGroup).");

    internal static ChannelClosedException CloseOfClosed() => new(
        "close of closed channel. A channel must be closed exactly once, by its single owner (the sender); " +
        "use Once to close from several places.");

    internal static ChannelClosedException CloseOfNil() => new(
        "close of nil channel. Create the channel with new Chan<T>() or new Chan<T>(capacity) before closing it.");
}
