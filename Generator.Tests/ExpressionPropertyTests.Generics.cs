using System;
using System.Linq;
using CsCheck;

namespace GoSharp.Generator.Tests;

// A drawn generic method G<T> (no constraint, struct, class, IComparable<T>, new()), called by M with int, string, a
// struct or a class whose ToString logs, the type argument inferred: T-typed parameters and locals across suspension
// points, default(T), is T, EqualityComparer<T>.Default, nested generic goroutine calls with inferred (and explicit)
// type arguments, T arrays and lists, a local function returning T.
public partial class ExpressionPropertyTests
{
    private static readonly (string Constraint, string[] Arguments)[] Constraints =
    {
        ("", new[] { "n + 3, 5", "\"p\" + n, \"q\"", "new Sv(n), new Sv(2)", "new Ctr(log, n), new Ctr(log, 6)" }),
        (" where T : struct", new[] { "n + 3, 5", "new Sv(n), new Sv(2)" }),
        (" where T : class", new[] { "\"p\" + n, \"q\"", "new Ctr(log, n), new Ctr(log, 6)" }),
        (" where T : IComparable<T>", new[] { "n + 3, 5", "\"p\" + n, \"q\"", "new Sv(2), new Sv(n)" }),
        (" where T : new()", new[] { "n + 3, 5", "new Sv(n), new Sv(2)" }),
        (" where T : IBump", new[] { "new Mv(n), new Mv(2)", "new Mc(log, n), new Mc(log, 2)" }),
    };

    private static Gen<string> TStatement(int constraint)
    {
        var e = Int(1);
        var c = Bool(0);
        var common = new[]
        {
            Gen.Const("{ T t§ = ta; Sp.Pause(); log.Add(\"t\" + Show(t§) + Show(Sp.Val(tb))); }"),
            Gen.Const("(ta, tb) = (Sp.Val(tb), ta);"),
            e.Select(a => $"x += EqualityComparer<T>.Default.Equals(Sp.Val(ta), tb) ? {a} : 2;"),
            Gen.Const("log.Add(\"d\" + Show(default(T)) + Show(Sp.Val(default(T))));"),
            Gen.Select(c, e, (p, a) => $"{{ object? o§ = {p} ? ta : Sp.Val((object)x); if (o§ is T t§) {{ Sp.Pause(); log.Add(\"is\" + Show(t§)); x += {a}; }} else log.Add(\"not\" + o§); }}"),
            c.Select(p => $"log.Add(Show(Pick(log, Sp.Val(ta), tb, {p})));"),
            c.Select(p => $"ta = Pick<T>(log, tb, Sp.Val(ta), {p});"),
            e.Select(a => $"{{ var ar§ = new T[] {{ ta, Sp.Val(tb) }}; ar§[I3({a}) % 2] = Sp.Val(ta); log.Add(Show(ar§[0]) + Show(ar§[1])); }}"),
            e.Select(a => $"{{ T ac§ = ta; for (var ti§ = 0; ti§ < 3; ti§++) {{ ac§ = ti§ % 2 == 0 ? Sp.Val(tb) : Twice2(log, ac§).Item1; x += {a}; }} log.Add(\"acc\" + Show(ac§)); }}"),
            Gen.Const("log.Add(typeof(T).Name + Sp.Val(x));"),
            c.Select(p => $"{{ T Sel§(bool f) => f ? ta : tb; log.Add(Show(Sel§({p}))); ta = Sp.Val(Sel§(x % 2 == 0)); log.Add(Show(Sel§(true))); }}"),
            Gen.Const("{ var ls§ = new List<T> { ta }; ls§.Add(Sp.Val(tb)); x += ls§.Count + CountG(log, ta, Sp.Val(tb), ta); log.Add(string.Join(\"/\", ls§)); }"),
            c.Select(p => $"{{ T? d§ = default; log.Add(Show(d§)); d§ = Sp.Val(ta); log.Add(Show(d§) + Show(Pick(log, d§, d§, {p}))); }}"),
            e.Select(a => $"{{ x += Pair(log, ta, Sp.Val(x)).Item2 % 7; log.Add(Show(Pair(log, {a}, tb).Item1)); }}"),
        };
        var own = constraint switch
        {
            0 => new[]
            {
                Gen.Const("switch (ta) { case int i§ when Sp.Val(i§) > 2: x += i§; break; case string s§: log.Add(\"s\" + s§ + Sp.Val(1)); break; case T t§: log.Add(\"T\" + Show(Sp.Val(t§))); break; }"),
                e.Select(a => $"{{ x += tb is int ti§ && Sp.Val(ti§) > 2 ? ti§ : {a}; }}"),
            },
            1 => new[] { c.Select(p => $"{{ T? nv§ = {p} ? ta : null; log.Add(Show(nv§ ?? Sp.Val(tb))); nv§ ??= Sp.Val(tb); x += nv§.HasValue ? 1 : 0; }}") },
            2 => new[] { c.Select(p => $"{{ T? cv§ = {p} ? null : ta; cv§ ??= Sp.Val(tb); log.Add(cv§.ToString() + Show(Sp.Val(ta) ?? tb)); }}") },
            3 => new[]
            {
                e.Select(a => $"x += Sp.Val(ta).CompareTo(tb) < 0 ? {a} : 3;"),
                Gen.Const("{ T mx§ = ta; if (Sp.Val(tb).CompareTo(mx§) > 0) mx§ = tb; log.Add(\"max\" + Show(mx§)); }"),
            },
            4 => new[] { Gen.Const("{ T nw§ = new T(); Sp.Pause(); log.Add(\"new\" + Show(nw§)); ta = Sp.Val(nw§); }") },
            // a call through the constraint on a T local or parameter, which a struct's method changes in place (a plain
            // call's receiver is the variable), while an argument suspends or assigns the variable
            5 => new[]
            {
                e.Select(a => $"x += ta.Bump(Sp.Val({a}));"),
                Gen.Const("x += ta.Bump((ta = tb).Bump(1) + Sp.Val(1));"),
                Gen.Const("{ T bm§ = tb; x += bm§.Bump(Sp.Val(2)) + bm§.Bump(3); log.Add(Show(bm§) + Show(Sp.Val(bm§))); }"),
                Gen.Const("x += Sp.Val(ta).Bump(1) + ta.Bump(0);"),
            },
            _ => Array.Empty<Gen<string>>(),
        };
        return Gen.OneOf(common.Concat(own).Select(Named).ToArray());
    }

