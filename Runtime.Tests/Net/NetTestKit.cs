using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using GoSharp.Net;

namespace GoSharp.Runtime.Tests.Net;

/// <summary>Connections and goroutine scripts shared by the networking tests.</summary>
internal static class NetTestKit
{
    /// <summary>A connected pair over loopback, made on the calling (plain) thread: (dialled end, accepted end).</summary>
    public static (Conn Client, Conn Server) Pair()
    {
        using var l = NetOps.ListenLoopback();
        Conn client = GoSharp.Net.Net.Dial(l.Addr);
        Conn server = l.Accept();
        return (client, server);
    }

    /// <summary>Accepts until the listener closes; one echo goroutine per connection.</summary>
    public static IEnumerable<Op> AcceptLoop(GoRuntime rt, Listener l)
    {
        while (true)
        {
            var a = NetOps.Accept(l).Catch();
            yield return a;
            if (a.Error is ObjectDisposedException) yield break;
            if (a.Error is not null) throw a.Error;
            rt.Go(Echo(a.Result));
        }
    }

    /// <summary>Writes back what it reads until the end of the stream, then closes.</summary>
    public static IEnumerable<Op> Echo(Conn c)
    {
        var buf = new byte[4096];
        while (true)
        {
            var r = NetOps.Read(c, buf).Catch();
            yield return r;
            if (r.Error is not null || r.Result == 0) break;
            var w = NetOps.Write(c, buf.AsMemory(0, r.Result)).Catch();
            yield return w;
            if (w.Error is not null) break;
        }
        c.Close();
    }

    /// <summary>Bytes that differ per client and per position, so a misrouted or reordered byte shows.</summary>
    public static byte[] Pattern(int id, int size)
    {
        var data = new byte[size];
        for (int i = 0; i < size; i++) data[i] = (byte)(id * 31 + i * 7 + (i >> 8));
        return data;
    }

    /// <summary>Spins (no sleep) until <paramref name="n"/> goroutines of <paramref name="rt"/> are parked on a socket.</summary>
    public static void UntilParkedOnNetwork(GoRuntime rt, int n) =>
        SpinWait.SpinUntil(() => Dumps.CountInStatus(rt, "[IO wait") >= n);

    /// <summary>A safety net: a read that would hang if a socket were left open fails instead, after a minute.</summary>
    public static DateTime SafetyNet => DateTime.UtcNow.AddMinutes(1);
}
