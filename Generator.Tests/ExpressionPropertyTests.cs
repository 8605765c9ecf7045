using System;
using System.Linq;
using CsCheck;
using GoSharp.Generator.Tests.Execution;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace GoSharp.Generator.Tests;

/// <summary>
/// Random expressions, where <see cref="PropertyTests"/> draws from statement templates: every operand may be a
/// suspension point, a logged read (<c>log.L(tag, v)</c>), an assignment, an increment, a call with <c>ref</c>,
/// <c>out</c>, named or <c>params</c> arguments, a nested goroutine call, a conditional, a switch expression, a
/// pattern, a tuple, an initializer, an interpolation, a lambda, a conversion, a struct local's method, a call that
/// throws (plainly, or after suspending), a user-defined conversion (an implicit one beside an explicit one), an
/// object concatenated whose ToString logs, the instance's fields, property and methods, a static field, a call that
/// logs its [CallerLineNumber] (ExpressionPropertyTests.Lines.cs, which with GOSHARP_LINE_BREAKS=1 also breaks each
/// method's text over random lines); the log shows
/// the order C# evaluated them in, and the method's state at its end shows what they computed. Each batch is compiled
/// in memory with the generator and every method runs with n = 0, 1, 3 as a plain call and as a goroutine on 1, 2 and 4
/// Ps and with every nested goroutine call trampolined. <c>GOSHARP_EXPRESSION_ITER</c> sets the number of 30-method
/// batches (default 3). RandomShapesBehaveTheSame (ExpressionPropertyTests.Shapes.cs) draws statement shapes and
/// method kinds around them, RandomFamiliesBehaveTheSame (ExpressionPropertyTests.Families.cs) statements of six
/// families of constructs (handlers, loops, switches, places, calls, values).
/// </summary>
public partial class ExpressionPropertyTests(ITestOutputHelper output)
{
    private static readonly Gen<int> K = Gen.Int[0, 9];

    /// <summary>An int expression of at most <paramref name="depth"/> levels.</summary>
    private static Gen<string> Int(int depth) => Int(depth, suspends: true);

