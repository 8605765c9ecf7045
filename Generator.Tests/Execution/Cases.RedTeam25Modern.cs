using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using R25Pair = (int A, string B);
// Red team 25: C# 12-14 features around suspension points (primary constructors, collection expressions, inline arrays,
// ref readonly, field, null-conditional assignment, params spans, extension blocks, generic math, checked and compound
// user operators, implicit index and range).
namespace GoSharp.Generator.Tests.Execution;

[InlineArray(4)]
public struct R25Buf4 { private int _e; }

public sealed class R25Holder
{
    public int P { get; set => field = value + 100; }
    public string? S { get; set; }
    public int[]? Arr { get; set; }
    public R25Holder? Next { get; set; }
    public int this[int i] { get => (Arr ?? new int[8])[i]; set { Arr ??= new int[8]; Arr[i] = value; } }
}

public readonly struct R25Ck(int v)
{
    public int V => v;
    public static R25Ck operator +(R25Ck a, R25Ck b) => new(unchecked(a.V + b.V));
    public static R25Ck operator checked +(R25Ck a, R25Ck b) => new(checked(a.V + b.V));
    public override string ToString() => "ck" + v;
}

public sealed class R25Acc
{
    public int Total;
    public List<string> Ops = new();
    public void operator +=(int x) { Total += x; Ops.Add("+=" + x); }
    public void operator ++() { Total++; Ops.Add("++"); }
}

public sealed class R25Seq(int[] data)
{
    public int Length => data.Length;
    public int this[int i] => data[i];
    public int[] Slice(int start, int length) => data.AsSpan(start, length).ToArray();
}

public static class R25Ext
{
    extension(int x)
    {
        public int R25Twice => x * 2;
        public int AddTo(int y) => x + y;
        public static int Seven => 7;
    }
    extension<T>(List<T> list)
    {
        public int Cnt => list.Count;
        public void Push(T v) => list.Add(v);
    }
    public static int R25First(this ReadOnlySpan<int> s) => s.Length > 0 ? s[0] : -1;
}

public static class R25Ext2
{
    extension<T>(IEnumerable<T> src) where T : System.Numerics.INumber<T>
    {
        public T R25Total => src.Aggregate(T.Zero, (a, b) => a + b);
        public static IEnumerable<T> R25Two(T a) => new[] { a, a };
    }
}

public static partial class Cases
{
    public partial class R25Pc(int seed, Log log)
    {
        private readonly int _copy = seed * 10;
        [Goroutine]
        public string Run(int n)
        {
            seed += Tw(n);
            log.Add("seed " + seed);
            Func<int> f = () => seed + _copy;
            var a = f();
            seed = Tw(seed) * 2;
            return a + ":" + f() + ":" + seed;
        }
    }

