using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8: a block local captured by a lambda or local function outlives the block (it is not cleared there).
public static partial class Cases
{
    [Goroutine]
    public static string CapturedBlockLocal(Log log, int n)
    {
        Func<string> f;
        {
            string s = "hello" + n;
            Go.Yield();
            f = () => s;
        }
        return f();
    }

    [Goroutine]
    public static string CapturedBlockLocalNested(Log log, int n)
    {
        var fs = new List<Func<string>>();
        if (n >= 0)
        {
            string a = "a" + n;
            object o = new Box { Value = n };
            Sp.Pause();
            {
                string b = "b" + Tw(n);
                Action add = () => fs.Add(() => a + b + ((Box)o).Value);
                add();
            }
            string plain = "p";
            log.Add(plain + a);
        }
        Go.Yield();
        var r = "";
        foreach (var f in fs) r += f();
        return r;
    }

    [Goroutine]
    public static int CapturedBlockLocalLocalFunction(Log log, int n)
    {
        Func<int> f;
        {
            int[] counts = { n, 1 };
            Go.Yield();
            int Sum() => counts[0] + counts[1];
            f = Sum;
        }
        return f();
    }
}
