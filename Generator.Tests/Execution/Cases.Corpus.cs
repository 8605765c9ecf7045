using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace GoSharp.Generator.Tests.Execution;

// Shapes found by running bench/corpus over Newtonsoft.Json (every method [Goroutine]): each produced
// generated code that did not compile. Here each compiles and runs like the plain call.
public static partial class Cases
{
    private static bool TryDescribe(int n, out object? value)
    {
        value = n % 2 == 0 ? "even" + n : null;
        return value is not null;
    }

    /// <summary>An out var (and a pattern variable) of a plain if, twice, in sibling blocks that suspend.</summary>
    [Goroutine]
    public static string OutVarsInSiblingSuspendingBlocks(Log log, int n)
    {
        if (n == 0)
        {
            Tw(0);
            if (TryDescribe(n, out object? newValue)) return "a" + newValue;
        }
        else if (n == 1)
        {
            log.Add(Tw("one"));
            if (TryDescribe(n + 1, out object? newValue)) return "b" + newValue;
            if (newValue is null && (object)n is int q) log.Add("q" + q);
        }
        else
        {
            log.Add(Tw("other"));
            if (TryDescribe(n, out object? newValue)) return "c" + newValue;
            if ((object)n is int q) log.Add("q" + q);
        }
        return "none";
    }

    /// <summary>Local functions of the same name in sibling blocks that suspend (and a generic one used as a delegate).</summary>
    [Goroutine]
    public static string LocalFunctionsInSiblingSuspendingBlocks(Log log, int n)
    {
        var s = 0;
        if (n == 0) { Tw(0); int L() => 1; s += L(); }
        else { Tw(0); int L() => 2 + n; s += L(); }
        { Tw(0); T Id<T>(T x) => x; log.Add(Id("a") + nameof(Id)); Func<int, int> f = Id; s += f(10); }
        { Tw(0); T Id<T>(T x) => x; log.Add(Id("b") + nameof(Id)); Func<int, int> f = Id; s += f(100); }
        for (var i = 0; i < n; i++) { Tw(0); int G() => i * 1000; s += G(); }
        for (var i = 0; i < n; i++) { Tw(0); int G() => i * 10000; s += G(); }
        return s + ":" + L2();
        static string L2() => "L2";
    }

    /// <summary>A collection that implements IEnumerable&lt;T&gt; only explicitly, as Json.NET's JToken does.</summary>
    public sealed class ExplicitBag : IEnumerable<int>
    {
        private readonly int _n;
        public ExplicitBag(int n) => _n = n;
        IEnumerator<int> IEnumerable<int>.GetEnumerator()
        {
            for (var i = 1; i <= _n; i++) yield return i;
        }
        IEnumerator IEnumerable.GetEnumerator() => throw new InvalidOperationException("the non-generic enumerator");
    }

    [Goroutine]
    public static int ForEachOverExplicitInterfaceEnumerator(Log log, int n)
    {
        var sum = 0;
        foreach (var x in new ExplicitBag(n + 2))
        {
            sum += Tw(x);
            log.Add("x" + x);
        }
        return sum;
    }

    public partial class ValuesBase
    {
        [Goroutine]
        public virtual IEnumerable<T?> Values<T>(T seed)
        {
            Go.Yield();
            return new[] { seed };
        }
    }

    public sealed partial class ValuesDerived : ValuesBase
    {
        [Goroutine]
        public override IEnumerable<T?> Values<T>(T seed) where T : default
        {
            Go.Yield();
            return new[] { seed, default };
        }
    }

    /// <summary>An override with <c>where T : default</c> (Json.NET's JContainer.Values&lt;T&gt;): T? is not Nullable&lt;T&gt;.</summary>
    [Goroutine]
    public static string OverrideWithDefaultConstraint(Log log, int n)
    {
        ValuesBase b = n > 0 ? new ValuesDerived() : new ValuesBase();
        var strings = string.Join("|", b.Values("s" + n));
        var ints = string.Join("|", b.Values(n));
        log.Add(strings);
        return strings + ";" + ints;
    }
}

public static partial class Cases
{
    private static List<int>? AsList(IEnumerable<int> s) => s as List<int>;

