using System;
using System.Linq;

namespace GoSharp.Runtime.Tests;

internal static class Dumps
{
    /// <summary>
    /// Goroutines of <paramref name="rt"/> whose dump header shows <paramref name="status"/> (e.g.
    /// "[waiting]", "[sync.Mutex.Lock]"): how a test waits until goroutines have really parked where it expects.
    /// </summary>
    public static int CountInStatus(GoRuntime rt, string status) =>
        rt.DumpGoroutines().Split('\n').Count(line => line.StartsWith("goroutine ", StringComparison.Ordinal) && line.Contains(status, StringComparison.Ordinal));
}
