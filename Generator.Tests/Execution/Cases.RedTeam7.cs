using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Red team round 7: local constants in constant patterns (`n is K`: the parser reads K where a type goes; the frame
// declares no constants, so the value must replace the name).
public static partial class Cases
{
    [Goroutine]
    public static string Rt7LocalConstantPatterns(Log log, int n)
    {
        const int K = 2;
        const string S = "ab";
        const DayOfWeek D = DayOfWeek.Tuesday;
        var r = "";
        r += n is K ? "isK," : "notK,";
        r += Tw(n) is K ? "isK," : "notK,";
        r += Tw(n % 2 == 0 ? "ab" : "x") is S ? "isS," : "notS,";
        r += Tw((DayOfWeek)n) is D ? "isD," : "notD,";
        r += Tw(n) is not K and not 3 ? "neither," : "one,";
        r += Tw(n) switch { K => "swK", _ => "sw_" };
        Func<int, bool> f = x => x is K;
        log.Add("f " + f(Tw(n)));
        if (Tw(n) is K or 0) log.Add("K or 0");
        return r;
    }
}
