using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Plain (not [Goroutine]) overrides of virtual [Goroutine] methods that C# cannot name from the goroutine's type:
// protected methods hidden there by a non-override method of the same name. The factory's check finds and calls
// them by reflection (Runtime/CompilerServices/PlainOverrideCheck.cs).
public static partial class Cases
{
    public partial class PoBase
    {
        [Goroutine] protected virtual string Hidden(int n) { Go.Yield(); return "base" + n; }
        [Goroutine] protected virtual void Note(Log log, int n) { Go.Yield(); log.Add("base note " + n); }
        [Goroutine] protected virtual string Pick<T>(T v, List<T> all) { Go.Yield(); return "base pick " + v + "/" + all.Count; }
        [Goroutine] protected internal virtual int Count(int n) { Go.Yield(); return n; }

        /// <summary>From here C# binds the virtual methods: each call dispatches to the receiver's override.</summary>
        [Goroutine]
        public string Run(Log log, int n)
        {
            var s = Hidden(n);
            Note(log, n);
            s += "|" + Pick(n, new List<int> { 1, 2 }) + "|" + Pick("x" + n, new List<string>()) + "|" + Count(Tw(n));
            return s;
        }
    }

    /// <summary>[Goroutine] overrides beside non-override methods of the same name (this.Hidden(n) binds Hidden(long)).</summary>
    public partial class PoMiddle : PoBase
    {
        protected string Hidden(long n) => "long" + n;
        protected void Note(object log, long n) => throw new InvalidOperationException("the shadowing Note ran");
        protected string Pick<T>(object v, object all) => "object pick";
        protected internal int Count(long n) => -1;

        [Goroutine] protected override string Hidden(int n) { Go.Yield(); return "middle" + n; }
        [Goroutine] protected override void Note(Log log, int n) { Go.Yield(); log.Add("middle note " + n); }
        [Goroutine] protected override string Pick<T>(T v, List<T> all) { Go.Yield(); return "middle pick " + v; }
        [Goroutine] protected internal override int Count(int n) { Go.Yield(); return n * 10; }
    }

    /// <summary>Plain overrides below: a call through PoBase runs these, as the plain call does.</summary>
    public class PoPlain : PoMiddle
    {
        protected override string Hidden(int n) => "plain" + n;
        protected override void Note(Log log, int n)
        {
            log.Add("plain note " + n);
            if (n == 3) throw new InvalidOperationException("plain note fails on 3");
        }
        protected override string Pick<T>(T v, List<T> all) => "plain pick " + typeof(T).Name + " " + v + "/" + all.Count;
        protected internal override int Count(int n) => n * 100;
    }

    /// <summary>No override of its own: its receivers run PoPlain's.</summary>
    public class PoPlainChild : PoPlain { }

    /// <summary>A new virtual slot of the same name: a call through PoBase still runs PoMiddle's body.</summary>
    public class PoNewSlot : PoMiddle
    {
        protected new virtual string Hidden(int n) => "new slot" + n;
    }

    [Goroutine]
    public static string PlainOverrideOfAProtectedShadowedGoroutine(Log log, int n)
    {
        var all = new PoBase[] { new PoBase(), new PoMiddle(), new PoPlain(), new PoPlainChild(), new PoNewSlot(), new PoPlain() };
        var s = "";
        foreach (var p in all)
        {
            try { s += p.Run(log, n) + ";"; }
            catch (InvalidOperationException e) { s += "caught " + e.Message + ";"; }
        }
        return s;
    }
}
