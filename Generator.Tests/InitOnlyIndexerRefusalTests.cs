using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// An index initializer that sets through an indexer's <c>init</c> accessor, in an initializer with a suspension
/// point: the lowering sets each member on the object after it is created, where C# refuses that accessor (CS8852 in
/// the generated code, before this was refused).
/// </summary>
public class InitOnlyIndexerRefusalTests
{
    [Fact]
    public void IndexInitializerOfAnInitOnlyIndexer() => DiagnosticTests.Expect("GOSH0010", """
        public sealed class D
        {
            private readonly System.Collections.Generic.Dictionary<string, int> _d = new();
            public int this[string k] { get => _d[k]; init => _d[k] = value; }
        }
        public partial class C
        {
            [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
            [Goroutine] static D M(int n) => new D { [|["k"]|] = Tw(n), ["j"] = 2 };
        }
        """);
}
