using System;
using System.Linq;
using System.Reflection;
using CsCheck;
using GoSharp.Generator.Tests.Execution;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace GoSharp.Generator.Tests;

/// <summary>
/// CsCheck generates random [Goroutine] methods (loops, branches, try/catch/finally, break/continue/return,
/// suspension points in statements and expressions, compound assignments with binary right sides on locals,
/// properties, fields and elements, deconstructions, filters that read state an inner finally changes (also a suspended callee's), named
/// arguments out of order (also written checked(...)), keyword names inferred into tuples and anonymous types, nullable
/// params arrays, block-scoped and per-iteration captures, struct receivers, a struct's [Goroutine] method
/// that only reads the instance, a foreach over a span whose collection suspends, a method type parameter named
/// like its type's); each batch is compiled in memory with the generator and
/// every method runs as a plain call and as a goroutine; results and logs must match.
/// </summary>
public class PropertyTests(ITestOutputHelper output)
{
    private static Gen<string> Block(int depth, bool inLoop, bool inFinally) =>
        Stmt(depth, inLoop, inFinally).Array[1, 3].Select(a => "{\n" + string.Join("\n", a) + "\n}");

    private static Gen<string> Stmt(int depth, bool inLoop, bool inFinally)
    {
        var k = Gen.Int[0, 9];
        var simple = new[]
        {
            k.Select(v => $"log.Add(\"a{v}\");"),
            Gen.Const("Sp.Pause();"),
            k.Select(v => $"x += Sp.Val({v});"),
            k.Select(v => $"x = (x * 3 + {v}) % 1000;"),
            k.Select(v => $"log.Add(\"v\" + Sp.Val(x + {v}));"),
            k.Select(v => $"x = Mix(log.L(\"p\", x), Sp.Val({v}), log.L(\"q\", {v}));"),
            k.Select(v => $"if (x % 4 == {v % 4} && Sp.Val(x) > {v}) log.Add(\"and{v}\");"),
            k.Select(v => $"x += (x % 2 == 0 ? Sp.Val({v}) : {v + 1});"),
            k.Select(v => $"x += Sp.Fast({v});"),
            k.Select(v => $"if (x % 7 == {v % 7}) x += Callee(log, {v});"),
            k.Select(v => $"if (x % 13 == {v}) x += MaybeThrow(log, x);"),
            k.Select(v => $"x = x > {v * 20} ? Sp.Val(x - 1) : log.L(\"c\", x + {v});"),
            k.Select(v => $"log.Add($\"i{{x}}:{{Sp.Val(x % 10)}}:{v}\");"),
            k.Select(v => $"x += Sp.Val(x % 2 == 0 ? null : \"ab\")?.Length ?? {v};"),
            k.Select(v => $"{{\nusing var r = new Res(log, \"r{v}\");\nx += Sp.Val({v});\n}}"),
            k.Select(v => $"x += (x % 3) switch {{ 0 => Sp.Val({v}), 1 when Sp.Val(x) > {v * 10} => log.L(\"sw\", 2), var q => q + Sp.Fast(1) }};"),
            // compound assignments whose right side is a binary expression with a suspension point (one operand)
            k.Select(v => $"x -= {v} - Sp.Val(x % 5);"),
            k.Select(v => $"x *= 1 + Sp.Val({v}) % 3;\nx %= 1000;"),
            k.Select(v => $"x <<= Sp.Val({v}) % 3 + 1;\nx %= 1000;"),
            k.Select(v => $"{{\nvar s = \"s\";\ns += {v} + Sp.Val(x % 10);\nlog.Add(s);\n}}"),
            k.Select(v => $"{{\nvar a = new int[2];\na[log.L(\"ci\", x % 2)] += {v} * Sp.Val(2);\nx += a[0] + a[1];\n}}"),
            // deconstructions: targets' indices first, then the right side
            k.Select(v => $"{{\nvar a = new[] {{ x, {v}, 2 }};\n(a[log.L(\"i\", 0)], a[Sp.Val(1)]) = (Sp.Val(a[2]), log.L(\"d\", x));\nx += a[0] * 10 + a[1];\n}}"),
            k.Select(v => $"{{\nint p, q;\n(p, q) = (Sp.Val(x % 10), log.L(\"q\", {v}));\nx += p - q;\n}}"),
            k.Select(v => $"{{\nvar bx = new Box {{ Value = x }};\n(bx.Value, bx.Name) = (log.L(\"dv\", {v}) + Sp.Val(x % 3), Sp.Val(\"n\") + x);\nx += bx.Value + bx.Name.Length;\n}}"),
            // compound assignments on properties, fields and indexers; ??= on a string
            k.Select(v => $"{{\nvar bx = new Box {{ Value = x, Field = {v} }};\nbx.Value -= {v} * Sp.Val(2) + log.L(\"cb\", 1);\nbx.Field *= bx.Value % 7 + Sp.Val(1);\nx = (bx.Value + bx.Field) % 1000;\n}}"),
            k.Select(v => $"{{\nstring? sn = x % 2 == 0 ? null : \"odd\";\nsn ??= \"e\" + Sp.Val({v});\nsn += Sp.Val(x % 10) + {v};\nlog.Add(sn);\n}}"),
            // named arguments out of parameter order, to a nested goroutine call and to a plain call
            k.Select(v => $"x = Named(log, c: log.L(\"nc\", x % 7), a: Sp.Val({v}), b: log.L(\"nb\", x % 3)) % 1000;"),
            k.Select(v => $"x = Mix(c: Sp.Val({v}), b: log.L(\"mb\", x), a: Sp.Val(x % 10));"),
            // ... and written checked(...)/unchecked(...), which Roslyn gives the syntax inside (corpus: Jint)
            k.Select(v => $"x = Named(log, c: unchecked(log.L(\"uc\", x % 7) * 3), a: checked(log.L(\"ua\", {v}) + 1), b: Sp.Fast(x % 3)) % 1000;"),
            // keyword names inferred into a tuple and an anonymous type (corpus: Rx.NET's (action, @delegate, state))
            k.Select(v => $"{{\nvar @delegate = x % 10;\nvar @class = Sp.Val({v});\nvar kt = (@delegate, @class);\nvar ka = new {{ @delegate, @class }};\nSp.Pause();\nx += kt.@delegate + kt.@class + ka.@delegate + Sp.Val(ka).@class;\n}}"),
            // a nullable array local with an initializer and a params array of a nullable array type (corpus: NUnit)
            k.Select(v => $"{{\nstring?[]? na = {{ \"n\", Sp.Val(x % 2 == 0 ? null : \"m\") }};\nx += Count(log, na[1], Sp.Val({v})) + na.Length;\n}}"),
            // block-scoped captures: the closures run when the method ends (in its finally), each with its own variable
            k.Select(v => $"{{\nvar cp = x + {v};\nvar cs = \"s\" + {v};\nacts.Add(() => log.Add(\"cp\" + cp + cs));\nSp.Pause();\ncp += Sp.Val(1);\n}}"),
            k.Select(v => $"{{\nvar cq = x * {v};\nacts.Add(() => log.Add(\"cq\" + cq));\n}}"),
            // struct receivers: a method called on a struct variable changes the variable, also around suspensions
            // a struct's [Goroutine] method that is not readonly and only reads the instance (it runs on a copy)
            k.Select(v => $"{{\nvar rp = new Rp {{ A = x % 10, Arr = new int[1] }};\nx += rp.Read(log, Sp.Val({v}));\nx += rp.Arr[0] + rp.A;\n}}"),
            // a foreach over a span whose collection suspends (lowered first, then the loop as plain code)
            k.Select(v => $"{{\nvar sp = new[] {{ x % 10, {v} }};\nforeach (ref var sv in Sp.Val(sp).AsSpan(Sp.Val({v} % 2)))\n{{\nsv += 1;\nx += sv;\n}}\nx += sp[0];\n}}"),
            // a method type parameter named like its type's (CS0693)
            k.Select(v => $"x += new Gb<int>(x % 10).Show(log, Sp.Val(\"g{v}\")).Length;"),
            k.Select(v => $"{{\nvar sc = new Counter2();\nsc.Add(Sp.Val({v}));\nsc.Add(x % 5, Sp.Val(2));\nvar sa = new Counter2[2];\nsa[log.L(\"si\", x % 2)].Add(Sp.Val({v} + 1));\nx += sc.Total + sa[0].Total * 3 + sa[1].Total;\n}}"),
        }.ToList();
        if (inLoop && !inFinally)
        {
            simple.Add(k.Select(v => $"if (x % 5 == {v % 5}) break;"));
            simple.Add(k.Select(v => $"if (x % 3 == {v % 3}) continue;"));
        }
        if (!inFinally)
        {
            simple.Add(k.Select(v => $"if (x > {200 + v * 50}) return x;"));
            simple.Add(k.Select(v => $"if (x % 11 == {v}) throw new InvalidOperationException(\"t{v}\");"));
        }
        if (depth == 0) return Gen.OneOf(simple.ToArray());
        var d = depth - 1;
        var compound = new[]
        {
            Gen.Select(k, Block(d, inLoop, inFinally), Block(d, inLoop, inFinally), (v, a, b) => $"if ((x + {v}) % 3 == 0)\n{a}\nelse\n{b}"),
            Gen.Select(k, Block(d, true, inFinally), (v, b) => $"for (var i{depth} = 0; i{depth} < {v % 3 + 1}; i{depth}++)\n{b}"),
            Gen.Select(k, Block(d, true, inFinally), (v, b) => $"{{\nvar w{depth} = 0;\nwhile (w{depth} < {v % 3 + 1})\n{{\nw{depth}++;\n{b}\n}}\n}}"),
            Gen.Select(Block(d, true, inFinally), b => $"foreach (var e{depth} in new[] {{ 1, 2 }})\n{{\nx += e{depth};\n{b}\n}}"),
            Gen.Select(k, Block(d, true, inFinally), (v, b) => $"{{\nvar dw{depth} = 0;\ndo\n{{\ndw{depth}++;\n{b}\n}}\nwhile (dw{depth} < {v % 2 + 1});\n}}"),
            Gen.Select(Block(d, true, inFinally), b => $"foreach (var s{depth} in Seqs.Count(log, 2))\n{{\nx += s{depth};\n{b}\n}}"),
            Gen.Select(Block(d, inLoop, inFinally), Block(d, inLoop, true), (a, b) => $"try\n{a}\nfinally\n{b}"),
            Gen.Select(k, Block(d, inLoop, inFinally), Block(d, inLoop, inFinally), (v, a, b) =>
                $"try\n{{\n{a}\nif (x % 2 == {v % 2}) throw new InvalidOperationException(\"c{v}\");\n}}\ncatch (InvalidOperationException ex{depth}) when (ex{depth}.Message != \"never\")\n{{\nlog.Add(ex{depth}.Message);\n{b}\n}}"),
            // a filter that reads state an inner finally changes: it runs before that finally (first pass)
            Gen.Select(k, Block(d, inLoop, inFinally), Block(d, inLoop, true), (v, a, b) =>
                $"try\n{{\ntry\n{{\n{a}\nif (x % 2 == {v % 2}) throw new InvalidOperationException(\"f{v}\");\n}}\nfinally\n{{\n{b}\nx += 1;\nlog.Add(\"fin\" + x);\n}}\n}}\n" +
                $"catch (InvalidOperationException fx{depth}) when (log.L(\"flt\" + fx{depth}.Message, (x + {v}) % 3 != 0))\n{{\nlog.Add(\"caught\" + x);\n}}"),
            // a filter around a nested goroutine call that suspends, then throws: the filter runs before the callee's
            // finally (which changes what it reads), in the first pass across frames
            Gen.Select(k, Block(d, inLoop, inFinally), (v, a) =>
                $"{{\nvar fb{depth} = new Box();\ntry\n{{\n{a}\nx += ThrowAfterFinally(log, fb{depth}, x + {v});\n}}\n" +
                $"catch (InvalidOperationException xe{depth}) when (log.L(\"xflt\" + xe{depth}.Message, fb{depth}.Value + x % 2) < 2)\n{{\nlog.Add(\"xcaught\" + fb{depth}.Value);\n}}\n}}"),
            Gen.Select(k, Block(d, inLoop, inFinally), (v, a) => $"switch (x % 3)\n{{\ncase {v % 3}:\n{a}\nbreak;\ncase var m when m > 0:\nx += Sp.Val(m);\nbreak;\ndefault:\nbreak;\n}}"),
            Gen.Select(k, Block(d, inLoop, inFinally), (v, a) => $"switch (x % 4)\n{{\ncase var m{depth} when Sp.Val(m{depth}) == {v % 4}:\n{a}\nbreak;\ncase 2:\nx += 2;\nbreak;\ndefault:\nx += Sp.Val(1);\nbreak;\n}}"),
        };
        return Gen.Frequency((3, Gen.OneOf(simple.ToArray())), (2, Gen.OneOf(compound)));
    }

