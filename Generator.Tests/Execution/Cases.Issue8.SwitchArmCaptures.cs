using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team round 5, refused with a misleading message where async accepts): a switch expression's arm
// variables (pattern, guard, value) are made afresh each time it runs; captured by lambdas in a lowered loop, each
// evaluation's live in an environment of their own.
public static partial class Cases
{
    [Goroutine]
    public static string SwitchArmVariablesCapturedInALoop(Log log, int n)
    {
        var fs = new List<Func<string>>();
        for (int i = 0; i < 3; i++)
        {
            // A suspending arm, another arm's lambda capturing its variable.
            Func<string>? f = (i + n) switch { var k when k > 100 => Tw(k) > 0 ? () => "big" : null, var k => () => "o" + k };
            fs.Add(f!);
            // A suspending guard (arm by arm), a value declaring a variable, a lambda capturing both.
            Func<string> g = (i * n) switch
            {
                var k when Tw(k) > 2 && k is int m => () => "g" + k + "/" + m,
                var k => (k is int q ? Tw(q) : 0) >= 0 ? () => "q" + q + k : () => "",
            };
            fs.Add(g);
            Tw(i);
        }
        foreach (var s in new[] { "a", "bb" })
        {
            fs.Add(s switch { { Length: var len } when len > Tw(1) => () => s + len, var other => Tw(other) + "!" is var t ? () => t + other : null! });
        }
        var parts = new List<string>();
        foreach (var f in fs) parts.Add(f());
        log.Add(parts.Count.ToString());
        return string.Join(",", parts);
    }
}
