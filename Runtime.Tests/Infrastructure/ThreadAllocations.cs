using System;

namespace GoSharp.Runtime.Tests;

/// <summary>
/// Bytes the current thread allocates while running a loop. A single round can include a one-off cost of the
/// .NET runtime's (a tier-up or on-stack replacement of the loop, a lazily created generic dictionary: seen
/// once in a loaded CI run as 824 bytes over 10,000 iterations); a steady per-iteration allocation shows in
/// every round, so the least of a few rounds is zero exactly when the loop itself allocates nothing.
/// </summary>
internal static class ThreadAllocations
{
    public static long LeastOf(int rounds, Action loop)
    {
        long least = long.MaxValue;
        for (int round = 0; round < rounds && least != 0; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            loop();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }
}
