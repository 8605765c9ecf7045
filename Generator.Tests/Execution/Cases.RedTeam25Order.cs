using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
// Red team 25: evaluation order with a suspension point in every operand position (compound and ??= assignments on
// indexers, deconstruction into fields and indexers, conditional access chains, interpolation handlers, switch guards,
// query sources).
namespace GoSharp.Generator.Tests.Execution;

public sealed class R25Idx
{
    private readonly Log _log;
    private readonly Dictionary<string, int> _d = new();
    public R25Idx(Log log) { _log = log; }
    public int this[int i]
    {
        get { _log.Add("get[" + i + "]"); return _d.TryGetValue("i" + i, out var v) ? v : i; }
        set { _log.Add("set[" + i + "]=" + value); _d["i" + i] = value; }
    }
    public int this[int i, string k]
    {
        get { _log.Add("get[" + i + "," + k + "]"); return _d.TryGetValue(i + k, out var v) ? v : 0; }
        set { _log.Add("set[" + i + "," + k + "]=" + value); _d[i + k] = value; }
    }
    public string? this[string k]
    {
        get { _log.Add("gets[" + k + "]"); return _d.TryGetValue(k, out var v) ? v.ToString() : null; }
        set { _log.Add("sets[" + k + "]=" + value); _d[k] = value is null ? -1 : value.Length; }
    }
    private string? _p;
    public string? P { get { _log.Add("getP"); return _p; } set { _log.Add("setP=" + value); _p = value; } }
    public int F;
    public R25Idx? Child;
    public int[]? Arr;
    public override string ToString() => string.Join(";", _d.OrderBy(k => k.Key).Select(k => k.Key + "=" + k.Value)) + "/F" + F + "/P" + _p;
}

public sealed class R25Node
{
    public R25Node? B;
    public int[]? Items;
    public R25Node? this[int i] => i < 2 ? new R25Node { C = "c" + i, Items = new[] { i, i + 1 } } : null;
    public string? C;
}

[InterpolatedStringHandler]
public ref struct R25Handler
{
    private readonly StringBuilder _sb;
    private readonly Log _log;
    public R25Handler(int literalLength, int formattedCount, Log log)
    {
        _sb = new StringBuilder(); _log = log; log.Add("ctor " + literalLength + "/" + formattedCount);
    }
    public void AppendLiteral(string s) { _log.Add("lit " + s); _sb.Append(s); }
    public void AppendFormatted<T>(T v) { _log.Add("fmt " + v); _sb.Append(v); }
    public void AppendFormatted<T>(T v, int alignment) { _log.Add("fmtA " + v + "," + alignment); _sb.Append(v?.ToString()?.PadLeft(alignment)); }
    public void AppendFormatted<T>(T v, string? format) { _log.Add("fmtF " + v + "," + format); _sb.Append(v is IFormattable f ? f.ToString(format, null) : v?.ToString()); }
    public override string ToString() => _sb.ToString();
}

[InterpolatedStringHandler]
public ref struct R25CondHandler
{
    private readonly StringBuilder? _sb;
    public R25CondHandler(int literalLength, int formattedCount, Log log, bool enabled, out bool shouldAppend)
    {
        log.Add("cctor " + enabled); shouldAppend = enabled; _sb = enabled ? new StringBuilder() : null;
    }
    public bool AppendLiteral(string s) { _sb!.Append(s); return true; }
    public bool AppendFormatted<T>(T v) { _sb!.Append(v); return v?.ToString() != "stop"; }
    public override string ToString() => _sb?.ToString() ?? "<off>";
}

public static partial class Cases
{
    static string R25H(Log log, [InterpolatedStringHandlerArgument("log")] ref R25Handler h) => h.ToString();
    static string R25CH(Log log, bool enabled, [InterpolatedStringHandlerArgument("log", "enabled")] ref R25CondHandler h) => h.ToString();

