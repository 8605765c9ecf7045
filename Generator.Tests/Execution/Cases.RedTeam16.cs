using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Red team round 16: a Go developer's idioms (interfaces, generics, closures, channels) written in C#.
public static partial class Cases
{
    // Bug 1: a [Goroutine] member without a body of an interface with in/out type parameters
    // (`interface ISink16<in T> { [Goroutine] void Put(T x); }`, Go's interface over a handler of messages) was refused
    // (GOSH0017, CS8427: "no nested class") where async accepts `Task Put(T x)`: such a member has no frame, only
    // default methods (factory and launcher), which C# allows there as long as their results, Frame<R> and
    // Goroutine<R>, name no variant type parameter. Calls through it, also through a variance conversion, run the
    // implementation as a nested goroutine call; a plain implementation runs plainly through the default factory.
    [Goroutine]
    public static string Rt16ContravariantInterfaceMembers(Log log, int n)
    {
        var impl = new Sink16(log);
        ISink16<string> s = impl;
        s.Put("a" + Sp.Val(n));
        ISink16<object> o = impl;
        o.Put(Sp.Val(n));
        ISink16<string> plain = new PlainSink16(log);
        plain.Put(Sp.Val("z"));
        var r = s.Describe("d", Sp.Val(n)) + plain.Describe("e", n);
        var counted = new Counted16<int>(log);
        ISource16<object> src = new Counted16<string>(log);
        return r + counted.Each(v => log.Add("each" + v), n) + src.Each(v => log.Add("obj" + v), Sp.Val(2));
    }

    public partial interface ISink16<in T>
    {
        [Goroutine] void Put(T x);
        [Goroutine] string Describe(T x, int k);
    }

    public partial interface ISource16<out T>
    {
        // Action<T> takes T in: an output-safe use of a covariant T in a parameter.
        [Goroutine] int Each(System.Action<T> each, int k);
    }

    public sealed partial class Sink16 : ISink16<object>
    {
        private readonly Log _log;
        public Sink16(Log log) => _log = log;
        [Goroutine] public void Put(object x) { _log.Add("put " + x); Go.Yield(); _log.Add("put done"); }
        [Goroutine] public string Describe(object x, int k) => x + ":" + Sp.Val(k);
    }

    public sealed class PlainSink16 : ISink16<string>
    {
        private readonly Log _log;
        public PlainSink16(Log log) => _log = log;
        public void Put(string x) => _log.Add("plain " + x);
        public string Describe(string x, int k) => "pd" + x + k;
    }

    public sealed partial class Counted16<T> : ISource16<T>
    {
        private readonly Log _log;
        public Counted16(Log log) => _log = log;
        [Goroutine]
        public int Each(System.Action<T> each, int k)
        {
            var items = new List<T>();
            for (var i = 0; i < k; i++) items.Add(default!);
            foreach (var item in items) { Sp.Pause(); each(item); }
            _log.Add("counted " + typeof(T).Name);
            return items.Count;
        }
    }
}