    [Goroutine]
    public static string R25MoPrimaryCtor(Log log, int n)
    {
        var pc = new R25Pc(Tw(n), log);
        var s = pc.Run(n) + "|" + pc.Run(Tw(1));
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoCollectionSpreads(Log log, int n)
    {
        int[] xs = [log.L("a", 1), Tw(2)];
        List<int> ys = [.. xs, Tw(n), .. Tw(xs), log.L("b", 4)];
        int[] zs = [.. ys.Where(v => v > 1), .. Tw(new List<int> { 9 })];
        var s = string.Join(",", ys) + "|" + string.Join(",", zs);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoCollectionImmutable(Log log, int n)
    {
        ImmutableArray<int> im = [log.L("i", n), Tw(n + 1), .. new[] { Tw(7) }];
        IEnumerable<int> en = [Tw(1), .. im];
        IReadOnlyList<string> rl = [Tw("x"), $"{n}"];
        var s = string.Join(",", im) + "|" + string.Join(",", en) + "|" + string.Join(",", rl);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoCollectionDictionaryish(Log log, int n)
    {
        HashSet<int> set = [Tw(n), n, Tw(n + 1)];
        var s = set.Count + ":" + string.Join(",", set.OrderBy(x => x));
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoCollectionSpanTarget(Log log, int n)
    {
        var a = Tw(n);
        ReadOnlySpan<int> ro = [a, a + 1, 3];
        var s = ro.R25First() + ":" + ro.Length + Tw("");
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoCollectionEmptyAndNested(Log log, int n)
    {
        int[] e = [];
        int[][] jag = [[Tw(1)], [], [.. e, Tw(n)]];
        var s = string.Join("/", jag.Select(r => string.Join(",", r)));
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoInlineArray(Log log, int n)
    {
        var b = new R25Buf4();
        b[0] = Tw(n);
        b[1] = log.L("b1", 2);
        b[Tw(2)] = b[0] + Tw(3);
        var s = b[0] + "," + b[1] + "," + b[2] + "," + b[3];
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoInlineArrayLoop(Log log, int n)
    {
        var b = new R25Buf4();
        for (var i = 0; i < 4; i++) b[i] = Tw(i * n);
        var t = 0;
        foreach (var x in b) t += x;
        var s = "t" + t + Tw("!");
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoInlineArrayCompound(Log log, int n)
    {
        var b = new R25Buf4();
        b[1] += Tw(n + 1);
        b[log.L("i", 1)] *= Tw(3);
        var s = b[1] + ":" + b[0];
        log.Add(s); return s;
    }

    static int R25RR(ref readonly int x) => x * 3;
    static int R25In(in int x) => x + 1;

    [Goroutine]
    public static string R25MoRefReadonly(Log log, int n)
    {
        var v = Tw(n);
        var s = R25RR(in v) + ":" + R25RR(ref v) + ":" + R25In(Tw(v)) + ":" + R25In(in v);
        v = 10;
        s += ":" + R25RR(in v) + Tw("");
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoRefReadonlyField(Log log, int n)
    {
        var h = new R25PtBox { P = new R25Pt { X = n } };
        var s = R25RR(in h.P.X) + ":" + Tw(R25RR(in h.P.X)) + ":" + R25In(h.P.X + Tw(1));
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoFieldKeyword(Log log, int n)
    {
        var h = new R25Holder();
        h.P = Tw(n);
        var a = h.P;
        h.P += Tw(1);
        var s = a + ":" + h.P;
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoNullCondAssign(Log log, int n)
    {
        R25Holder? h = n > 0 ? new R25Holder() : null;
        h?.S = Tw("s" + n);
        h?.P = log.L("p", Tw(n));
        var s = (h?.S ?? "null") + ":" + (h?.P.ToString() ?? "null");
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoNullCondAssignCompound(Log log, int n)
    {
        R25Holder? h = n > 1 ? new R25Holder { P = 1 } : null;
        h?.P += Tw(n);
        h?.S ??= Tw("x");
        h?.S += log.L("y", "y");
        var s = (h?.P.ToString() ?? "null") + (h?.S ?? "-");
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoNullCondAssignChain(Log log, int n)
    {
        var h = new R25Holder { Next = n > 0 ? new R25Holder() : null };
        h.Next?.Next?.S = Tw("deep");
        h.Next?.S = log.L("mid", "m" + Tw(n));
        h?.Next?[log.L("idx", 1)] = Tw(5);
        var s = (h!.Next?.S ?? "null") + ":" + (h.Next?[1].ToString() ?? "-");
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoNullCondElementAssign(Log log, int n)
    {
        int[]? arr = n > 0 ? new int[4] : null;
        arr?[log.L("i", 1)] = Tw(n);
        arr?[Tw(2)] += log.L("v", 3);
        var s = arr is null ? "null" : string.Join(",", arr);
        log.Add(s); return s;
    }

    static string R25Params(params ReadOnlySpan<int> xs) { var r = ""; foreach (var x in xs) r += x + ";"; return r; }
    static string R25ParamsList(params List<string> xs) => string.Join("+", xs);
    static string R25ParamsEnum(params IEnumerable<int> xs) => string.Join("+", xs);

    [Goroutine]
    public static string R25MoParamsSpan(Log log, int n)
    {
        var s = R25Params(log.L("a", 1), Tw(n), log.L("c", 3)) + "|" + R25Params() + "|" + R25Params(Tw(9));
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoParamsCollections(Log log, int n)
    {
        var s = R25ParamsList(Tw("a"), log.L("b", "b")) + "|" + R25ParamsEnum(n, Tw(n + 1));
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoExtensionBlocks(Log log, int n)
    {
        var s = Tw(n).R25Twice + ":" + n.AddTo(Tw(4)) + ":" + int.Seven + ":" + Tw(3).AddTo(log.L("y", 1));
        var l = new List<int>();
        l.Push(Tw(n));
        Tw(l).Push(5);
        s += ":" + l.Cnt + ":" + Tw(l).Cnt;
        log.Add(s); return s;
    }

    static T R25Sum<T>(T a, T b) where T : INumber<T> => a + b;

    [Goroutine]
    public static T R25GenericMath<T>(Log log, T seed) where T : INumber<T>
    {
        var acc = T.Zero;
        for (var i = 0; i < 3; i++) acc += Tw(seed) + T.One;
        log.Add("acc " + acc);
        return R25Sum(acc, T.CreateChecked(Tw(2)));
    }

    [Goroutine]
    public static string R25MoGenericMath(Log log, int n)
    {
        var s = R25GenericMath(log, n) + ":" + R25GenericMath(log, n + 0.5) + ":" + R25GenericMath<decimal>(log, Tw(n));
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoNameofUnbound(Log log, int n)
    {
        var s = nameof(List<>) + ":" + nameof(Dictionary<,>) + Tw(n) + nameof(List<>.Count);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoLambdaDefaults(Log log, int n)
    {
        var f = (int x = 5, string t = "d") => t + x;
        var g = (params int[] xs) => xs.Length;
        var s = f() + f(Tw(n)) + f(1, Tw("q")) + g() + g(Tw(1), 2);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoScopedLocals(Log log, int n)
    {
        var arr = new[] { Tw(n), 2 };
        var s = "";
        {
            scoped Span<int> sp = stackalloc int[2];
            sp[0] = arr[0]; sp[1] = arr[1];
            scoped ref int r = ref arr[0];
            r += 10;
            s = sp[0] + ":" + r;
        }
        s += ":" + Tw(arr[0]);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoCheckedOperator(Log log, int n)
    {
        var a = new R25Ck(int.MaxValue - 1 + n);
        var s = "";
        s += unchecked(a + new R25Ck(Tw(1)));
        try { s += "|" + checked(a + new R25Ck(Tw(n))); }
        catch (OverflowException) { s += "|ovf"; }
        var b = a;
        try { checked { b += new R25Ck(Tw(2)); } s += "|" + b; }
        catch (OverflowException) { s += "|ovf2"; }
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoUserCompoundOperator(Log log, int n)
    {
        var acc = new R25Acc();
        acc += Tw(n);
        acc += log.L("v", 2);
        acc++;
        ++acc;
        Tw(acc).Total += 1;
        var s = acc.Total + ":" + string.Join(",", acc.Ops);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoUserCompoundOperatorOnField(Log log, int n)
    {
        var box = new R25AccBox();
        box.A += Tw(n + 1);
        Tw(box).A += log.L("x", 3);
        box.A++;
        var s = box.A.Total + ":" + string.Join(",", box.A.Ops);
        log.Add(s); return s;
    }
    public sealed class R25AccBox { public R25Acc A = new(); }

    [Goroutine]
    public static string R25MoImplicitIndexRange(Log log, int n)
    {
        var q = new R25Seq([10, 11, 12, 13, 14]);
        var s = q[^Tw(1)] + ":" + q[^(n + 1)] + ":" + string.Join(",", q[Tw(1)..^1]) + ":" + string.Join(",", Tw(q)[..Tw(2)]);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoIndexVariables(Log log, int n)
    {
        Index i = ^Tw(2);
        Range r = Tw(1)..;
        var arr = new[] { 1, 2, 3, 4 };
        var q = new R25Seq(arr);
        var s = arr[i] + ":" + q[i] + ":" + string.Join(",", arr[r]) + ":" + string.Join(",", q[r]) + n;
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoTypeAlias(Log log, int n)
    {
        R25Pair p = (Tw(n), "b");
        var (a, b) = p;
        R25Pair q = (log.L("a", 1), Tw("q"));
        var s = a + b + q.A + q.B;
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoLockObject(Log log, int n)
    {
        var gate = new System.Threading.Lock();
        var v = Tw(n);
        lock (gate) { v += 1; }
        using (gate.EnterScope()) { v *= 2; }
        var s = v + ":" + Tw(v);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoEscapeAndRaw(Log log, int n)
    {
        var s = "\e".Length + $$"""{{{Tw(n)}}}""" + """
            raw "x"
            """ + $"""{Tw(n),3}""";
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25MoFirstClassSpan(Log log, int n)
    {
        var arr = new[] { Tw(n), 5 };
        var s = arr.R25First() + ":" + Tw(arr).R25First();
        log.Add(s); return s;
    }

    delegate void R25OutDel(out int x);

    [Goroutine]
    public static string R25MoModifierLambda(Log log, int n)
    {
        R25OutDel d = (out x) => x = 42;
        d(out var a);
        var s = a + ":" + Tw(n);
        d(out a);
        log.Add(s + a); return s + a;
    }

    static string R25RRMix(ref readonly int a, int b, in int c) => a + "," + b + "," + c;

    [Goroutine]
    public static string R25LaRefReadonlyMixed(Log log, int n)
    {
        var x = n; var y = n + 1;
        var s = R25RRMix(in x, Tw(x++), in y) + "|" + x;
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LaParamsSpanSpreadSpilled(Log log, int n)
    {
        var arr = new[] { 1, 2 };
        var s = R25Params([.. Tw(arr), log.L("x", n), .. Tw(arr).Reverse()]);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LaGenericExtensionBlock(Log log, int n)
    {
        var s = Tw(new[] { n, 2, 3 }).R25Total + ":" + IEnumerable<double>.R25Two(Tw(1.5)).R25Total + ":" + new List<decimal> { Tw(1m), n }.R25Total;
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LaInlineArrayAsSpan(Log log, int n)
    {
        var b = new R25Buf4();
        b[0] = Tw(n); b[3] = 9;
        var t = R25SumSpan(b);
        var s = t + ":" + Tw(b[3]);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LaCompoundOnFieldKeywordProperty(Log log, int n)
    {
        var h = new R25Holder();
        h.P += Tw(n);
        h.P++;
        var r = h.P -= log.L("d", 1) + Tw(0);
        var s = r + ":" + h.P;
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LaNullCondAssignReturnsValue(Log log, int n)
    {
        R25Holder? h = n > 0 ? new R25Holder() : null;
        var r = (h?.S = Tw("v")) ?? "none";
        var q = h?.P = Tw(n);
        var s = r + ":" + (q?.ToString() ?? "null");
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LaDeconstructOutDiscardCall(Log log, int n)
    {
        var d = new Dictionary<string, int> { ["a"] = 1 };
        var s = (d.TryGetValue(Tw("a"), out _), d.Remove(log.L("k", "a"), out var v), v, Tw(n)).ToString();
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LaIndexFromEndCompound(Log log, int n)
    {
        var arr = new[] { 1, 2, 3, 4 };
        arr[^Tw(1)] += log.L("v", 10);
        arr[^(log.L("i", n) + 1)] *= Tw(3);
        var s = string.Join(",", arr);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LaRangeOnListSlice(Log log, int n)
    {
        var list = new List<int> { 5, 6, 7, 8 };
        var s = string.Join(",", list[Tw(1)..^log.L("e", 1)]) + ":" + list[^Tw(2)];
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25LaStringRangeAndIndex(Log log, int n)
    {
        var str = "abcdef";
        var s = str[Tw(1)..(n + 2)] + str[^Tw(1)] + Tw(str)[..2];
        log.Add(s); return s;
    }
}
