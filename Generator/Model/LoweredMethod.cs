using GoSharp.Generator.Finding;

namespace GoSharp.Generator.Model;

/// <summary>
/// The lowering stage's value for one method: its model with line numbers relative to the method
/// (<see cref="Emit.LineMarkers"/>), so that it does not change when the method moves; null when an error prevents a
/// frame (GoroutineAnalyzer reports it). <c>Failure</c>: the stage itself could not run (reported as GOSH0001).
/// </summary>
internal sealed record LoweredMethod(MethodFingerprint Fingerprint, GoroutineMethodModel? Method, string? Failure);
