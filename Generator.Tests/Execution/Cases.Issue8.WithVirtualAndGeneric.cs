namespace GoSharp.Generator.Tests.Execution;

// Issue 8 leftovers: `with` with a suspending value on a record whose copy constructor is the user's was refused
// (GOSH0010) when it set a virtual or abstract init property, or when the record was generic. The init accessor
// is called through an [UnsafeAccessor], virtually as C# calls it (the receiver's override runs), a generic
// record's from a generic class nested in Cases (WithExpressions.cs). The logs show the order: receiver, copy
// constructors, then each value and its setter, in source order.
public static partial class Cases
{
    private abstract record VirtualCopy
    {
        protected VirtualCopy(Log log) => L = log;
        protected VirtualCopy(VirtualCopy o)
        {
            L = o.L;
            L.Add("copyBase");
            _v = o._v;
            A = o.A;
        }
        public Log L { get; }
        private int _v;
        public virtual int V { get => _v; init { L.Add("base.V=" + value); _v = value; } }
        public abstract string W { get; init; }
        public int A { get; init; }
    }

    private record VirtualCopyDerived : VirtualCopy
    {
        public VirtualCopyDerived(Log log) : base(log) { }
        protected VirtualCopyDerived(VirtualCopyDerived o) : base(o) { L.Add("copyDerived"); _w = o._w; }
        public override int V { get => base.V; init { L.Add("derived.V=" + value); base.V = value * 10; } }
        private string _w = "";
        public override string W { get => _w; init { L.Add("derived.W=" + value); _w = value; } }
    }

    private sealed record VirtualCopySealed : VirtualCopyDerived
    {
        public VirtualCopySealed(Log log) : base(log) { }
        private VirtualCopySealed(VirtualCopySealed o) : base(o) => L.Add("copySealed");
        public override string W { get => base.W + "!"; init { L.Add("sealed.W=" + value); base.W = value; } }
    }

    private record GenericCopy<T>(T X)
    {
        public Log? L { get; init; }
        protected GenericCopy(GenericCopy<T> o)
        {
            L = o.L;
            L?.Add("copyG" + o.X);
            X = o.X;
            N = o.N + 1;
        }
        public int N { get; init; }
        public virtual T? Y { get; init; }
    }

    private static VirtualCopy Receiver(Log log, VirtualCopy r)
    {
        log.Add("receiver");
        return r;
    }

    [Goroutine]
    private static GenericCopy<T> WithGenericCopy<T>(GenericCopy<T> g, T y) => g with { Y = Tw(y), N = g.L!.L("n", 3) };

    [Goroutine]
    public static string WithVirtualInitProperties(Log log, int n)
    {
        VirtualCopy d = n == 1 ? new VirtualCopySealed(log) : new VirtualCopyDerived(log);
        var a = Receiver(log, d) with { V = log.L("v", n), W = Tw("w" + n), A = log.L("a", 7) };
        var b = a with { W = log.L("w", "x"), V = Tw(n + 2) };
        return string.Join("|", a.V, a.W, a.A, b.V, b.W, b.A, d.V, d.W, b.GetType().Name);
    }

    [Goroutine]
    public static string WithGenericRecords(Log log, int n)
    {
        var g = new GenericCopy<string>("x" + n) { L = log, N = n };
        var a = g with { N = Tw(n * 2), X = log.L("x", "y"), Y = Tw("z") };
        var b = WithGenericCopy(new GenericCopy<int>(n) { L = log }, n + 5);
        return string.Join("|", a.X, a.N, a.Y, g.N, b.X, b.N, b.Y);
    }
}
