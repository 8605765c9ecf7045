using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace GoSharp.Runtime.Tests.Bridges;

public class NameClashTests
{
    // What `dotnet new console` imports implicitly (Microsoft.NET.Sdk), plus `using GoSharp;`.
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private const string Program = """
        using GoSharp;

        var ch = new Chan<int>(1);
        var wg = new WaitGroup();
        var mu = new Sync.Mutex();
        var rw = new RWMutex();
        var once = new Once();
        var cond = new Cond(mu);
        var sem = new Sync.Semaphore(2);
        Go.Timer timer = Go.NewTimer(TimeSpan.FromSeconds(1));
        Go.Ticker ticker = Go.NewTicker(TimeSpan.FromSeconds(1));
        var s = Go.Select(ch.RecvCase(), Go.After(TimeSpan.FromSeconds(1)).RecvCase(), Go.Default);
        ILocker locker = rw.RLocker();
        Empty nothing = default;
        // The BCL names still mean the BCL types.
        using var m = new Mutex();
        using var se = new Semaphore(1, 1);
        using var t = new Timer(_ => { });
        Console.WriteLine($"{s.Index} {wg.Count} {once.IsDone} {sem.Capacity} {timer.Stop()} {nothing} {locker} {cond.L}");
        ticker.Stop();
        mu.Lock(); mu.Unlock();
        """;

    [Fact]
    public void Default_console_template_compiles_without_ambiguity()
    {
        var trees = new[] { CSharpSyntaxTree.ParseText(ImplicitUsings), CSharpSyntaxTree.ParseText(Program) };
        var refs = Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(Chan<>).Assembly.Location));
        var compilation = CSharpCompilation.Create("Template", trees, refs,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        var diags = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error || d.Id == "CS0104").ToList();
        Assert.DoesNotContain(diags, d => d.Id == "CS0104");
        Assert.Empty(diags);
    }
}
