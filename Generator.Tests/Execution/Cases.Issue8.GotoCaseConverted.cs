namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team): `goto case 3` in a switch over a long names `case 3L` (C# converts the constant to the switch's
// type); with suspending sections it was refused (GOSH0010).
public static partial class Cases
{
    [Goroutine]
    public static string GotoCaseConvertedToTheSwitchType(Log log, int n)
    {
        long v = n;
        var r = "";
        switch (v)
        {
            case 0: r += Tw("z"); goto case 3;
            case 3: r += "t"; goto case 1L;
            case 1: r += Tw("o"); break;
        }
        double d = n;
        switch (d)
        {
            case 0.0: r += Tw("a"); goto case 1;
            case 1.0: r += Tw("b"); break;
            default: r += "c"; goto case 0;
        }
        return r;
    }
}
