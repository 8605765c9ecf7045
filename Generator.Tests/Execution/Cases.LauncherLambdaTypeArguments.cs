using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Handles of generic launchers whose type arguments only a lambda's return type gives (`GoCallIt(() => "s" + n)`,
// `GoMapAll(xs, x => x + "!")`), kept in locals across a suspension point: the generator cannot see its own launchers,
// so it binds the launched method's call in their place to learn the type (LauncherTypeInference). Each was GOSH0010.
public static partial class Cases
{
    [Goroutine]
    public static T LlApply<T>(Func<T, T> f, T x) { Tw(0); return f(x); }

    [Goroutine]
    public static T LlCall<T>(Func<T> f) { Tw(0); return f(); }

    [Goroutine]
    public static List<U> LlMap<T, U>(IEnumerable<T> xs, Func<T, U> f)
    {
        var r = new List<U>();
        foreach (var x in xs) r.Add(f(Tw(x)));
        return r;
    }

    [Goroutine]
    public static string LlHandlesFromLambdas(Log log, int n)
    {
        var h = GoLlApply(x => x * 2.5, Tw(n) + 0.0);
        var g = GoLlCall(() => { var s = "s"; return s + n; });
        var m = GoLlMap(new[] { 1, 2, n }, x => x + "!");
        Tw(1);
        var t = (GoLlCall(() => n + 0.5m), n);
        log.Add("t" + t.n);
        Tw(2);
        return h.Join() + "|" + g.Join() + "|" + string.Join(",", m.Join()) + "|" + t.Item1.Join();
    }
}
