using GoSharp.Generator.Tests.Infrastructure;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// A member whose accessor runs code, set before a suspending value in an initializer of an object that cannot be
/// created before its members: C# runs the accessor between the values, and the only expression that creates such
/// an object needs all of them computed first, so the accessor would run after the later values (wrong order, before
/// this was refused).
/// </summary>
public class InitAccessorOrderRefusalTests
{
    [Fact]
    public void RequiredMemberWithAnAccessorBodyBeforeASuspendingValue() => DiagnosticTests.Expect("GOSH0010", """
        // Its constructor cannot be called through an [UnsafeAccessor]: the call would omit an optional argument
        // without a constant default (a constructor that has none is, Rt23RequiredMembers).
        public sealed class R<T>
        {
            private int _a;
            public required int A { get => _a; init { System.Console.WriteLine(value); _a = value; } }
            public int B { get; set; }
            public R([System.Runtime.InteropServices.Optional] int k) { }
        }
        public partial class C
        {
            [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
            [Goroutine] static R<int> M(int n) => new R<int> { [|A = n|], B = Tw(n) };
        }
        """);

    [Fact]
    public void RequiredMemberWithAnAccessorBodyAfterTheSuspendingValueCompiles()
    {
        // Its accessor runs after every suspending value, as in C#: the one expression keeps the order.
        var result = GeneratorHarness.Run(DiagnosticTests.Prelude + """
        public sealed class R
        {
            private int _a;
            public required int A { get => _a; init { System.Console.WriteLine(value); _a = value; } }
            public int B { get; set; }
        }
        public partial class C
        {
            [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
            [Goroutine] static R M(int n) => new R { B = Tw(n), A = n };
        }
        """);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.CompileDiagnostics);
    }

    [Fact]
    public void StructWithExpressionSetterWithABodyBeforeASuspendingValueCompiles()
    {
        // The copy is made first and each member set on it after its value, the init accessor through an
        // [UnsafeAccessor] that takes the copy by reference (Cases.RedTeam23.cs runs it).
        var result = GeneratorHarness.Run(DiagnosticTests.Prelude + """
        public readonly record struct R(int X)
        {
            private readonly int _y;
            public int Y { get => _y; init { System.Console.WriteLine(value); _y = value; } }
        }
        public partial class C
        {
            [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
            [Goroutine] static R M(R r, int n) => r with { Y = n, X = Tw(n) };
        }
        """);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.CompileDiagnostics);
    }
}
