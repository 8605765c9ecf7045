using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Red team round 18: generics and type structure (constraints, static abstract members, generic receivers, partial
// and nested generic types, overrides, launchers of generic methods).
public static partial class Cases
{
    // Bug 1: an argument with no type of its own (a collection expression, a target-typed `new()`, a method group, a
    // conditional of those) given to a launcher before a later suspending argument (`GoRt18Pair([n], Tw(xs))`) was
    // refused with GOSH0010 where async accepts it: the spill needs the type C# converts it to, and the semantic model,
    // which cannot see the launcher, converted it to nothing. It now takes the type of the parameter it fills in the
    // launched method, constructed as for the launcher's type (explicit, inferred or speculated type arguments).
    [Goroutine]
    public static string Rt18LauncherTargetTypedArguments(Log log, int n)
    {
        var r = GoRt18Pair([log.L("a", n), 2], log.L("b", Tw(new List<int> { 7 }))).Join();
        r += "|" + GoRt18Pair<List<int>>([n], Tw(new List<int>())).Join();
        r += "|" + GoRt18Pair(new(), log.L("c", Tw(new List<string> { "s" }))).Join();
        r += "|" + GoRt18Pair(Rt18Twice, Tw((Func<int, int>)(x => x + n))).Join();
        r += "|" + GoRt18Pair(n > 1 ? [n] : [], Tw(new List<int>())).Join();
        r += "|" + GoRt18Ints(xs: [log.L("d", 3), n], k: Tw(n)).Join();
        return r + "|" + GoRt18Ints(n, [], log.L("e", Tw(4)), n).Join();
    }

    [Goroutine]
    private static string Rt18Pair<T>(T a, T b) => typeof(T).Name + ":" + Tw(Rt18Show(a)) + "," + Rt18Show(b);

    [Goroutine]
    private static string Rt18Ints(int k, List<int> xs, params int[] more) => string.Join(",", xs) + ":" + Tw(k) + ":" + more.Length;

    private static int Rt18Twice(int x) => 2 * x;

    private static string Rt18Show(object? o) => o switch
    {
        IEnumerable<int> xs => "[" + string.Join(",", xs) + "]",
        IEnumerable<string> ss => "[" + string.Join(",", ss) + "]",
        Func<int, int> f => "f" + f(3),
        _ => o + "",
    };
}
