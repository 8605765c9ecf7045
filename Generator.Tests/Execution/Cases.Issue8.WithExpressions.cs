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

// Issue 8 (red team round 5, refused where async accepts): a record whose copy constructor is the user's (its own,
// or a base record's) is cloned once, before the values, then each member is set in order: an init-only one
// through an [UnsafeAccessor] to its init accessor, a settable one or a field assigned.
public static partial class Cases
{
    private record CopyRecord(int A)
    {
        private readonly Log? _log;
        public CopyRecord(Log log, int a) : this(a) => _log = log;
        protected CopyRecord(CopyRecord o)
        {
            _log = o._log;
            _log?.Add("copy" + o.A);
            A = o.A;
            B = o.B + 100;
            C = o.C + "'";
            F = o.F;
        }
        public int B { get; init; }
        public string C { get; set; } = "";
        public int F;
    }

    private sealed record CopyDerived(Log Log, int A, string D) : CopyRecord(Log, A)
    {
        public int E { get; init; }
    }

    private static int MutateCopy(Log log, CopyRecord r, int v) { log.Add("mutate" + v); r.C = "changed"; r.F = v; return v; }

    [Goroutine]
    public static string WithRunsTheCopyConstructorOnce(Log log, int n)
    {
        var r = new CopyRecord(log, n) { B = 2, C = "c" };
        var a = r with { C = "x" + Tw(MutateCopy(log, r, n)), B = log.L("b", 5), F = Tw(n + 1), A = log.L("a", 9) };
        CopyRecord d = new CopyDerived(log, n, "d") { E = 1 };
        var b = (CopyDerived)(d with { A = Tw(n + 2) });
        var c = b with { E = Tw(n * 3), D = Tw("dd") };
        return string.Join("|", a, a.F, r, r.F, b, c, c.E);
    }
}
