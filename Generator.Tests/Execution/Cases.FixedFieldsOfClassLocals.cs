namespace GoSharp.Generator.Tests.Execution;

// &box.P.X in a fixed statement, where box is a class local living in the frame: the address is of a field of the
// object box refers to, which the fixed statement pins; the frame field holding the reference does not change that.
// The generator took it for the address of the frame variable (Unsafe.AsPointer, GOSH0025), which C# refuses in a
// fixed statement (CS8385): only a walk through struct fields reaches the frame variable now (Renamer.FrameVariableOf).
public static partial class Cases
{
    public struct FixedPt { public int X; public int Y; }

    public sealed class FixedPtBox { public FixedPt P; }

    [Goroutine]
    public static string FixedFieldOfAClassLocal(Log log, int n)
    {
        var box = new FixedPtBox { P = new FixedPt { X = Tw(n), Y = 2 } };
        unsafe
        {
            fixed (int* px = &box.P.X) { *px += 5; }
        }
        var s = box.P.X + ":" + Tw(box.P.Y);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string FixedFieldsOfAClassLocalInFrame(Log log, int n)
    {
        var box = new FixedPtBox();
        box.P.Y = Tw(n);
        unsafe
        {
            fixed (int* py = &box.P.Y) { *py *= 3; }
            fixed (FixedPt* pp = &box.P) { pp->X = pp->Y + 1; }
        }
        var s = box.P.X + ":" + box.P.Y + Tw("");
        log.Add(s); return s;
    }
}
