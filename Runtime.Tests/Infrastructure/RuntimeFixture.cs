using System;

namespace GoSharp.Runtime.Tests;

public static class Rt
{
    /// <summary>Runs <paramref name="body"/> with a fresh runtime of <paramref name="procs"/> Ps, disposed after.</summary>
    public static void With(int procs, Action<GoRuntime> body, bool detectDeadlocks = true)
    {
        var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs, DetectDeadlocks = detectDeadlocks });
        try
        {
            using (rt.Enter()) body(rt);
        }
        finally
        {
            rt.Dispose();
        }
    }
}
