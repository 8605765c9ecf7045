using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team, stop 25): the `var` of a foreach over a dynamic value is dynamic where C# binds its uses,
// though Roslyn's symbol for it says object; hoisted as object, `e + Tw(1)` did not compile (CS0019).
public static partial class Cases
{
    [Goroutine]
    public static string DynForeachVar(Log log, int n)
    {
        string r = "";
        dynamic xs = new List<int> { 1, n };
        foreach (var e in xs) r += e + Tw(1);
        foreach (int i in xs) r += "," + (i + Tw(2));
        dynamic words = new[] { "a", "bc" };
        foreach (var w in words)
        {
            var len = Tw((int)w.Length);
            r += "," + w.ToUpper() + len + (w + Tw(n));
        }
        return r;
    }
}
