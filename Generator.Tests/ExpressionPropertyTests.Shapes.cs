using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CsCheck;
using GoSharp.Generator.Tests.Execution;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GoSharp.Generator.Tests;

// Statement shapes around the random expressions: goto (forward, backward, out of nested loops, a foreach, a using
// and a catch), goto case and goto default, labels in loops with continue and break beside a try whose finally
// suspends, return from a try/finally in a loop, local functions capturing locals that change across suspensions,
// checked and unchecked contexts around arithmetic that overflows; and the kinds of method they are drawn in: an
// instance method of a class, a generic method (ExpressionPropertyTests.Generics.cs) and a struct's instance method
// (ExpressionPropertyTests.Structs.cs).
public partial class ExpressionPropertyTests
{
    /// <summary>
    /// Stands for a name a shape declares (a label, a local, a local function) until the shape's text is complete;
    /// then it becomes the text's length: a shape nested in another is shorter, so their names differ, and shapes side
    /// by side are each in their own block.
    /// </summary>
    private const string Own = "§";

    private static Gen<string> Named(Gen<string> shape) => shape.Select(t => t.Replace(Own, t.Length.ToString()));

    /// <summary>
    /// A statement shape; <paramref name="leaf"/> draws the plain statements of the method's kind. Without
    /// <paramref name="jumps"/> (a finally block) nothing leaves the shape by goto, break, continue or return.
    /// </summary>
    private static Gen<string> Shape(int depth, bool jumps, Gen<string> leaf)
    {
        var e = Int(1);
        var c = Bool(0);
        var k = K;
        var inner = depth == 0 ? leaf : Gen.Frequency((2, leaf), (1, Shape(depth - 1, jumps, leaf)));
        var innerNoJumps = depth == 0 ? leaf : Gen.Frequency((2, leaf), (1, Shape(depth - 1, false, leaf)));
        var plain = new List<Gen<string>>
        {
            // local functions: they capture locals the method changes across suspension points, are called before
            // and after them, declared after their use, recursive, generic, static, with a ref parameter, as a delegate
            e.Array[3].Select(es => $$"""
                {
                var lc§ = x;
                int Add§(int v) { lc§ += v; y++; return lc§ * 2 + fld; }
                x += Add§({{es[0]}});
                lc§ += {{es[1]}};
                y += Sp.Val(2);
                x += Add§({{es[2]}}) + lc§;
                log.Add("lf" + lc§ + "/" + Add§(1));
                }
                """),
            Gen.Select(e, k, (a, v) => $$"""
                {
                static int Sq§(int v) => v * v % 1000;
                int Fib§(int k) => k < 2 ? k + y % 3 : Fib§(k - 1) + Fib§(k - 2);
                x += Fib§(Sp.Val(x % 6 + {{v % 3}})) + Apply(Sq§, {{a}});
                }
                """),
            e.Array[2].Select(es => $$"""
                {
                var ct§ = 0;
                Inc§(ref x, {{es[0]}});
                Sp.Pause();
                Inc§(ref y, Sp.Val(ct§) + {{es[1]}});
                log.Add(Id§(Sp.Val("i" + x)) + Id§(y) + ct§);
                void Inc§(ref int r, int by) { r += by; ct§++; }
                U Id§<U>(U v) { log.Add("id" + v + ct§); return v; }
                }
                """),
            Gen.Select(e, c, (a, p) => $$"""
                {
                var sm§ = 0;
                int Acc§(int v) => sm§ += v + x % 3;
                for (var la§ = 0; la§ < 3 && {{p}}; la§++)
                {
                x += Acc§(Sp.Val(la§)) + {{a}};
                }
                Func<int> get§ = () => Acc§(0) + sm§;
                Sp.Pause();
                log.Add("acc" + sm§ + "/" + get§());
                }
                """),
            // a foreach variable is readonly: a mutating method of a struct one runs on a copy, across suspension points too
            e.Select(a => $"foreach (var fp§ in new[] {{ new Pt {{ X = x % 10 }}, pt }}) {{ x += fp§.Add(Sp.Val(1)) + fp§.X; y += fp§.Add({a}) + fp§.X; }}"),
            // checked and unchecked around arithmetic that overflows: the context is lexical, so it covers a local
            // function and a lambda declared inside, and not a nested goroutine call's body
            k.Select(v => $"x = unchecked(x * 1000003 + Sp.Val(int.MaxValue - {v})) % 1000;"),
            // compound assignments, increments and conversions in a checked context, their targets spilled around a
            // suspension point: the operation that overflows is still checked
            k.Select(v => $"{{ var ck§ = int.MaxValue - {v % 3}; try {{ checked {{ ck§ += Sp.Val(x % 3); ck§++; x += checked(ck§++ + Sp.Val(0)) % 1000; }} }} catch (OverflowException) {{ log.Add(\"ck\" + ck§); }} }}"),
            k.Select(v => $"checked {{ arr[I3(Sp.Val(x))] += int.MaxValue - {v}; box.Value -= Sp.Val(int.MinValue + {v}); }}"),
            k.Select(v => $"x += checked((short)(x * Sp.Val({v * 4000 + 1}))) + unchecked((short)(x * Sp.Val(40000)));"),
            k.Select(v => $"x += (int)checked((long)Sp.Val(int.MaxValue) * {v} - (int)Sp.Val(3000000000L - x)) % 1000;"),
            e.Select(a => $"checked {{ y += Sp.Val(int.MaxValue - 5) + {a}; }}"),
            Gen.Select(e, k, (a, v) => $$"""
                unchecked
                {
                var u§ = int.MaxValue - {{v}};
                u§ += Sp.Val(x % 7 + 1) * {{a}};
                x = u§ % 1000;
                }
                """),
            e.Select(a => $"checked {{ x = unchecked(int.MaxValue + Sp.Val(x)) % 100 + {a}; }}"),
            k.Select(v => $"checked {{ x += Callee(log, Sp.Val(int.MaxValue / 2 + {v})) % 1000; }}"),
            k.Select(v => $$"""
                checked
                {
                int Mul§(int v) => v * 100000;
                try { x = Mul§(Sp.Val(x + {{v * 3000}})) % 1000; } catch (OverflowException) { log.Add("ov" + x); }
                }
                """),
            k.Select(v => $$"""
                {
                var b§ = (byte)(250 + {{v}} % 3);
                try { checked { b§ += (byte)Sp.Val(x % 5 + 1); b§ += (byte)Sp.Val(3); } } catch (OverflowException) { log.Add("bo" + b§); }
                x += b§;
                }
                """),
            e.Select(a => $$"""
                checked
                {
                long l§ = {{a}};
                l§ *= Sp.Val(int.MaxValue);
                x = (int)(l§ % 1000) + (int)Sp.Val(l§ / int.MaxValue);
                }
                """),
            k.Select(v => $$"""
                checked
                {
                Func<int, int> f§ = v => v * 65536;
                x += Sp.Val(1);
                try { x = f§(Sp.Val(x * {{v * 10000 + 1}})) % 1000; } catch (OverflowException) { log.Add("lo" + x); }
                }
                """),
            e.Select(a => $"x = checked(-Sp.Val(x % 3 == 0 ? int.MinValue : {a})) % 1000;"),
            k.Select(v => $$"""
                {
                var cx§ = int.MaxValue - {{v}};
                checked { for (var ci§ = 0; ci§ < 3; ci§++) { cx§ += Sp.Val(ci§ + 3 - x % 4); cx§--; } }
                x = cx§ % 1000;
                }
                """),
        };
        // goto shapes jump only inside themselves: they may be drawn in a finally block too
        var gotos = new[]
        {
            // a backward goto, bounded by a counter
            Gen.Select(e, c, inner, (a, p, s) => $$"""
                {
                var g§ = 0;
                top§:
                x += {{a}};
                {{s}}
                if (++g§ < 3 && {{p}}) goto top§;
                }
                """),
            // a forward goto over statements
            Gen.Select(c, e.Array[2], inner, (p, es, s) => $$"""
                {
                if ({{p}}) goto skip§;
                {{s}}
                y += {{es[0]}};
                skip§:
                log.Add("sk" + {{es[1]}});
                }
                """),
            // goto case and goto default, bounded by a counter
            e.Array[5].Select(es => $$"""
                {
                var gc§ = 0;
                switch ({{es[0]}} % 3)
                {
                case 0:
                x += {{es[1]}};
                goto case 2;
                case 1:
                y += {{es[2]}};
                if (++gc§ < 3) goto default;
                break;
                case 2:
                s += {{es[3]}};
                if (++gc§ < 2) goto case 1;
                break;
                default:
                log.Add("def" + {{es[4]}});
                if (++gc§ < 4) goto case 0;
                break;
                }
                }
                """),
            // a label in a loop, continue, break and a goto back leaving a try whose finally suspends
            Gen.Select(e.Array[3], c, k, inner, (es, p, v, s) => $$"""
                {
                var lp§ = 0;
                for (var li§ = 0; li§ < 3; li§++)
                {
                again§:
                try
                {
                x += {{es[0]}};
                if ({{p}}) continue;
                if (x % 5 == {{v % 5}}) break;
                if (++lp§ < 3 && x % 3 == {{v % 3}}) goto again§;
                {{s}}
                }
                finally
                {
                fld += Sp.Val(li§);
                log.Add("fin" + x + "/" + {{es[1]}});
                }
                y += {{es[2]}};
                }
                }
                """),
            // a labelled break out of nested loops (and out of a foreach, whose enumerator is disposed) and a
            // labelled continue of the outer loop, both by goto
            Gen.Select(e.Array[2], c, k, inner, (es, p, v, s) => $$"""
                {
                foreach (var oa§ in Seqs.Count(log, 3))
                {
                for (var ob§ = 0; ob§ < 3; ob§++)
                {
                x += {{es[0]}} + oa§;
                if ({{p}}) goto out§;
                if (x % 4 == {{v % 4}}) goto next§;
                {{s}}
                }
                next§:
                y += {{es[1]}};
                }
                out§:
                log.Add("out" + x);
                }
                """),
            // goto back out of a using and out of a catch, through a finally that suspends
            Gen.Select(e, c, k, (a, p, v) => $$"""
                {
                var gt§ = 0;
                retry§:
                try
                {
                using (new Res(log, "u" + gt§))
                {
                x += {{a}};
                if (++gt§ < 3 && {{p}}) goto retry§;
                if (x % 3 == {{v % 3}}) throw new InvalidOperationException("g" + x);
                }
                }
                catch (InvalidOperationException ex§)
                {
                int Len§() => ex§.Message.Length + x;
                log.Add(ex§.Message + Sp.Val(x) + Len§());
                x += Sp.Val(1) + Len§();
                if (++gt§ < 3) goto retry§;
                }
                finally
                {
                Sp.Pause();
                log.Add("gf" + gt§);
                }
                }
                """),
            // a goto back, and a goto forward, out of two nested try blocks whose finally blocks suspend
            Gen.Select(e.Array[3], c, k, inner, (es, p, v, s) => $$"""
                {
                var nt§ = 0;
                again§:
                try
                {
                try
                {
                x += {{es[0]}};
                if (++nt§ < 3 && {{p}}) goto again§;
                if (x % 3 == {{v % 3}}) goto out§;
                {{s}}
                }
                finally
                {
                log.Add("in" + Sp.Val(x) + {{es[1]}});
                }
                }
                finally
                {
                Sp.Pause();
                y += {{es[2]}};
                log.Add("outer" + x + "," + y);
                }
                out§:
                log.Add("nt" + nt§);
                }
                """),
            // a while (true) left by goto, a label before a do loop, a goto out of a switch section after a guarded case
            Gen.Select(e.Array[3], c, inner, (es, p, s) => $$"""
                {
                var wt§ = 0;
                while (true)
                {
                if (++wt§ > 3) goto done§;
                x += {{es[0]}};
                if ({{p}}) continue;
                {{s}}
                }
                done§:
                log.Add("wt" + wt§);
                var dd§ = 0;
                redo§:
                do { y += {{es[1]}}; } while (++dd§ % 2 == 1);
                if (dd§ < 4) goto redo§;
                switch ({{es[2]}} % 4)
                {
                case 0:
                case 1 when Sp.Val(x) % 2 == 0:
                x += Sp.Val(1);
                goto case 3;
                case 3:
                if (Sp.Val(y) % 2 == 0) goto sw§;
                y++;
                break;
                default:
                log.Add("swd" + x);
                goto case 3;
                }
                sw§:
                log.Add("sw" + x + "," + y);
                }
                """),
        };
        var all = plain.Concat(gotos);
        if (jumps)
            all = all.Concat(new[] {
            // return from a try/finally in a loop: the value is computed before the finally changes what it read
            Gen.Select(e, c, inner, innerNoJumps, (a, p, s, f) => $$"""
                for (var rt§ = 0; rt§ < 3; rt§++)
                {
                try
                {
                x += {{a}};
                if ({{p}}) return "r" + rt§ + ":" + Sp.Val(x) + "," + y;
                {{s}}
                }
                finally
                {
                y += Sp.Val(rt§ + 1);
                {{f}}
                log.Add("rf" + x + "," + y);
                }
                }
                """),
            // ... from a foreach (whose enumerator is disposed after the finally), a using and a catch
            Gen.Select(e, c, k, inner, (a, p, v, s) => $$"""
                foreach (var rq§ in Seqs.Count(log, 3))
                {
                using (new Res(log, "rr" + rq§))
                {
                try
                {
                x += {{a}} + rq§;
                if (x % 4 == {{v % 4}}) throw new InvalidOperationException("rq" + x);
                {{s}}
                }
                catch (InvalidOperationException ex§) when (ex§.Message.Length > 3)
                {
                if ({{p}}) return ex§.Message + Sp.Val(y);
                y += Sp.Val(1);
                }
                finally
                {
                Sp.Pause();
                log.Add("rqf" + x);
                }
                }
                }
                """) });
        return Gen.OneOf(all.Select(Named).ToArray());
    }

