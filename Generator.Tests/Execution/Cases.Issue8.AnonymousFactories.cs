using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (once GOSH0010): nested goroutine calls whose type arguments are anonymous types and whose frame comes
// from a factory: virtual dispatch, base's own factory, an extension method. A generic helper of the frame (for
// base, a generic proxy of the type) infers the anonymous types from examples and calls the factory
// (CallLowering.AnonymousFrameFactory). The arguments are logged as they are evaluated: the order must hold.
public static partial class Cases
{
    [Goroutine]
    public static string AnonTypeArgumentsThroughVirtualFactories(Log log, int n)
    {
        AnonShelf shelf = n % 2 == 0 ? new AnonShelf() : new AnonSortedShelf();
        var a = shelf.Keep(log, new { Id = log.L("id", n), Name = "x" }, Sp.Val(log.L("copies", 2)));
        log.Add("a " + a.Count + " " + a[0].Id + a[0].Name);
        var b = shelf.First(log, new[] { new { V = log.L("v1", 1) }, new { V = log.L("v2", n + 1) } }).V + Tw(10);
        AnonShelf derived = new AnonSortedShelf();
        var c = derived.Keep(log, new { Id = 7, Name = "y" + n }, 1)[0];
        var d = derived.GoKeep(log, new { Tag = "launched" }, n + 1).Join();
        return a.Count + "," + b + "," + c.Id + c.Name + "," + d.Count + d[0].Tag;
    }

    [Goroutine]
    public static string AnonTypeArgumentsThroughBase(Log log, int n)
    {
        var shelf = new AnonSortedShelf();
        return shelf.KeepBoth(log, n) + "|" + string.Join(",", shelf.Pairs(log, n));
    }

    [Goroutine]
    public static string AnonTypeArgumentsOfExtensionMethods(Log log, int n)
    {
        var a = new { X = log.L("x", n), Y = "y" }.AnonTwice(log, Tw(log.L("times", 2)));
        var b = AnonExtensions.AnonTwice(new { Z = n + 1 }, log, 1);
        var items = new List<int> { 1, n }.AnonTag(log, new { Label = "l" + n });
        return a.Count + a[1].Y + a[0].X + "," + b[0].Z + "," + items.Count + items[0].Label + items[0].Value;
    }
}

public partial class AnonShelf
{
    [Goroutine]
    public virtual List<T> Keep<T>(Log log, T item, int copies)
    {
        Sp.Pause();
        var list = new List<T>();
        for (var i = 0; i < copies; i++) list.Add(item);
        log.Add("shelf keeps " + copies);
        return list;
    }

    [Goroutine]
    public virtual T First<T>(Log log, T[] items)
    {
        Go.Yield();
        log.Add("shelf first of " + items.Length);
        return items[0];
    }
}

public partial class AnonSortedShelf : AnonShelf
{
    [Goroutine]
    public override List<T> Keep<T>(Log log, T item, int copies)
    {
        Go.Yield();
        log.Add("sorted shelf keeps " + copies);
        var list = new List<T> { item };
        return list;
    }

    [Goroutine]
    public override T First<T>(Log log, T[] items)
    {
        Sp.Pause();
        log.Add("sorted shelf last of " + items.Length);
        return items[items.Length - 1];
    }

    [Goroutine]
    public string KeepBoth(Log log, int n)
    {
        var mine = Keep(log, new { K = log.L("mine", n) }, 3);
        var based = base.Keep(log, new { K = log.L("based", n + 1) }, Sp.Val(log.L("copies", 2)));
        var first = base.First(log, new[] { new { F = "a" + n }, new { F = "b" } });
        return mine.Count + ":" + mine[0].K + "," + based.Count + ":" + based[1].K + "," + first.F;
    }

    [Goroutine]
    public List<string> Pairs(Log log, int n)
    {
        var r = new List<string>();
        foreach (var i in new[] { 1, 2 })
        {
            var kept = base.Keep(log, (new { I = i }, n), i);
            r.Add(kept.Count + "/" + kept[0].Item1.I + kept[0].Item2);
        }
        return r;
    }
}

public static partial class AnonExtensions
{
    [Goroutine]
    public static List<T> AnonTwice<T>(this T value, Log log, int times)
    {
        var list = new List<T>();
        for (var i = 0; i < times; i++)
        {
            Go.Yield();
            list.Add(value);
        }
        log.Add("twice " + times);
        return list;
    }

    [Goroutine]
    public static List<(T Label, int Value)> AnonTag<T>(this List<int> values, Log log, T label)
    {
        Sp.Pause();
        var r = new List<(T, int)>();
        foreach (var v in values) r.Add((label, v));
        log.Add("tag " + values.Count);
        return r;
    }
}
