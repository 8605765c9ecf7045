using System;

namespace GoSharp.Generator.Tests.Execution;

// Red team round 8: variables behind parentheses, `!` and checked(...) given to `in` parameters without the keyword
// (the variable itself is passed, so a later suspending argument that changes it shows), and struct members of
// parenthesized class receivers under `!` (`((c).P)!.Add(Tw(n))`: the spilled receiver's name must not be left in
// parentheses that read as a cast).
public static partial class Cases
{
    private struct Rt8S { public int V; public int Add(int k) { V += k; return V; } }

    private sealed class Rt8C
    {
        public Rt8S P;
        public Rt8S[] Arr = new Rt8S[3];
        public int F;
        public Rt8C Next = null!;
    }

    private static int Rt8Rd(in Rt8S s, int k) => s.V * 100 + k;

    private static int Rt8RdI(in int s, int k) => s * 100 + k;

    private static int Rt8Bump(Log log, Rt8C c, int k)
    {
        log.Add("bump " + k);
        c.P.V += k;
        c.F += k;
        return k;
    }

    private static int Rt8Mut(Rt8S[] arr, int k) { arr[0].V += k; return k; }

    [Goroutine]
    public static string Rt8WrappedInArguments(Log log, int n)
    {
        var c = new Rt8C { F = n };
        var r = "" + Rt8Rd(c.P, Rt8Bump(log, c, Tw(1))) + "," + Rt8Rd((c.P), Rt8Bump(log, c, Tw(2))) + "," + Rt8Rd(c.P!, Rt8Bump(log, c, Tw(3)));
        r += ";" + Rt8RdI((c.F), Rt8Bump(log, c, Tw(2))) + "," + Rt8RdI(checked(c.F), Rt8Bump(log, c, Tw(1))) + "," + Rt8RdI(unchecked((c.F)), Rt8Bump(log, c, Tw(4)));
        r += ";" + Rt8Rd((c.Arr[Tw(0)]), Rt8Mut(c.Arr, Tw(6 + n)));
        return r;
    }

    [Goroutine]
    public static string Rt8ParenthesizedReceiverMembers(Log log, int n)
    {
        var c = new Rt8C();
        c.Next = new Rt8C { Next = c };
        ((c).P)!.Add(Tw(n));
        ((c.Next).P)!.V += Tw(10);
        ((c.Next.Next).P).Add(Tw(5));
        (((c).Arr[Tw(1)]))!.Add(Tw(3));
        return c.P.V + "," + c.Next.P.V + "," + c.Arr[1].V;
    }

    private struct Rt8V
    {
        public int V;
        public static Rt8V operator +(in Rt8V a, in Rt8V b) => new Rt8V { V = a.V * 100 + b.V };
        public int Add(int k) { V += k; return k; }
    }

    private sealed class Rt8Host
    {
        public Rt8V P;
        public int F;
        public int this[in int i, int k] => i * 100 + k;
    }

    private sealed class Rt8W
    {
        public readonly int R;
        public Rt8W(in int x, int k) => R = x * 100 + k;
    }

    private static Rt8V Rt8Mk(int k) => new Rt8V { V = k };

    private static int Rt8HostBump(Log log, Rt8Host h, int k)
    {
        log.Add("bump " + k);
        h.P.V += k;
        h.F += k;
        return k;
    }

    // `in` parameters of user-defined operators, indexers and constructors take the variable itself: a later
    // suspending operand that changes it shows in the result (also `x += ...` with such an operator).
    [Goroutine]
    public static string Rt8InOperatorsAndIndexers(Log log, int n)
    {
        var c = new Rt8Host { F = n };
        var arr = new Rt8V[2];
        var s = new Rt8V { V = 5 };
        var r = "" + (c.P + Rt8Mk(Rt8HostBump(log, c, Tw(1)))).V + "," + ((c.P) + Rt8Mk(Rt8HostBump(log, c, Tw(1)))).V;
        r += ";" + c[c.F, Rt8HostBump(log, c, Tw(1))] + "," + new Rt8W((c.F), Rt8HostBump(log, c, Tw(2))).R + "," + new Rt8W(c.F, Rt8HostBump(log, c, Tw(1))).R;
        c.P += Rt8Mk(Rt8HostBump(log, c, Tw(1)));
        r += ";" + c.P.V + "," + (arr[Tw(0)] + Rt8Mk(arr[0].Add(Tw(3)))).V + "," + (s + Rt8Mk(s.Add(Tw(5)))).V;
        return r;
    }

    private sealed class Rt8Dict
    {
        private readonly Log _log;
        public readonly System.Collections.Generic.List<string> Set = new();
        public Rt8Dict(Log log) => _log = log;
        public int this[string k] { set { _log.Add($"set[{k}]={value}"); Set.Add(k + value); } }
    }

    private sealed class Rt8Obj
    {
        private readonly Log _log;
        private readonly Rt8Dict _d;
        public Rt8Obj(Log log) { _log = log; _d = new Rt8Dict(log); }
        public Rt8Dict D { get { _log.Add("get D"); return _d; } }
        public int[] Arr { get; } = new int[3];
        public Rt8Obj? Child { get; set; }
    }

    private static T Rt8L<T>(Log log, T v, string s) { log.Add(s); return v; }

    // Index initializers nested under a member (D = { [k] = v }): C# evaluates the indexes, then reads the member,
    // then the value, then calls the setter, for each element.
    [Goroutine]
    public static string Rt8NestedIndexInitializers(Log log, int n)
    {
        var o = new Rt8Obj(log)
        {
            D = { [Rt8L(log, "k" + Tw(n), "idx1")] = Rt8L(log, Tw(6), "val1"), ["z"] = 7, [Tw("w")] = n },
            Arr = { [Tw(1)] = 9, [2] = Tw(n) },
            Child = new Rt8Obj(log) { Arr = { [0] = Tw(5) } },
        };
        return string.Join("|", o.D.Set) + ";" + string.Join("|", o.Arr) + ";" + string.Join("|", o.Child!.Arr);
    }

    private static string Rt8Opt(int a, System.Threading.CancellationToken ct = default, DateTime t = default, int? x = 5, string? s = null) =>
        a + "|" + ct.CanBeCanceled + "|" + t.Ticks + "|" + x + "|" + (s ?? "null");

    private static string Rt8Gen<T>(T d = default!) => "" + d;

    [Goroutine]
    private static string Rt8GenericDefaults<T>(T v)
    {
        var g = (T d = default!) => "" + d + v;
        var m = Rt8Gen<T>;
        Tw(0);
        return g() + "," + m() + "," + g(v);
    }

    // Locals of compiler-made delegate types whose parameters default to a struct's default, a nullable constant or
    // null, and a ref-returning lambda, across a suspension point.
    [Goroutine]
    public static string Rt8CompilerMadeDelegateDefaults(Log log, int n)
    {
        var m = Rt8Opt;
        var h = (int? x = 7, DateTime t = default) => x + "/" + t.Ticks;
        int cell = n;
        var a = ref int (ref int x) => ref x;
        Tw(0);
        a(ref cell) += 10;
        return m(n) + ";" + m(Tw(1), default, new DateTime(3), null, "s") + ";" + h() + ";" + h(null) + ";" + cell + ";" + Rt8GenericDefaults(n);
    }
}
