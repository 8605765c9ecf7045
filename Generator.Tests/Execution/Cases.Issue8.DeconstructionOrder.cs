using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team): deconstruction assigns after the targets' receivers and indexes and the whole right side
// are evaluated, left to right; property setters and indexer setters run in target order; a Deconstruct method
// runs after the targets are evaluated.
public static partial class Cases
{
    [Goroutine]
    public static string DecIntoPropertiesAndIndexers(Log log, int n)
    {
        var cell = new CmpCell(log, 0);
        (cell.Self("a").V, cell.Self("b")[log.L("i", 2)]) = (Tw(log.L("v", n)), log.L("w", 7));
        (cell.S, cell[Tw(4)], cell.Self("c").V) = (Tw("s") + n, Tw(8), cell.V + 1);
        return cell.V + "|" + cell[2] + "|" + cell[4] + "|" + cell.S;
    }

    [Goroutine]
    public static string DecSwaps(Log log, int n)
    {
        int a = n, b = 10;
        (a, b) = (b, Tw(a));
        var arr = new[] { 1, 2, 3, 4 };
        int i = 0, j = 3;
        (arr[i], arr[j]) = (arr[j], Tw(arr[i]));
        (arr[Tw(1)], arr[2], i) = (arr[2], Tw(arr[1]), Tw(i + 1));
        (a, b) = (Tw(b), Tw(a));
        return $"{a},{b},{i}|" + string.Join(",", arr);
    }

    [Goroutine]
    public static string DecIndexFixedBeforeRightSide(Log log, int n)
    {
        var a = new int[4];
        var i = 0;
        (a[i], a[i + 1]) = (Tw(i = 2), log.L("i", i));
        var first = a;
        var other = new int[4];
        (a[0], i) = (Tw(50), (a = other).Length);
        var box = new Box();
        var target = box;
        (target.Value, target) = (Tw(7), new Box { Value = -1 });
        return string.Join(",", first) + "|" + string.Join(",", other) + "|" + i + "|" + box.Value + "," + target.Value;
    }

    [Goroutine]
    public static string DecUserDeconstructMethod(Log log, int n)
    {
        var p = new DecPair(log, n, n * 2);
        var (x, y) = Tw(p);
        var arr = new int[3];
        (arr[log.L("idx", 1)], x) = Tw(new DecPair(log, 5, 6));
        var box = new Box();
        (box.Value, (y, var z)) = (Tw(3), new DecPair(log, 8, 9));
        var (s, (t, u)) = (Tw("s"), Tw(p));
        return $"{x},{y},{z},{s},{t},{u}|" + string.Join(",", arr) + "|" + box.Value;
    }

    [Goroutine]
    public static string DecNestedMixedDeclarations(Log log, int n)
    {
        (var a, (int b, var c)) = (Tw(1), (log.L("b", 2), Tw(n)));
        (long l, double d) = (Tw(n), Tw(2));
        var t = (a, b) = (Tw(b), Tw(a));
        var ((p, q), r) = ((Tw("p"), log.L("q", 'q')), Tw(3.5m));
        int m;
        string k;
        (m, (k, _)) = (Tw(9), (log.L("k", "k"), Tw(false)));
        return $"{a},{b},{c},{l},{d},{t.Item1},{t.Item2},{p},{q},{r},{m},{k}";
    }

    [Goroutine]
    public static string DecStructFieldsAndStatics(Log log, int n)
    {
        var p = new CmpPoint();
        (p.X, p.Y) = (Tw(n), p.X + 5);
        var pts = new CmpPoint[2];
        (pts[Tw(1)].X, pts[0].Y) = (Tw(3), 4);
        var h = new CmpRectHolder();
        (h.R.A.X, h.R.B.Y) = (Tw(5), Tw(6));
        (StaticProp, s_compound) = (Tw(n + 100), log.L("sc", 4));
        return $"{p.X},{p.Y}|{pts[1].X},{pts[0].Y}|{h.R.A.X},{h.R.B.Y}|{StaticProp},{s_compound}";
    }

    [Goroutine]
    public static int DecForeachAndLoops(Log log, int n)
    {
        var d = new Dictionary<string, int> { ["a"] = 1, ["b"] = n };
        var sum = 0;
        foreach (var (k, v) in d)
        {
            sum += Tw(v) * (k == "a" ? 10 : 1);
        }
        foreach ((int x, string y) in new[] { (1, "x"), (2, "yy") })
        {
            Go.Yield();
            sum += x * y.Length;
        }
        var pairs = new[] { new DecPair(log, 1, 2), new DecPair(log, 3, 4) };
        foreach (var (x, y) in pairs)
            sum += Tw(x) - y;
        for (var (i, j) = (0, Tw(3)); i < j; (i, j) = (i + 1, j - Tw(0)))
            sum += i;
        return sum;
    }

    [Goroutine]
    public static string DecThrowingRightSide(Log log, int n)
    {
        var a = new[] { 1, 2 };
        try
        {
            (a[log.L("i", 0)], a[log.L("j", 1)]) = (Tw(10), n > 0 ? Sp.Fail("right" + n) : 20);
        }
        catch (System.InvalidOperationException e)
        {
            log.Add("caught " + e.Message);
        }
        try
        {
            (a[0], a[Tw(5) - 3]) = (Tw(7), 8);
        }
        catch (System.IndexOutOfRangeException)
        {
            log.Add("index");
        }
        return string.Join(",", a);
    }
}

public sealed class DecPair
{
    private readonly Log _log;
    private readonly int _a;
    private readonly int _b;
    public DecPair(Log log, int a, int b) { _log = log; _a = a; _b = b; }
    public void Deconstruct(out int a, out int b) { _log.Add($"deconstruct {_a},{_b}"); a = _a; b = _b; }
}