    /// <summary>Without <paramref name="suspends"/>, no suspension point: a lambda's body, which runs as plain code.</summary>
    private static Gen<string> Int(int depth, bool suspends)
    {
        var leaves = new[]
        {
            K.Select(k => k.ToString()),
            Gen.OneOf("x", "y", "n", "box.Value", "box.Field", "arr[1]", "pt.X", "(ni ?? 7)", "s.Length", "fld", "this.Prop", "farr[2]", "sfld"),
            K.Select(k => $"log.L(\"l{k}\", {k})"),
            K.Select(k => suspends ? $"Sp.Val({k})" : $"{k}.GetHashCode()"),
            // the line oracle (ExpressionPropertyTests.Lines.cs): the line of a call in the frame's copy, a lambda's too
            K.Select(k => $"Ln(log, {k})"),
            Gen.OneOf(suspends ? "Sp.Val(x)" : "x", "x++", "++y", "--x", "box.Value++", "arr[0]++", "pt.X++", "fld++", "--Prop", "sfld++"),
        };
        if (depth == 0 || !suspends) return Gen.OneOf(leaves);
        var e = Int(depth - 1);
        var c = Bool(depth - 1);
        var composite = new[]
        {
            e.Select(a => $"Sp.Val({a})"),
            e.Select(a => $"Sp.Fast({a})"),
            e.Select(a => $"Ln(log, {a})"),
            Gen.Select(K, e, (k, a) => $"Ln2(log, {k}, {a})"),
            Gen.Select(K, e, (k, a) => $"log.L(\"t{k}\", {a})"),
            Gen.Select(e, e, Gen.OneOf("+", "-", "*", "^", "&", "|"), (a, b, op) => $"({a} {op} {b})"),
            Gen.Select(e, e, (a, b) => $"({a} << ({b} & 3))"),
            Gen.Select(e, e, (a, b) => $"({a} / ({b} + n * 0))"),
            Gen.Select(c, e, e, (p, a, b) => $"({p} ? {a} : {b})"),
            Gen.Select(e, Gen.OneOf("x =", "y +=", "x *=", "box.Value -=", "box.Field |=", "pt.X +=", "y >>=", "fld -=", "this.fld =", "Prop +=", "sfld ^=", "farr[0] +="), (a, lhs) => $"({lhs} {a})"),
            Gen.Select(e, e, Gen.OneOf("=", "+=", "-="), (i, a, op) => $"(arr[I3({i})] {op} {a})"),
            e.Select(i => $"arr[I3({i})]"),
            e.Select(i => $"arr[I3({i})]++"),
            e.Select(a => $"(ni ??= {a})"),
            Gen.Select(e, e, e, (a, b, d) => $"Mix({a}, {b}, {d})"),
            Gen.Select(e, e, e, (a, b, d) => $"Mix(c: {a}, a: {b}, b: {d})"),
            e.Select(a => $"Callee(log, {a})"),
            Gen.Select(e, e, (a, b) => $"Named(log, b: {a}, a: {b})"),
            Gen.Select(e, e, (a, b) => $"Count(log, {a}, {b})"),
            Gen.Select(e, e, (a, b) => $"({a}, {b}).Item1"),
            Gen.Select(e, e, (a, b) => $"new Box {{ Value = {a}, Field = {b} }}.Field"),
            Gen.Select(e, e, (a, b) => $"checked({a} + {b})"),
            Gen.Select(e, e, e, e, (g, a, b, d) => $"(({g}) % 3) switch {{ 0 => {a}, 1 => {b}, _ => {d} }}"),
            Gen.Select(e, e, (a, b) => $"$\"{{{a}}}:{{{b}}}\".Length"),
            e.Select(a => $"(- {a})"),
            e.Select(a => $"(~{a})"),
            Gen.Select(e, Gen.OneOf("x", "arr[I3(x)]", "box.Field", "pt.X", "fld", "farr[I3(y)]", "sfld"), (a, v) => $"RefAdd(ref {v}, {a})"),
            e.Select(a => $"Inst({a})"),
            e.Select(a => $"InstCallee(log, {a})"),
            e.Select(a => $"(Two({a}, out y) + y)"),
            Gen.Select(Int(0, suspends: false), e, (a, b) => $"Apply(q => q * 2 + {a}, {b})"),
            e.Select(a => $"unchecked((int)(byte){a})"),
            e.Select(a => $"pt.Add({a})"),
            e.Select(a => $"(s += {a}).Length"),
            e.Select(a => $"(box.Name?.Length ?? {a})"),
            Gen.Select(e, e, (a, b) => $"({a} is var {Declared} && {Declared} > 3 ? {Declared} : {b})"),
            Gen.Select(e, e, (a, b) => $"(ni?.CompareTo({a}) ?? {b})"),
            e.Select(a => $"((ni += {a}) ?? 1)"),
            Gen.Select(e, e, (a, b) => $"(box is {{ Value: > 4 }} ? {a} : {b})"),
            // an arm's variable is the arm's own: named by the text's length, longer than any nested one's
            Gen.Select(e, e, e, (g, a, b) => $"({g} switch {{ var WN when WN > {a} => WN, _ => {b} }})").Select(t => t.Replace("WN", "w" + t.Length)),
            Gen.Select(e, e, e, (a, b, i) => $"new[] {{ {a}, {b} }}[I3({i}) % 2]"),
            Gen.Select(e, e, e, (a, b, i) => $"((int[])[{a}, .. arr, {b}])[I3({i})]"),
            Gen.Select(e, e, (a, b) => $"$\"{{{a},4}}{{{b}:D2}}\".Length"),
            Gen.Select(e, e, (a, b) => $"(\"q\" + {a} + 'c' + {b} + box.Name).Length"),
            Gen.Select(e, e, (a, b) => $"(arr?[I3({a})] ?? {b})"),
            e.Select(a => $"(box?.Tag({a}) ?? 0)"),
            e.Select(a => $"(Opt({a}) ?? throw new InvalidOperationException(\"t\"))"),
            Gen.Select(e, e, (a, b) => $"({a} > 100 ? throw new ArgumentException(\"big\") : {b})"),
            e.Select(a => $"In({a}, in x)"),
            Gen.Select(e, e, (a, b) => $"(Two({a}, out var {Declared}) + {Declared} + {b})"),
            e.Select(a => $"Sp.Val(new Box {{ Value = {a} }}).Value"),
            Gen.Select(e, e, (a, b) => $"Ps(new Pt {{ X = {a} }}.Add({b}))"),
            Gen.Select(e, e, (a, b) => $"Mix({a}, {b}, Sp.Val(0) + x++)"),
            e.Select(a => $"((long){a} * 3 > 10 ? 1 : 0)"),
            Gen.Select(e, e, (a, b) => $"Math.Max({a}, {b})"),
            // user-defined conversions (int to Mon logs, Mon to int logs) and concatenations of an object whose ToString
            // logs what a later operand changes: each runs when C# evaluates the operand
            Gen.Select(e, e, (a, b) => $"MonAdd({a}, {b})"),
            e.Select(a => $"(mon + {a})"),
            e.Select(a => $"({a} + mon)"),
            e.Select(a => $"(mon = {a}).V"),
            e.Select(a => $"(x += Sp.Val(new Mon({a})))"),
            e.Select(a => $"(\"\" + ctr + Bump(ctr, {a})).Length"),
            e.Select(a => $"(o2 += \"\" + Bump(ctr, {a})).ToString()!.Length"),
            // an operand that throws: what the expression did before it stays done, nothing after it runs
            e.Select(a => $"Chk({a})"),
            e.Select(a => $"ThrowsAfterPause(log, {a})"),
        };
        return Gen.Frequency((2, Gen.OneOf(leaves)), (5, Gen.OneOf(composite)));
    }

