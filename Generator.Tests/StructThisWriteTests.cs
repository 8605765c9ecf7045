using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// GOSH0014: an instance [Goroutine] method of a struct that is not readonly is accepted when its body never writes
/// to the instance (its frame's copy then computes what the caller's variable would), and refused at the first
/// place that may write, for every way C# writes to a variable without copying it.
/// </summary>
public class StructThisWriteTests
{
    private const string Prelude = """
        using System;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using GoSharp;

        public struct Inner { public int V; public void Set(int v) => V = v; public readonly int Get() => V; }
        public interface IBump { void Bump(); }
        [InlineArray(4)] public struct Four { private int _e; }
        public struct StructBag { int _n; public System.Collections.Generic.IEnumerator<int> GetEnumerator() { _n++; yield return _n; } }

        """;

    [Theory]
    [InlineData("[|N = 3|];")]
    [InlineData("[|N += 3|];")]
    [InlineData("[|N ??= 3|];", "int? N")]
    [InlineData("[|N++|];")]
    [InlineData("[|--N|];")]
    [InlineData("[|this = default|];")]
    [InlineData("[|this.N = 1|];")]
    [InlineData("[|(N, M) = (1, 2)|];")]
    [InlineData("[|(N, (M, N)) = (1, (2, 3))|];")]
    [InlineData("Interlocked.Increment([|ref N|]);")]
    [InlineData("int.TryParse(\"1\", [|out N|]);")]
    [InlineData("ref int r [|= ref N|]; r = 1;")]
    [InlineData("[|Bump()|];")]
    [InlineData("[|this.Bump()|];")]
    [InlineData("[|Indirect()|];")]
    [InlineData("[|Setter = 4|];")]
    [InlineData("[|Setter++|];")]
    [InlineData("[|this[0] = 4|];")]
    [InlineData("[|In.V = 4|];")]
    [InlineData("[|In.Set(4)|];")]
    [InlineData("[|Gen.Bump()|];")]
    [InlineData("[|Changed += (s, e) => { }|];")]
    [InlineData("Unsafe.AsRef([|in this|]).N = 1;")]
    [InlineData("ref int r = ref Unsafe.As<S<T>, int>(ref Unsafe.AsRef([|in this|])); r = 1;")]
    [InlineData("ref int r = ref Unsafe.As<S<T>, int>(ref Unsafe.AsRef([|in this|])); Unsafe.Add(ref r, 1) = 2;")]
    [InlineData("ref int r = ref Unsafe.As<S<T>, int>(ref Unsafe.AsRef([|in this|])); Interlocked.Increment(ref r);")]
    [InlineData("ref int r = ref Unsafe.As<S<T>, int>(ref Unsafe.AsRef([|in this|])); r++;")]
    [InlineData("ref int r = ref Unsafe.NullRef<int>(); r = ref Unsafe.As<S<T>, int>(ref Unsafe.AsRef([|in this|])); r += 2;")]
    [InlineData("ref int r = ref Unsafe.As<S<T>, int>(ref Unsafe.AsRef([|in this|])); r = ref Unsafe.Add(ref r, 1); r = 2;")]
    [InlineData("Span<int> s = [|Arr4|]; s[0] = 1;")]
    [InlineData("[|Opaque()|];")]
    [InlineData("foreach (var v in [|Bag|]) M += v;")]
    public void A_write_to_the_instance_is_refused_where_it_is(string statement, string nField = "int N")
    {
        var text = Prelude + "public partial struct S<T> where T : IBump\n{\n    public " + nField + "; public int M; public Inner In; public T Gen; public Four Arr4; public StructBag Bag;\n"
            + "    public int Setter { get => M; set => M = value; }\n"
            + "    public int this[int i] { get => M; set => M = value; }\n"
            + "    public event EventHandler? Changed;\n"
            + "    void Bump() => M++;\n"
            + "    void Indirect() { if (M > 0) Bump(); }\n"
            + "    public partial void Opaque();\n"
            + "    [Goroutine] public int Run() { Go.Yield(); " + statement + " return M; }\n}\n"
            + "public partial struct S<T> { public partial void Opaque() { M = 9; } }\n";
        var start = text.IndexOf("[|", System.StringComparison.Ordinal);
        var end = text.IndexOf("|]", System.StringComparison.Ordinal) - 2;
        var result = GeneratorHarness.Run(text.Replace("[|", "").Replace("|]", ""));
        var gosh14 = result.AnalyzerDiagnostics.Where(d => d.Id == "GOSH0014").ToList();
        Assert.True(gosh14.Count == 1, statement + ": " + string.Join("; ", result.Diagnostics));
        Assert.Equal(TextSpan.FromBounds(start, end), gosh14[0].Location.SourceSpan);
        // The refused method still has a frame (one that throws), so every caller's code compiles.
        Assert.DoesNotContain(result.CompileDiagnostics, d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs") == true);
    }

    [Fact]
    public void A_readonly_struct_method_writing_through_Unsafe_AsRef_is_refused()
    {
        const string marked = "public readonly partial struct R\n{\n    public readonly int N;\n    public R(int n) => N = n;\n"
            + "    [Goroutine] public void Load(int n) { Go.Yield(); Unsafe.AsRef([|in this|]) = new R(n); }\n}\n";
        var text = Prelude + marked;
        var start = text.IndexOf("[|", System.StringComparison.Ordinal);
        var end = text.IndexOf("|]", System.StringComparison.Ordinal) - 2;
        var result = GeneratorHarness.Run(text.Replace("[|", "").Replace("|]", ""));
        var gosh14 = Assert.Single(result.AnalyzerDiagnostics, d => d.Id == "GOSH0014");
        Assert.Equal(TextSpan.FromBounds(start, end), gosh14.Location.SourceSpan);
    }

    // Ulid's GetHashCode: the instance's bytes read through a reference Unsafe reinterprets, in a readonly struct.
    [Fact]
    public void A_readonly_struct_method_reading_through_Unsafe_As_is_accepted()
    {
        const string marked = "public readonly partial struct R\n{\n    public readonly long A, B;\n"
            + "    [Goroutine] public int Hash() { Go.Yield(); ref int r = ref Unsafe.As<R, int>(ref Unsafe.AsRef(in this)); "
            + "return r ^ Unsafe.Add(ref r, 1) ^ Unsafe.Add(ref r, 2) ^ Unsafe.Add(ref r, 3); }\n}\n";
        var result = GeneratorHarness.Run(Prelude + marked);
        Assert.True(result.Diagnostics.IsEmpty, string.Join("; ", result.Diagnostics));
        Assert.Empty(result.CompileDiagnostics);
    }

    [Theory]
    [InlineData("x += N + M + Auto + Expr + Body + Helper(1) + In.Get() + In.V;")]
    [InlineData("Arr[0] = 1; List.Add(2); Obj.N = 3; x += Arr.Length;")]
    [InlineData("x += ToString().Length + GetHashCode() * 0 + (Equals(this) ? 1 : 0);")]
    [InlineData("var copy = this; copy.N = 5; x += copy.N;")]
    [InlineData("var inner = In; inner.Set(3); x += inner.V;")]
    [InlineData("x += Ping(3);")]
    [InlineData("Func<int> f = Helper2; x += f();")]
    [InlineData("x += ReadsByIn(in N) + ReadsByIn(N);")]
    [InlineData("ref readonly int r = ref N; x += r;")]
    [InlineData("x += Nested();")]
    [InlineData("object boxed = this; x += boxed.GetHashCode() * 0;")]
    [InlineData("x += (this with { N = 7 }).N;")]
    [InlineData("if (this is { N: > 0 }) x++;")]
    [InlineData("x += Ro.Count;")]
    [InlineData("ref int r = ref Unsafe.As<S, int>(ref Unsafe.AsRef(in this)); x += r + Unsafe.Add(ref r, 1);")]
    [InlineData("ref readonly int r = ref Unsafe.As<S, int>(ref Unsafe.AsRef(in this)); int y = r; x += y;")]
    [InlineData("x += Unsafe.As<S, int>(ref Unsafe.AsRef(in this)) * 2;")]
    [InlineData("ref int r = ref Unsafe.As<S, int>(ref Unsafe.AsRef(in this)); r = ref Unsafe.Add(ref r, 1); x += ReadsByIn(in r);")]
    public void A_body_that_only_reads_the_instance_is_accepted(string statement)
    {
        var source = Prelude + "public sealed class Box { public int N; }\n"
            + "public partial struct S\n{\n    public int N; public int M; public Inner In; public int[] Arr; public List<int> List; public Box Obj;\n"
            + "    public readonly List<int> Ro;\n"
            + "    public int Auto { get; set; }\n"
            + "    public int Expr => N + 1;\n"
            + "    public int Body { get { return N * 2; } }\n"
            + "    int Helper(int k) => N + k;\n"
            + "    int Helper2() => N;\n"
            + "    int Ping(int k) => k <= 0 ? N : Pong(k - 1);\n"
            + "    int Pong(int k) => Ping(k);\n"
            + "    static int ReadsByIn(in int v) => v;\n"
            + "    public override string ToString() => \"S\" + N;\n"
            + "    [Goroutine] int Nested() { Go.Yield(); return N + Expr; }\n"
            + "    [Goroutine] public int Run() { var x = 0; Go.Yield(); " + statement + " return x; }\n}\n";
        var result = GeneratorHarness.Run(source);
        Assert.True(result.Diagnostics.IsEmpty, statement + ": " + string.Join("; ", result.Diagnostics));
        Assert.Empty(result.CompileDiagnostics);
    }
}
