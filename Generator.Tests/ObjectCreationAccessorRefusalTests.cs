using System.Globalization;
using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// What stays refused (GOSH0010) among object creations and with expressions that need an <c>[UnsafeAccessor]</c>
/// (a constructor that leaves required members, an init accessor), each message naming the real cause; and what is
/// now made (Cases.RequiredMemberConstructors.cs and Cases.GenericHostAccessors.cs run those against C#).
/// </summary>
public class ObjectCreationAccessorRefusalTests
{
    /// <summary>The one GOSH0010 at the marked span, whose message must contain each of <paramref name="parts"/>.</summary>
    private static string RefusedAt(string markedSource, params string[] parts)
    {
        DiagnosticTests.Expect("GOSH0010", markedSource);
        var source = (DiagnosticTests.Prelude + markedSource).Replace("[|", "").Replace("|]", "");
        var message = GeneratorHarness.Run(source).AnalyzerDiagnostics.First(d => d.Id == "GOSH0010").GetMessage(CultureInfo.InvariantCulture);
        foreach (var part in parts) Assert.Contains(part, message);
        return message;
    }

    // Each below: a generic type private to a generic type containing the generic goroutine type, used there with
    // other type arguments (`Outer<int>.Rec<int>` in `Outer<X>.Host<T>`): no class can declare its accessor (nested
    // in Host<T> or Outer<X>, it would carry their type parameters; outside them, it cannot name the type). Used with
    // Outer's own, `Rec<int>`, or private to a type that is not generic, it is reached (Cases.GenericHostAccessors.cs).

    [Fact]
    public void AWithExpressionOnARecordWhoseInitAccessorHasABodyNamesTheAccessorNotACopyConstructor()
    {
        // The record has no copy constructor of its own: the clone is made once because B's accessor runs code.
        var message = RefusedAt("""
            public partial class Outer<X>
            {
                private record Rec<U>(U A)
                {
                    private readonly U _b = default!;
                    public U B { get => _b; init { System.Console.WriteLine(value); _b = value; } }
                }
                public partial class Host<T>
                {
                    [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
                    [Goroutine] static Outer<int>.Rec<int> M(Outer<int>.Rec<int> r, int n) => r with { [|B = n|], A = Tw(n) };
                }
            }
            """, "sets a member whose accessor runs code", "cannot name the type from outside them");
        Assert.DoesNotContain("copy constructor", message);
    }

    [Fact]
    public void AWithExpressionOnARecordWithItsOwnCopyConstructorStillSaysSo() => RefusedAt("""
        public partial class Outer<X>
        {
            private record Rec<U>(U A)
            {
                protected Rec(Rec<U> other) { A = other.A; }
                public U B { get; init; } = default!;
            }
            public partial class Host<T>
            {
                [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
                [Goroutine] static Outer<int>.Rec<int> M(Outer<int>.Rec<int> r, int n) => r with { [|B = n|], A = Tw(n) };
            }
        }
        """, "its own copy constructor", "cannot name the type from outside them");

    [Fact]
    public void ARequiredMemberConstructorOfAPrivateGenericTypeNoAccessorCanName() => RefusedAt("""
        public partial class Outer<X>
        {
            private sealed class R<U>
            {
                private int _a;
                public required int A { get => _a; init { System.Console.WriteLine(value); _a = value; } }
                public int B { get; set; }
            }
            public partial class Host<T>
            {
                [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
                [Goroutine] static int M(int n) => new Outer<int>.R<T> { [|A = n|], B = Tw(n) }.B;
            }
        }
        """, "runs code", "cannot be created before its members here", "cannot name the type from outside them");

    [Fact]
    public void ARequiredMemberConstructorWithAnOmittedOptionalArgumentWithoutAConstant() => RefusedAt("""
        public sealed class R
        {
            private int _a;
            public required int A { get => _a; init { System.Console.WriteLine(value); _a = value; } }
            public int B { get; set; }
            public R([System.Runtime.InteropServices.Optional] int k) { }
        }
        public partial class C
        {
            [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
            [Goroutine] static R M(int n) => new R { [|A = n|], B = Tw(n) };
        }
        """, "an omitted optional argument has no constant default");

    [Fact]
    public void RequiredMembersOfAGenericClassAndAStructMadeByItsImplicitConstructorCompile()
    {
        // Once refused: the generic class's constructor through a generic accessor class, the struct as its zeroed
        // value, each member then set in order.
        var result = GeneratorHarness.Run(DiagnosticTests.Prelude + """
            public sealed class R<T>
            {
                private int _a;
                public required int A { get => _a; init { System.Console.WriteLine(value); _a = value; } }
                public required T B { get; set; }
                public R(in int k) { }
            }
            public struct S
            {
                private int _b;
                public required int A;
                public int B { readonly get => _b; init { System.Console.WriteLine(value); _b = value; } }
            }
            public partial class C<T>
            {
                [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
                [Goroutine] static int M(int n, T t) => new R<T>(in n) { A = n, B = t }.A + new R<int>(n + 1) { A = n, B = Tw(n) }.A;
                [Goroutine] static S N(int n) => new S { B = n, A = Tw(n) };
            }
            """);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.CompileDiagnostics);
        Assert.Contains("default(global::S)", GeneratorHarness.GeneratedText(result));
    }
}
