using System.Linq;
using GoSharp.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace GoSharp.Generator.CodeFixes.Tests.Infrastructure;

/// <summary>
/// A code fix test against the goroutine analyzer: .NET 10 reference assemblies (from Basic.Reference.Assemblies,
/// so nothing is downloaded) and the GoSharp runtime, so that <c>[Goroutine]</c>, <c>Go.Sleep</c> and
/// <c>Go.Await</c> bind. The framework also checks fix-all in document, project and solution scope.
/// </summary>
public sealed class GoSharpCodeFixTest<TCodeFix> : CSharpCodeFixTest<GoroutineAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public GoSharpCodeFixTest()
    {
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(GoSharp.Go).Assembly.Location));
        TestState.AdditionalReferences.AddRange(references);
    }

    public static System.Threading.Tasks.Task RunAsync(string source, string fixedSource, string? equivalenceKey = null) =>
        new GoSharpCodeFixTest<TCodeFix> { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey }.RunAsync();
}
