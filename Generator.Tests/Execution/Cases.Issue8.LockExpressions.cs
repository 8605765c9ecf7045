using System;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team round 6, refused what async accepts): a suspension point in a lock's expression was GOSH0005.
// The expression runs before the monitor is taken (`lock (await t)` compiles in an async method), so it is lowered
// first and the lock copied around its value; a suspension in the body is still GOSH0005.
public static partial class Cases
{
    private static readonly object GateA = new(), GateB = new();

    [Goroutine]
    public static string LockExpressions(Log log, int n)
    {
        var r = 0;
        lock (Tw(n % 2 == 0 ? GateA : GateB))
        {
            r += Logged(log, "in", n);
        }
        for (var i = 0; i < 3; i++)
        {
            checked
            {
                lock (Logged(log, "gate", i) > 1 ? Tw(GateA) : GateB)
                    r += i;
            }
            Go.Yield();
        }
        lock (Tw(GateB)) { if (r > 2) return "early" + r; }
        return "end" + r;
    }
}