    private static string Program(string[] bodies) =>
        """
        using System;
        using GoSharp;
        using GoSharp.Generator.Tests.Execution;

        namespace Random;

        public static partial class R
        {
            static int Mix(int a, int b, int c) => (a * 7 + b * 3 + c) % 1000;

            [Goroutine]
            public static int Count(Log log, params object?[]? items)
            {
                Sp.Pause();
                log.Add("count" + (items?.Length ?? -1));
                return items?.Length ?? 0;
            }

            [Goroutine]
            public static int MaybeThrow(Log log, int v)
            {
                Sp.Pause();
                if (v % 2 == 0) throw new InvalidOperationException("callee" + v);
                return 1;
            }

            [Goroutine]
            public static int ThrowAfterFinally(Log log, Box b, int v)
            {
                try
                {
                    Sp.Pause();
                    if (v % 2 == 0) throw new InvalidOperationException("tf" + v);
                    return 1;
                }
                finally
                {
                    b.Value += 1;
                    log.Add("tf fin" + b.Value);
                }
            }

            [Goroutine]
            public static int Named(Log log, int a, int b, int c = 5)
            {
                log.Add($"named {a} {b} {c}");
                Sp.Pause();
                return a * 100 + b * 10 + c;
            }

            public partial struct Rp
            {
                public int A;
                public int[] Arr;
                private int Twice() => A * 2;

                [Goroutine]
                public int Read(Log log, int k)
                {
                    var a = A;
                    Sp.Pause();
                    Arr[0] += k;
                    log.Add("rp" + a + Twice());
                    return a + Twice() + Arr[0];
                }
            }

            #pragma warning disable CS0693
            public partial class Gb<T>
            {
                private readonly T _v;
                public Gb(T v) => _v = v;

                [Goroutine]
                public string Show<T>(Log log, T y)
                {
                    var v = _v;
                    Sp.Pause();
                    log.Add("gb" + v + y + typeof(T).Name);
                    return v + ":" + y;
                }
            }
            #pragma warning restore CS0693

            [Goroutine]
            public static int Callee(Log log, int v)
            {
                log.Add("callee" + v);
                Sp.Pause();
                return v * 2;
            }

        """ + string.Concat(bodies.Select((b, i) => $"\n    [Goroutine]\n    public static int M{i}(Log log)\n    {{\n        var x = 1;\n        var acts = new System.Collections.Generic.List<Action>();\n        try\n        {{\n{b}\n        }}\n        finally\n        {{\n            foreach (var act in acts) act();\n        }}\n        return x;\n    }}\n")) + "}\n";

