namespace GoSharp.Generator.Tests.Execution;

// Issue 8: `r with { A = Tw(...) }` clones the receiver before it evaluates the member values, so a value that
// changes the receiver is not seen by the clone (a record class; a record struct is copied when spilled).
public static partial class Cases
{
    private record WithRecord(int A) { public int B { get; set; } }

    private sealed record WithDerived(int A, string C) : WithRecord(A);

    private record struct WithStruct(int A) { public int B { get; set; } }

    private static int Mutate(Log log, WithRecord r, int v) { log.Add("mutate" + v); r.B = v; return v; }

    [Goroutine]
    public static string WithClonesBeforeTheValues(Log log, int n)
    {
        var r = new WithRecord(n);
        var a = r with { A = Tw(Mutate(log, r, 10 + n)) };
        WithRecord d = new WithDerived(n, "c");
        var b = d with { A = Mutate(log, d, 20), B = Tw(n) };
        var s = new WithStruct(n);
        var c = s with { A = Tw(s.B = 5) };
        return a + "|" + r + "|" + b + "|" + d + "|" + c + "|" + s;
    }
}
