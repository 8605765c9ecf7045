using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// A plain base method called with the goroutine's own type parameters (base.VisitLambda(node) in an override of
// ExpressionVisitor.VisitLambda<T>, found in LiteDB; async accepts it): a generic proxy with the base method's type
// parameters and constraints (was GOSH0012). Names like the type's own type parameter get other names in the proxy.
public static partial class Cases
{
    public class Gbp8Base
    {
        public virtual string Visit<T>(List<T> items, string sep = ",") => typeof(T).Name + ":" + string.Join(sep, items);
        protected virtual U Pick<U>(U a, U b) where U : IComparable<U> => a.CompareTo(b) >= 0 ? a : b;
        public virtual void Each<T>(T[] xs, Action<T> f) { foreach (var x in xs) f(x); }
        public string Show<T>(T v) => "show" + v;
    }

#pragma warning disable GOSH0023 // overrides of plain virtual methods: calls through the base run them plainly, as tested
    public partial class Gbp8 : Gbp8Base
    {
        [Goroutine]
        public override string Visit<T>(List<T> items, string sep = ",")
        {
            var s = base.Visit(items);
            Go.Yield();
            return "[" + s + base.Visit<T>(items, sep: Tw(";")) + "]";
        }

        [Goroutine] protected override U Pick<U>(U a, U b) { Go.Yield(); return base.Pick(Tw(a), b); }
        [Goroutine] public override void Each<T>(T[] xs, Action<T> f) { Go.Yield(); base.Each(xs, f); }
        [Goroutine] public string Both<T>(T x, T y) where T : IComparable<T> => Visit(new List<T> { x, y }) + Pick(x, Tw(y)) + base.Show(Tw(x));
    }
#pragma warning restore GOSH0023

    public partial class Gbp8Generic<T> : Gbp8Base
    {
        [Goroutine] public string Run<V>(V v, T t) { Go.Yield(); return base.Visit(new List<V> { v }) + base.Visit(new List<T> { Tw(t) }) + base.Show(v); }
    }

    [Goroutine]
    public static string GenericBaseProxies(Log log, int n)
    {
        var v = new Gbp8();
        var got = new List<int>();
        v.Each(new[] { n, n + 1 }, got.Add);
        Gbp8Base b = v;
        return v.Visit(new List<int> { n, 2 }) + v.Both(n, Tw(2)) + v.Both("a", "b") + b.Visit(new List<string> { "x" })
            + string.Join("", got) + new Gbp8Generic<string>().Run(n, "s");
    }
}
