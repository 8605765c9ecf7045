using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team round 4): what a nested goroutine call passes for an optional parameter it leaves out must
// be what C# passes. Were wrong: [Optional] object without a default got null (C#: Type.Missing), a
// DefaultParameterValue(7L) on object a boxed int (C#: a boxed long), a -0.0 default +0.0; and uncompilable:
// an [Optional, DateTimeConstant] DateTime (an empty cast), a negative nint default (CS0075).
public static partial class Cases
{
    [Goroutine]
    private static string Omitted(Log log, int n,
        [Optional] object missing, [Optional] dynamic dyn, [Optional, DefaultParameterValue(7L)] object boxedLong,
        [Optional, DefaultParameterValue((short)-2)] object boxedShort, [Optional, DateTimeConstant(630822816000000000)] DateTime when,
        double negativeZero = -0.0, float negativeZeroF = -0.0f, nint negative = -3, decimal money = -1.5m,
        sbyte small = -8, int? maybe = -4, DayOfWeek day = (DayOfWeek)(-1))
    {
        Go.Yield();
        var text = string.Join("|", (missing == Type.Missing), (object)dyn == Type.Missing, boxedLong.GetType().Name,
            boxedShort.GetType().Name + boxedShort, 1 / negativeZero, 1 / negativeZeroF, when.ToString("yyyy-MM-dd"),
            negative, money, small, maybe, (int)day);
        log.Add(text);
        return text + n;
    }

    [Goroutine]
    public static string OmittedOptionalArguments(Log log, int n) => Omitted(log, Tw(n)) + Omitted(log, n, "given", negative: Tw(n) - 9);
}
