using System;
using System.Collections.Generic;
using System.Linq;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team): expressions without a natural type (target-typed ?:, switch expressions, collection
// expressions, new(), default), tuple element names and nullable receivers, with suspensions inside.
public static partial class Cases
{
    [Goroutine]
    public static string TgtConditionalAndSwitch(Log log, int n)
    {
        int? a = n > 0 ? Tw(n) : null;
        object o = n > 1 ? Tw(1) : "s" + Tw(n);
        IComparable c = n switch { 0 => Tw(1.5), 1 => "one", _ => Tw(n) };
        long wide = n > 2 ? Tw(int.MaxValue) + 1L : Tw((short)3);
        Box b = n > 0 ? new() { Value = Tw(n) } : new Box { Name = Tw("empty") };
        return $"{a},{o}:{o.GetType().Name},{c}:{c.GetType().Name},{wide},{b.Value}{b.Name}";
    }

    [Goroutine]
    public static string TgtCollectionExpressions(Log log, int n)
    {
        List<int> list = [Tw(1), n, .. new[] { Tw(2), 3 }];
        IEnumerable<int> seq = [.. list, Tw(4)];
        int[] arr = [];
        arr = [.. arr, Tw(n)];
        IReadOnlyList<string> words = [Tw("a"), "b"];
        HashSet<int> set = [Tw(1), 1, n];
        return string.Join(",", list) + "|" + string.Join(",", seq) + "|" + string.Join(",", arr) + "|" + string.Join(",", words) + "|" + set.Count;
    }

    [Goroutine]
    public static string TgtTupleNamesAndNullables(Log log, int n)
    {
        var t = (first: Tw(n), second: log.L("second", "s"));
        var u = (t.first + Tw(1), t.second);
        int? maybe = n > 0 ? n : null;
        var text = maybe?.ToString() + Tw("!") + maybe?.CompareTo(Tw(1));
        DateTime? when = n > 1 ? new DateTime(2020, 1, Tw(n)) : null;
        var day = when?.Day ?? Tw(-1);
        var eq = (t.first, Tw(t.second)) == (n, "s");
        return $"{t.first},{t.second},{u.Item1},{u.second},{text},{day},{eq}";
    }

    [Goroutine]
    public static string TgtLambdasAndMethodGroups(Log log, int n)
    {
        var f = (int v) => v * 2;
        Func<int, int> g = n > 1 ? f : (v => v + 1);
        var r = f(Tw(n)) + g(Tw(3));
        var parsed = new[] { "1", "2" }.Select(int.Parse).Sum() + Tw(0);
        Func<string, int> len = s => s.Length;
        var h = Tw(len)("abc");
        return r + "," + parsed + "," + h;
    }
}
