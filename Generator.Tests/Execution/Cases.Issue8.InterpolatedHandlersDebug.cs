#define DEBUG
using System.Diagnostics;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8: Debug.Assert's interpolated string handler with a suspending hole, in a file that defines DEBUG (so
// the plain call is made). The handler's constructor says shouldAppend = !condition: with a true condition no
// hole runs. (Only true conditions: a failing Debug.Assert ends the process.)
public static partial class Cases
{
    [Goroutine]
    public static string HandlerDebugAssert(Log log, int n)
    {
        Debug.Assert(log.L("cond", n >= 0), $"never {log.L("hole", 1)}{Tw(2)}");
        var holds = Tw(n) < 10;
        Debug.Assert(holds, $"{Tw(n)} is too big");
        log.Add("after");
        return "done" + n;
    }
}
