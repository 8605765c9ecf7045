using System.Linq;
using CsCheck;

namespace GoSharp.Generator.Tests;

// Places written around suspension points, where C# evaluates the target's parts (receiver, index) before the right
// side and reads the old value after them: compound assignments, ??= and increments on a logging indexer and property
// reached through a call, elements of arrays reached through calls, of jagged arrays and of struct arrays (a field of
// the element), with index expressions that log; deconstructions into such places, from a tuple, from a Deconstruct
// that logs and nested; conditional access (?. on a null or not receiver, whose arguments then run or not, and the
// ?. assignment of C# 14); using blocks and declarations of logging disposables, disposed in reverse order, left
// by goto and by an exception.
public partial class ExpressionPropertyTests
{
    private static Gen<string> PlaceStatement()
    {
        var e = Int(1);
        var ops = Gen.OneOf("+=", "-=", "*=", "|=", "^=", "<<=");
        var shapes = new[]
        {
            // compound assignments: the receiver and the index first, then the old value, then the right side
            Gen.Select(e, e, ops, (a, b, op) => $"lg[Ix(log, {a})] {op} {b};"),
            Gen.Select(e, e, ops, (a, b, op) => $"GetLg(log, lg, {a}).P {op} {b};"),
            Gen.Select(e, e, e, ops, (a, b, d, op) => $"Get(log, arr)[Ix(log, {a})] {op} {b} + Get(log, arr)[Ix(log, {d})]++;"),
            Gen.Select(e, e, e, (a, b, d) => $"jag[Ix(log, {a}) % 2][Ix(log, {b})] += {d};"),
            Gen.Select(e, e, (a, b) => $"pts[Ix(log, {a})].X -= {b};"),
            Gen.Select(e, e, (a, b) => $"x += pts[Ix(log, {a})].Add({b}) + pts[I3(x)].X;"),
            Gen.Select(e, e, (a, b) => $"x += lg[Ix(log, {a})]++ + --lg[Ix(log, {b})] + GetLg(log, lg, 1).P++;"),
            Gen.Select(e, e, (a, b) => $"x += (lg.Q ??= {a}) + (lg.Self(\"q\").Q += {b}) ?? 0;"),
            Gen.Select(e, e, (a, b) => $"GetLg(log, lg, {a}).Arr[Ix(log, Sp.Val(x))] *= {b};"),
            Gen.Select(e, e, (a, b) => $"lg.Self(\"f\").F += lg.M({a}) + {b};"),
            Gen.Select(e, e, (a, b) => $"x += lg[Ix(log, x++)] = lg[Ix(log, {a})] + {b};"),
            // deconstructions: the targets' receivers and indices left to right, then the values, then the writes
            Gen.Select(e, e, e, (a, b, d) => $"(lg[Ix(log, {a})], GetLg(log, lg, 2).P, arr[Ix(log, x)]) = ({b}, Sp.Val(y), {d});"),
            Gen.Select(e, e, (a, b) => $"(x, (pts[Ix(log, {a})].X, lg.F)) = (Sp.Val(y), ({b}, x));"),
            Gen.Select(e, (a) => $"(lg[Ix(log, 0)], lg[Ix(log, {a})]) = (lg[Ix(log, Sp.Val(1))], lg[Ix(log, 0)]);"),
            Gen.Select(e, (a) => $"{{ var (da§, db§) = GetLg(log, lg, {a}); Sp.Pause(); x += da§ * 10 + db§; fs.Add(() => da§ + db§); }}"),
            Gen.Select(e, e, (a, b) => $"(y, lg.P) = GetLg(log, nl ?? lg, Sp.Val({a}) + {b});"),
            Gen.Select(e, e, (a, b) => $"{{ (int dn§, (var (dp§, dq§), string ds§)) = ({a}, (lg, \"w\" + Sp.Val({b}))); x += dn§ + dp§ + dq§ + ds§.Length; }}"),
            // conditional access: a null receiver skips its arguments, their suspension points and goroutine calls
            Gen.Select(e, e, (a, b) => $"x += nl?.M(Sp.Val({a}) + Callee(log, {b})) ?? -1;"),
            Gen.Select(e, (a) => $"x += nl?.Self(\"c\").Next?.M({a}) ?? nl?.Arr[Ix(log, Sp.Val(y))] ?? 2;"),
            Gen.Select(e, (a) => $"s += nl?[Ix(log, {a})].ToString() + GetLg(log, lg, 3)?.Self(\"g\").P;"),
            Gen.Select(e, e, (a, b) => $"nl?.F += {a} + Sp.Val({b});"),
            Gen.Select(e, e, (a, b) => $"nl?.Arr[Ix(log, {a})] = Sp.Val({b});"),
            Gen.Select(e, (a) => $"{{ lg.Next = x % 2 == 0 ? null : lg; lg.Next?.Self(\"n\").M(Sp.Val({a})); }}"),
            // using: a block with two resources, declarations disposed in reverse order at the block's end, after an
            // exception and when a goto leaves the block
            Gen.Select(e, e, (a, b) => $"using (Res r1§ = new Res(log, \"a\" + {a}), r2§ = new Res(log, \"b\" + Sp.Val(x))) {{ x += {b}; }}"),
            Gen.Select(e, e, (a, b) => $$"""
                {
                var ug§ = 0;
                again§:
                {
                using var u1§ = new Res(log, "d" + Sp.Val(ug§));
                x += {{a}};
                using var u2§ = new Res(log, "e" + {{b}});
                if (++ug§ < 3 && x % 2 == 0) goto again§;
                Sp.Pause();
                }
                }
                """),
            Gen.Select(e, (a) => $"{{ try {{ using var u3§ = new Dt(log, x); using (Res? rn§ = x % 2 == 0 ? null : new Res(log, \"n\")) x += Chk(Sp.Val({a})); }} catch (InvalidOperationException ex§) {{ log.Add(\"ue\" + ex§.Message); }} }}"),
            Gen.Select(e, (a) => $"{{ var ur§ = new Res(log, \"v\"); using (ur§) {{ ur§ = new Res(log, \"w\" + Sp.Val({a})); }} }}"),
        };
        return Gen.OneOf(shapes.Select(Named).ToArray());
    }
}
