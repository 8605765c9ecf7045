using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// A collection built by <c>Add</c> calls whose <c>Add</c> takes <c>[CallerMemberName]</c> or
/// <c>[CallerArgumentExpression]</c>: C# fills them in for each element of a collection expression (and of a C# 13
/// <c>params</c> collection), where the frame has no place to write them, so they would name <c>Resume</c> and the
/// frame's renamed text. Refused (GOSH0010) at the collection; a collection initializer gets them written out
/// (<c>Cases.CallerInfoCollectionInitializer</c>).
/// </summary>
public class CallerInfoCollectionTests
{
    private const string Bag = """
        using GoSharp;
        using System.Collections;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        public class Bag : IEnumerable<int>
        {
            public List<string> Seen = new();
            public void Add(int x, [CallerMemberName] string m = "", [CallerArgumentExpression("x")] string e = "") => Seen.Add(m + ":" + e);
            public IEnumerator<int> GetEnumerator() => null!;
            IEnumerator IEnumerable.GetEnumerator() => null!;
        }
        public class Overloads : IEnumerable
        {
            public List<string> Seen = new();
            public void Add(int x) => Seen.Add("int");
            public void Add(string s, [CallerMemberName] string m = "") => Seen.Add(m);
            public IEnumerator GetEnumerator() => null!;
        }
        public class Lines : IEnumerable<int>
        {
            public List<int> Seen = new();
            public void Add(int x, [CallerLineNumber] int line = 0) => Seen.Add(line);
            public IEnumerator<int> GetEnumerator() => null!;
            IEnumerator IEnumerable.GetEnumerator() => null!;
        }
        """;

    [Theory]
    [InlineData("Bag b = [|[1, n + 1]|]; Go.Yield(); return b.Seen.Count;")]
    [InlineData("int[] xs = { n }; Bag b = [|[1, Tw(n), ..xs]|]; return b.Seen.Count;")]
    [InlineData("System.Func<Bag> f = () => [|[n]|]; Go.Yield(); return f().Seen.Count;")]
    [InlineData("Go.Yield(); return [|Count(1, n)|];")]
    [InlineData("Overloads o = [|[n, \"s\"]|]; Go.Yield(); return o.Seen.Count;")]
    public void ACollectionExpressionWhoseAddTakesCallerInfoIsRefused(string body)
    {
        var r = GeneratorHarness.RunMarked(Bag + """
            public static partial class C
            {
                [Goroutine] static int Tw(int v) { Go.Yield(); return v; }
                static int Count(params Bag b) => b.Seen.Count;
                [Goroutine] static int M(int n) { BODY }
            }
            """.Replace("BODY", body), out var span);
        var d = Assert.Single(r.Diagnostics.Where(x => x.Id == "GOSH0010"));
        Assert.Equal(span, d.Location.SourceSpan);
        Assert.Contains("caller-info argument", d.GetMessage());
        Assert.Matches(@"new (Bag|Overloads) \{ \.\.\. \}", d.GetMessage());
        Assert.Empty(r.CompileDiagnostics.Where(x => x.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void ALineNumberAloneOrAnAddOverloadNoElementBindsToIsAccepted()
    {
        var r = GeneratorHarness.Run(Bag + """
            public static partial class C
            {
                [Goroutine] static int M(int n) { Lines l = [1, n]; Go.Yield(); Bag b = new() { 1, n }; int[] xs = { n }; Overloads o = [n, ..xs]; return l.Seen.Count + b.Seen.Count + o.Seen.Count; }
            }
            """);
        Assert.Empty(r.Diagnostics);
        Assert.Empty(r.CompileDiagnostics.Where(x => x.Severity == DiagnosticSeverity.Error));
    }
}