    /// <summary>A body of the method kinds here: shapes, and the plain statements <paramref name="leaf"/> draws.</summary>
    private static Gen<string> ShapeBody(Gen<string> leaf) =>
        Gen.Frequency((3, Shape(1, jumps: true, leaf)), (1, leaf)).Array[2, 4].Select(a => Unique(string.Join("\n", a)));

    /// <summary>One drawn method: its members given its number (the <c>M{i}</c> the harness calls among them).</summary>
    private static Gen<Func<int, string>> ShapeMethod() => Gen.Frequency(
        (3, ShapeBody(Statement()).Select(b => (Func<int, string>)(i => Method($"public string M{i}(Log log, int n)", "", b, "")))),
        (2, GenericMethod()),
        (2, StructMethod()));

    [Fact]
    public void RandomShapesBehaveTheSame()
    {
        var batches = 0;
        var compiling = TimeSpan.Zero;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Gen.Select(ShapeMethod().Array[30], Gen.Int).Sample(drawn =>
        {
            var (methods, seed) = drawn;
            batches++;
            var texts = methods.Select((m, i) => LineBreaks(m(i), seed + i)).ToArray();
            compiling += CheckBatch(Header + string.Concat(texts) + ShapeMembers + "}\n", texts.Length, i => texts[i]);
        }, iter: int.Parse(Environment.GetEnvironmentVariable("GOSHARP_EXPRESSION_ITER") ?? "1"), threads: 1);
        output.WriteLine($"{batches} batches of 30 random methods, {clock.Elapsed.TotalSeconds:F1} s ({compiling.TotalSeconds:F1} s generating and compiling)");
    }

