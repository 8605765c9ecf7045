namespace GoSharp.Generator.Tests.Execution;

// Issue 8: a [Goroutine] default interface method called through the interface, as a nested goroutine call or
// through its launcher, runs the receiver's implementation when its class has one (a plain one plainly, a
// [Goroutine] one as a goroutine call through the factory it implements), as C# calls it.
public static partial class Cases
{
    public partial interface IGreeter
    {
        [Goroutine]
        string Greet(Log log, int n) { Go.Yield(); log.Add("default" + n); return "default" + n; }
    }

    private sealed class PlainGreeter : IGreeter
    {
        public string Greet(Log log, int n) { log.Add("plain" + n); return "plain" + n; }
    }

    private sealed class DefaultGreeter : IGreeter { }

    private sealed partial class GoroutineGreeter : IGreeter
    {
        [Goroutine]
        public string Greet(Log log, int n) { Go.Yield(); log.Add("go" + n); return "go" + n; }
    }

    [Goroutine]
    public static string DefaultInterfaceMethodDispatch(Log log, int n)
    {
        IGreeter[] all = { new PlainGreeter(), new DefaultGreeter(), new GoroutineGreeter() };
        var s = "";
        foreach (var g in all)
            s += g.Greet(log, n) + "," + g.GoGreet(log, n + 1).Join() + ";";
        return s;
    }
}

// A [Goroutine] static virtual interface member called through a type parameter runs the type argument's
// implementation (a plain call), as C# dispatches it.
public static partial class Cases
{
    public partial interface IStaticGreeter
    {
        [Goroutine]
        static virtual string Hello(int n) { Go.Yield(); return "default" + n; }
    }

    private partial struct GoroutineStaticGreeter : IStaticGreeter
    {
        [Goroutine]
        public static string Hello(int n) { Go.Yield(); return "go" + n; }
    }

    private struct PlainStaticGreeter : IStaticGreeter
    {
        public static string Hello(int n) => "plain" + n;
    }

    private struct DefaultStaticGreeter : IStaticGreeter { }

    [Goroutine]
    private static string HelloThrough<T>(int n) where T : IStaticGreeter => T.Hello(n) + Tw("!");

    [Goroutine]
    public static string StaticVirtualInterfaceMemberDispatch(Log log, int n) =>
        HelloThrough<GoroutineStaticGreeter>(n) + HelloThrough<PlainStaticGreeter>(n + 1) + HelloThrough<DefaultStaticGreeter>(n + 2);
}

// [Goroutine] static abstract interface members, called through a type parameter (T.Make(n)) and started through the
// interface's launcher (IStaticMaker.GoMake<T>(n)): a [Goroutine] implementation (an explicit one too) runs as a
// nested goroutine call, a plain one plainly; generic members with their type arguments.
public static partial class Cases
{
    public partial interface IStaticMaker
    {
        [Goroutine] static abstract string Make(Log log, int n);
        [Goroutine] static abstract U Map<U>(int n, System.Func<int, U> f);
    }

    private partial class GoroutineStaticMaker : IStaticMaker
    {
        [Goroutine] public static string Make(Log log, int n) { var v = Tw(n); log.Add("go" + v); return "go" + v; }
        [Goroutine] public static U Map<U>(int n, System.Func<int, U> f) { Go.Yield(); return f(n + 1); }
    }

    private partial struct ExplicitStaticMaker : IStaticMaker
    {
        [Goroutine] static string IStaticMaker.Make(Log log, int n) { Go.Yield(); log.Add("explicit" + n); return "explicit" + n; }
        public static U Map<U>(int n, System.Func<int, U> f) => f(n + 2);
    }

    private sealed class PlainStaticMaker : IStaticMaker
    {
        public static string Make(Log log, int n) { log.Add("plain" + n); return "plain" + n; }
        public static U Map<U>(int n, System.Func<int, U> f) => f(n + 3);
    }

    [Goroutine]
    private static string MakeThrough<T>(Log log, int n) where T : IStaticMaker =>
        T.Make(log, Tw(n)) + T.Map(n, v => "m" + v) + T.Map(Tw(n), v => v * 10) + IStaticMaker.GoMake<T>(log, n + 5).Join();

    [Goroutine]
    public static string StaticAbstractInterfaceMemberDispatch(Log log, int n) =>
        MakeThrough<GoroutineStaticMaker>(log, n) + ";" + MakeThrough<ExplicitStaticMaker>(log, n + 1) + ";" + MakeThrough<PlainStaticMaker>(log, n + 2)
        + ";" + IStaticMaker.GoMap<GoroutineStaticMaker, string>(n, v => "q" + v).Join();
}

// A [Goroutine] explicit implementation of a generic interface method inherits the interface method's constraints;
// its frame and launcher restate them (they did not, and the body did not bind there).
public static partial class Cases
{
    public interface IConstrainedMaker
    {
        string Make<T>(Log log, T x) where T : System.IComparable<T>, new();
    }

    private sealed partial class ConstrainedMaker : IConstrainedMaker
    {
#pragma warning disable GOSH0023 // the interface method is plain: calls through it run this plainly, as tested
        [Goroutine]
        string IConstrainedMaker.Make<T>(Log log, T x) { Go.Yield(); var d = new T(); log.Add("made"); return x.CompareTo(d) + ""; }
#pragma warning restore GOSH0023
    }

    [Goroutine]
    public static string ExplicitGenericImplementationConstraints(Log log, int n)
    {
        IConstrainedMaker m = new ConstrainedMaker();
        return m.Make(log, n) + m.Make(log, Tw(n * 2.5));
    }
}
