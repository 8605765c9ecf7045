using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8: assignments through the implicit Index indexer (c[^k] on a type with Count and an int indexer) read
// Count once, after the receiver and the index and before the right side; the getter of a compound assignment and
// the setter use that one offset, even when the right side changes Count.
public static partial class Cases
{
    private sealed class IndexCounted
    {
        private readonly Log _log;
        public readonly List<int> Items = new() { 1, 2, 3, 4 };
        public IndexCounted(Log log) => _log = log;
        public int Count { get { _log.Add("count"); return Items.Count; } }
        public int this[int i]
        {
            get { _log.Add("get" + i); return Items[i]; }
            set { _log.Add("set" + i + "=" + value); Items[i] = value; }
        }
        public int Grow(int v) { _log.Add("grow"); Items.Add(0); return v; }
    }

    [Goroutine]
    public static string ImplicitIndexAssignmentsReadCountOnce(Log log, int n)
    {
        var c = new IndexCounted(log);
        c[^Tw(1)] += Tw(c.Grow(100 + n));
        c[^1] = Tw(c.Grow(200));
        (c[^2], c[0]) = (Tw(c.Grow(300)), log.L("five", 5));
        Index idx = ^(n + 1);
        c[idx] -= Tw(c.Grow(7));
        c[^log.L("k", 2)] *= Tw(2);
        return string.Join(",", c.Items);
    }

    private static IndexCounted Pick(Log log, IndexCounted c) { log.Add("pick"); return c; }

    [Goroutine]
    public static string ImplicitIndexReceiverAndIndexFirst(Log log, int n)
    {
        var c = new IndexCounted(log);
        var other = new IndexCounted(log);
        Pick(log, c)[^Tw(n + 1)] = Tw(c.Grow(9));
        var d = c;
        d[^1] += (d = other).Grow(Tw(4));
        return string.Join(",", c.Items) + "|" + string.Join(",", other.Items);
    }
}
