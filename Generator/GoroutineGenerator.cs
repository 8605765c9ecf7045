using System;
using GoSharp.Generator.Diagnostics;
using GoSharp.Generator.Emit;
using GoSharp.Generator.Finding;
using GoSharp.Generator.Model;
using Microsoft.CodeAnalysis;

namespace GoSharp.Generator;

/// <summary>
/// Turns every <c>[Goroutine]</c> method into a resumable frame class plus a <c>GoX(...)</c> launcher.
/// Pipeline (docs/generator.md): find (ForAttributeWithMetadataName: each method's fingerprint, no binding) and the
/// compilation's surface (declarations without bodies) -> lower (checks, then the lowering writes <c>Resume</c>'s body
/// as text with line numbers relative to the method; only for a changed fingerprint or surface) -> emit (the file
/// around that text, at the method's current line).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GoroutineGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var found = context.SyntaxProvider
            .ForAttributeWithMetadataName(GoroutineFinder.AttributeName, GoroutineFinder.IsCandidate, GoroutineFinder.Find)
            .WithTrackingName(TrackingNames.Find);

        var requests = found
            .Select(static (f, _) => f.Request)
            .WithTrackingName(TrackingNames.Request);

        var surface = context.CompilationProvider
            .Select(static (c, ct) => CompilationSurface.Of(c, ct))
            .WithTrackingName(TrackingNames.Surface);

        var lowered = requests
            .Combine(surface)
            .Select(static (input, ct) => LoweringStage.Lower(input.Left, input.Right, ct))
            .WithTrackingName(TrackingNames.Model);

        var lineBases = found
            .Collect()
            .Select(static (methods, _) => new LineBases(methods))
            .WithTrackingName(TrackingNames.LineBases);

        var methods = lowered
            .Where(static l => l.Method is not null || l.Failure is not null)
            .Combine(lineBases)
            .Select(static (input, _) => new EmitItem(input.Left, input.Right.FirstLineOf(input.Left.Fingerprint), input.Right.HintSuffixOf(input.Left.Fingerprint)))
            .WithTrackingName(TrackingNames.Methods);

        // The method's diagnostics are GoroutineAnalyzer's to report, on the user's syntax tree (where pragmas,
        // .editorconfig severities and [SuppressMessage] apply); a method with an error arrives here as null.
        context.RegisterSourceOutput(methods, static (spc, item) =>
        {
            var m = item.Lowered.Method;
            if (m is null)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, item.Lowered.Fingerprint.FilePath, item.Lowered.Failure));
                return;
            }
            try
            {
                var hint = item.HintSuffix.Length == 0 ? m.HintName : m.HintName.Substring(0, m.HintName.Length - ".g.cs".Length) + item.HintSuffix + ".g.cs";
                spc.AddSource(hint, FrameEmitter.Emit(m, item.FirstLine));
            }
            catch (Exception ex)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, m.MethodDisplayName, ex.Message));
            }
        });
    }
}
