using System;
using System.Net;
using System.Threading;
using GoSharp.Net;

namespace GoSharp.Runtime.Tests.Net;

/// <summary>The networking suspension points for scripts, driven as generated code drives them.</summary>
public static class NetOps
{
    public readonly struct Unit;

    public static Op<ConnReadAwaiter, int> Read(Conn c, Memory<byte> buffer, CancellationToken token = default) => new(c.GetReadAwaiter(buffer, token),
        (ref ConnReadAwaiter a) => a.IsCompleted, (ref ConnReadAwaiter a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref ConnReadAwaiter a) => a.GetResult());

    public static Op<ConnWriteAwaiter, Unit> Write(Conn c, ReadOnlyMemory<byte> data, CancellationToken token = default) => new(c.GetWriteAwaiter(data, token),
        (ref ConnWriteAwaiter a) => a.IsCompleted, (ref ConnWriteAwaiter a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref ConnWriteAwaiter a) => { a.GetResult(); return default; });

    public static Op<AcceptAwaiter, Conn> Accept(Listener l) => new(l.GetAcceptAwaiter(),
        (ref AcceptAwaiter a) => a.IsCompleted, (ref AcceptAwaiter a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref AcceptAwaiter a) => a.GetResult());

    public static Op<DialAwaiter, Conn> Dial(EndPoint ep) => new(GoSharp.Net.Net.GetDialAwaiter(ep),
        (ref DialAwaiter a) => a.IsCompleted, (ref DialAwaiter a, GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame f) => a.Suspend(g, f),
        (ref DialAwaiter a) => a.GetResult());

    public static Listener ListenLoopback() => GoSharp.Net.Net.Listen(new IPEndPoint(IPAddress.Loopback, 0));
}
