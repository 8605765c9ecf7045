using System.IO;
using GoSharp.Generator.Tests.Infrastructure;

namespace GoSharp.GeneratorBenchmarks;

/// <summary>
/// Runs the generator once over one source file and prints its output and every diagnostic (the generator's, then the
/// compiler's on the result): for looking at what a construct lowers to while working on the generator.
/// </summary>
internal static class PrintGenerated
{
    public static int Run(string path, TextWriter output)
    {
        var r = GeneratorHarness.Run(File.ReadAllText(path), Path.GetFileName(path));
        output.WriteLine(GeneratorHarness.GeneratedText(r));
        foreach (var d in r.Diagnostics) output.WriteLine("GEN: " + d);
        foreach (var d in r.CompileDiagnostics) output.WriteLine("CS: " + d);
        return r.Diagnostics.IsEmpty && r.CompileDiagnostics.IsEmpty ? 0 : 1;
    }
}
