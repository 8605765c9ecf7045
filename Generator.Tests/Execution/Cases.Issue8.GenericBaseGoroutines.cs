using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team round 6, refused what async accepts): `base.Gen(v)` in a generic [Goroutine] override (or any
// generic goroutine method) of a base [Goroutine] method, the call naming the method's own type parameters. It was
// GOSH0012; the base's own frame now comes through a generic proxy of the type, as Roslyn's async base proxies are
// generic (`<>n__0<T>`).
public static partial class Cases
{
    public abstract partial class GbBase
    {
        protected readonly Log Log;

        protected GbBase(Log log) => Log = log;

        [Goroutine]
        public virtual T Gen<T>(T v)
        {
            Log.Add("base " + v);
            Go.Yield();
            return v;
        }

        [Goroutine]
        public virtual string Pair<TKey, TValue>(TKey k, List<TValue> vs) where TKey : IComparable<TKey>
        {
            Go.Yield();
            return k + "=" + string.Join("+", vs);
        }
    }

    public partial class GbDerived : GbBase
    {
        public GbDerived(Log log) : base(log) { }

        [Goroutine]
        public override T Gen<T>(T v)
        {
            Log.Add("derived " + v);
            Go.Yield();
            return base.Gen(v);
        }

        [Goroutine]
        public override string Pair<TKey, TValue>(TKey k, List<TValue> vs) =>
            "[" + base.Pair(k, vs) + "," + base.Pair<TKey, TValue>(Tw(k), new List<TValue>()) + "," + base.Pair("s", vs) + "]";

        [Goroutine]
        public string Wrap<U>(U u, int n) => base.Gen(u) + "/" + base.Gen(Tw(n)) + "/" + base.Gen(new[] { u });
    }

    [Goroutine]
    public static string BaseGoroutineCallsNamingTypeParameters(Log log, int n)
    {
        GbBase b = new GbDerived(log);
        var d = (GbDerived)b;
        return b.Gen(n) + "," + b.Gen("s" + n) + "," + b.Pair(n, new List<string> { "a", "b" }) + "," + d.Wrap('c', n).Length;
    }
}
