using System.Linq;
using CsCheck;

namespace GoSharp.Generator.Tests;

// Values and places that earlier sessions' bugs clustered on, beside suspension points: ref locals and span locals
// used before a suspension point (dead across it), a ref-returning method as the target of a compound assignment, a
// tuple local's element, an anonymous type's members, with expressions on a struct and a record, object, collection
// and index initializers, user-defined conversions (Mon) into logging indexers and properties, lifted arithmetic on
// nullable values, a local function declared after a using declaration and called after it.
public partial class ExpressionPropertyTests
{
    private static Gen<string> ValueStatement()
    {
        var e = Int(1);
        var k = K;
        // what a reference is used with after it was taken: nothing may suspend there (async's CS8178 and CS9217)
        var q = Int(0, suspends: false);
        // a ref local's suspending initializer declaring an out or pattern variable (an is var, an out var, a switch
        // expression arm's var) is refused conservatively (GOSH0008): the async oracle counts it (FamilyConservative)
        var ei = e;
        var shapes = new[]
        {
            // ref and span locals read and written before the next suspension point, in a block that suspends later
            Gen.Select(ei, e, (a, b) => $"{{ ref int rl§ = ref arr[Ix(log, {a})]; rl§ += 5; x += rl§; Sp.Pause(); x += {b}; }}"),
            Gen.Select(e, (a) => $"{{ x += Sp.Val({a}); Span<int> sl§ = arr; sl§[I3(x)] += 3; y += sl§[0] + sl§.Length; }}"),
            Gen.Select(ei, q, (a, b) => $"{{ x += Sp.Val(1); ref var pr§ = ref pts[Ix(log, {a})]; pr§.X += {b}; pr§.Add(1); }}"),
            // at the async oracle's boundary (ExpressionPropertyTests.AsyncOracle.cs): a span read after a suspension
            // point, a ref local's location and a ref-returning call's reference across one are refused by both
            // (CS4007, CS9217, CS8178 for async; GOSH0008, GOSH0017), a span only read before the suspension point of
            // its statement by neither
            Gen.Select(e, (a) => $"{{ Span<int> sa§ = arr; x += Sp.Val({a}) + sa§[0]; }}"),
            Gen.Select(e, (a) => $"{{ Span<int> sb§ = arr; x += sb§[1] + Sp.Val({a}); }}"),
            Gen.Select(e, q, (a, b) => $"{{ ref int ra§ = ref arr[I3({b})]; ra§ += Sp.Val({a}); }}"),
            Gen.Select(e, (a) => $"RefAt(log, arr, x) += Sp.Val({a});"),
            // the generator's documented conservative refusal (GOSH0008) where async accepts: a ref local whose
            // suspending initializer declares a pattern variable (counted by the oracle, FamilyConservative)
            Gen.Select(e, (a) => $"{{ ref int rp§ = ref arr[I3(Sp.Val({a}) is var ip§ && ip§ > 0 ? ip§ : 0)]; rp§ += 1; }}"),
            // a ref-returning method as a place: its arguments suspend, the right side does not
            Gen.Select(e, q, (a, b) => $"RefAt(log, arr, {a}) += {b};"),
            Gen.Select(e, q, (a, b) => $"x += RefAt(log, lg.Arr, Sp.Val({a}))++ + (RefAt(log, arr, x) = {b});"),
            // a tuple local's elements, a nullable tuple's
            Gen.Select(e, e, (a, b) => $"{{ var tp§ = (A: x, B: {a}); tp§.A += Sp.Val(tp§.B); tp§.B *= {b}; (int, int)? nt§ = x % 2 == 0 ? null : tp§; x += tp§.A + tp§.B + (nt§?.Item1 ?? Sp.Val(-1)); }}"),
            // anonymous types with suspending members, read after later suspension points and captured
            Gen.Select(e, e, (a, b) => $"{{ var an§ = new {{ P = Sp.Val({a}), Q = s + {b}, R = new[] {{ x, Sp.Val(y) }} }}; Sp.Pause(); x += an§.P + an§.Q.Length + an§.R[1]; fs.Add(() => an§.P); }}"),
            // with expressions: the copy is made, then the members set in order, then assigned
            Gen.Select(e, e, (a, b) => $"{{ var w1§ = pt with {{ X = Sp.Val({a}) + pt.X }}; pt = pt with {{ X = {b} }}; x += w1§.X + pt.X; }}"),
            Gen.Select(e, e, (a, b) => $"{{ var rc§ = new Rec(log, {a}, \"r\"); var rd§ = rc§ with {{ B = \"q\" + Sp.Val(y), A = {b} }}; x += rd§.A + rc§.A; s += rd§.B + rd§; }}"),
            // initializers: object with nested collection, dictionary by index, list, each element in order
            Gen.Select(e, e, (a, b) => $"{{ var bi§ = new Box {{ Field = {a}, Items = {{ Sp.Val(1), x++, {b} }}, Value = Sp.Val(y) }}; x += bi§.Items.Sum() + bi§.Field + bi§.Value; }}"),
            Gen.Select(e, e, (a, b) => $"{{ var di§ = new Dictionary<int, int> {{ [Ix(log, {a})] = Sp.Val(x), [Ix(log, {b})] = y++ }}; x += di§.Count + di§.Values.Sum(); }}"),
            Gen.Select(e, e, (a, b) => $"{{ var li§ = new List<int> {{ {a}, Callee(log, x) }}; li§.Add({b}); li§[Ix(log, Sp.Val(1)) % 2] += li§.Count; x += li§.Sum(); }}"),
            // user-defined conversions into logging places: converted when C# converts, before later operands
            Gen.Select(e, (a) => $"lg[Ix(log, {a})] += Sp.Val(mon) + (Mon)Sp.Val(x);"),
            Gen.Select(e, (a) => $"lg.P = mon + Sp.Val(new Mon({a}));"),
            Gen.Select(e, (a) => $"{{ Mon m2§ = Sp.Val({a}); x += m2§; mon = x + Sp.Val(m2§.V); }}"),
            // lifted arithmetic on nullable values, with a null operand or not
            Gen.Select(e, e, (a, b) => $"x += (ni + Sp.Val({a}) * lg.Q ?? {b}) + (lg.Q is int lq§ ? lq§ : 0);"),
            Gen.Select(e, (a) => $"{{ int? nq§ = x % 3 == 0 ? null : {a}; nq§ += Sp.Val(ni); nq§ *= 2; x += nq§ ?? -5; lg.Q = nq§; }}"),
            // a local function declared after a using declaration, called after the declaration
            Gen.Select(e, k, (a, v) => $$"""
                {
                using var ul§ = new Res(log, "ul" + {{v}});
                x += Sp.Val({{a}});
                int Late§(int q) => q + x + {{v}};
                x += Late§(Sp.Val(1));
                fs.Add(() => Late§(0));
                }
                """),
        };
        return Gen.OneOf(shapes.Select(Named).ToArray());
    }

    /// <summary>The members only this family calls.</summary>
    private const string ValueMembers =
        """

            /// <summary>A reference to an element, found by an index that logs.</summary>
            static ref int RefAt(Log log, int[] a, int i) { log.Add("ra" + i); return ref a[I3(i)]; }

            /// <summary>A record whose init accessors log, so that a with expression's order shows.</summary>
            public sealed record Rec
            {
                private readonly Log _log;
                private readonly int _a;
                private readonly string _b = "";
                public Rec(Log log, int a, string b) { _log = log; _a = a; _b = b; }
                public int A { get => _a; init { _log.Add("initA" + value); _a = value; } }
                public string B { get => _b; init { _log.Add("initB" + value); _b = value; } }
                public override string ToString() => "rec" + _a + _b;
            }

        """;
}
