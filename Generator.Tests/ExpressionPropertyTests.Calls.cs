using System.Linq;
using CsCheck;

namespace GoSharp.Generator.Tests;

// Arguments around suspension points: ref, out and in arguments naming elements (with logging indices), fields and
// locals that a later argument changes or suspends before; params arrays given nothing, one value, several, an
// explicit array and a collection expression, to plain and goroutine callees; named arguments out of order (C# evaluates
// them as written, then passes them by position) beside omitted optional ones; interpolated strings with alignment
// and format specifiers, nested, verbatim and raw, and as FormattableString, whose holes suspend.
public partial class ExpressionPropertyTests
{
    private static Gen<string> CallStatement()
    {
        var e = Int(1);
        var shapes = new[]
        {
            // ref and out arguments: the variable is fixed where it is written, its value read when the callee runs
            Gen.Select(e, e, (a, b) => $"x += RefAdd(ref arr[Ix(log, {a})], Sp.Val({b}) + arr[0]);"),
            Gen.Select(e, (a) => $"x += Swap(ref lg.Arr[Ix(log, {a})], ref jag[Ix(log, Sp.Val(y)) % 2][1]);"),
            Gen.Select(e, e, (a, b) => $"x += Set(out arr[Ix(log, {a})], out pts[Ix(log, x)].X, Sp.Val({b}));"),
            Gen.Select(e, (a) => $"x += Set(out lg.F, out _, {a}) + lg.F;"),
            Gen.Select(e, (a) => $"x += RefAdd(ref fld, Sp.Val(fld++) + {a}) + RefAdd(ref sfld, Callee(log, sfld));"),
            Gen.Select(e, (a) => $"x += Swap(ref x, ref y) + Swap(ref pt.X, ref arr[Ix(log, Sp.Val({a}))]);"),
            // a ref-returning call's reference as a ref argument before a suspending one: async refuses it (CS8178),
            // so must the generator (the async oracle, ExpressionPropertyTests.AsyncOracle.cs)
            Gen.Select(e, e, (a, b) => $"x += RefAdd(ref RefAt(log, arr, {a}), Sp.Val({b}));"),
            // in arguments: the callee reads the variable as it is when it runs, after the later arguments changed it
            Gen.Select(e, (a) => $"x += In3(in x, Sp.Val(x++) + {a}, in arr[Ix(log, x)]);"),
            Gen.Select(e, (a) => $"y += In3(in lg.Arr[Ix(log, Sp.Val({a}))], lg.Arr[0]++, in fld);"),
            Gen.Select(e, e, (a, b) => $"x += In3(Sp.Val({a}), {b}, x);"),
            // params: none, one, several, an explicit array, a collection expression with a spread
            Gen.Select(e, e, (a, b) => $"x += Sum() + Sum({a}) + Sum({b}, Sp.Val(x), Callee(log, 1));"),
            Gen.Select(e, e, (a, b) => $"x += Count(log) + Count(log, {a}) + Count(log, new[] {{ {b}, Sp.Val(2) }});"),
            Gen.Select(e, e, (a, b) => $"x += Count(log, [.. arr, {a}, Sp.Val({b})]) + Sum([Sp.Val(x), .. jag[1]]);"),
            Gen.Select(e, e, (a, b) => $"x += Named3(log, {a}, {b}, 4, Sp.Val(5), x++, 6) + Named3(log, Sp.Val(1), rest: new[] {{ {a} }});"),
            // named arguments out of order, evaluated as written; optional ones left out
            Gen.Select(e, e, e, (a, b, d) => $"x += Named3(log, c: {a}, a: {b}) + Named3(log, b: Sp.Val(x++), a: {d});"),
            Gen.Select(e, e, e, (a, b, d) => $"x += Named3(c: log.L(\"c\", {a}), log: log, a: Sp.Val({b}), b: {d});"),
            Gen.Select(e, e, (a, b) => $"x += Add(b: Callee(log, {a}), a: x++) + Mix(b: {b}, c: Sp.Val(y), a: lg.M(1));"),
            Gen.Select(e, e, (a, b) => $"x += RefAdd(a: Sp.Val({a}), v: ref arr[Ix(log, {b})]) + Set(v: {a}, b: out y, a: out arr[Ix(log, x)]);"),
            // interpolated strings: alignment, format, nested, verbatim, raw, FormattableString, a hole that throws
            Gen.Select(e, e, e, (a, b, d) => $"s += $\"<{{{a},-6:D3}}|{{Sp.Val({b}),5:X}}|{{{d} * 1.5:0.0}}|{{(x % 2 == 0 ? Sp.Val(y) : x),3}}>\";"),
            Gen.Select(e, e, (a, b) => $"s += $\"[{{$\"{{Sp.Val({a}),4}}\" + Callee(log, y),-9}}]{{lg[Ix(log, {b})]:x2}}\";"),
            Gen.Select(e, e, (a, b) => $"s += $@\"\\{{{a}:D2}}\\{{Sp.Val(s.Length),-3}}\" + $$\"\"\"{{{{Sp.Val({b}),2}}}}{{\"\"\" + 1;"),
            Gen.Select(e, e, (a, b) => $"{{ FormattableString fm§ = $\"{{Sp.Val({a}):D4}}/{{{b},3}}\"; s += fm§.Format + fm§.ArgumentCount + FormattableString.Invariant($\"{{Sp.Val(x) * 1.25:N2}}\"); }}"),
            Gen.Select(e, e, (a, b) => $"{{ try {{ s += $\"{{{a},2}}:{{Chk(Sp.Val(x))}}:{{{b}:D1}}\"; }} catch (InvalidOperationException ex§) {{ log.Add(\"ih\" + ex§.Message + s); }} }}"),
            Gen.Select(e, (a) => $"log.Add($\"{{log.L(\"h1\", x++),4}}{{Sp.Val(x),-4}}{{{a}:D3}}{{ctr}}\");"),
        };
        return Gen.OneOf(shapes.Select(Named).ToArray());
    }
}
