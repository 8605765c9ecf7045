namespace GoSharp.Generator.Tests.Execution;

/// <summary>A ref-returning indexer and property that log each getter call.</summary>
public sealed class RefCells(Log log)
{
    private readonly int[] _a = new int[4];
    public ref int this[int i] { get { log.Add("ref" + i); return ref _a[i]; } }
    public ref int First { get { log.Add("first"); return ref _a[0]; } }
    public override string ToString() => string.Join(",", _a);
}

/// <summary>A ref-returning indexer of nullable cells, for ??=.</summary>
public sealed class RefNullableCells(Log log)
{
    private readonly int?[] _a = new int?[3];
    public ref int? this[int i] { get { log.Add("get" + i); return ref _a[i]; } }
    public override string ToString() => string.Join(",", _a);
}

// Issue 8 (red team, stop 25): a compound assignment through a ref-returning indexer whose index suspends calls
// the getter once, as C# does (it read and wrote through two calls); one whose right side suspends is GOSH0017.
public static partial class Cases
{
    [Goroutine]
    public static string RefIndexerCompoundWithSuspendingIndex(Log log, int n)
    {
        var r = new RefCells(log);
        r[Tw(1)] += 5;
        r[Tw(n % 4)] *= 3;
        r[Tw(2)]++;
        --r[Tw(3)];
        checked { r[Tw(0)] -= n; }
        var c = new RefNullableCells(log);
        c[Tw(1)] ??= 5 + n;
        c[Tw(1)] ??= 7;
        return r.ToString() + "|" + c;
    }

    private static int ReadIn(int y, in int x, RefCells r) { var before = x; r.First = 70; return before * 1000 + x * 10 + y; }

    // An `in` argument through a ref-returning property after the suspension point gets the reference itself (the
    // callee sees its own write through it); before a suspension point it is GOSH0017 (DiagnosticTests).
    [Goroutine]
    public static string RefPropertyAsInArgumentAfterTheSuspension(Log log, int n)
    {
        var r = new RefCells(log);
        r.First = 3;
        var v = ReadIn(Tw(n), r.First, r);
        return v + "|" + r;
    }
}
