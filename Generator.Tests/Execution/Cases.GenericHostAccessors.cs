namespace GoSharp.Generator.Tests.Execution;

// [UnsafeAccessor]s in a generic goroutine type to members of generic types: the runtime matches an accessor to a
// generic type's member by the type parameters of the class that declares it. A type nested in the goroutine's own
// generic type (a private one included, which a class outside it cannot name) gets a class nested in the user's type
// declaring only the nested type's own type parameters (it carries the user type's); another generic type a file
// class beside the user's type, or, where that cannot name it (private to a type containing the user's), a class
// nested in the first containing type that is not generic or that it is nested in. Each was refused (GOSH0010)
// where async accepts it.

public sealed class GhaGeneric<T>
{
    private readonly Log _log = null!;
    private int _x;
    public required int X { get => _x; init { _log.Add("X=" + value); _x = value; } }
    public required T Y { get; init; }
    public GhaGeneric(Log log) { _log = log; log.Add("generic ctor"); }
}

public sealed class GhaPlain
{
    private readonly Log _log = null!;
    private int _x;
    public required int X { get => _x; init { _log.Add("X=" + value); _x = value; } }
    public int Y { get; init; }
    public GhaPlain(Log log) { _log = log; log.Add("plain ctor"); }
}

public partial class GhaHost<T>
{
    private record Rec<U>(Log Log, U A)
    {
        private readonly U _b = default!;
        public U B { get => _b; init { Log.Add("B=" + value); _b = value; } }
    }

    private record Copied<U>(U A)
    {
        protected Copied(Copied<U> o) { A = o.A; Copies = o.Copies + 1; }
        public int Copies { get; private set; }
        public int N { get; init; }
    }

    private sealed class Req
    {
        private readonly Log _log;
        private T _x = default!;
        public required T X { get => _x; init { _log.Add("X=" + value); _x = value; } }
        public required int Y { get; init; }
        public Req(Log log) { _log = log; log.Add("req ctor"); }
    }

    private record struct SRec<U>(Log Log)
    {
        private U _v = default!;
        public U V { readonly get => _v; init { Log.Add("V=" + value); _v = value; } }
        public int K { get; set; }
    }

    [Goroutine]
    public string Run(Log log, T t, int n)
    {
        var r = new Rec<T>(log, t);
        var r2 = r with { B = log.L("b", t), A = Sp.Val(t) };
        var q = new Rec<int>(log, n) { B = log.L("b", n + 1) };
        var q2 = q with { B = log.L("b2", n), A = Sp.Val(n + 2) };
        var x = new Req(log) { X = log.L("x", t), Y = Sp.Val(n) };
        var s = new SRec<T>(log) { V = log.L("v", t), K = Sp.Val(n) };
        var s2 = s with { V = log.L("v2", t), K = Sp.Val(n + 1) };
        var p = new GhaPlain(log) { X = log.L("x", n), Y = Sp.Val(n + 1) };
        var c = new Copied<T>(t) with { N = Sp.Val(n), A = log.L("a", t) };
        var g = new GhaGeneric<T>(log) { X = log.L("x", 3), Y = Sp.Val(t) };
        return r2.A + "," + r2.B + "|" + q2.A + "," + q2.B + "|" + x.X + "," + x.Y + "|" + s2.V + "," + s2.K + "|" + p.X + "," + p.Y + "|" + g.X + "," + g.Y + "|" + c.A + "," + c.N + "," + c.Copies;
    }

    [Goroutine]
    public string RunGeneric<M>(Log log, M m, int n)
    {
        var r = new Rec<M>(log, m);
        var r2 = r with { B = log.L("b", m), A = Sp.Val(m) };
        var g = new GhaGeneric<M>(log) { X = log.L("x", n), Y = Sp.Val(m) };
        var o = new RmcOuter<T>.Pair<M>(log) { First = log.L("f", default(T)!), Second = Sp.Val(m) };
        return r2.A + "," + r2.B + "|" + g.X + "," + g.Y + "|" + o.First + "," + o.Second;
    }
}

public static partial class Cases
{
    [Goroutine]
    public static string GhaGenericGoroutineTypes(Log log, int n) =>
        new GhaHost<string>().Run(log, "s" + Tw(n), n) + "|" + new GhaHost<int>().Run(log, n, Tw(n))
        + "|" + new GhaHost<int>().RunGeneric(log, "m" + Tw(n), n);
}

// Private to a type that contains the generic goroutine type: the accessors are declared in that type.
public partial class GhaOuter
{
    private record Rec<U>(Log Log, U A)
    {
        private readonly U _b = default!;
        public U B { get => _b; init { Log.Add("B=" + value); _b = value; } }
    }

    private sealed class Req<U>
    {
        private readonly Log _log;
        private int _x;
        public required int X { get => _x; init { _log.Add("X=" + value); _x = value; } }
        public required U Y { get; init; }
        public Req(Log log) { _log = log; log.Add("req ctor"); }
    }

    public partial class Host<T>
    {
        [Goroutine]
        public string Run(Log log, T t, int n)
        {
            var r = new Rec<T>(log, t);
            var r2 = r with { B = log.L("b", t), A = Sp.Val(t) };
            var q = new Req<T>(log) { X = log.L("x", n), Y = Sp.Val(t) };
            return r2.A + "," + r2.B + "|" + q.X + "," + q.Y;
        }
    }

    public partial class Host2<T>
    {
        [Goroutine]
        public string Run(Log log, T t, int n)
        {
            var r = new Rec<int>(log, n);
            var r2 = r with { B = log.L("b", n), A = Sp.Val(n) };
            return r2.A + "," + r2.B;
        }
    }
}

public partial class GhaGen<X>
{
    private record Rec<U>(Log Log, U A)
    {
        private readonly U _b = default!;
        public U B { get => _b; init { Log.Add("B=" + value); _b = value; } }
    }

    public partial class Host<T>
    {
        [Goroutine]
        public string Run(Log log, T t, X x, int n)
        {
            var r = new Rec<T>(log, t);
            var r2 = r with { B = log.L("b", t), A = Sp.Val(t) };
            var s = new GhaGen<X>.Rec<X>(log, x) with { B = log.L("bx", x), A = Sp.Val(x) };
            return r2.A + "," + r2.B + "|" + s.A + "," + s.B;
        }
    }
}

public static partial class Cases
{
    [Goroutine]
    public static string GhaOuterTypes(Log log, int n) =>
        new GhaOuter.Host<string>().Run(log, "s" + Tw(n), n) + "|" + new GhaOuter.Host2<int>().Run(log, n, Tw(n))
        + "|" + new GhaGen<string>.Host<int>().Run(log, n, "x", Tw(n));
}
