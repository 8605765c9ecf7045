using System;

namespace GoSharp.Generator.Tests.Execution;

// Review of session 28's stack-only locals through compound statements.
public static partial class Cases
{
    // A ref local to an anonymous object, read before a suspension point (alone, and in a suspending try whose entry
    // label gives it a dummy reference): its declaration and the dummy named the anonymous type, which no code can
    // write (generated code did not compile). The declaration is `ref var` now, the dummy inferred from an example.
    [Goroutine]
    public static string Rv28AnonymousRefLocal(Log log, int n)
    {
        var rows = new[] { new { A = n, B = "b" } };
        ref var r = ref rows[0];
        string t = "";
        t += r.A; t += Tw(1);
        ref var q = ref rows[0];
        try { t += q.B + q.A; t += Tw(2); } finally { log.Add("f"); }
        return t;
    }
}
