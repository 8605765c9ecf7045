using System.Linq;
using CsCheck;

namespace GoSharp.Generator.Tests;

// The launched family of the oracle over launchers' results (ExpressionPropertyTests.LauncherValues.cs): statements
// over locals of the types whose members, conversions and overloads the inference must get right when the model
// sees only an error type: tuples (named, unnamed, deconstructed), List and Dictionary (indexers, foreach, LINQ in
// lambdas), a record and a record struct (with, deconstruction, property patterns), a nullable int (`?.`, `??`,
// `.Value`, `is {}`), a string, handles kept in locals, arrays and tuples and joined later, generic launchers whose
// type arguments come from such a value (`GoLaunched(tp)`), a generic method whose type arguments do (`Sel(rec, f)`),
// and such values passed to [Goroutine] callees and to an overloaded method whose choice depends on their types.
public partial class ExpressionPropertyTests
{
    /// <summary>
    /// The locals the launched family's statements use, as written values and as the same values through a launcher's
    /// handle. A handle's written twin is an <c>Hd</c>, whose Join gives the value at once.
    /// </summary>
    private static readonly (string Written, string Launched)[] LaunchedFamilyLocals =
    {
        ("var tp = (n, \"t\");", "var tp = GoLaunched((n, \"t\")).Join();"),
        ("var nt = (A: n, B: \"u\");", "var nt = GoLaunched((A: n, B: \"u\")).Join();"),
        ("var (da, db) = (n + 1, \"d\");", "var (da, db) = GoLaunched((n + 1, \"d\")).Join();"),
        ("var lst = new List<int> { n, 2, 3 };", "var lst = GoLaunched(new List<int> { n, 2, 3 }).Join();"),
        ("var dict = new Dictionary<string, int> { [\"a\"] = n, [\"b\"] = 2 };", "var dict = GoLaunched(new Dictionary<string, int> { [\"a\"] = n, [\"b\"] = 2 }).Join();"),
        ("var rec = new LRec(n, \"r\");", "var rec = GoLaunched(new LRec(n, \"r\")).Join();"),
        ("var rs = new LRs(n, 2);", "var rs = GoLaunched(new LRs(n, 2)).Join();"),
        ("var nv = n % 2 == 0 ? (int?)null : n;", "var nv = GoLaunched(n % 2 == 0 ? (int?)null : n).Join();"),
        ("var str = \"str\" + n;", "var str = GoLaunched(\"str\" + n).Join();"),
        ("var hx = new Hd<int>(n);", "var hx = GoLaunched(n);"),
        ("var hs = new[] { new Hd<int>(1), new Hd<int>(n) };", "var hs = new[] { GoLaunched(1), GoLaunched(n) };"),
        ("var ht = (new Hd<string>(\"h\"), new Hd<int>(2));", "var ht = (GoLaunched(\"h\"), GoLaunched(2));"),
    };

    /// <summary>The launched family's locals as Method declares them (after FamilyLocals).</summary>
    private static readonly string LaunchedFamilyDeclarations =
        string.Concat(LaunchedFamilyLocals.Select(l => "\n            " + l.Written));

    /// <summary>Their state at the method's end (a handle's value joined once more).</summary>
    private const string LaunchedFamilyTail =
        " + \";\" + tp + nt + da + db + \"/\" + string.Join(\".\", lst) + \"/\" + string.Join(\".\", dict) + \"/\" + rec + rs + \"/\" + nv + \"/\" + str + \"/\" + hx.Join() + hs[1].Join() + ht.Item1.Join()";

