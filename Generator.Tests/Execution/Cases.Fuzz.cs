using System;

namespace GoSharp.Generator.Tests.Execution;

// Found by the random expressions of ExpressionPropertyTests, then reduced.
public static partial class Cases
{
    // A guard's pattern variable that is not assigned whenever the guard is true (CS0165 in the generated copy out of
    // the case), in a switch expression and a switch statement whose arms suspend; one the arm reads is copied.
    [Goroutine]
    public static string FzGuardVariableMaybeUnassigned(Log log, int n)
    {
        var x = n + 3;
        var box = new Box { Value = n + 3 };
        var a = Tw(n) switch
        {
            var w when w > (box is { Value: > 4 } ? (x is var v1 && v1 > 5 ? v1 : 7) : 0) => Tw(w * 10),
            var w when w > 0 && x is var v2 && v2 > 4 => Tw(v2) + w,
            _ => Tw(-1),
        };
        string b;
        switch (Tw(n))
        {
            case var w when w > (box.Value > 4 ? (x is var v3 && v3 > 5 ? v3 : 7) : 0):
                b = "big" + Tw(w);
                break;
            case var w when w >= 0 && x is var v4 && v4 > 3:
                b = "v4 " + Tw(v4 + w);
                break;
            default:
                b = "none";
                break;
        }
        log.Add(a + " " + b);
        return a + "," + b;
    }
}