    private static Gen<Func<int, string>> GenericMethod() =>
        Gen.Int[0, Constraints.Length - 1].SelectMany(ci =>
            ShapeBody(Gen.Frequency((1, Statement()), (2, TStatement(ci)))).Select(body => (Func<int, string>)(i =>
                Method($"public string G{i}<T>(Log log, int n, T ta, T tb){Constraints[ci].Constraint}", "", body, " + \";\" + Show(ta) + \"/\" + Show(tb)") +
                $$"""

                        [Goroutine]
                        public string M{{i}}(Log log, int n)
                        {
                            var r = "";
                {{string.Concat(Constraints[ci].Arguments.Select(a => $"            r += \"|\" + G{i}(log, n, {a});\n            Sp.Pause();\n"))}}            return r;
                        }

                """)));

    /// <summary>The generic callees and the struct the generic methods use.</summary>
    private const string ShapeMembers =
        """

            static string Show<U>(U v) => v is null ? "null" : v.ToString() ?? "";

            [Goroutine]
            public static U Pick<U>(Log log, U p, U q, bool first)
            {
                log.Add("pick" + Show(p));
                Sp.Pause();
                return first ? p : q;
            }

            [Goroutine]
            public static (U, int) Twice2<U>(Log log, U v)
            {
                Sp.Pause();
                log.Add("tw" + Show(v));
                return (v, 2);
            }

            [Goroutine]
            public static int CountG<U>(Log log, params U[] items)
            {
                Sp.Pause();
                log.Add("cg" + string.Join("/", items));
                return items.Length;
            }

            [Goroutine]
            public static (U, V) Pair<U, V>(Log log, U u, V v)
            {
                Sp.Pause();
                log.Add("pair" + Show(u) + Show(v));
                return (u, v);
            }

            public interface IBump { int Bump(int by); }

            public struct Mv : IBump
            {
                public int V;
                public Mv(int v) => V = v;
                public int Bump(int by) { V += by; return V; }
                public override string ToString() => "mv" + V;
            }

            public sealed class Mc : IBump
            {
                private readonly Log _log;
                public int V;
                public Mc(Log log, int v) { _log = log; V = v; }
                public int Bump(int by) { V += by; _log.Add("mc" + V); return V; }
                public override string ToString() => "mc" + V;
            }

            public struct Sv : IComparable<Sv>
            {
                public int V;
                public Sv(int v) => V = v;
                public int CompareTo(Sv other) => V.CompareTo(other.V);
                public override string ToString() => "sv" + V;
            }

        """;
}
