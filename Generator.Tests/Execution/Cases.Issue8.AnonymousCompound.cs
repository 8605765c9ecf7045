using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (once GOSH0010): a suspending compound assignment whose type holds an anonymous type (f += Tw(g) of two
// Func<anon>, a user-defined operator of Bag<anon>). The old value is read into an object temporary before the
// right side suspends and read back by example (AssignmentLowering). The targets log when they are read and written.
public static partial class Cases
{
    private static Func<T> AnonConst<T>(Log log, T value, string tag) => () => { log.Add("run " + tag); return value; };

    private sealed class AnonHolder<T>
    {
        private readonly Log _log;
        private Func<T> _f;

        public AnonHolder(Log log, Func<T> f) { _log = log; _f = f; }

        public Func<T> F
        {
            get { _log.Add("get F"); return _f; }
            set { _log.Add("set F"); _f = value; }
        }

        public Bag<T> Items = new();
    }

    private sealed class Bag<T>
    {
        public readonly List<T> Items = new();

        public static Bag<T> operator +(Bag<T> bag, T item)
        {
            var r = new Bag<T>();
            r.Items.AddRange(bag.Items);
            r.Items.Add(item);
            return r;
        }
    }

    private static AnonHolder<T> Holder<T>(Log log, Func<T> f) => new(log, f);

    // (Delegate.Combine's and Remove's results are nullable to the compiler; these targets are not.)
#pragma warning disable CS8601
    [Goroutine]
    public static string AnonCompoundAssignments(Log log, int n)
    {
        var f = AnonConst(log, new { A = n }, "f");
        var g = AnonConst(log, new { A = n + 1 }, "g");
        f += Tw(g);
        log.Add("f " + f().A);
        var arr = new[] { f, g };
        var i = 0;
        arr[log.L("index", i)] -= Tw(g);
        log.Add("arr0 " + arr[0]().A);
        var h = Holder(log, g);
        log.L("holder", h).F += Sp.Val(AnonConst(log, new { A = 10 + n }, "h"));
        log.Add("h " + h.F().A);
        var bag = new Bag<(string, object)>();
        var anonBag = h.Items;
        anonBag += Tw(new { A = n * 2 });
        anonBag += new { A = Tw(3) };
        h.Items += Sp.Val(new { A = 7 });
        return anonBag.Items.Count + ":" + anonBag.Items[0].A + anonBag.Items[1].A + "," + h.Items.Items.Count + bag.Items.Count;
    }
#pragma warning restore CS8601
}
