using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// A method type parameter named like its type's (warning CS0693): the frame, nested in the type, names its own `__GoT`
// and still names the type's T (its `_this`, the locals filled from the type's members). Async accepts these.
#pragma warning disable CS0693
public static partial class Cases
{
    public partial class Sh8Box<T>
    {
        private readonly List<T> _items = new();
        public Sh8Box(T first) => _items.Add(first);

        [Goroutine]
        public string Pair<T>(T x, int n) where T : IComparable<T>
        {
            var items = _items;
            var mine = new List<T> { x };
            Func<T, string> f = v => typeof(T).Name + ":" + v;
            T Local(T a) => a;
            var got = Tw(Local(x));
            var outer = Tw(items[0]);
            var arr = new T[] { got, x };
            for (var i = 0; i < n; i++) mine.Add(Tw(got));
            return f(got) + "|" + outer + "|" + typeof(T).Name + "|" + nameof(T) + "|" + mine.Count + "|" + arr.Length + "|" + x.CompareTo(got) + "|" + Static<T>(x, n);
        }

        [Goroutine]
        public static string Static<T>(T v, int n)
        {
            var r = Tw(v);
            var d = default(T);
            return typeof(T).Name + r + n + (d is null ? "null" : "def");
        }

        [Goroutine]
        public virtual string Virt<T>(T v, int n) { var r = Tw(v); return "B" + typeof(T).Name + r + _items.Count + n; }
    }

    public partial class Sh8Derived<T> : Sh8Box<T>
    {
        public Sh8Derived(T first) : base(first) { }

        [Goroutine]
        public override string Virt<T>(T v, int n) { var r = Tw(v); return "D" + typeof(T).Name + r + base.Virt(v, Tw(n)); }
    }

    [Goroutine]
    public static string ShadowedMethodTypeParameters(Log log, int n)
    {
        var b = new Sh8Box<double>(2.5);
        Sh8Box<double> d = new Sh8Derived<double>(1.5);
        var a = b.Pair(Tw(7), n);
        log.Add(a);
        return a + " / " + Sh8Box<string>.Static("s", n) + " / " + d.Virt('c', n) + " / " + b.Virt(Tw("x"), n);
    }
}
