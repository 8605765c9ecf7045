// Channels: close, parked waiters woken by a close, FIFO order of blocked senders and receivers, range, len.
using System;
using GoSharp;

namespace GoSemantics;

public static partial class Cases
{
    private static void RegisterChannels()
    {
        Register("close", GoClose);
        Register("close-wakes-waiters", GoCloseWakesWaiters);
        Register("fifo", GoFifo);
        Register("fifo-select", GoFifoSelect);
        Register("range", GoRange);
        Register("len-unbuffered", GoLenUnbuffered);
    }

    [Goroutine]
    private static void Close()
    {
        var ch = new Chan<int>(3);
        ch.Send(1);
        ch.Send(2);
        ch.Close();
        Console.WriteLine($"len {ch.Len} cap {ch.Cap}");
        for (var i = 0; i < 4; i++)
        {
            var (v, ok) = ch.RecvOk();
            Console.WriteLine($"{v} {B(ok)}");
        }
        Console.WriteLine($"len {ch.Len} cap {ch.Cap}");
        if (ch.TryRecvOk(out var v2, out var ok2)) Console.WriteLine($"select closed {v2} {B(ok2)}");
        else Console.WriteLine("select default");
        try
        {
            ch.Send(1);
            Console.WriteLine("send closed: ok");
        }
        catch (ChannelClosedException e)
        {
            Console.WriteLine("send closed: panic: " + Panic(e));
        }
        Try("close closed", () => ch.Close());
        Chan<int> nc = default;
        Try("close nil", () => nc.Close());
        Console.WriteLine($"nil len {nc.Len} {nc.Cap}");
        Try("select send closed", () => ch.TrySend(1));
    }

    [Goroutine]
    private static void SendOrReport(Chan<int> ch, Chan<string> done)
    {
        try
        {
            ch.Send(1);
            done.Send("sender: <nil>");
        }
        catch (ChannelClosedException e)
        {
            done.Send("sender: " + Panic(e));
        }
    }

    [Goroutine]
    private static void RecvAndReport(Chan<int> ch, Chan<string> done)
    {
        var (v, ok) = ch.RecvOk();
        done.Send($"receiver: {v} {B(ok)}");
    }

    [Goroutine]
    private static void CloseWakesWaiters()
    {
        Go.SetMaxProcs(1);
        foreach (var senders in new[] { true, false })
        {
            var ch = new Chan<int>();
            var done = new Chan<string>();
            for (var i = 0; i < 3; i++)
            {
                if (senders) GoSendOrReport(ch, done);
                else GoRecvAndReport(ch, done);
            }
            Go.Sleep(TimeSpan.FromMilliseconds(10));
            ch.Close();
            for (var i = 0; i < 3; i++) Console.WriteLine(done.Recv());
        }
    }

    [Goroutine]
    private static void SendOne(Chan<int> ch, int v) => ch.Send(v);

    [Goroutine]
    private static void RecvInto(Chan<int> ch, int i, Chan<string> res) => res.Send($"{i}<-{ch.Recv()}");

    [Goroutine]
    private static void Fifo()
    {
        Go.SetMaxProcs(1);
        var ch = new Chan<int>(2);
        for (var i = 0; i < 10; i++)
        {
            GoSendOne(ch, i);
            Go.Yield();
        }
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        Console.WriteLine($"len {ch.Len}");
        for (var i = 0; i < 10; i++) Console.Write(ch.Recv() + " ");
        Console.WriteLine();
        var un = new Chan<int>();
        var res = new Chan<string>(5);
        for (var i = 0; i < 5; i++)
        {
            GoRecvInto(un, i, res);
            Go.Yield();
        }
        for (var i = 0; i < 5; i++)
        {
            un.Send(i * 10);
            Console.Write(res.Recv() + " ");
        }
        Console.WriteLine();
    }

    [Goroutine]
    private static void SelectInto(string name, Chan<int> a, Chan<int> b, Chan<string> output)
    {
        var s = Go.Select(a.RecvCase(), b.RecvCase());
        output.Send(s.Index == 0 ? $"{name}:a{s.Value1}" : $"{name}:b{s.Value2}");
    }

    [Goroutine]
    private static void RecvA(Chan<int> a, Chan<string> output) => output.Send("R2:a" + a.Recv());

    [Goroutine]
    private static void FifoSelect()
    {
        Go.SetMaxProcs(1);
        var a = new Chan<int>();
        var b = new Chan<int>();
        var output = new Chan<string>(10);
        GoSelectInto("R1", a, b, output);
        Go.Yield();
        GoRecvA(a, output);
        Go.Yield();
        GoSelectInto("R3", a, b, output);
        Go.Yield();
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        b.Send(1);
        Console.Write(output.Recv() + " ");
        for (var i = 2; i <= 3; i++)
        {
            a.Send(i);
            Console.Write(output.Recv() + " ");
        }
        Console.WriteLine();
    }

    [Goroutine]
    private static void SendAndClose(Chan<int> ch, int n)
    {
        for (var i = 0; i < n; i++) ch.Send(i);
        ch.Close();
    }

    [Goroutine]
    private static void Range()
    {
        var ch = new Chan<int>(5);
        GoSendAndClose(ch, 7);
        foreach (var v in ch) Console.Write(v + " ");
        Console.WriteLine();
    }

    [Goroutine]
    private static void LenUnbuffered()
    {
        var ch = new Chan<int>();
        GoSendOne(ch, 1);
        Go.Sleep(TimeSpan.FromMilliseconds(10));
        Console.WriteLine($"len {ch.Len} cap {ch.Cap}");
        ch.Recv();
    }
}