    [Fact]
    public void RandomProgramsBehaveTheSame()
    {
        var batches = 0;
        Block(3, false, false).Array[25].Sample(bodies =>
        {
            batches++;
            var source = Program(bodies);
            var result = GeneratorHarness.Run(new[] { ("Random.cs", source) }, extraReferences: new[] { MetadataReference.CreateFromFile(typeof(Log).Assembly.Location) });
            var errors = result.Diagnostics.Concat(result.CompileDiagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0) throw new Exception(string.Join("\n", errors.Take(5)) + "\n" + source);
            var asm = GeneratorHarness.Load(result.Output);
            var type = asm.GetType("Random.R")!;
            using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2 });
            for (var i = 0; i < bodies.Length; i++)
            {
                var plainLog = new Log();
                var plain = Outcome(() => type.GetMethod("M" + i)!.Invoke(null, new object[] { plainLog }));
                var goLog = new Log();
                string go;
                using (rt.Enter())
                {
                    go = Outcome(() =>
                    {
                        var h = (Goroutine<int>)type.GetMethod("GoM" + i)!.Invoke(null, new object[] { goLog })!;
                        return h.Join();
                    });
                }
                if (plain != go || plainLog.ToString() != goLog.ToString())
                    throw new Exception($"M{i}: plain {plain} [{plainLog}] vs goroutine {go} [{goLog}]\n{bodies[i]}");
            }
        }, iter: int.Parse(Environment.GetEnvironmentVariable("GOSHARP_PROPERTY_ITER") ?? "4"), threads: 1);
        output.WriteLine($"{batches} batches of 25 random methods");
    }

    internal static string Outcome(Func<object?> run)
    {
        try { return "value " + run(); }
        catch (TargetInvocationException e) when (e.InnerException is not null) { return "throws " + e.InnerException.Message; }
        catch (Exception e) { return "throws " + e.Message; }
    }
}
