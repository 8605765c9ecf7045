using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>Shapes the corpus oracle's fifth round of new codebases found (docs/corpus.md).</summary>
public partial class CorpusRegressionTests
{
    [Fact]
    public void An_interface_a_ref_struct_implements_gets_no_default_goroutine_members() => CompilesWithOnly("""
        // BitFaster.Caching's IValueFactory<K, V>.Create, implemented by the ref struct ValueFactoryArg<K, TArg, V>
        // (C# 13). The interface got a default factory and launcher for the goroutine, which a ref struct cannot
        // take (it must implement every member itself, CS9245): the user's ref struct no longer compiled. The
        // interface method is refused now (GOSH0017 at its name), calls through it are plain calls.
        public partial interface IValueFactory<K, V> { [Goroutine] V Create(K key); }
        public readonly ref partial struct ValueFactoryArg<K, TArg, V> : IValueFactory<K, V> where TArg : allows ref struct
        {
            private readonly Func<K, TArg, V> _factory;
            private readonly TArg _arg;
            public ValueFactoryArg(Func<K, TArg, V> factory, TArg arg) { _factory = factory; _arg = arg; }
            public V Create(K key) => _factory(key, _arg);
        }
        public readonly partial struct ValueFactory<K, V> : IValueFactory<K, V>
        {
            private readonly Func<K, V> _factory;
            public ValueFactory(Func<K, V> factory) => _factory = factory;
            [Goroutine] public V Create(K key) { Go.Yield(); return _factory(key); }
        }
        public static partial class Use
        {
            [Goroutine] public static V Make<K, V>(IValueFactory<K, V> f, K key) { Go.Yield(); return f.Create(key); }
        }
        """, "GOSH0017");
}