    /// <summary>Stands for a pattern variable's name until <see cref="Unique"/> numbers them apart.</summary>
    private const string Declared = "@v_";

    private static string Unique(string body)
    {
        var i = 0;
        foreach (var (shape, named) in new[] { ($"is var {Declared} && {Declared} > 3 ? {Declared}", "is var v{0} && v{0} > 3 ? v{0}"), ($"out var {Declared}) + {Declared}", "out var v{0}) + v{0}") })
            for (int at; (at = body.IndexOf(shape, StringComparison.Ordinal)) >= 0; i++)
                body = body.Substring(0, at) + string.Format(named, i) + body.Substring(at + shape.Length);
        return body;
    }

    private static Gen<string> Bool(int depth)
    {
        var e = Int(depth);
        var leaves = new[]
        {
            Gen.Select(e, e, Gen.OneOf("<", "==", "!=", ">="), (a, b, op) => $"({a} {op} {b})"),
            e.Select(a => $"({a} is > 2 and < 8)"),
            e.Select(a => $"({a} is 1 or 3)"),
            e.Select(a => $"({a} % 2 == 0)"),
        };
        if (depth == 0) return Gen.OneOf(leaves);
        var c = Bool(depth - 1);
        var composite = new[]
        {
            Gen.Select(c, c, Gen.OneOf("&&", "||", "&", "^"), (a, b, op) => $"({a} {op} {b})"),
            c.Select(a => $"!{a}"),
            c.Select(a => $"Sp.Val({a})"),
        };
        return Gen.Frequency((3, Gen.OneOf(leaves)), (2, Gen.OneOf(composite)));
    }

    private static Gen<string> Statement()
    {
        var e = Int(3);
        var c = Bool(2);
        return Gen.OneOf(
            e.Select(a => $"x = {a};"),
            e.Select(a => $"y += {a};"),
            e.Select(a => $"log.Add(\"s\" + {a});"),
            Gen.Select(e, e, (i, a) => $"arr[I3({i})] = {a};"),
            Gen.Select(c, e, e, (p, a, b) => $"if ({p}) x += {a}; else y -= {b};"),
            Gen.Select(e, e, (a, b) => $"(x, y) = ({a}, {b});"),
            Gen.Select(e, e, e, (i, a, b) => $"(arr[I3({i})], box.Value) = ({a}, {b});"),
            e.Select(a => $"s += {a};"),
            e.Select(a => $"for (var i = 0; i < Ln(log, 2); i++) x += {a};"),
            Gen.Select(c, e, (p, a) => $"for (var w = 0; w < 3 && {p}; w++) x += 1 + ({a} & 1);"),
            // statements around suspending expressions: handlers, loops, guards, using, captures
            Gen.Select(e, e, e, (a, b, d) => $"try {{ x += {a}; }} catch (InvalidOperationException ex) when (ex.Message.Length > Ln(log, y) % 8) {{ y += Ln(log, {b}); }} finally {{ fld += {d}; }}"),
            Gen.Select(e, e, e, (a, b, d) => $"foreach (var q in new[] {{ {a}, {b} }}) x += q + {d};"),
            Gen.Select(e, e, e, (g, a, b) => $"switch ({g} % 3) {{ case 0 when {a} > 2: x += {b}; break; case var w when w > 0: y += {a}; break; default: s += {b}; break; }}"),
            Gen.Select(e, e, (a, b) => $"using (new Res(log, \"r\" + {a})) x += {b};"),
            Gen.Select(e, e, (a, b) => $"{{ var loc = {a}; Func<int> f = () => loc + x; x += {b}; y += f(); }}"),
            Gen.Select(e, e, (a, b) => $"{{ var dw = 0; do {{ x += {a}; }} while (++dw < Ln(log, 2) && {b} > 0); }}"));
    }