    private static Gen<string> LaunchedStatement()
    {
        var e = Int(1);
        var shapes = new[]
        {
            // tuples: elements by name and position, deconstruction, assignment to elements, equality, overloads
            Gen.Select(e, (a) => $"x += tp.Item1 + Sp.Val(nt.A) + da + {a};"),
            Gen.Select(e, (a) => $"s += tp.Item2 + nt.B + db + Sp.Val(tp).Item2 + {a};"),
            Gen.Select(e, (a) => $"{{ var (t1§, t2§) = tp; x += t1§ + Sp.Val(t2§.Length) + {a}; }}"),
            Gen.Select(e, e, (a, b) => $"tp.Item1 += Sp.Val({a}); nt.A = nt.A * 2 + {b};"),
            Gen.Select(e, (a) => $"s += Ov(tp) + Ov(nt.A) + Ov(Sp.Val(nt).B) + Ov(da + {a});"),
            Gen.Select(e, (a) => $"x += (tp == (n, \"t\") ? 1 : 0) + (nt.A > Sp.Val({a}) ? 2 : 0);"),
            Gen.Select(e, (a) => $"(da, db) = (db.Length + Sp.Val(da), db + {a});"),
            // List and Dictionary: indexers, foreach, LINQ with lambdas over other such values
            Gen.Select(e, e, (a, b) => $"lst[I3({a}) % lst.Count] += Sp.Val({b});"),
            Gen.Select(e, (a) => $"foreach (var e§ in lst) x += e§ * Sp.Val({a});"),
            Gen.Select(e, e, (a, b) => $"dict[\"a\"] += Sp.Val({a}); dict[\"k\" + I3({b})] = lst[0];"),
            Gen.Select(e, (a) => $"foreach (var kv§ in dict) s += kv§.Key + Sp.Val(kv§.Value + {a});"),
            Gen.Select(e, (a) => $"foreach (var (k§, v§) in dict) s += k§ + Sp.Val(v§) + {a};"),
            Gen.Select(e, (a) => $"{{ var (k§, v§) = dict.First(); var (p§, q§) = rs; x += v§ + Sp.Val(p§) + q§ + k§.Length + {a}; }}"),
            Gen.Select(e, K, (a, k) => $"x += lst.Where(v§ => v§ > {k}).Select(v§ => v§ * dict[\"a\"] + tp.Item1).Sum() + Sp.Val({a});"),
            Gen.Select(e, (a) => $"lst.Add(Sp.Val({a})); x += lst.Count + dict.Count;"),
            Gen.Select(e, (a) => $"s += string.Join(\"/\", lst.Select(v§ => Sel(v§, w§ => w§ + rec.A))) + Ov(lst) + Ov(lst.Count + {a});"),
            // a record and a record struct: with, deconstruction, property patterns, members
            Gen.Select(e, (a) => $"rec = rec with {{ A = Sp.Val({a}) + rec.A }};"),
            Gen.Select(e, (a) => $"rs = rs with {{ B = {a} + Sp.Val(rs.A) }};"),
            Gen.Select(e, (a) => $"{{ var (ra§, rb§) = rec; x += ra§ + Sp.Val(rb§.Length) + {a}; }}"),
            Gen.Select(e, (a) => $"x += rec is {{ A: > 2, B: \"r\" }} ? Sp.Val({a}) : rs.B;"),
            Gen.Select(e, (a) => $"x += rs switch {{ {{ A: 0 }} => {a}, {{ B: var bb§ }} when bb§ > Sp.Val(2) => bb§, _ => 1 }};"),
            Gen.Select(e, (a) => $"s += rec.ToString() + rs + Sp.Val(rec.B) + {a};"),
            Gen.Select(e, (a) => $"rs.A += Sp.Val({a}); x += rs.A;"),
            // a nullable int: ??, ??=, .Value, is {}, ?., lifted operators, overloads
            Gen.Select(e, (a) => $"x += (nv ?? Sp.Val({a})) + (nv.HasValue ? nv.Value : 0);"),
            Gen.Select(e, (a) => $"nv ??= Sp.Val({a});"),
            Gen.Select(e, (a) => $"x += nv is {{ }} nz§ ? nz§ + Sp.Val(1) : {a};"),
            Gen.Select(e, (a) => $"x += nv?.CompareTo(Sp.Val({a})) ?? 7;"),
            Gen.Select(e, (a) => $"s += Ov(nv) + Ov(nv + Sp.Val({a})) + Ov(nv.GetValueOrDefault());"),
            Gen.Select(e, (a) => $"nv = nv * Sp.Val({a});"),
            // a string: interpolation, methods, indexer, LINQ over its chars, overloads
            Gen.Select(e, (a) => $"s += $\"{{str}}:{{Sp.Val(str.Length)}}:{{str.ToUpper()}}:{{{a}}}\";"),
            Gen.Select(e, (a) => $"str += str.Substring(Sp.Val(1) % str.Length) + {a};"),
            Gen.Select(e, (a) => $"x += str.IndexOf('r') + str[Sp.Val(0)] + str.Replace(\"s\", \"S\").Length + {a};"),
            Gen.Select(e, (a) => $"s += Ov(str) + Ov(str.Length) + string.Concat(str.Where(c§ => c§ != 't')) + {a};"),
            // generic launchers whose type arguments come from such values
            Gen.Select(e, (a) => $"x += GoLaunched(tp).Join().Item1 + Sp.Val({a});"),
            Gen.Select(e, (a) => $"s += GoLaunched(rec).Join().B + GoLaunched(str).Join() + {a};"),
            Gen.Select(e, (a) => $"s += Ov(GoLaunched(nv).Join()) + Ov(GoLaunched(tp.Item1 + {a}).Join());"),
            Gen.Select(e, (a) => $"x += GoLaunched(lst).Join().Count + GoLaunched(GoLaunched(rs).Join()).Join().B + {a};"),
            Gen.Select(e, (a) => $"{{ var gh§ = GoLaunched(nt); x += {a}; s += gh§.Join().B + gh§.Join().A; }}"),
            // handles kept and joined later
            Gen.Select(e, (a) => $"x += hx.Join() + Sp.Val({a});"),
            Gen.Select(e, (a) => $"foreach (var h§ in hs) x += h§.Join() * {a};"),
            Gen.Select(e, (a) => $"s += ht.Item1.Join() + ht.Item2.Join() + {a};"),
            Gen.Select(e, (a) => $"{{ var hh§ = hs[I3({a}) % 2]; x += hh§.Join() + hs.Length; }}"),
            // generic methods whose type arguments such values give
            Gen.Select(e, (a) => $"x += Sel(tp, v§ => v§.Item1 + 1) + Sp.Val({a});"),
            Gen.Select(e, (a) => $"s += Sel(rec, v§ => v§.B + v§.A) + Sel(Sel(da, v§ => (long)v§ * 3), v§ => Ov(v§)) + {a};"),
            Gen.Select(e, K, (a, k) => $"s += Sel(nv, v§ => Ov(v§)) + Sel(dict, v§ => v§.Count + {k}) + {a};"),
            // [Goroutine] callees and overloads chosen by the inferred types
            Gen.Select(e, (a) => $"x += Callee(log, tp.Item1) + Callee(log, Sp.Val(rs.A)) + {a};"),
            Gen.Select(e, (a) => $"x += TakeRec(log, rec) + TakePair(log, nt) + {a};"),
            Gen.Select(e, (a) => $"s += Ov(da) + Ov(db) + Ov(rs.A * 2L) + Ov(rec) + Ov(rs) + Ov(dict) + {a};"),
            Gen.Select(e, (a) => $"s += Ov(Sp.Val(tp)) + Ov(x + Sp.Val({a})) + Ov(Sp.Val(lst));"),
        };
        return Gen.OneOf(shapes.Select(Named).ToArray());
    }

    /// <summary>The types and members the launched family's statements use.</summary>
    private const string LaunchedFamilyMembers =
        """

            public record LRec(int A, string B);
            public record struct LRs(int A, int B);

            /// <summary>A handle's written twin: Join gives the value at once.</summary>
            public sealed class Hd<T>
            {
                private readonly T _v;
                public Hd(T v) => _v = v;
                public T Join() => _v;
            }

            static string Ov(int v) => "i" + v;
            static string Ov(long v) => "l" + v;
            static string Ov(string v) => "s" + v;
            static string Ov(object v) => "o" + v;
            static string Ov((int, string) v) => "t" + v;
            static string Ov(int? v) => "n" + v;
            static string Ov(LRs v) => "rs" + v.A;
            static string Ov(IEnumerable<int> v) => "e" + v.Count();
            static TR Sel<T, TR>(T v, Func<T, TR> f) => f(v);

            [Goroutine]
            static int TakeRec(Log log, LRec r) { log.Add("tr" + r.A); Sp.Pause(); return r.A + r.B.Length; }

            [Goroutine]
            static int TakePair(Log log, (int A, string B) p) { log.Add("tp" + p.A); Sp.Pause(); return p.A * 2 + p.B.Length; }
        """;
}
