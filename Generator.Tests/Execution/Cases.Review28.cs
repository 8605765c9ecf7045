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

    // A span of anonymous objects read before suspension points, in a loop whose back-edge keeps it and in a
    // suspending try: its reads went through the object cell that a hoisted anonymous local has (__GoVar(ref s, ...)),
    // which a local of Resume of its own type is not (CS1503 in generated code). It is read as it is now.
    [Goroutine]
    public static string Rv28SpanOfAnonymousObjects(Log log, int n)
    {
        var rows = new[] { new { A = n }, new { A = 2 } };
        var sp = rows.AsSpan();
        string t = "";
        foreach (var x in new System.Collections.Generic.List<int> { 1, 2 }) { t += sp[x - 1].A; if (x == 9) return "r" + Tw(x); }
        try { t += sp[0].A; t += Tw(1); } finally { log.Add("f"); }
        return t;
    }
}
