using System.Linq;
using CsCheck;

namespace GoSharp.Generator.Tests;

// Switch statements and switch expressions around suspension points: type, property, tuple, relational, list and
// logical patterns, `when` clauses that suspend, call a goroutine, log or throw, several labels on one section, the
// variables a pattern declares read after a suspension point and captured, a governing expression that suspends or
// throws, arms that suspend or throw, switch expressions nested in arms and in arguments, `is` patterns with suspending
// operands.
public partial class ExpressionPropertyTests
{
    private static Gen<string> SwitchStatement()
    {
        var e = Int(1);
        var k = K;
        var shapes = new[]
        {
            // type patterns over a boxed value, a when that suspends, a pattern variable read after a suspension point
            Gen.Select(e, e, k, (a, b, v) => $$"""
                {
                object ob§ = ((x + {{v}}) % 4) switch { 0 => (object)Sp.Val(x), 1 => "s" + y, 2 => box, _ => null! };
                switch (ob§)
                {
                case int iv§ when Sp.Val(iv§) > {{a}}:
                x += iv§;
                break;
                case int iv§:
                Sp.Pause();
                y += iv§ + 1;
                break;
                case string sv§ when sv§.Length > Callee(log, 0):
                fs.Add(() => sv§.Length);
                s += Sp.Val(sv§);
                break;
                case Box { Value: > 3 and < 100 } bv§:
                bv§.Value += {{b}};
                break;
                case null:
                log.Add("null" + Sp.Val(1));
                break;
                default:
                log.Add("other");
                break;
                }
                }
                """),
            // a tuple pattern over a suspending pair, several labels on a section, a when that logs
            Gen.Select(e, e, e, (a, b, d) => $$"""
                {
                switch ((Sp.Val(x % 3), {{a}} % 2))
                {
                case (0, 0):
                case (1, _) when log.L("tw", y) % 2 == 0:
                x += {{b}};
                break;
                case (var ta§, 1) when Sp.Val(ta§ + y) > 4:
                fs.Add(() => ta§);
                y += ta§;
                break;
                case (2, var tb§):
                x -= Sp.Val(tb§) + {{d}};
                break;
                default:
                s += "d";
                break;
                }
                }
                """),
            // a list pattern over an array changed by a suspending operand, with a slice
            Gen.Select(e, e, (a, b) => $$"""
                {
                arr[I3({{a}})] = Sp.Val(x % 4);
                switch (arr)
                {
                case [1, var l1§, ..] when Sp.Val(l1§) % 2 == 0:
                x += l1§;
                break;
                case [_, .. var rest§] when rest§.Length == 2 && rest§[1] > {{b}}:
                y += rest§[0] + Sp.Val(rest§[1]);
                break;
                case [var f§, ..]:
                fs.Add(() => f§ + 1);
                break;
                }
                }
                """),
            // list patterns over a list whose reads log, of 1, 2 or 4 elements: arms reading from the start fix the
            // length (no slice), so that C#'s DAG takes an element read from the end later as the same read where the
            // length makes it one (several arms' slices fixing it together are a known limit, docs/generator.md)
            Gen.Select(e, e, e, (a, b, d) => $$"""
                {
                switch (lq)
                {
                case [var la§, var lb§] when Sp.Val(la§ + lb§) > {{a}}:
                x += la§ * 10 + lb§;
                break;
                case [var lc§] when lc§ > Callee(log, {{b}}):
                y += lc§;
                break;
                case [.., var ly§, var lz§] when Sp.Val(ly§) % 2 == {{d}} % 2:
                fs.Add(() => ly§ + lz§);
                break;
                case [.. var lm§, var lw§] when lm§.Length > Sp.Val(1):
                x += lm§[0] + lw§;
                break;
                case [.., var lv§]:
                s += lv§;
                break;
                }
                }
                """),
            Gen.Select(e, e, (a, b) => $"x += lq switch {{ [var q1§, _] when Sp.Val(q1§) > {a} => q1§, [_] when Sp.Val(y) > {b} => 1, [.., var q2§] => q2§ + 10, _ => -1 }};"),
            // a when that throws from a suspending operand: the switch is left, no later label is tried
            Gen.Select(e, e, (a, b) => $$"""
                {
                try
                {
                switch ({{a}} % 3)
                {
                case var gv§ when gv§ == Chk(Sp.Val(x)) % 3:
                x += {{b}};
                break;
                case var gv§ when ThrowsAfterPause(log, gv§ + y) > 3:
                y += gv§;
                break;
                case 0 or 1:
                log.Add("ob");
                break;
                }
                }
                catch (System.Exception ex§)
                {
                log.Add("sw" + ex§.Message);
                }
                }
                """),
            // a governing expression that suspends and calls a goroutine; relational and not patterns
            Gen.Select(e, e, (a, b) => $$"""
                {
                switch (Callee(log, {{a}}) - Sp.Val(y))
                {
                case < 0:
                x += 1;
                break;
                case >= 0 and < 10 when log.L("rl", x) > 0:
                x += Sp.Val({{b}});
                break;
                case not 12:
                y += 3;
                goto default;
                default:
                s += Sp.Val("z");
                break;
                }
                }
                """),
            // switch expressions: arms that suspend or throw, a nested switch expression, a property pattern on a
            // logging object, a when reading a variable the governing expression changed
            Gen.Select(e, e, e, (a, b, d) => $"x += ((x++ + Sp.Val({a})) % 4) switch {{ 0 => {b}, 1 when y++ > 2 => Sp.Val(y), 2 => (({d} % 3) switch {{ 0 => Callee(log, x), var nz§ => nz§ * 2 }}), _ => Chk(x + 6) }};"),
            Gen.Select(e, e, (a, b) => $"y += lg switch {{ {{ P: > 7 }} => Sp.Val({a}), {{ F: var lf§ }} when Sp.Val(lf§) < {b} => lf§ + lg.P, _ => lg.M(1) }};"),
            Gen.Select(e, e, (a, b) => $"s += (Sp.Val({a}) % 3, nl) switch {{ (0, null) => \"zn\", (0, {{ }} nn§) => \"z\" + nn§.M(Sp.Val(1)), (_, {{ P: var np§ }}) when np§ > {b} => \"p\" + np§, _ => \"o\" }};"),
            // a switch expression as an argument of a nested goroutine call, beside an argument that suspends
            Gen.Select(e, e, (a, b) => $"x += Named(log, b: (y % 3) switch {{ 0 => Sp.Val({a}), _ => 1 }}, a: {b});"),
            // an is pattern with a suspending operand, declaring a variable used after a suspension point
            Gen.Select(e, e, (a, b) => $"{{ if (Sp.Val({a}) is > 2 and var pv§ && (pv§ + {b}) % 2 == 0) {{ Sp.Pause(); x += pv§; fs.Add(() => pv§); }} else if (box is {{ Value: var bv§, Name: not null }} && Sp.Val(bv§) > 0) y += bv§; }}"),
        };
        return Gen.OneOf(shapes.Select(Named).ToArray());
    }
}
