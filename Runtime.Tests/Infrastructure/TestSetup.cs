using System.Runtime.CompilerServices;
using System.Threading;

namespace GoSharp.Runtime.Tests;

internal static class TestSetup
{
    // xunit runs tests on thread-pool threads and these tests block them (Join, Recv on plain threads).
    // With the default minimum (one per core, 2 here) Task.Delay and continuations waited for the pool's
    // 500 ms thread injection. Not a runtime property: a test-host one.
    [ModuleInitializer]
    internal static void Init()
    {
        ThreadPool.GetMinThreads(out int w, out int io);
        if (w < 16) ThreadPool.SetMinThreads(16, io);
    }
}
