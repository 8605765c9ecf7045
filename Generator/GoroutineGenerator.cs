using System;
using GoSharp.Generator.Diagnostics;
using GoSharp.Generator.Emit;
using GoSharp.Generator.Finding;
using GoSharp.Generator.Model;
using Microsoft.CodeAnalysis;

namespace GoSharp.Generator;

/// <summary>
/// Turns every <c>[Goroutine]</c> method into a resumable frame class plus a <c>GoX(...)</c> launcher.
/// Pipeline (docs/generator.md): find (ForAttributeWithMetadataName) -> model (checks, then the lowering writes
/// <c>Resume</c>'s body as text, then everything is packed into value records that the pipeline caches) -> emit
/// (the file around that text).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GoroutineGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var results = context.SyntaxProvider
            .ForAttributeWithMetadataName(GoroutineFinder.AttributeName, GoroutineFinder.IsCandidate, GoroutineFinder.Transform)
            .WithTrackingName(TrackingNames.Model);

        var methods = results
            .Select(static (r, _) => r.Method)
            .Where(static m => m is not null)
            .WithTrackingName(TrackingNames.Methods);

        // The method's diagnostics are GoroutineAnalyzer's to report, on the user's syntax tree (where pragmas,
        // .editorconfig severities and [SuppressMessage] apply); a method with an error arrives here as null.
        context.RegisterSourceOutput(methods, static (spc, m) =>
        {
            try
            {
                spc.AddSource(m!.HintName, FrameEmitter.Emit(m));
            }
            catch (Exception ex)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, m!.MethodDisplayName, ex.Message));
            }
        });
    }
}
