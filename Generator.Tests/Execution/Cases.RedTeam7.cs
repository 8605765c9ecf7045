using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Red team round 7 (and the suspension-inserting corpus oracle): local constants in constant patterns (`n is K`: the parser reads K where a type goes; the frame
// declares no constants, so the value must replace the name).
public static partial class Cases
{
    [Goroutine]
    public static string Rt7LocalConstantPatterns(Log log, int n)
    {
        const int K = 2;
        const string S = "ab";
        const DayOfWeek D = DayOfWeek.Tuesday;
        var r = "";
        r += n is K ? "isK," : "notK,";
        r += Tw(n) is K ? "isK," : "notK,";
        r += Tw(n % 2 == 0 ? "ab" : "x") is S ? "isS," : "notS,";
        r += Tw((DayOfWeek)n) is D ? "isD," : "notD,";
        r += Tw(n) is not K and not 3 ? "neither," : "one,";
        r += Tw(n) switch { K => "swK", _ => "sw_" };
        Func<int, bool> f = x => x is K;
        log.Add("f " + f(Tw(n)));
        if (Tw(n) is K or 0) log.Add("K or 0");
        return r;
    }

    private sealed class Rt7Node { public int V; }

    private static void Rt7Add(Log log, ref Rt7Node? parent, Rt7Node child)
    {
        log.Add("add " + child.V);
        parent = new Rt7Node { V = (parent?.V ?? 0) * 10 + child.V };
    }

    // `ref a!` and `ref (a)` with a later suspending argument: the location is the operand's (PairingHeap's
    // AddChild(ref node2!, node1) in a corpus).
    [Goroutine]
    public static string Rt7RefArgumentWithNullSuppression(Log log, int n)
    {
        Rt7Node? a = new Rt7Node { V = n };
        Rt7Add(log, ref a!, Tw(new Rt7Node { V = 2 }));
        Rt7Add(log, ref (a), Tw(new Rt7Node { V = 3 }));
        var arr = new Rt7Node?[] { null, new Rt7Node { V = 5 } };
        int i = n % 2;
        Rt7Add(log, ref arr[i]!, Tw(new Rt7Node { V = i++ + 4 }));
        Rt7Add(log, ref (arr[i % 2])!, Tw(new Rt7Node { V = 7 }));
        return a!.V + "," + arr[0]?.V + "," + arr[1]?.V + "," + i;
    }

    private static int Rt7Opt(int a, int b = 3) => a * 10 + b;

    private static void Rt7Out(out int x, int y = 9) => x = y;

    // Locals of compiler-made delegate types (lambdas with default, params, ref, out or in parameters, method groups
    // with an optional parameter) live across suspension points: held as object, read back by a lambda example.
    [Goroutine]
    public static string Rt7CompilerMadeDelegateTypes(Log log, int n)
    {
        var g = (int a = 4) => a + n;
        var h = (params int[] xs) => xs.Length;
        var m = Rt7Opt;
        var rf = (ref int x) => ++x;
        var o = Rt7Out;
        var i = (in int x, string s = "d") => s + x;
        var v = (ref int x) => { x *= 2; log.Add("doubled " + x); };
        int k = n;
        var r = Tw("");
        r += g() + "," + g(Tw(1)) + "," + h(1, 2, n) + "," + h() + ",";
        r += m(1) + "," + m(Tw(2), 4) + "," + rf(ref k) + k + ",";
        o(out var q);
        o(out var q2, Tw(n));
        r += q + "," + q2 + "," + i(k) + i(Tw(k), "e") + ",";
        v(ref k);
        g = (int a = 4) => a * 3 + n * 100;
        var list = new List<Func<int>> { () => g(), () => g(1) };
        var same = new[] { g, (int a = 4) => -a };
        Tw(0);
        r += list[0]() + "," + list[1]() + "," + same[1]() + "," + same[0](2) + "," + k;
        return r;
    }

    private sealed class Rt7Triple
    {
        private readonly Log _log;
        public Rt7Triple(Log log) => _log = log;
        public void Deconstruct(out int a, out string b, out int c) { _log.Add("deconstruct"); (a, b, c) = (1, "two", 3); }
    }

    // var (x, y) = ... with only some of the variables used after a suspension point: those become frame fields,
    // the others stay locals of Resume, in one deconstruction.
    [Goroutine]
    public static string Rt7PartlyHoistedDeconstructions(Log log, int n)
    {
        var (x, y) = (10, n);
        var (p, (q, _)) = (n, ("s", 1));
        var (d1, d2, d3) = new Rt7Triple(log);
        var (a, b, c, d, e, f, g, h, i) = (1, 2, 3, 4, 5, 6, 7, 8, n);
        log.Add("before " + y + q + d2 + b);
        Tw(0);
        return x + "," + p + "," + d1 + "," + d3 + "," + a + c + e + g + i;
    }

    private sealed class Rt7Box
    {
        public int V;
        public int? N;
        public event Action? E;
        public int Fire() { E?.Invoke(); return V; }
    }

    private static void Rt7Inc(ref int x, int by) => x += by;

    // Parenthesized assignment targets, (o.V) += Tw(5): the same locations as without the parentheses.
    [Goroutine]
    public static string Rt7ParenthesizedTargets(Log log, int n)
    {
        var o = new Rt7Box { V = n };
        var arr = new int[3];
        int loc = n + 1, a = 0, b = 0;
        (o.V) += Tw(5);
        ((o).V) -= Tw(2);
        (arr[Tw(1)]) += Tw(3);
        (loc) *= Tw(4);
        (arr[Tw(0)])++;
        Rt7Inc(ref (arr[Tw(2)]), Tw(5));
        (o.N) ??= Tw(4);
        ((a), b) = (Tw(1), 2);
        (o.E) += Tw<Action>(() => log.Add("fired"));
        log.Add("fire " + o.Fire());
        return o.V + "," + loc + "," + string.Join("", arr) + "," + o.N + a + b;
    }

    private interface IRt7Add { int Add(int k); }

    private struct Rt7Counter : IRt7Add
    {
        public int V;
        public int Add(int k) { V += k; return V; }
    }

    private sealed class Rt7Holder
    {
        public Rt7Counter P;
        public Rt7Counter[] Arr = new Rt7Counter[2];
    }

    private static int Rt7AddTwice<T>(T? t) where T : IRt7Add
    {
        t!.Add(1);
        return t!.Add(1);
    }

    [Goroutine]
    private static string Rt7GenericReceivers<T>(T? t, T u) where T : IRt7Add
    {
        (t!).Add(Tw(5));
        t!.Add(Tw(1));
        checked(u).Add(Tw(2));
        return t!.Add(0) + "," + u.Add(0);
    }

    // A struct variable in parentheses, under `!` or inside checked(...)/unchecked(...) is still the variable: a
    // mutating call with a suspending argument changes it, not a copy (as C# classifies (s), s! and checked(s)).
    [Goroutine]
    public static string Rt7WrappedStructReceivers(Log log, int n)
    {
        var s = new Rt7Counter { V = n };
        var h = new Rt7Holder();
        (s).Add(Tw(1));
        s!.Add(Tw(2));
        ((s!)).Add(Tw(3));
        checked(s).Add(Tw(4));
        unchecked(s).Add(Tw(5));
        (h.P).Add(Tw(3));
        h.P!.Add(Tw(4));
        (h.Arr[Tw(1)]).Add(Tw(4));
        h.Arr[Tw(0)]!.Add(Tw(6));
        s!.V += Tw(10);
        h.P!.V = Tw(7) + h.P.V;
        h.Arr[Tw(1)]!.V -= Tw(1);
        var g = Rt7GenericReceivers(new Rt7Counter { V = n }, new Rt7Counter { V = 1 });
        log.Add("twice " + Rt7AddTwice<Rt7Counter>(s));
        return s.V + "," + h.P.V + "," + h.Arr[0].V + "," + h.Arr[1].V + "," + g;
    }

    private sealed class Rt7Creators { public Func<string>? A; public Func<string>? B; }

    // (a ?? Tw(b))! and (a ?? Tw(b))(): the ??'s temporary in place of the parenthesized expression (Json.NET's
    // (contract.OverrideCreator ?? contract.ParameterizedCreator)!).
    [Goroutine]
    public static string Rt7ParenthesizedTemporaries(Log log, int n)
    {
        var c = new Rt7Creators { A = n % 2 == 0 ? null : () => "a", B = () => "b" };
        Func<string> f = (Tw(c).A ?? c.B)!;
        string s = (Tw(c).A ?? c.B)!();
        string t = (n > 1 ? Tw("x") : "y")!;
        return f() + s + t + (Tw(c.A) ?? c.B)!.Invoke();
    }

    // A span local whose initializer suspends, with no suspension after it (Humanizer's ArticlePrefixSort:
    // var item = items[i].AsSpan()): the suspension ends before the span exists.
    [Goroutine]
    public static string Rt7SpanFromSuspendingInitializer(Log log, int n)
    {
        var s = " ab" + n + " ";
        var r = "";
        {
            ReadOnlySpan<char> t = Tw(s).AsSpan().Trim();
            r += t.Length + ",";
        }
        {
            ReadOnlySpan<char> u = Tw(s);
            r += u.Trim().ToString() + ",";
        }
        {
            var item = Tw(s + Tw(n)).AsSpan().Slice(1);
            int count = 0;
            foreach (var ch in item) if (ch != ' ') count++;
            log.Add("count " + count);
            r += item.Trim().ToString() + "," + count;
        }
        return r;
    }
}
