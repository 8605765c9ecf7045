using System;

namespace GoSharp.Runtime.Tests;

/// <summary>
/// Memory measurements that a loaded machine cannot turn into failures. A round may include a one-off cost of
/// the .NET runtime's (a tier-up of the loop, a lazily made generic dictionary: seen once in CI as 824 bytes) or
/// another thread's allocation during the window (a late socket completion of an earlier test: seen once as
/// 7 MB retained); a cost of the code under test shows in every round. So a test takes the least of a few rounds,
/// and stops as soon as one is within its bound.
/// </summary>
internal static class Measure
{
    /// <summary>The least of up to <paramref name="rounds"/> measurements, stopping at the first at most <paramref name="enough"/>.</summary>
    public static long LeastOf(int rounds, long enough, Func<long> measure)
    {
        long least = long.MaxValue;
        for (int round = 0; round < rounds && least > enough; round++) least = Math.Min(least, measure());
        return least;
    }

    /// <summary>Bytes the current thread allocates while <paramref name="work"/> runs.</summary>
    public static long ThreadAllocated(Action work)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        work();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Bytes every thread of the process allocates while <paramref name="work"/> runs.</summary>
    public static long ProcessAllocated(Action work)
    {
        long before = GC.GetTotalAllocatedBytes(precise: true);
        work();
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }

    /// <summary>Growth of the live heap (after full collections) across <paramref name="work"/>.</summary>
    public static long Retained(Action work)
    {
        long before = GC.GetTotalMemory(forceFullCollection: true);
        work();
        return GC.GetTotalMemory(forceFullCollection: true) - before;
    }
}
