using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// What docs/structured.md tells users about Go.Group in loops of [Goroutine] methods: g.Go(lambda capturing
/// a foreach variable) compiles (the lambda captures its iteration's closure environment), and so does
/// g.Add(GoWork(i)), and g.Go(LocalFunction) of one that captures it (bound to its iteration's environment).
/// </summary>
public class GroupInLoopTests
{
    private const string Source = """
        using System;
        using GoSharp;

        public partial class C
        {
            [Goroutine]
            static void Work(int i) { Go.Yield(); }

            [Goroutine]
            static void M(int[] items)
            {
                var g = new Go.Group();
                foreach (var i in items) BODY;
                g.Wait();
            }
        }
        """;

    private static Diagnostic[] Errors(string body)
    {
        var r = GeneratorHarness.Run(Source.Replace("BODY", body));
        return r.Diagnostics.Concat(r.CompileDiagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
    }

    [Fact]
    public void Go_with_a_lambda_capturing_the_loop_variable_compiles() => Assert.Empty(Errors("g.Go(() => GoWork(i))"));

    [Fact]
    public void Go_with_a_local_function_capturing_the_loop_variable_compiles() =>
        Assert.Empty(Errors("{ Goroutine Start() => GoWork(i); g.Go(Start); }"));

    [Fact]
    public void Add_of_a_started_goroutine_compiles() => Assert.Empty(Errors("g.Add(GoWork(i))"));
}