    /// <summary>
    /// <c>is not</c> with a pattern that declares variables (MoreLINQ's EndsWith): they are assigned when the
    /// pattern matched, so the copy into the frame runs on the false branch.
    /// </summary>
    [Goroutine]
    public static string IsNotPatternWithVariables(Log log, int n)
    {
        IEnumerable<int> first = n == 0 ? new int[] { 1 } : new List<int>(new int[n]);
        IEnumerable<int> second = new List<int> { 1, 2 };
        var r = Tw(AsList(second)) is { Count: var secondCount }
            ? Tw(AsList(first)) is not { Count: var firstCount } || secondCount <= firstCount && Tw(firstCount) > 1
            : false;
        log.Add("r" + r);
        object o = n % 2 == 0 ? "s" + n : n;
        if (Tw(o) is not string s) { log.Add("not a string"); return "i" + Tw(o); }
        Go.Yield();
        if (Tw(o) is not (not string t)) log.Add("double negation " + t);
        return s + r;
    }

    [Goroutine]
    public static int DirectivesInParameterList(
#if !GOSHARP_NOT_DEFINED
        Log log,
#endif
        int n
#if GOSHARP_NOT_DEFINED
        , int ignored
#endif
        )
    {
        log.Add("n" + Tw(n));
        return n * 3;
    }
}

public static partial class Cases
{
    private static IEnumerable<int> Numbers(Log log, int n)
    {
        log.Add("numbers " + n);
        for (var i = 0; i < n + 3; i++) yield return i;
    }

    /// <summary>A suspension point in the first from's collection and in a join's (MoreLINQ's Duplicates): evaluated when the query is built.</summary>
    [Goroutine]
    public static string QueryWithSuspendingSources(Log log, int n)
    {
        var q = from e in Numbers(log, Tw(n))
                join o in Numbers(log, Tw(n + 1)) on e equals o + 1
                where e % 2 == n % 2
                select e * 10 + o;
        log.Add("built");
        var r = string.Join(",", q);
        var first = (from x in Tw(new[] { n, n + 1, n + 2 }) orderby -x select x).First();
        return r + "|" + first;
    }
}

public static partial class Cases
{
    /// <summary>[Goroutine] on the defining declaration of a partial method; the body is in Cases.BaseAccess.cs.</summary>
    [Goroutine]
    public static partial string PartialDefinitionGoroutine(Log log, int n);
}

public static partial class Cases
{
    /// <summary>Locals of types that hold anonymous types (a List, a Dictionary of arrays, a named tuple, an array, a
    /// query) across suspensions, and a foreach over them with a suspension inside (AnonymousTypes.cs).</summary>
    [Goroutine]
    public static string AnonymousTypesInsideGenerics(Log log, int n)
    {
        var xs = Enumerable.Range(1, n + 3).ToArray();
        var rows = xs.Select(x => new { Id = x, Tags = new[] { "t" + x }, Inner = new { Sq = x * x } }).ToList();
        var byParity = rows.GroupBy(r => r.Id % 2).ToDictionary(g => g.Key, g => g.ToArray());
        var pair = (Row: rows[0], N: Tw(5));
        var arr = rows.ToArray();
        var lazy = rows.Where(r => r.Id > 1).Select(r => new { r.Id, Twice = r.Id * 2 });
        Go.Yield();
        var s = rows.Count + ":" + rows[0].Id + rows[^1].Inner.Sq + byParity[1].Length + pair.Row.Tags[0] + pair.N + arr.Length + lazy.Sum(l => l.Twice);
        rows.Add(new { Id = Tw(100), Tags = new string[0], Inner = new { Sq = 1 } });
        foreach (var r in rows)
        {
            s += "," + Tw(r.Id);
            if (r.Id == 2) log.Add("two " + r.Inner.Sq);
        }
        foreach (var l in lazy) s += "|" + Tw(l.Twice);
        log.Add(s);
        return s + rows.Count;
    }
}

public static partial class Cases
{
    /// <summary>Anonymous-typed values of a suspending ?: and ?? (object temporaries read back by example).</summary>
    [Goroutine]
    public static string AnonymousValuesOfConditionals(Log log, int n)
    {
        var a = n > 0 ? new { X = Tw(n), S = "pos" } : new { X = 0, S = "zero" };
        var fallback = new { X = -1, S = "fb" };
        var b = (n > 1 ? null : new { X = Tw(7), S = "b" }) ?? new { X = Tw(8), S = "c" };
        log.Add(a.S + b.S);
        Go.Yield();
        var c = Tw(n) > 2 ? fallback : a;
        return a.X + a.S + b.X + b.S + c.S + fallback.X;
    }
}
