using System.Runtime.CompilerServices;
using System.Threading;
using GoSharp.Generator.Analyzers;
using GoSharp.Generator.Finding;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Model;

/// <summary>
/// The expensive stage: checks and lowers one method (<see cref="FrameModelBuilder"/>). The driver runs it only when the
/// method's fingerprint or the compilation's surface changed (docs/generator.md, Pipeline).
/// </summary>
internal static class LoweringStage
{
    /// <summary>One semantic model per tree of a compilation, shared by the methods lowered in a run.</summary>
    private static readonly ConditionalWeakTable<Compilation, SemanticModelCache> s_models = new();

    public static LoweredMethod Lower(LoweringRequest request, CompilationSurface surface, CancellationToken ct)
    {
        // The input that changed was made in this run: its payload holds this run's compilation (RunPayload).
        var payload = RunPayload.Newer(request.Payload, surface.Payload);
        var compilation = payload.Compilation;
        if (compilation is null)
            return new LoweredMethod(request.Fingerprint, null, "the compilation of this run was collected before the method was lowered");
        var decl = (ReferenceEquals(request.Payload.Compilation, compilation) ? request.Payload.Declaration : null)
            ?? DeclarationLocator.Find(compilation, request.Fingerprint, ct);
        if (decl is null)
            return new LoweredMethod(request.Fingerprint, null, "the method was not found again in " + request.Fingerprint.FilePath);
        var model = s_models.GetValue(compilation, static _ => new SemanticModelCache()).Get(compilation, decl.SyntaxTree);
        if (model.GetDeclaredSymbol(decl, ct) is not IMethodSymbol method)
            return new LoweredMethod(request.Fingerprint, null, "the method has no symbol");
        var lineBase = request.Fingerprint.LinesRelative ? MethodFingerprint.FirstLine(decl, ct) : -1;
        var result = MethodAnalysisCache.Build(decl, method, model, ct, lineBase);
        return new LoweredMethod(request.Fingerprint, result.Method, null);
    }

    private sealed class SemanticModelCache
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

        public SemanticModel Get(Compilation compilation, SyntaxTree tree) => _models.GetOrAdd(tree, t => compilation.GetSemanticModel(t));
    }
}