    /// <summary>The class R up to its drawn methods but for the line oracle's members (<see cref="Header"/> adds them).</summary>
    private const string HeaderMembers =
        """
        using System;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using GoSharp;
        using GoSharp.Generator.Tests.Execution;

        namespace RandomExpressions;

        public partial class R
        {
            int fld = 10;
            int[] farr = { 4, 5, 6 };
            int Prop { get; set; } = 20;
            static int sfld;
            int Inst(int a) { fld += a; return fld; }

            [Goroutine]
            public int InstCallee(Log log, int v)
            {
                log.Add("inst" + v + "/" + fld);
                Sp.Pause();
                fld += v;
                return fld;
            }

            static int I3(int i) => ((i % 3) + 3) % 3;
            static int Mix(int a, int b, int c) => (a * 7 + b * 3 + c) % 1000;
            static int RefAdd(ref int v, int a) { v += a; return v; }
            static int Two(int a, out int b) { b = a * 2; return a; }
            static int Apply(Func<int, int> f, int a) => f(a);
            static int In(int a, in int v) => a * 10 + v;
            static int Ps(int a) => a + 1;
            static int? Opt(int a) => a % 4 == 3 ? null : a;

            public struct Pt
            {
                public int X;
                public int Add(int a) { X += a; return X; }
            }

            [Goroutine]
            public static int Callee(Log log, int v)
            {
                log.Add("callee" + v);
                Sp.Pause();
                return v * 2;
            }

            public struct Mon
            {
                public static Log? Seen;
                public readonly int V;
                public Mon(int v) => V = v;
                public static implicit operator Mon(int v) { Seen?.Add("mon" + v); return new Mon(v); }
                public static explicit operator Mon(long v) { Seen?.Add("monl" + v); return new Mon((int)v + 1000); }
                public static implicit operator int(Mon m) { Seen?.Add("int" + m.V); return m.V; }
            }

            public sealed class Ctr
            {
                private readonly Log _log;
                public int V;
                public Ctr(Log log, int v) { _log = log; V = v; }
                public override string ToString() { _log.Add("ts" + V); return "c" + V; }
            }

            static int MonAdd(Mon a, Mon b) => a.V * 10 + b.V;
            static int Bump(Ctr c, int a) { c.V += a; return a; }

            static int Chk(int v) => v % 7 == 6 ? throw new InvalidOperationException("chk" + v) : v;

            [Goroutine]
            public static int ThrowsAfterPause(Log log, int v)
            {
                Sp.Pause();
                if (v % 5 == 4) throw new ArgumentException("tap" + v);
                return v + 1;
            }

            [Goroutine]
            public static int Named(Log log, int a, int b, int c = 5)
            {
                log.Add($"named {a} {b} {c}");
                Sp.Pause();
                return a * 100 + b * 10 + c;
            }

            [Goroutine]
            public static int Count(Log log, params int[] items)
            {
                Sp.Pause();
                log.Add("count" + string.Join("/", items));
                return items.Length;
            }

        """;

    /// <summary>
    /// A drawn method: the locals the expressions use (<paramref name="locals"/> adds some), <paramref name="body"/> in a
    /// try that logs what it throws, and a string of the locals' and the instance's state at its end.
    /// </summary>
    private static string Method(string signature, string locals, string body, string tail) =>
        $$"""

                [Goroutine]
                {{signature}}
                {
                    sfld = n * 2;
                    var x = n;
                    var y = 2;
                    var arr = new[] { 1, 2, 3 };
                    var box = new Box { Value = 5, Name = n == 1 ? null : "nm" };
                    int? ni = n % 2 == 0 ? null : 4;
                    var pt = new Pt { X = 1 };
                    var s = "s";
                    Mon.Seen = log;
                    Mon mon = 3;
                    var ctr = new Ctr(log, 1);
                    object o2 = ctr;{{locals}}
                    try
                    {
            {{body}}
                    }
                    catch (Exception e)
                    {
                        log.Add("ex " + e.Message);
                    }
                    return $"{x},{y},{arr[0]},{arr[1]},{arr[2]},{box.Value},{box.Field},{ni},{pt.X},{s},{fld},{Prop},{farr[0]},{farr[1]},{farr[2]},{sfld},{mon.V},{ctr.V},{o2.GetType().Name}"{{tail}};
                }

            """;

    [Fact]
    public void RandomExpressionsBehaveTheSame()
    {
        var batches = 0;
        Gen.Select(Statement().Array[2, 5].Select(a => Unique(string.Join("\n", a))).Array[30], Gen.Int).Sample(drawn =>
        {
            var (bodies, seed) = drawn;
            batches++;
            var texts = bodies.Select((b, i) => LineBreaks(Method($"public string M{i}(Log log, int n)", "", b, ""), seed + i)).ToArray();
            CheckBatch(Header + string.Concat(texts) + "}\n", texts.Length, i => texts[i]);
        }, iter: int.Parse(Environment.GetEnvironmentVariable("GOSHARP_EXPRESSION_ITER") ?? "3"), threads: 1);
        output.WriteLine($"{batches} batches of 30 random methods");
    }
}
