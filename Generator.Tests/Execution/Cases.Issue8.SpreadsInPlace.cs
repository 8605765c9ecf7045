using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace GoSharp.Generator.Tests.Execution;

/// <summary>A sequence that logs its enumeration.</summary>
public sealed class LoggedSequence(Log log, int count) : IEnumerable<int>
{
    public IEnumerator<int> GetEnumerator()
    {
        log.Add("enumerate");
        for (var i = 0; i < count; i++) { log.Add("yield" + i); yield return i; }
        log.Add("end");
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

// Issue 8 (red team, stop 25): a spread of a collection expression is taken where it stands, before the elements
// after it run (a later element that changes the spread collection does not show in the result).
public static partial class Cases
{
    private static int AddTo(List<int> l, int v) { l.Add(v); return 0; }

    // A spread of unknown length, or a collection initializer type: each spread is taken where it stands.
    [Goroutine]
    public static string SpreadTakenWhereItStands(Log log, int n)
    {
        var src = new List<int> { 1, 2 };
        HashSet<int> b = [.. src, AddTo(src, 99) + Tw(n)];
        int[] c = [.. new LoggedSequence(log, 2), AddTo(src, 98) + Tw(n), .. src];
        IEnumerable<int> d = [log.L("a", 1), .. new LoggedSequence(log, n), log.L("b", 2), Tw(3), log.L("c", 4)];
        List<int> e = [.. src, Tw(n), .. new LoggedSequence(log, 2), AddTo(src, 97) + Tw(1)];
        return string.Join(",", b) + "|" + string.Join(",", c) + "|" + string.Join(",", d) + "|" + string.Join(",", e);
    }

    // Every spread countable, into an array, a span, a list, a builder or an interface: C# takes every spread once the
    // last one has been evaluated, before the elements after it.
    [Goroutine]
    public static string SpreadTakenAfterTheLastSpread(Log log, int n)
    {
        var src = new List<int> { 1, 2 };
        int[] a = [.. src, AddTo(src, 9) + Tw(n), .. src];
        List<int> b = [.. src, AddTo(src, 8) + Tw(n)];
        IEnumerable<int> c = [.. src, AddTo(src, 7), .. new[] { n }, AddTo(src, 6) + Tw(n)];
        ImmutableArray<int> d = [.. src, Tw(n), .. src, AddTo(src, 5) + Tw(1)];
        IList<int> e = [Tw(n), .. src, AddTo(src, 4) + Tw(2)];
        return string.Join(",", a) + "|" + string.Join(",", b) + "|" + string.Join(",", c) + "|" + string.Join(",", d) + "|" + string.Join(",", e);
    }

    [Goroutine]
    public static string SpreadOfSuspendingValue(Log log, int n)
    {
        var src = new List<long> { 5 };
        List<long> b = [.. Tw(src), AddTo(new List<int>(), 0) + Tw(n), .. Tw(new[] { 7L, 8L })];
        src.Add(6);
        return string.Join(",", b);
    }
}
