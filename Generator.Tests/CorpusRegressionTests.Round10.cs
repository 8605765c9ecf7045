using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>Shapes the corpus oracle's tenth round of new codebases found (docs/corpus-rounds-2.md).</summary>
public partial class CorpusRegressionTests
{
    [Fact]
    public void A_nested_type_whose_type_parameter_hides_its_containers_names_itself_by_its_simple_name()
    {
        // Advanced.Algorithms' Graph<T>.GraphVertex<T> (warning CS0693): inside the vertex, `T` is the vertex's, so
        // the frame's `global::Graph<T>.GraphVertex<T>` named Graph<TVertex>.GraphVertex<TVertex>, not `this`'s type
        // (CS1503 in generated code, 18 times). Types nested in the containers' instance types are written by their
        // simple names there now (`GraphVertex<T>`, `Tag`), which C# looks up as the user's own code does.
        var r = GeneratorHarness.Run("""
            using System.Collections.Generic;
            using GoSharp;
            public partial class Graph<T>
            {
                public sealed class Tag { public Tag(int n) { N = n; } public int N { get; } }
                public partial class GraphVertex<T>
                {
                    public GraphVertex(T key) { Key = key; }
                    public T Key { get; }
                    public HashSet<GraphVertex<T>> Edges { get; } = new();
                    public GraphVertex<T>? Parent;
                    public Tag? Mark;
                    [Goroutine] public static int One() { Go.Yield(); return 1; }
                    [Goroutine]
                    public GraphVertex<T> Link(GraphVertex<T> other)
                    {
                        var self = this;
                        Edges.Add(other);
                        other.Parent = self;
                        var pair = new[] { self, other };
                        Mark = new Tag(pair.Length + One());
                        return pair[One()].Parent ?? self;
                    }
                }
            }
            public static partial class Use
            {
                [Goroutine]
                public static string Run(int n)
                {
                    var a = new Graph<int>.GraphVertex<string>("a" + n);
                    var b = new Graph<int>.GraphVertex<string>("b");
                    return a.Link(b).Key + ":" + a.Mark!.N + ":" + a.Edges.Count;
                }
            }
            """);
        Assert.Empty(r.Diagnostics);
        Assert.Empty(r.CompileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        var frame = r.Run.Results.SelectMany(x => x.GeneratedSources).Single(s => s.HintName.Contains("Link")).SourceText.ToString();
        Assert.Contains("private GraphVertex<T> _this;", frame);
        var type = GeneratorHarness.Load(r.Output).GetType("Use")!;
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 });
        using (rt.Enter())
            Assert.Equal("a3:3:1", ((Goroutine<string>)type.GetMethod("GoRun")!.Invoke(null, new object[] { 3 })!).Join());
    }

    [Fact]
    public void A_value_typed_by_a_hidden_type_parameter_of_a_container_is_refused_at_the_method()
    {
        // Inside Box<T>.Item<T>, Box's T has no name, so a frame field for `all` (a List of Box's T) cannot be written:
        // the method is refused (GOSH0010) rather than given a field of the item's List<T>.
        var r = GeneratorHarness.Run("""
            using System.Collections.Generic;
            using GoSharp;
            public partial class Box<T>
            {
                private static readonly List<T> s_all = new();
                public partial class Item<T>
                {
                    [Goroutine] public static int One() { Go.Yield(); return 1; }
                    [Goroutine]
                    public int Count()
                    {
                        var all = s_all;
                        return One() + all.Count;
                    }
                }
            }
            public static partial class Caller
            {
                [Goroutine] public static int Twice(Box<string>.Item<int> item) => item.Count() + item.Count();
            }
            """);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("GOSH0010", d.Id);
        Assert.Contains("hides where the goroutine's frame is written", d.GetMessage());
        Assert.Equal("Count", r.Output.SyntaxTrees.First().GetText().ToString(d.Location.SourceSpan));
        Assert.Empty(r.CompileDiagnostics.Where(x => x.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_method_of_a_com_import_interface_is_refused_and_called_plainly()
    {
        // dnlib's PDB writer declares its COM interfaces [ComImport] (ISymUnmanagedDispose.Destroy, IMetaDataEmit):
        // every member of such a type must be abstract or extern, so the launcher and frame factory the generator
        // gave each [Goroutine] method in it were CS0423 in generated code (224 times). The method is refused at
        // its name now (GOSH0017), and a call through the interface runs the implementation plainly.
        var r = GeneratorHarness.Run("""
            using System.Runtime.InteropServices;
            using GoSharp;
            [ComImport, Guid("969708D2-05E5-4861-A3B0-96E473CDF63F"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
            public partial interface IDispose
            {
                [Goroutine] int Destroy();
            }
            public sealed partial class Native : IDispose
            {
                [Goroutine] public int Destroy() { Go.Yield(); return 7; }
            }
            public static partial class Use
            {
                [Goroutine] public static int Run(IDispose d) => d.Destroy() + 1;
            }
            """);
        var d = Assert.Single(r.Diagnostics.Where(x => x.Severity == DiagnosticSeverity.Error));
        Assert.Equal("GOSH0017", d.Id);
        Assert.Contains("[ComImport]", d.GetMessage());
        Assert.Equal("Destroy", r.Output.SyntaxTrees.First().GetText().ToString(d.Location.SourceSpan));
        Assert.Empty(r.CompileDiagnostics.Where(x => x.Severity == DiagnosticSeverity.Error));
    }
}
