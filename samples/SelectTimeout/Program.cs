// Go by Example: select, timeouts, non-blocking operations, fan-in.
// Main runs on the process's own thread, where every primitive simply blocks; the [Goroutine] methods it
// starts with their GoX(...) launchers run as goroutines, where the same primitives suspend instead.
using GoSharp;

public static partial class Program
{
    public static void Main()
    {
        // select over two channels, each filled after a delay.
        var c1 = new Chan<string>();
        var c2 = new Chan<string>();
        GoDeliver(c1, "one", 100);
        GoDeliver(c2, "two", 200);
        for (int i = 0; i < 2; i++)
        {
            var s = Go.Select(c1.RecvCase(), c2.RecvCase());
            Console.WriteLine($"received {(s.Index == 0 ? s.Value1 : s.Value2)}");
        }

        // Timeout: a result that takes 2 s, a 1 s limit.
        var slow = new Chan<string>(1);
        GoDeliver(slow, "result 1", 2000);
        var r = Go.Select(slow.RecvCase(), Go.After(TimeSpan.FromSeconds(1)).RecvCase());
        Console.WriteLine(r.Index == 0 ? r.Value1 : "timeout 1");

        // Non-blocking receive and send: Go.Default.
        var messages = new Chan<string>();
        var n = Go.Select(messages.RecvCase(), Go.Default);
        Console.WriteLine(n.Index == 0 ? $"received message {n.Value1}" : "no message received");
        var m = Go.Select(messages.SendCase("hi"), Go.Default);
        Console.WriteLine(m.Index == 0 ? "sent message" : "no message sent");

        // Fan-in until both producers close their channels (ok == false); a closed channel's case is
        // swapped for a nil channel, which is never ready again.
        var a = new Chan<int>();
        var b = new Chan<int>();
        GoProduce(a, 0, 3);
        GoProduce(b, 100, 3);
        var total = 0;
        while (!a.IsNil || !b.IsNil)
        {
            var s = Go.Select(a.RecvCase(), b.RecvCase());
            if (!s.Ok)
            {
                if (s.Index == 0) a = Chan<int>.Nil; else b = Chan<int>.Nil;
                continue;
            }
            total += s.Index == 0 ? s.Value1 : s.Value2;
        }
        Console.WriteLine($"fan-in total {total}");
    }

    [Goroutine]
    static void Deliver(Chan<string> c, string value, int ms)
    {
        Go.Sleep(TimeSpan.FromMilliseconds(ms));
        c.Send(value);
    }

    [Goroutine]
    static void Produce(Chan<int> c, int from, int count)
    {
        for (var i = from; i < from + count; i++) c.Send(i);
        c.Close();
    }

}
