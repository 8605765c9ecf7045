using System;
using System.IO;
using Xunit;
using Xunit.Abstractions;

namespace GoSharp.Generator.Tests.Infrastructure;

public class ScratchTests(ITestOutputHelper output)
{
    [Fact]
    public void Scratch()
    {
        var file = Environment.GetEnvironmentVariable("GOSHARP_SCRATCH");
        if (file is null) return;
        var r = GeneratorHarness.Run(File.ReadAllText(file));
        output.WriteLine(GeneratorHarness.GeneratedText(r));
        foreach (var d in r.GeneratorDiagnostics) output.WriteLine("GEN: " + d);
        foreach (var d in r.CompileDiagnostics) output.WriteLine("CS: " + d);
    }
}
