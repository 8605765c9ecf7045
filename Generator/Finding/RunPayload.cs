using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Finding;

/// <summary>
/// What a pipeline value knows of the run that made it, beside its value: the compilation (and the declaration), held
/// weakly and never compared, so that no Roslyn object outlives a run through the driver's tables.
/// </summary>
/// <remarks>
/// The lowering runs when its method's fingerprint or the compilation's surface changed, but the driver keeps the
/// <em>earlier</em> of two equal values, so the input that did not change carries an earlier run's payload. The
/// stamps tell them apart: every payload made in a run is newer than every payload of the runs before it, and the
/// input that changed was made in this run, so the newer payload is this run's. Its compilation is alive (the
/// driver is running on it).
/// </remarks>
internal sealed class RunPayload
{
    private static long s_lastStamp;

    private readonly WeakReference<Compilation> _compilation;
    private readonly WeakReference<MethodDeclarationSyntax>? _declaration;

    public RunPayload(Compilation compilation, MethodDeclarationSyntax? declaration)
    {
        Stamp = Interlocked.Increment(ref s_lastStamp);
        _compilation = new WeakReference<Compilation>(compilation);
        _declaration = declaration is null ? null : new WeakReference<MethodDeclarationSyntax>(declaration);
    }

    public long Stamp { get; }

    public Compilation? Compilation => _compilation.TryGetTarget(out var c) ? c : null;

    public MethodDeclarationSyntax? Declaration => _declaration is not null && _declaration.TryGetTarget(out var d) ? d : null;

    /// <summary>The newer of two payloads: the one made in this run.</summary>
    public static RunPayload Newer(RunPayload a, RunPayload b) => a.Stamp >= b.Stamp ? a : b;
}