    private static readonly (int Procs, bool Trampoline)[] Configurations = { (1, false), (2, false), (4, false), (2, true) };

    /// <summary>
    /// Compiles <paramref name="source"/> once with the generator, then runs each <c>M{i}</c> of its class R with
    /// n = 0, 1, 3 as a plain call and as a goroutine on 1, 2 and 4 Ps and with every nested goroutine call
    /// trampolined; the results and the logs must be the same.
    /// </summary>
    private static TimeSpan CheckBatch(string source, int count, Func<int, string> describe)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        return CheckBatch(GeneratorHarness.Run(new[] { ("RandomExpressions.cs", source) }, extraReferences: new[] { MetadataReference.CreateFromFile(typeof(Log).Assembly.Location) }), source, count, describe, clock);
    }

    /// <summary>CheckBatch over the generator's <paramref name="result"/> for <paramref name="source"/>, already run.</summary>
    private static TimeSpan CheckBatch(GeneratorHarness.Result result, string source, int count, Func<int, string> describe, System.Diagnostics.Stopwatch clock)
    {
        var errors = result.Diagnostics.Concat(result.CompileDiagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) throw new Exception(string.Join("\n", errors.Take(5)) + "\n" + source);
        var type = GeneratorHarness.Load(result.Output).GetType("RandomExpressions.R")!;
        var compiled = clock.Elapsed;
        var inputs = new[] { 0, 1, 3 };
        var plain = new (string Outcome, string Log)[count, inputs.Length];
        for (var i = 0; i < count; i++)
            for (var j = 0; j < inputs.Length; j++)
            {
                var log = new Log();
                var outcome = PropertyTests.Outcome(() => type.GetMethod("M" + i)!.Invoke(Activator.CreateInstance(type), new object[] { log, inputs[j] }));
                plain[i, j] = (outcome, log.ToString());
            }
        foreach (var (procs, trampoline) in Configurations)
        {
            var options = new GoRuntimeOptions { MaxProcs = procs };
            typeof(GoRuntimeOptions).GetProperty("TrampolineEveryCall", BindingFlags.Instance | BindingFlags.NonPublic)!.SetValue(options, trampoline);
            using var rt = new GoRuntime(options);
            for (var i = 0; i < count; i++)
                for (var j = 0; j < inputs.Length; j++)
                {
                    var log = new Log();
                    string go;
                    using (rt.Enter())
                        go = PropertyTests.Outcome(() => ((Goroutine<string>)type.GetMethod("GoM" + i)!.Invoke(Activator.CreateInstance(type), new object[] { log, inputs[j] })!).Join());
                    if (plain[i, j].Outcome != go || plain[i, j].Log != log.ToString())
                        throw new Exception($"M{i}, n = {inputs[j]}, {procs} Ps{(trampoline ? ", trampolined" : "")}: plain {plain[i, j].Outcome} [{plain[i, j].Log}] vs goroutine {go} [{log}]\n{describe(i)}");
                }
        }
        return compiled;
    }
}
