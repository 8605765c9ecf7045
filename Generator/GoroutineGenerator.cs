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

        var diagnostics = results
            .Select(static (r, _) => r.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(diagnostics, static (spc, diags) =>
        {
            foreach (var d in diags)
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Get(d.Id), d.Location.ToLocation(), ToArgs(d.Args)));
        });

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

    private static object[] ToArgs(EquatableArray<string> args)
    {
        var a = new object[args.Count];
        for (var i = 0; i < a.Length; i++) a[i] = args[i];
        return a;
    }
}
