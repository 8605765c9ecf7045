using System.Linq;
using System.Threading.Tasks;
using GoSharp.Generator.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace GoSharp.Generator.CodeFixes.Tests;

public class LockToMutexCodeFixTests
{
    [Fact]
    public Task ALockOnAFieldBecomesAMutexHeldAcrossTheSuspension() => GoSharpCodeFixTest<LockToMutexCodeFix>.RunAsync("""
        using GoSharp;
        public partial class C
        {
            private readonly object _gate = new object();
            private int _n;

            [Goroutine]
            void M()
            {
                lock (_gate)
                {
                    _n++;
                    {|GOSH0005:Go.Yield()|};
                }
            }
        }
        """, """
        using GoSharp;
        public partial class C
        {
            private readonly Sync.Mutex _gateMutex = new Sync.Mutex();
            private readonly object _gate = new object();
            private int _n;

            [Goroutine]
            void M()
            {
                _gateMutex.Lock();
                try
                {
                    _n++;
                    Go.Yield();
                }
                finally
                {
                    _gateMutex.Unlock();
                }
            }
        }
        """);

    [Fact]
    public Task FixAllGivesTheLocksOnOneObjectOneMutex()
    {
        var test = new GoSharpCodeFixTest<LockToMutexCodeFix>
        {
            TestCode = """
                using GoSharp;
                public static partial class C
                {
                    static readonly object s_gate = new object();

                    [Goroutine]
                    static void A()
                    {
                        lock (s_gate) {|GOSH0005:Go.Yield()|};
                    }

                    [Goroutine]
                    static void B()
                    {
                        lock (s_gate) { {|GOSH0005:Go.Yield()|}; }
                    }
                }
                """,
            FixedCode = """
                using GoSharp;
                public static partial class C
                {
                    private static readonly Sync.Mutex s_gateMutex = new Sync.Mutex();
                    static readonly object s_gate = new object();

                    [Goroutine]
                    static void A()
                    {
                        s_gateMutex.Lock();
                        try
                        {
                            Go.Yield();
                        }
                        finally
                        {
                            s_gateMutex.Unlock();
                        }
                    }

                    [Goroutine]
                    static void B()
                    {
                        s_gateMutex.Lock();
                        try
                        { Go.Yield(); }
                        finally
                        {
                            s_gateMutex.Unlock();
                        }
                    }
                }
                """,
        };
        // One fix at a time reuses the field the first fix made; fix-all (checked by the framework in every scope)
        // makes it once.
        return test.RunAsync();
    }

    [Fact]
    public async Task TheGeneratorAcceptsTheFixedCode()
    {
        const string fixedCode = """
            using GoSharp;
            public partial class C
            {
                private readonly Sync.Mutex _gateMutex = new Sync.Mutex();
                private int _n;

                [Goroutine]
                void M()
                {
                    _gateMutex.Lock();
                    try
                    {
                        _n++;
                        Go.Yield();
                    }
                    finally
                    {
                        _gateMutex.Unlock();
                    }
                }
            }
            """;
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Fixed",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(fixedCode) },
            Basic.Reference.Assemblies.Net100.References.All.Cast<Microsoft.CodeAnalysis.MetadataReference>()
                .Append(Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(GoSharp.Go).Assembly.Location)),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(new GoroutineGenerator())
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        Assert.Equal(2, output.SyntaxTrees.Count());
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
        var analyzers = System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new Analyzers.GoroutineAnalyzer());
        Assert.Empty(await Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzerExtensions.WithAnalyzers(output, analyzers).GetAnalyzerDiagnosticsAsync());
    }

    [Fact]
    public Task ALockOnALocalHasNoFix()
    {
        const string source = """
            using GoSharp;
            public partial class C
            {
                [Goroutine]
                static void M()
                {
                    var gate = new object();
                    lock (gate) { {|GOSH0005:Go.Yield()|}; }
                }
            }
            """;
        return GoSharpCodeFixTest<LockToMutexCodeFix>.RunAsync(source, source);
    }
}
