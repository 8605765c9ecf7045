using System.Linq;
using CsCheck;

namespace GoSharp.Generator.Tests;

// Loops around suspension points: lambdas and local functions capturing a foreach variable (one per iteration), a for
// variable (one for the whole loop), a local of the loop's body or of a block nested in it (one per iteration), run
// after the loop ended (the method's tail runs them again); suspension points in a for's condition and iterator, a
// while's condition and a foreach's collection; labelled breaks and continues by goto out of nested loops, continue
// in a do loop (to its condition), break out of a switch section inside a loop.
public partial class ExpressionPropertyTests
{
    private static Gen<string> LoopStatement()
    {
        var e = Int(1);
        var c = Bool(0);
        var p = Int(0, suspends: false);
        var k = K;
        var shapes = new[]
        {
            // a foreach variable per iteration, captured before and after a suspension point
            Gen.Select(e, p, (a, q) => $"{{ foreach (var fv§ in new[] {{ {a}, Sp.Val(x), 3 }}) {{ fs.Add(() => fv§ * 10 + {q}); Sp.Pause(); fs.Add(() => fv§ + y); }} }}"),
            // the for variable is one for the whole loop: every lambda sees its last value; a copy in the body is per iteration
            Gen.Select(e, c, (a, b) => $$"""
                {
                for (var fi§ = 0; fi§ < 3 && {{b}}; fi§ += Sp.Val(1))
                {
                var cp§ = fi§ + {{a}};
                fs.Add(() => fi§ * 100 + cp§);
                cp§ += Sp.Val(fi§);
                }
                }
                """),
            // a local of a block nested in a while body, captured by a local function converted to a delegate
            Gen.Select(e, e, (a, b) => $$"""
                {
                var wc§ = 0;
                while (Sp.Val(wc§) < 3)
                {
                {
                var nb§ = wc§ * 2 + {{a}};
                int Get§() => nb§ + wc§;
                fs.Add(Get§);
                nb§ += Sp.Val(1);
                }
                wc§++;
                if (wc§ == 2 && {{b}} % 2 == 0) continue;
                y += wc§;
                }
                }
                """),
            // a lambda capturing a loop local it modifies, run inside and after the loop
            Gen.Select(e, k, (a, v) => $$"""
                {
                foreach (var mv§ in Seqs.Count(log, 3))
                {
                var ac§ = mv§ + {{v}};
                Func<int> inc§ = () => ++ac§;
                x += inc§() + Sp.Val(ac§) + {{a}};
                fs.Add(inc§);
                if (Sp.Val(x) % 4 == {{v % 4}}) break;
                }
                }
                """),
            // labelled break and continue by goto out of nested loops with suspension points in conditions
            Gen.Select(e, e, c, (a, b, q) => $$"""
                {
                for (var oi§ = 0; oi§ < 3; oi§++)
                {
                var oj§ = 0;
                while (oj§++ < Sp.Val(3))
                {
                x += {{a}};
                if (x % 7 == oi§) goto cont§;
                if ({{q}}) goto brk§;
                fs.Add(() => oi§ * 10 + oj§);
                }
                y += {{b}};
                cont§:;
                }
                brk§:
                log.Add("lb" + x + "," + y);
                }
                """),
            // continue in a do loop goes to its condition, which suspends
            Gen.Select(e, e, (a, b) => $$"""
                {
                var dc§ = 0;
                do
                {
                var dl§ = dc§;
                fs.Add(() => dl§ + 1);
                if (dc§ % 2 == 0) continue;
                x += {{a}};
                }
                while (++dc§ < Sp.Val(4) && {{b}} != 1000);
                }
                """),
            // break out of a switch section leaves the switch, continue in it the loop
            Gen.Select(e, e, (a, b) => $$"""
                {
                foreach (var sw§ in new[] { 0, 1, 2, 3 })
                {
                switch (Sp.Val(sw§ + x) % 3)
                {
                case 0:
                x += {{a}};
                break;
                case 1:
                fs.Add(() => sw§ * 7);
                continue;
                default:
                if ({{b}} > 3) goto case 0;
                break;
                }
                y += sw§;
                }
                }
                """),
            // a for loop with several declarators and iterators, one suspending, captured
            Gen.Select(e, p, (a, q) => $"{{ for (int ia§ = 0, ib§ = {a}; ia§ < 3; ia§++, ib§ += Sp.Val(2)) {{ var sn§ = ia§ + ib§; fs.Add(() => sn§ + {q}); x += sn§; }} }}"),
            // nested foreach: the inner lambda captures both iterations' variables, the outer collection suspends
            Gen.Select(e, e, (a, b) => $"{{ foreach (var ou§ in new[] {{ Sp.Val({a}), 2 }}) foreach (var iu§ in new[] {{ ou§, {b} }}) {{ fs.Add(() => ou§ * 10 + iu§); x += Sp.Val(iu§) % 5; }} }}"),
            // a goto back into a loop's enclosing block: a local declared after the label is fresh each time
            Gen.Select(e, k, (a, v) => $$"""
                {
                var gb§ = 0;
                back§:
                {
                var fr§ = gb§ * 3 + {{v}};
                fs.Add(() => fr§);
                fr§ += Sp.Val({{a}}) % 3;
                }
                if (++gb§ < 3) goto back§;
                }
                """),
            // a foreach over a tuple array deconstructed, with a suspending element and a capture of both parts
            Gen.Select(e, e, (a, b) => $"{{ foreach (var (ka§, va§) in new[] {{ (1, {a}), (Sp.Val(2), {b}) }}) {{ fs.Add(() => ka§ * 100 + va§); x += Sp.Val(va§) % 10; }} }}"),
        };
        return Gen.OneOf(shapes.Select(Named).ToArray());
    }
}
