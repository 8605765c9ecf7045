using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8: values of launcher handles the generator's semantic model cannot see (its own GoX(...) output):
// var locals, generic launchers without explicit type arguments, and expressions over Join() results that
// live across a suspension point.
public static partial class Cases
{
    [Goroutine]
    private static T EchoAfterYield<T>(T value)
    {
        Go.Yield();
        return value;
    }

    [Goroutine]
    private static int TripleAfterPause(int n)
    {
        Sp.Pause();
        return n * 3;
    }

    [Goroutine]
    public static string LauncherHandlesInVarLocals(Log log, int n)
    {
        var h = GoTripleAfterPause(n + 1);
        var s = GoEchoAfterYield("s" + n);
        var list = GoEchoAfterYield(new List<int> { n, 2 });
        var arr = GoEchoAfterYield(new[] { 1.5, n });
        Go.Yield();
        var total = h.Join() + 1;
        var text = s.Join() + "!";
        Sp.Pause();
        var both = n > 1 ? total * 2 : total;
        var count = list.Join().Count + arr.Join().Length;
        Go.Yield();
        log.Add(text + both);
        return $"{total},{text},{both},{count}";
    }
}
