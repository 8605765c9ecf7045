using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team, round 3): a local function or a lambda over per-iteration variables of a suspending loop,
// passed to a launcher of this assembly (`GoLcRun(F)`, `GoLcRun(() => F())`). The generator's semantic model cannot
// see its own launchers, so the conversion had no delegate type and was refused (GOSH0010, saying "anonymous
// delegate"); the launched method's parameter gives it, so each iteration's delegate is bound to its own environment.
// Each goroutine waits on its iteration's gate, opened after the iteration changed its variables, so it reads them
// changed, whatever the schedule.
public static partial class Cases
{
    [Goroutine]
    private static int LcRun(Chan<int> gate, Func<int> f)
    {
        gate.Recv();
        return f();
    }

    [Goroutine]
    private static string LcRunNamed(Chan<int> gate, string tag, Func<int, int> map, int k)
    {
        gate.Recv();
        return tag + map(k);
    }

    [Goroutine]
    public static string LauncherLocalFunctionArguments(Log log, int n)
    {
        var hs = new List<Goroutine<int>>();
        var named = new List<Goroutine<string>>();
        foreach (var x in new[] { 1, 2 + n })
        {
            var y = x + n;
            int F() => y;
            int G(int k) => k * 100 + y;
            Go.Yield();
            var gate = new Chan<int>(2);
            hs.Add(GoLcRun(gate, F));
            named.Add(GoLcRunNamed(gate, k: x, map: G, tag: "t"));
            y += 10;
            log.Add("y " + y);
            gate.Send(0);
            gate.Send(0);
        }
        var s = "";
        foreach (var h in hs) s += h.Join() + ",";
        foreach (var h in named) s += h.Join() + ",";
        return s;
    }

    [Goroutine]
    public static string LauncherLambdaArguments(Log log, int n)
    {
        var hs = new List<Goroutine<int>>();
        for (var i = 0; i < 3; i++)
        {
            var y = i * 10 + n;
            int F() => y;
            Sp.Pause();
            var gate = new Chan<int>(2);
            hs.Add(GoLcRun(gate, () => F() + 1));
            hs.Add(GoLcRun(gate, (() => y * 2)));
            y++;
            gate.Send(0);
            gate.Send(0);
        }
        var s = "";
        foreach (var h in hs) s += h.Join() + ",";
        return s;
    }
}
