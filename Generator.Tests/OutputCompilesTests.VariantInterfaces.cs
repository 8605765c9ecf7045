using GoSharp.Generator.Tests.Infrastructure;
using Xunit;

namespace GoSharp.Generator.Tests;

// Members without a body of variant interfaces: accepted where their default methods keep the variance (red team 16).
public partial class OutputCompilesTests
{
    // A variant interface's members without a body get default methods only (factory and launcher), which C# allows
    // there while their signatures keep the variance: parameters are the member's own, results Frame<R>/Goroutine<R>
    // are invariant in R. Async's Task Put(T x) compiles in ISink<in T> too; Task<T> Get() in ISource<out T> does not.
    [Fact]
    public void MembersWithoutABodyOfVariantInterfaces() => ExpectClean("""
        public partial interface ISink<in T> { [Goroutine] void Put(T x); [Goroutine] string Show(T x, int k); }
        public partial interface ISource<out T> { [Goroutine] int Each(Action<T> each); [Goroutine] int Count(); }
        public partial class Both : ISink<object>, ISource<string>
        {
            [Goroutine] public void Put(object x) => Go.Yield();
            [Goroutine] public string Show(object x, int k) { Go.Yield(); return x + ":" + k; }
            [Goroutine] public int Each(Action<string> each) { Go.Yield(); each("a"); return 1; }
            public int Count() => 0;
        }
        public static partial class Use
        {
            [Goroutine] static string Run(ISink<string> s, ISource<object> o) { s.Put("x"); o.Each(_ => { }); return s.Show("y", o.Count()) + s.GoShow("z", 1).Join(); }
        }
        """);

    [Fact]
    public void MemberWithoutABodyOfACovariantInterfaceReturningItsParameter() => ExpectOne("GOSH0017", """
        public partial interface ISource<out T> { [Goroutine] T [|Get|](int n); }
        """);

    [Fact]
    public void StaticAbstractMemberOfAContravariantInterface() => ExpectOne("GOSH0017", """
        public partial interface ISink<in T> { [Goroutine] static abstract int [|Make|](int n); }
        """);

    // A default method's frame cannot be nested in a variant interface (CS8427), nor live outside it with access to
    // its private members: GOSH0017 names the shape that works, a [Goroutine] extension method of another name, which
    // compiles and is called from goroutines (async's default method compiles; a nested class does not).
    [Fact]
    public void DefaultMethodOfAVariantInterfaceNamesTheExtensionThatWorks()
    {
        var refused = GeneratorHarness.Run(Prelude + """
            public partial interface IShow<out T> { T Get(); [Goroutine] string Show(int n) { Go.Yield(); return Get() + ":" + n; } }
            """);
        var d = Assert.Single(refused.Diagnostics);
        Assert.Equal("GOSH0017", d.Id);
        Assert.Contains("[Goroutine] static method of a partial class that takes the interface as a parameter", d.GetMessage());
        ExpectClean("""
            public partial interface IShow<out T> { T Get(); string Show(int n) => Get() + ":" + n; }
            public static partial class ShowGoroutines { [Goroutine] public static string ShowGo<T>(this IShow<T> self, int n) { Go.Yield(); return self.Get() + ":" + n; } }
            public sealed class Text : IShow<string> { public string Get() => "t"; }
            public static partial class Use { [Goroutine] static string Run(IShow<object> s) => s.ShowGo(1) + new Text().ShowGo(2) + s.Show(3); }
            """);
    }
}
