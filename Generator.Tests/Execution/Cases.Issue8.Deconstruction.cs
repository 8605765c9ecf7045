namespace GoSharp.Generator.Tests.Execution;

// Issue 8: deconstruction evaluates the targets' receivers and indices first (left to right), then the right
// side, then assigns.
public static partial class Cases
{
    [Goroutine]
    public static string DeconstructionTargetsFirst(Log log, int n)
    {
        var a = new int[3];
        var b = new int[3];
        (a[log.L("i", 0)], b[log.L("j", 1)]) = (Tw(log.L("v", 2)), Tw(log.L("w", 3)));
        (a[Tw(log.L("k", 1))], b[log.L("l", 2)]) = (log.L("x", 4), Tw(log.L("y", 5)));
        var box = new Box();
        (Pick(log, box).Value, a[log.L("m", 2)]) = (Tw(n), 9);
        return string.Join(",", a) + "|" + string.Join(",", b) + "|" + box.Value;
    }

    private static Box Pick(Log log, Box b) { log.Add("pickbox"); return b; }

    [Goroutine]
    public static string DeconstructionNested(Log log, int n)
    {
        var a = new int[4];
        int x;
        ((a[log.L("i", 0)], x), a[log.L("j", 1)]) = ((Tw(1), log.L("x", 2)), Tw(3));
        var (p, q) = (Tw(n), log.L("q", 5));
        (a[log.L("k", 2)], _) = (Tw(7), log.L("discarded", 8));
        var box = new Box();
        (box.Name, a[3]) = Pair(log, Tw(n));
        return string.Join(",", a) + "|" + x + p + q + box.Name;
    }

    private static (string, int) Pair(Log log, int n) { log.Add("pair"); return ("n" + n, n * 2); }
}
