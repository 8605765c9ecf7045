using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Shapes found by the corpus oracle on new codebases (ZLinq, MemoryPack, System.CommandLine, Bogus, Superpower,
// Stateless, DynamicExpresso), each reduced to a differential case.
public static partial class Cases
{
    // ZLinq's HashSetSlim.Add: `ref var bucket = ref buckets[Index(h)];`, read, then `if (full) { Resize();
    // bucket = ref buckets[Index(h)]; }` and `bucket = ...` after the if. Dead at Resize() on the path that suspends
    // (assigned anew before any read), alive on the other, which does not suspend: async accepts it (liveness),
    // the generator refused it (GOSH0008 at the local, GOSH0010 at its initializer) as the suspending `if` was no
    // statement it could look into.
    [Goroutine]
    public static string C3RefLocalAssignedAnewInABranch(Log log, int n)
    {
        var buckets = new int[4];
        var s = "";
        for (var i = 0; i < n + 3; i++)
        {
            ref var bucket = ref buckets[Tw(i) % buckets.Length];
            var index = bucket - 1;
            if (i % 3 == 1)
            {
                var grown = new int[buckets.Length * 2];
                buckets.CopyTo(grown, 0);
                buckets = Tw(grown);
                bucket = ref buckets[Tw(i + 4) % buckets.Length];
            }
            else if (i % 3 == 2)
            {
                Go.Yield();
                log.Add("skip " + i);
                continue;
            }
            bucket = i + 10;
            s += index + ":" + bucket + " ";
        }
        log.Add("buckets " + string.Join(",", buckets));
        return s;
    }

    // The same with the reference made anew in both branches of an if that itself suspends in one of them only.
    [Goroutine]
    public static string C3RefLocalAssignedAnewInBothBranches(Log log, int n)
    {
        var a = new[] { 1, 2, 3, 4 };
        ref var r = ref a[0];
        var before = r;
        if (n % 2 == 0)
        {
            r = ref a[Tw(1)];
        }
        else
        {
            r = ref a[2];
        }
        r += 10;
        log.Add("before " + before);
        return string.Join(",", a);
    }

    // A suspending block after which the span is not read: dead at its suspension point, as async sees it (it was
    // refused, the block being no statement the scan looked into).
    [Goroutine]
    public static string C3SpanDeadAfterASuspendingBlock(Log log, int n)
    {
        var a = new int[n + 2];
        Span<int> s = a;
        for (var i = 0; i < s.Length; i++) s[i] += i;
        {
            a[0] = s[0] + Tw(5);
            log.Add("in block " + a[0]);
        }
        return string.Join(",", a);
    }
}
