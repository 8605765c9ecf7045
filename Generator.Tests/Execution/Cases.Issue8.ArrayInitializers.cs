using System;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team round 5, refused where async accepts): multi-dimensional array initializers with a suspension
// point, with and without new, are lowered: every element in C#'s order (row by row), spilled before the array is made.
public static partial class Cases
{
    [Goroutine]
    public static string MultiDimensionalArrayInitializers(Log log, int n)
    {
        var m = new int[,] { { Tw(log.L("a", 1)), log.L("b", 2) }, { log.L("c", n), Tw(log.L("d", n + 1)) } };
        int[,] m2 = { { 3, Tw(n) }, { log.L("e", 5), 6 } };
        var m3 = new[,] { { "x" + Tw(n), "y" }, { "z", Tw("w") } };
        long[,,] cube = { { { Tw(n), 1 } }, { { 2, log.L("f", 3) } } };
        int[][,] jagged = { new int[,] { { Tw(7) } }, new[,] { { n, Tw(n) } } };
        object[,] boxed = { { Tw(n), "s" } };
        var r = string.Join(",", m[0, 0], m[0, 1], m[1, 0], m[1, 1], m2[0, 1], m2[1, 0], m3[0, 0], m3[1, 1],
            cube[0, 0, 0], cube[1, 0, 1], jagged[0][0, 0], jagged[1][0, 1], boxed[0, 0].GetType().Name);
        try
        {
            checked
            {
                int[,] over = { { Tw(1), int.MaxValue + n } };
                r += "|" + over[0, 1];
            }
        }
        catch (OverflowException) { r += "|ovf"; }
        log.Add(r);
        return r;
    }
}
