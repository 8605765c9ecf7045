using System;
using System.Diagnostics;
using System.Linq;
using GoSharp.Generator.Rewriting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;
using Xunit.Abstractions;

namespace GoSharp.Generator.Tests.Infrastructure;

public class ProfileScratch(ITestOutputHelper output)
{
    [Fact]
    public void Profile()
    {
        if (Environment.GetEnvironmentVariable("GOSHARP_PROFILE") is null) return;
        var src = System.IO.File.ReadAllText(Environment.GetEnvironmentVariable("GOSHARP_PROFILE")!);
        for (var round = 0; round < 3; round++)
        {
            var comp = GeneratorHarness.Compile(("T.cs", src));
            var tree = comp.SyntaxTrees.First();
            var model = comp.GetSemanticModel(tree);
            var methods = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().ToList();
            var sw = Stopwatch.StartNew();
            long bind = 0, build = 0;
            foreach (var m in methods)
            {
                var t = Stopwatch.GetTimestamp();
                var sym = (IMethodSymbol)model.GetDeclaredSymbol(m)!;
                model.GetDiagnostics(m.Span);
                var t2 = Stopwatch.GetTimestamp();
                var r = FrameModelBuilder.Build(m, sym, model, default);
                var t3 = Stopwatch.GetTimestamp();
                bind += t2 - t; build += t3 - t2;
            }
            output.WriteLine($"round {round}: {methods.Count} methods total {sw.ElapsedMilliseconds} ms; bind {bind * 1000 / Stopwatch.Frequency} ms; build {build * 1000 / Stopwatch.Frequency} ms");
        }
    }
}
