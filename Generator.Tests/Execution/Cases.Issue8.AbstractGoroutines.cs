using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// [Goroutine] on an abstract method or an interface method without a body: called through it, the receiver's
// [Goroutine] override or implementation runs as a nested goroutine call (its suspensions suspend), a plain one runs
// plainly, and the launcher starts whichever the receiver has.
public static partial class Cases
{
    public partial interface IAg8Worker
    {
        [Goroutine] string Work(Log log, int n);
        [Goroutine] void Touch(List<string> seen);
        [Goroutine] U Convert<U>(int n, System.Func<int, U> f) where U : notnull;
    }

    public sealed partial class Ag8Go : IAg8Worker
    {
        [Goroutine] public string Work(Log log, int n) { var v = Tw(n); log.Add("go" + v); return "go" + v; }
        [Goroutine] public void Touch(List<string> seen) { Go.Yield(); seen.Add("go"); }
        [Goroutine] public U Convert<U>(int n, System.Func<int, U> f) where U : notnull => f(Tw(n) + 1);
    }

    public sealed class Ag8Plain : IAg8Worker
    {
        public string Work(Log log, int n) { log.Add("plain" + n); return "plain" + n; }
        public void Touch(List<string> seen) => seen.Add("plain");
        public U Convert<U>(int n, System.Func<int, U> f) where U : notnull => f(n + 2);
    }

    public partial struct Ag8Struct : IAg8Worker
    {
        public int K;
        [Goroutine] public string Work(Log log, int n) { var v = Tw(n + K); return "st" + v; }
        [Goroutine] public void Touch(List<string> seen) { Go.Yield(); seen.Add("st" + K); }
        [Goroutine] public U Convert<U>(int n, System.Func<int, U> f) where U : notnull { Go.Yield(); return f(n + K); }
    }

    public abstract partial class Ag8Shape
    {
        [Goroutine] public abstract string Name(int n);
        [Goroutine] public virtual string Describe(int n) => "shape " + Name(Tw(n));
    }

    public partial class Ag8Circle : Ag8Shape
    {
        [Goroutine] public override string Name(int n) { var r = Tw(n * 2); return "circle" + r; }
    }

    public class Ag8Square : Ag8Shape
    {
        public override string Name(int n) => "square" + n;
    }

    public partial class Ag8Ring : Ag8Circle
    {
        [Goroutine] public override string Name(int n) => "ring(" + base.Name(Tw(n)) + ")";
    }

    // An abstract override of a virtual [Goroutine] method: it keeps the factory it inherits.
    public partial class Ag8A { [Goroutine] public virtual string M(int n) { Go.Yield(); return "A" + n; } }
    public abstract partial class Ag8B : Ag8A { [Goroutine] public abstract override string M(int n); }
    public partial class Ag8C : Ag8B { [Goroutine] public override string M(int n) { var v = Tw(n); return "C" + v; } }
    public class Ag8D : Ag8B { public override string M(int n) => "D" + n; }

    [Goroutine]
    public static string AbstractOverrideOfAGoroutine(Log log, int n)
    {
        Ag8A c = new Ag8C(), d = new Ag8D();
        Ag8B b = new Ag8C();
        return c.M(n) + d.M(Tw(n)) + b.M(n + 1) + b.GoM(n + 2).Join() + d.GoM(n).Join();
    }

    [Goroutine]
    public static string AbstractGoroutineDispatch(Log log, int n)
    {
        IAg8Worker[] workers = { new Ag8Go(), new Ag8Plain(), new Ag8Struct { K = 5 } };
        var seen = new List<string>();
        var s = "";
        foreach (var w in workers)
        {
            s += w.Work(log, Tw(n)) + "," + w.GoWork(log, n + 1).Join() + ";";
            w.Touch(seen);
            s += w.Convert(n, v => "c" + v) + w.Convert(Tw(n), v => v * 10) + ";";
        }
        Ag8Shape[] shapes = { new Ag8Circle(), new Ag8Square(), new Ag8Ring() };
        foreach (var sh in shapes) s += sh.Name(n) + "/" + sh.Describe(n) + "/" + sh.GoName(n + 2).Join() + ";";
        return s + string.Join(",", seen);
    }
}
