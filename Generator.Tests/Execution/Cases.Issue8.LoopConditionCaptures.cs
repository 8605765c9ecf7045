using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8: out and pattern variables of a loop's condition (and of an embedded statement) are made afresh each time C# evaluates it,
// so closures of one iteration keep that iteration's (the condition is a closure environment of its own, entered
// before it is evaluated: ClosureEnvironments.cs). Once they were one frame field that every closure shared.
public static partial class Cases
{
    private static bool NextTen(Log log, int i, out int v)
    {
        v = i * 10;
        log.Add("next " + i);
        return i < 3;
    }

    private static bool AddTo(List<Func<int>> fs, Func<int> f)
    {
        fs.Add(f);
        return true;
    }

    [Goroutine]
    public static string WhileConditionVariablesCaptured(Log log, int n)
    {
        var fs = new List<Func<int>>();
        var i = 0;
        while (NextTen(log, i++, out var v) && v >= n)
        {
            var w = v + 1;
            Go.Yield();
            fs.Add(() => v + w);
            v += Tw(5);
        }
        i = 0;
        while (NextTen(log, i++, out var u) && u is int k)
        {
            int F() => u + k;
            Sp.Pause();
            fs.Add(F);
            k += 100;
        }
        return RunAll(fs);
    }

    [Goroutine]
    public static string DoAndForConditionVariablesCaptured(Log log, int n)
    {
        var fs = new List<Func<int>>();
        var i = 0;
        do
        {
            Go.Yield();
        }
        while (NextTen(log, i++, out var u) && AddTo(fs, () => u + n));
        for (var j = 0; NextTen(log, j, out var q) && q >= 0; j += q > 100 ? 0 : 1)
        {
            int F() => q * 2 + j;
            Sp.Pause();
            fs.Add(F);
            fs.Add(() => q);
            q += Tw(1);
        }
        return RunAll(fs);
    }

    /// <summary>An embedded statement (a loop's body, an if's branch, no block) is a scope of its own: each run makes its variables afresh.</summary>
    [Goroutine]
    public static string EmbeddedStatementVariablesCaptured(Log log, int n)
    {
        var fs = new List<Func<int>>();
        foreach (var x in new List<object> { 1, "two", 3, n })
            if (x is int z) fs.Add(Sp.Val(z) > 0 ? () => z * 10 : () => -z);
            else if (x is string s && s.Length > Tw(1)) AddTo(fs, () => s.Length + n);
        for (var i = 0; i < 3; i++)
            AddTo(fs, NextTen(log, Tw(i), out var v) ? () => v + i : () => -v);
        var j = 0;
        while (j++ < 2)
            if (NextTen(log, j, out var w)) { int W() => w + j; Go.Yield(); fs.Add(W); }
        return RunAll(fs);
    }
}
