using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team): struct receivers around suspensions. A method called on a struct variable changes the
// variable; called on a readonly field, a property's result or a readonly struct it works on a copy; the
// variable's location (array, index) is fixed before later arguments run.
public static partial class Cases
{
    private static readonly Counter2 s_readonlyCounter = new() { Total = 5 };
    private static Counter2 s_mutableCounter;

    [Goroutine]
    public static string StrReadonlyFieldAndPropertyCopies(Log log, int n)
    {
        s_readonlyCounter.Add(Tw(n + 1));
        var holder = new StrHolder();
        holder.Prop.Add(Tw(3));
        holder.Field.Add(Tw(4));
        holder.ReadonlyField.Add(Tw(5));
        var list = new List<Counter2> { new() };
        list[0].Add(Tw(6));
        StrHolder.StaticProp.Add(Tw(7));
        return $"{s_readonlyCounter.Total},{holder.Prop.Total},{holder.Field.Total},{holder.ReadonlyField.Total},{list[0].Total},{StrHolder.StaticProp.Total}";
    }

    [Goroutine]
    public static string StrLocationFixedBeforeArguments(Log log, int n)
    {
        var arr = new Counter2[3];
        var i = 0;
        arr[i].Add(Tw(i = 2) + 10);
        var first = arr;
        arr[1].Add(Tw((arr = new Counter2[2]).Length) + n);
        s_mutableCounter = default;
        s_mutableCounter.Add(Tw(n), s_mutableCounter.Total + Tw(2));
        var c = new Counter2();
        c.Add(Tw(c.Total + 1), (c = new Counter2 { Total = 100 }).Total + Tw(1));
        return $"{first[0].Total},{first[1].Total},{first[2].Total}|{arr[1].Total}|{s_mutableCounter.Total}|{c.Total}";
    }

    [Goroutine]
    public static string StrNestedStructsAndChains(Log log, int n)
    {
        var w = new StrWrapper();
        w.Inner.Add(Tw(n + 1));
        w.Inner.Add(2, Tw(3));
        var ws = new StrWrapper[2];
        ws[Tw(1)].Inner.Add(Tw(9));
        var outer = new StrOuter();
        outer.W.Inner.Add(Tw(4));
        outer.W.Bump(Tw(10));
        var total = w.Inner.Total + ws[1].Inner.Total * 100 + outer.W.Inner.Total * 10000;
        log.Add("count " + outer.W.Count);
        return total + "," + outer.W.Count;
    }

    [Goroutine]
    public static string StrReadonlyStructAndInParams(Log log, int n)
    {
        var p = new StrPoint(n, 2);
        var moved = p.Move(Tw(3), Tw(4));
        var sum = StrSum(p, Tw(moved)) + moved.Length(Tw(1));
        var r = new StrPoint(1, 1);
        r = r.Move(Tw(n), 0).Move(0, Tw(5));
        return $"{p.X},{p.Y}|{moved.X},{moved.Y}|{sum}|{r.X},{r.Y}";
    }

    [Goroutine]
    public static string StrCapturedAndLoopedStructs(Log log, int n)
    {
        var c = new Counter2();
        System.Func<int> read = () => c.Total;
        c.Add(Tw(5));
        c.Add(n, Tw(2));
        var s = read() + ";";
        var arr = new Counter2[3];
        for (var i = 0; i < arr.Length; i++)
        {
            arr[i].Add(Tw(i + n));
            var local = arr[i];
            local.Add(Tw(100));
            s += arr[i].Total + "/" + local.Total + ",";
        }
        return s;
    }

    [Goroutine]
    public static string StrMutatingStructFields(Log log, int n)
    {
        var e = new StrEnumeratorLike { Index = -1 };
        var seen = "";
        while (e.MoveNext(Tw(3)))
            seen += e.Index + Tw(",");
        var sc = new StrOuter();
        sc.W.Count = Tw(n);
        sc.W.Count += Tw(1) * 2;
        sc.W.Count++;
        return seen + "|" + sc.W.Count;
    }

    private static int StrSum(in StrPoint p, StrPoint q) => p.X + p.Y + q.X + q.Y;
}

public sealed class StrHolder
{
    public Counter2 Prop { get; set; }
    public Counter2 Field;
    public readonly Counter2 ReadonlyField;
    public static Counter2 StaticProp { get; set; }
}

public struct StrWrapper
{
    public Counter2 Inner;
    public int Count;
    public void Bump(int by) { Count += by; Inner.Add(by); }
}

public sealed class StrOuter { public StrWrapper W; }

public readonly struct StrPoint(int x, int y)
{
    public int X { get; } = x;
    public int Y { get; } = y;
    public StrPoint Move(int dx, int dy) => new(X + dx, Y + dy);
    public int Length(int scale) => (X + Y) * scale;
}

public struct StrEnumeratorLike
{
    public int Index;
    public bool MoveNext(int limit) => ++Index < limit;
}