    [Goroutine]
    public static string R25OrIndexerCompound(Log log, int n)
    {
        var x = new R25Idx(log);
        x[log.L("i", 1)] += Tw(n);
        x[Tw(2)] -= log.L("r", 3);
        x[log.L("a", 3), Tw("k")] += log.L("v", 4);
        var s = x.ToString();
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrIndexerCompoundReceiver(Log log, int n)
    {
        var x = new R25Idx(log);
        Tw(x)[log.L("i", n)] *= Tw(2);
        log.L("recv", x)[Tw(n)] += 1;
        var s = x.ToString();
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrIndexerIncrement(Log log, int n)
    {
        var x = new R25Idx(log);
        var a = x[Tw(n)]++;
        var b = ++x[log.L("i", n)];
        var c = x[Tw(n), "z"]--;
        var s = a + ":" + b + ":" + c + ":" + x;
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrCoalesceAssignProperty(Log log, int n)
    {
        var x = new R25Idx(log);
        if (n > 1) x.P = "pre";
        var r = x.P ??= Tw("v" + n);
        x.P ??= log.L("never", "n");
        var s = r + ":" + x;
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrCoalesceAssignIndexer(Log log, int n)
    {
        var x = new R25Idx(log);
        if (n > 0) x["k"] = "abc";
        var r = x[log.L("key", "k")] ??= Tw("zz");
        var r2 = x[Tw("m")] ??= log.L("val", "q");
        var s = r + ":" + r2 + ":" + x;
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrCoalesceAssignReceiver(Log log, int n)
    {
        var x = new R25Idx(log);
        Tw(x).P ??= log.L("rhs", "r" + n);
        log.L("rv", x).Child ??= new R25Idx(log) { F = Tw(n) };
        var s = x + ":" + x.Child!.F;
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrDeconstructFieldsIndexers(Log log, int n)
    {
        var x = new R25Idx(log);
        int[] arr = new int[3];
        (x.F, x[log.L("i", 1)], arr[Tw(2)]) = (Tw(n), log.L("b", 5), Tw(6));
        var s = x + ":" + string.Join(",", arr);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrDeconstructDiscards(Log log, int n)
    {
        var x = new R25Idx(log);
        (_, x.P, _) = (log.L("a", 1), Tw("p" + n), log.L("c", 3));
        var (_, b, _) = (Tw(1), Tw(n), log.L("z", 0));
        (var c, _) = R25TwoOut(log, Tw(n));
        var s = x + ":" + b + ":" + c;
        log.Add(s); return s;
    }
    static (int, string) R25TwoOut(Log log, int v) { log.Add("two " + v); return (v * 2, "s"); }

    [Goroutine]
    public static string R25OrDeconstructSwap(Log log, int n)
    {
        var arr = new[] { 1, 2, 3 };
        var i = 0;
        (arr[i], arr[Tw(i + 1)]) = (arr[Tw(1)], arr[i]);
        (arr[log.L("i", 2)], i) = (Tw(n), Tw(9));
        var s = string.Join(",", arr) + ":" + i;
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrDeconstructNested(Log log, int n)
    {
        var x = new R25Idx(log);
        ((x.F, var b), x[Tw(0)]) = ((log.L("f", n), Tw("b")), Tw(7));
        var s = x + ":" + b;
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrDeconstructOutVarsCall(Log log, int n)
    {
        var d = new Dictionary<int, string> { [1] = "one" };
        var s = "";
        foreach (var (k, v) in d) s += k + v + Tw(n);
        var ok = d.TryGetValue(Tw(1), out _) && d.TryGetValue(log.L("k", 1), out var got);
        s += ok;
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrConditionalChain(Log log, int n)
    {
        var root = new R25Node { B = n > 0 ? new R25Node() : null };
        var r1 = root.B?[Tw(n - 1)]?.C;
        var r2 = root?.B?[log.L("i", 0)]?.Items?[Tw(1)];
        var r3 = root!.B?.B?[Tw(0)]?.C;
        var s = (r1 ?? "null") + ":" + (r2?.ToString() ?? "null") + ":" + (r3 ?? "null");
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrConditionalChainCalls(Log log, int n)
    {
        var root = n > 0 ? new R25Node { Items = new[] { 1, 2 } } : null;
        var a = root?.Items?.Select(v => v * 2).Sum();
        var b = Tw(root)?.Items?.Length;
        var c = root?.Items?[Tw(0)].ToString()?.Length;
        var s = a + ":" + b + ":" + c;
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrConditionalChainArgumentsSkipped(Log log, int n)
    {
        R25Node? root = n > 1 ? new R25Node() : null;
        var r = root?[log.L("skip?", Tw(n))]?.C?.Insert(0, Tw("x"));
        var s = r ?? "null";
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrInterpAlignFormat(Log log, int n)
    {
        var s = $"[{Tw(n),5:X}][{Tw(n * 255),-6:X4}][{log.L("v", 3.14159),8:F2}][{Tw(n),0}]";
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrInterpConstAlign(Log log, int n)
    {
        const int W = -4;
        var s = $"|{Tw(n),W}|{n,W * -2:D3}|{Tw(DateTime.MinValue.AddDays(n)),12:yyyy-MM-dd}|";
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrInterpNested(Log log, int n)
    {
        var s = $"a{$"b{Tw(n)}c{log.L("x", 1),3}"}d{Tw($"{n:X}"),4}";
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrInterpCustomHandler(Log log, int n)
    {
        var s = Tw("p") + R25H(log, $"a{n}b{log.L("x", 2),3}c{255:X}") + R25H(Tw(log), $"q{n.ToString()}");
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrInterpConditionalHandler(Log log, int n)
    {
        var s = R25CH(log, n > 0, $"a{n}b{log.L("x", "stop")}c{3}") + "|" + R25CH(log, Tw(n) > 1, $"z{log.L("y", n)}");
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrInterpDefaultHandlerExplicit(Log log, int n)
    {
        var h = new DefaultInterpolatedStringHandler(2, 2);
        h.AppendLiteral("x=");
        h.AppendFormatted(n, 3, "D2");
        var s = h.ToStringAndClear() + Tw("|") + n;
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrInterpStringBuilderAppend(Log log, int n)
    {
        var sb = new StringBuilder();
        sb.Append($"a{Tw(n),3}b{log.L("x", 1):D2}");
        sb.AppendLine($"{Tw("q")}");
        var s = sb.ToString().Replace("\n", "\\n").Replace("\r", "");
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrSwitchWhenSuspends(Log log, int n)
    {
        var s = (n, n * 2) switch
        {
            (0, _) when Tw(false) => "never",
            (var a, var b) when log.L("g1", a) > 0 && Tw(b) > 4 => "big" + a,
            (var a, _) when Tw(a) == 1 => "one",
            _ => "other" + Tw(n),
        };
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrSwitchWhenSideEffects(Log log, int n)
    {
        var s = "";
        for (var i = 0; i < 3; i++)
        {
            s += (i + n) switch
            {
                var v when log.L("w1", v) % 2 == Tw(0) && v > 2 => "e" + v,
                var v when Tw(v) % 3 == 0 => "t" + v,
                > 3 and var v => "g" + v,
                var v => "o" + Tw(v),
            };
        }
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrSwitchOnSuspendedSubject(Log log, int n)
    {
        var s = Tw(new R25Node { C = n > 0 ? "c" : null }) switch
        {
            { C: null } => "nul",
            { C: var c } when Tw(c.Length) == 1 => "one:" + c,
            _ => "?",
        };
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrSwitchInsideArgs(Log log, int n)
    {
        var s = string.Concat(log.L("a", "a"), n switch { 0 => Tw("z"), _ when Tw(n) > 1 => "g", _ => "o" }, Tw("c"));
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrLinqSourceSuspends(Log log, int n)
    {
        var q = from x in Tw(Enumerable.Range(0, n + 2))
                where x % 2 == 0
                select x * 10;
        var s = string.Join(",", q) + Tw("|");
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrLinqJoinSources(Log log, int n)
    {
        var a = new[] { 1, 2, 3 };
        var q = from x in Tw(a)
                from y in new[] { n, n + 1 }
                where x > y
                orderby x descending, y
                select $"{x}-{y}";
        var s = string.Join(",", q);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrLinqLetGroup(Log log, int n)
    {
        var k = Tw(2);
        var q = from x in Enumerable.Range(0, n + 4)
                let m = x % k
                group x by m into g
                select g.Key + ":" + g.Sum();
        var s = string.Join(",", q) + log.L("after", Tw(1));
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrLinqJoinClause(Log log, int n)
    {
        var q = from a in Tw(new[] { 1, 2, 3 })
                join b in Tw(new[] { (1, "x"), (3, "y"), (n, "n") }) on a equals b.Item1
                select a + b.Item2;
        var s = string.Join(",", q.ToList());
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrLinqDeferredCapture(Log log, int n)
    {
        var lim = Tw(n);
        var q = from x in new[] { 0, 1, 2, 3 } where x <= lim select x;
        lim = Tw(lim + 1);
        var s = string.Join(",", q);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrCompoundStringIndexer(Log log, int n)
    {
        var d = new Dictionary<string, string> { ["a"] = "1" };
        d[log.L("k", "a")] += Tw("2") + n;
        d[Tw("b")] = d.GetValueOrDefault("b", "") + log.L("x", "3");
        var s = string.Join(",", d.OrderBy(p => p.Key).Select(p => p.Key + p.Value));
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrCompoundArrayElementOfCall(Log log, int n)
    {
        var arr = new[] { 1, 2, 3 };
        R25GetArr(log, arr)[log.L("i", 1)] += Tw(n) * 10;
        R25GetArr(log, arr)[Tw(2)] <<= log.L("sh", 1);
        var s = string.Join(",", arr);
        log.Add(s); return s;
    }
    static int[] R25GetArr(Log log, int[] a) { log.Add("arr"); return a; }

    [Goroutine]
    public static string R25OrCompoundFieldOfSuspendedReceiver(Log log, int n)
    {
        var x = new R25Idx(log);
        Tw(x).F += Tw(n + 1);
        log.L("r", x).F *= log.L("m", 3) + Tw(0);
        x.F -= x.F++ + Tw(1);
        var s = x.F.ToString();
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrNullCoalesceChain(Log log, int n)
    {
        string? a = n > 1 ? "a" : null;
        string? b = n > 0 ? null : "b";
        var s = a ?? b ?? Tw(log.L("c", "c")) ?? "d";
        var t = (n > 0 ? null : (int?)1) ?? Tw(n) + (a is null ? 0 : Tw(10));
        log.Add(s + t); return s + t;
    }

    [Goroutine]
    public static string R25OrArgumentOrderNamed(Log log, int n)
    {
        var s = R25Three(c: log.L("c", 3), a: Tw(n), b: log.L("b", Tw(2)));
        log.Add(s); return s;
    }
    static string R25Three(int a, int b, int c) => a + "," + b + "," + c;

    [Goroutine]
    public static string R25OrRefArgumentAndSuspension(Log log, int n)
    {
        var arr = new[] { 1, 2 };
        var s = R25RefAdd(ref arr[log.L("i", 0)], Tw(n)) + ":" + R25RefAdd(ref arr[Tw(1)], log.L("v", 5));
        s += ":" + string.Join(",", arr);
        log.Add(s); return s;
    }
    static int R25RefAdd(ref int slot, int v) { slot += v; return slot; }

    [Goroutine]
    public static string R25OrObjectInitializerIndexers(Log log, int n)
    {
        var x = new R25Idx(log) { [log.L("i", 1)] = Tw(n), F = Tw(5), P = log.L("p", "pp"), [Tw(2), "k"] = 3 };
        var s = x.ToString();
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrObjectInitializerNested(Log log, int n)
    {
        var x = new R25Idx(log) { Child = new R25Idx(log) { F = Tw(n) }, Arr = [Tw(1), log.L("e", 2)] };
        var y = new R25Idx(log) { Child = { } };
        var s = x.Child.F + ":" + string.Join(",", x.Arr) + (y.Child is null);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrIsPatternSuspends(Log log, int n)
    {
        object o = Tw(n > 0 ? (object)n : "str");
        var s = o is int i && Tw(i) > 0 ? "int" + i : o is string { Length: var len } ? "s" + Tw(len) : "?";
        s += Tw(o) is not null and not "x" ? "!" : "";
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrListPatternSuspends(Log log, int n)
    {
        var arr = Enumerable.Range(0, n + 1).ToArray();
        var s = Tw(arr) switch
        {
            [] => "empty",
            [var a] when Tw(a) == 0 => "one",
            [var a, .. var mid, var z] => a + "/" + mid.Length + "/" + Tw(z),
            _ => "?",
        };
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrShortCircuitMix(Log log, int n)
    {
        var a = log.L("a", n > 0) && Tw(n > 1) || log.L("c", Tw(n == 0));
        var b = log.L("d", n) > 0 ? Tw(n) & log.L("e", 3) : log.L("f", Tw(4)) | 1;
        var s = a + ":" + b;
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrStructCompoundInList(Log log, int n)
    {
        var arr = new R25Pt[2];
        arr[log.L("i", 1)].X += Tw(n + 1);
        arr[Tw(0)].Y = arr[1].X * Tw(2);
        var s = arr[0].Y + ":" + arr[1].X;
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrThrowExpressionOperands(Log log, int n)
    {
        var s = "";
        try
        {
            string? v = n > 0 ? "v" : null;
            s = log.L("a", "a") + (v ?? throw new ArgumentException("no" + Tw(n))) + Tw("z");
        }
        catch (ArgumentException e) { s = e.Message; }
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrCompoundEventLike(Log log, int n)
    {
        Action? act = null;
        var s = "";
        act += () => s += "a";
        act += Tw<Action>(() => s += "b" + n);
        act?.Invoke();
        act -= null;
        act!();
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrTupleEqualityOperands(Log log, int n)
    {
        var s = ((log.L("a", 1), Tw(n)) == (Tw(1), log.L("d", n))).ToString();
        s += ((Tw("x"), n) != ("x", Tw(n + 1)));
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25OrWithExpressionOperands(Log log, int n)
    {
        var r = new R25Rec(1, "a");
        var r2 = Tw(r) with { B = Tw("b" + n), A = log.L("a", 5) };
        var s = r2.ToString();
        log.Add(s); return s;
    }
    public sealed record R25Rec(int A, string B);

    [Goroutine]
    public static string R25OrStackallocSizeSuspends(Log log, int n)
    {
        var size = Tw(n + 1);
        Span<int> sp = stackalloc int[size];
        sp[^1] = 9;
        var t = sp[^1] + sp.Length;
        var s = t + ":" + Tw(t);
        log.Add(s); return s;
    }
}
