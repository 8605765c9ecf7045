using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>Shapes the corpus oracle's sixth round of new codebases found (docs/corpus.md).</summary>
public partial class CorpusRegressionTests
{
    private const string MeshSource = """
        public struct Params { public int A; }
        public partial class Mesh
        {
            private Params _p;
            public ref readonly Params GetParams() => ref _p;
            public ref int A() => ref _p.A;
        }
        public partial class Cache
        {
            private readonly Mesh _m = new();
            [Goroutine] public Mesh GetMesh() { Go.Yield(); return _m; }
        }
        public static partial class Writer
        {
            public static int Write(in Params p, int order) => p.A + order;
            public static int Bump(ref int a, int by) => a += by;
            [Goroutine] public static int Order(int o) { Go.Yield(); return o; }
        }
        """;

    [Fact]
    public void A_ref_returning_call_on_a_suspending_receiver_is_a_by_reference_argument() => CompilesWithOnly(MeshSource + """
        // DotRecast's DtTileCacheWriter: `paramWriter.Write(stream, cache.GetNavMesh().GetParams(), order)`, an `in`
        // argument that is a `ref readonly` call whose receiver suspends. Async accepts it: the reference is taken
        // after the await and passed at once. The generator refused it (GOSH0010) and now passes the call itself.
        public static partial class Use
        {
            [Goroutine] public static int In(Cache c) => Writer.Write(c.GetMesh().GetParams(), 1);
            [Goroutine] public static int Ref(Cache c) => Writer.Bump(ref c.GetMesh().A(), 2);
        }
        """);

    [Fact]
    public void A_ref_returning_call_followed_by_a_suspension_in_the_same_call_is_still_refused()
    {
        // The reference would have to wait in the frame across Order's suspension: async refuses it too (CS8178).
        var r = GeneratorHarness.Run("using System; using GoSharp;\n" + MeshSource + """
            public static partial class Use
            {
                [Goroutine] public static int Ref(Cache c) => Writer.Bump(ref c.GetMesh().A(), Writer.Order(2));
            }
            """);
        Assert.Equal(new[] { "GOSH0017" }, r.Diagnostics.Select(d => d.Id));
        Assert.All(r.Diagnostics, d => Assert.Contains("ref-returning call", d.GetMessage()));
    }

    [Fact]
    public void Storing_into_a_reference_typed_field_of_a_struct_writes_the_instance() => CompilesWithOnly("""
        // R3's SerialDisposableCore.Dispose: `Interlocked.Exchange(ref current, DisposedSentinel.Instance)`, current an
        // IDisposable field of the struct. Only value-typed fields were followed, so the store was not seen as a
        // write: the goroutine ran on its frame's copy and the caller's struct stayed undisposed (a differing run).
        // Storing into such a field is GOSH0014 now; using the object it refers to is still no write.
        public partial struct SerialCore
        {
            private object? _current;
            private List<int>? _list;
            [Goroutine] public object? Swap(object o) { Go.Yield(); return System.Threading.Interlocked.Exchange(ref _current, o); }
            [Goroutine] public void Set(object o) { Go.Yield(); _current = o; }
            [Goroutine] public int Use() { Go.Yield(); _list?.Add(1); return _list?.Count ?? 0; }
            [Goroutine] public string Read() { Go.Yield(); return _current?.ToString() ?? "null"; }
        }
        """, "GOSH0014", "GOSH0014");
}
