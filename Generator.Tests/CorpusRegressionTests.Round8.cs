using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>Shapes the corpus oracle's eighth round of new codebases found (docs/corpus.md).</summary>
public partial class CorpusRegressionTests
{
    [Fact]
    public void Loops_in_the_scope_of_a_pointer_local_stay_plain_code()
    {
        // Konscious.Security.Cryptography's Blake2bSimd.Compress, an `unsafe override`: `ulong* v = stackalloc
        // ulong[16];` then loops over v. A loop's back-edge is a preemption state, so the frame hoisted v into a
        // field and wrote `_l0_v = stackalloc ulong[16];`, which C# refuses (CS8346 in generated code: stackalloc
        // converts to a pointer only as a declaration's initializer), and any pointer into Resume's stack kept
        // across a state would point into a frame that is gone. A pointer can only live in an unsafe context,
        // where a real suspension point is refused (GOSH0006), so only these states were in the way: a loop (or a
        // goto loop) in a pointer local's scope stays plain code, preempted by handing the P off, as it does
        // beside a span.
        var r = GeneratorHarness.Run("""
            using GoSharp;
            public static unsafe partial class P
            {
                [Goroutine] public static int Sum(int n)
                {
                    int* p = stackalloc int[4];
                    for (int i = 0; i < 4; i++) p[i] = i * n;
                    int s = 0;
                    for (int* q = p; q < p + 4; q++) s += *q;
                    return s;
                }
                [Goroutine] public static int AfterALoop(int n)
                {
                    int t = 0;
                    for (int i = 0; i < n; i++) t += i;
                    long* p = stackalloc long[2];
                    p[0] = t; p[1] = n;
                    int j = 0;
                    L: t += (int)p[j];
                    if (++j < 2) goto L;
                    return t;
                }
                [Goroutine] public static int Pinned(int[] a)
                {
                    int s = 0;
                    fixed (int* p = a) { int* e = p + a.Length; for (int* q = p; q < e; q++) s += *q; }
                    for (int k = 0; k < 2; k++) s++;
                    return s;
                }
            }
            """, allowUnsafe: true);
        Assert.Empty(r.Diagnostics);
        Assert.Empty(r.CompileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        var frame = r.Run.Results.SelectMany(x => x.GeneratedSources).Single(s => s.HintName.Contains("Sum")).SourceText.ToString();
        Assert.Contains("int* p = stackalloc int[4];", frame);
        Assert.Contains("__g.PreemptPlainCode()", frame);
        var type = GeneratorHarness.Load(r.Output).GetType("P")!;
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        using (rt.Enter())
        {
            Assert.Equal(18, ((Goroutine<int>)type.GetMethod("GoSum")!.Invoke(null, new object[] { 3 })!).Join());
            Assert.Equal(16, ((Goroutine<int>)type.GetMethod("GoAfterALoop")!.Invoke(null, new object[] { 4 })!).Join());
            Assert.Equal(8, ((Goroutine<int>)type.GetMethod("GoPinned")!.Invoke(null, new object[] { new[] { 1, 2, 3 } })!).Join());
        }
    }
}
