using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Xunit;

namespace GoSharp.Generator.Tests.Infrastructure;

/// <summary>
/// Two compilations in memory, a library and an application that references it (CrossAssemblyTests): named
/// compilations, images, reference assemblies as the SDK makes them, and running the application's
/// <c>App.Main</c> with the library beside it.
/// </summary>
public static class TwoCompilations
{
    public static CSharpCompilation Compilation(string name, string path, string source, params MetadataReference[] references) =>
        CSharpCompilation.Create(
            name,
            new[] { CSharpSyntaxTree.ParseText(Microsoft.CodeAnalysis.Text.SourceText.From(source, Encoding.UTF8), GeneratorHarness.ParseOptions, path) },
            GeneratorHarness.References.AddRange(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Debug));

    public sealed record Image(byte[] Pe, byte[] Pdb);

    public static Image EmitImage(Compilation compilation)
    {
        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        var result = compilation.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return new Image(pe.ToArray(), pdb.ToArray());
    }

    /// <summary>A reference assembly, as the SDK makes one (ProduceReferenceAssembly): metadata only, no private members.</summary>
    public static ImmutableArray<byte> EmitReferenceAssembly(Compilation compilation)
    {
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe, options: new EmitOptions(metadataOnly: true, includePrivateMembers: false));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return pe.ToArray().ToImmutableArray();
    }

    /// <summary>Loads the library and the application side by side in a collectible context and runs <c>App.Main</c>.</summary>
    public static string RunMain(string libraryName, Image library, Image app, params object[] arguments)
    {
        var context = new AssemblyLoadContext("gosharp-cross-assembly-" + Guid.NewGuid(), isCollectible: true);
        Assembly? lib = null;
        context.Resolving += (_, name) => name.Name == "GoSharp" ? typeof(Go).Assembly : name.Name == libraryName ? lib : null;
        try
        {
            lib = context.LoadFromStream(new MemoryStream(library.Pe), new MemoryStream(library.Pdb));
            var main = context.LoadFromStream(new MemoryStream(app.Pe), new MemoryStream(app.Pdb)).GetType("App")!.GetMethod("Main")!;
            try
            {
                return (string)main.Invoke(null, arguments)!;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
