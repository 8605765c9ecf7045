using System;

namespace GoSharp.Generator.Tests.Execution;

// An element stored through a span that is no variable (a property's, a call's), after the receiver's suspension
// points and with nothing suspending after them: the span is made after them and indexed at once, as async accepts
// it (SharpCompress' `S(blocks).window.Memory.Span[q++] = (byte)lit;` under the corpus' --suspend, corpus round 12).
public static partial class Cases
{
    [Goroutine]
    public static string SpanElementStoreAfterASuspendingReceiver(Log log, int n)
    {
        var h = new SesHolder(log);
        Tw(h).Memory.Span[n % 4] = (byte)(n + 1);
        var q = 1;
        Tw(h).Self.Memory.Span[q++] += (byte)(n + 2);
        Tw(h).Data.AsSpan(Tw(1))[SesIndex(log, n)] = 9;
        Tw(h.Data).AsSpan()[3]++;
        return string.Join(",", h.Data) + "|" + q;
    }

    private static int SesIndex(Log log, int n)
    {
        log.Add("index" + n);
        return n % 3;
    }

    public sealed class SesHolder
    {
        private readonly Log _log;
        public SesHolder(Log log) => _log = log;
        public byte[] Data { get; } = new byte[4];
        public Memory<byte> Memory { get { _log.Add("memory"); return Data; } }
        public SesHolder Self { get { _log.Add("self"); return this; } }
    }
}
