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

    [Goroutine]
    public static int StructReceiverReadonlyVariables(Log log, int n)
    {
        // A foreach variable cannot be assigned, but a mutating call changes the variable (not the array).
        var arr = new Counter2[2];
        var seen = 0;
        foreach (var item in arr)
        {
            item.Add(Tw(n + 1));
            seen += item.Total;
        }
        var p = new Counter2();
        AddTo(p, n);
        log.Add("seen " + seen + ", p " + p.Total);
        return arr[0].Total + arr[1].Total + p.Total + seen;
    }

    [Goroutine]
    private static int AddTo(Counter2 c, int n)
    {
        // A struct parameter is the callee's own copy; mutating it in place does not reach the caller.
        c.Add(Tw(n));
        c.Add(2, Tw(3));
        return c.Total;
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
