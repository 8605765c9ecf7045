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
        [Goroutine]
        string IConstrainedMaker.Make<T>(Log log, T x) { Go.Yield(); var d = new T(); log.Add("made"); return x.CompareTo(d) + ""; }
    }

    [Goroutine]
    public static string ExplicitGenericImplementationConstraints(Log log, int n)
    {
        IConstrainedMaker m = new ConstrainedMaker();
        return m.Make(log, n) + m.Make(log, Tw(n * 2.5));
    }
}
