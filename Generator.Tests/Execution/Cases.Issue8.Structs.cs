namespace GoSharp.Generator.Tests.Execution;

// Issue 8: a struct variable used as a receiver is used in place (as C# passes it by reference), not copied.
public static partial class Cases
{
    private static Counter2 s_counter;

    [Goroutine]
    public static int StructReceiverInPlace(Log log, int n)
    {
        var c = new Counter2();
        c.Add(Tw(3));
        c.Add(5);
        c.Add(n, Tw(1));
        var arr = new Counter2[2];
        arr[Tw(1)].Add(Tw(7));
        s_counter = default;
        s_counter.Add(Tw(n + 1));
        var holder = new CounterHolder();
        holder.C.Add(Tw(4));
        return c.Total * 10000 + arr[1].Total * 100 + s_counter.Total + holder.C.Total * 1000;
    }
}

public struct Counter2
{
    public int Total;
    public void Add(int x) => Total += x;
    public void Add(int x, int y) => Total += x * y;
}

public sealed class CounterHolder
{
    public Counter2 C;
}
