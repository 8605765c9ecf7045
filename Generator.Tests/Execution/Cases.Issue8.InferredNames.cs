using System;
using System.Linq;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8: member names C# infers from an expression (`new { x, o }`, `(x, 1)`) stay when the expression becomes a
// frame field, a read by example or a spilled temporary (before: `new { _l0_x, __GoAs(...) }`, CS0746, or a member
// named `_l0_x`, and `(_l0_x, 1)` inside a lambda whose `t.x` then did not compile).
public static partial class Cases
{
    [Goroutine]
    public static string InferredMemberNames(Log log, int n)
    {
        var x = n;
        var o = new { A = n + 1 };
        Tw(0);
        var a = new { x, o, o.A, B = 2 };
        var t = (x, 1, o.A);
        Func<int> inLambda = () => { var u = (x, o); var w = new { x }; return u.x + u.o.A + w.x; };
        var spilled = new { x, Y = Tw(3), o };
        var spilledTuple = (x, Tw(4), o);
        var dup = (o.A, a.A);
        Tw(0);
        log.Add("a " + a);
        log.Add("spilled " + spilled);
        var q = new[] { 1, 2 }.Select(k => new { k, x }).Last();
        return $"{a.x},{a.o.A},{a.A},{t.x},{t.A},{inLambda()},{spilled.x + spilled.Y + spilled.o.A},{spilledTuple.x + spilledTuple.o.A},{dup.Item1 + dup.Item2},{q.k + q.x}";
    }
}
