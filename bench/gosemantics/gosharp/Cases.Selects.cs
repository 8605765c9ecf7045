// Select: nil cases, the uniform choice among ready cases, a close waking a parked select, a select that
// cannot pair with itself.
using System;
using GoSharp;

namespace GoSemantics;

public static partial class Cases
{
    private static void RegisterSelects()
    {
        Register("select-nil", GoSelectNil);
        Register("select-fair", GoSelectFair);
        Register("select-close", GoSelectClose);
        Register("select-self", GoSelectSelf);
    }

    [Goroutine]
    private static void SelectNil()
    {
        Chan<int> nc = default;
        var s = Go.Select(nc.RecvCase(), nc.SendCase(1), Go.Default);
        Console.WriteLine(s.Index switch { 0 => "got " + s.Value1, 1 => "sent", _ => "default" });
        var ch = new Chan<int>(1);
        ch.Send(5);
        var s2 = Go.Select(nc.RecvCase(), ch.RecvCase());
        Console.WriteLine(s2.Index == 0 ? $"nil {s2.Value1}" : $"ch {s2.Value2}");
    }

    [Goroutine]
    private static void SendN(Chan<int> ch, int n)
    {
        for (var i = 0; i < n; i++) ch.Send(i);
    }

    [Goroutine]
    private static void SelectFair()
    {
        const int N = 200000;
        Chan<int> nilc = default;
        var a = new Chan<int>(1);
        var b = new Chan<int>(1);
        var c = new Chan<int>(1);
        var cnt = new int[2];
        for (var i = 0; i < N; i++)
        {
            a.Send(1);
            b.Send(1);
            var s = Go.Select(nilc.RecvCase(), a.RecvCase(), b.RecvCase());
            cnt[s.Index - 1]++;
            Go.Select(a.RecvCase(), b.RecvCase());
        }
        Dist("nil,a,b", cnt);
        cnt = new int[3];
        for (var i = 0; i < N; i++)
        {
            a.Send(1);
            b.Send(1);
            c.Send(1);
            cnt[Go.Select(a.RecvCase(), b.RecvCase(), c.RecvCase()).Index]++;
            a.TryRecv(out _);
            b.TryRecv(out _);
            c.TryRecv(out _);
        }
        Dist("a,b,c", cnt);
        cnt = new int[2];
        var output = new Chan<int>(1);
        for (var i = 0; i < N; i++)
        {
            a.Send(1);
            var s = Go.Select(output.SendCase(1), a.RecvCase());
            cnt[s.Index]++;
            if (s.Index == 0) a.Recv();
            output.TryRecv(out _);
        }
        Dist("send,recv", cnt);
        var x = new Chan<int>();
        var y = new Chan<int>();
        x.Close();
        y.Close();
        cnt = new int[2];
        for (var i = 0; i < N; i++) cnt[Go.Select(x.RecvCase(), y.RecvCase()).Index]++;
        Dist("closed,closed", cnt);
        var ch = new Chan<int>();
        GoSendN(ch, N);
        cnt = new int[2];
        for (var i = 0; i < N; i++) cnt[Go.Select(ch.RecvCase(), ch.RecvCase()).Index]++;
        Dist("parked ch,ch", cnt);
    }

    [Goroutine]
    private static void SelectRecvAndReport(Chan<int> a, Chan<int> b, Chan<string> output)
    {
        var s = Go.Select(a.RecvCase(), b.RecvCase());
        output.Send(s.Index == 0 ? "idx 0" : $"idx 1 ok {B(s.Ok)}");
    }

    [Goroutine]
    private static void SelectSendAndReport(Chan<int> c, Chan<int> d, Chan<string> output)
    {
        try
        {
            Go.Select(c.SendCase(1), d.RecvCase());
            output.Send("panic: <nil>");
        }
        catch (ChannelClosedException e)
        {
            output.Send("panic: " + Panic(e));
        }
    }

    [Goroutine]
    private static void SelectClose()
    {
        var a = new Chan<int>();
        var b = new Chan<int>();
        var output = new Chan<string>();
        GoSelectRecvAndReport(a, b, output);
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        b.Close();
        Console.WriteLine(output.Recv());
        var c = new Chan<int>();
        var d = new Chan<int>();
        GoSelectSendAndReport(c, d, output);
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        c.Close();
        Console.WriteLine(output.Recv());
    }

    [Goroutine]
    private static void SelectSelf()
    {
        var ch = new Chan<int>();
        var s = Go.Select(ch.SendCase(1), ch.RecvCase(), Go.After(TimeSpan.FromMilliseconds(50)).RecvCase());
        Console.WriteLine("selected " + s.Index);
    }
}
