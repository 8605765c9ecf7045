using System;

namespace GoSharp.Generator.Finding;

/// <summary>
/// The find stage's value for one [Goroutine] method: its fingerprint and the line it starts on. Cheap to make (no
/// binding), so that the driver re-running the find stage for every method of an edited file costs little.
/// </summary>
internal sealed class FoundMethod : IEquatable<FoundMethod>
{
    public FoundMethod(MethodFingerprint fingerprint, int firstLine, RunPayload payload, string hintIdentity)
    {
        Fingerprint = fingerprint;
        FirstLine = firstLine;
        HintIdentity = hintIdentity;
        Request = new LoweringRequest(fingerprint, payload);
    }

    public MethodFingerprint Fingerprint { get; }

    /// <summary>The 0-based line the fingerprint's text starts on: only the emitter needs it.</summary>
    public int FirstLine { get; }

    /// <summary>What the lowering gets: the fingerprint without the line.</summary>
    public LoweringRequest Request { get; }

    /// <summary>The containing type and the method's name, exactly as written: what its generated file is named after.</summary>
    public string HintIdentity { get; }

    public bool Equals(FoundMethod? other) =>
        other is not null && FirstLine == other.FirstLine && Fingerprint.Equals(other.Fingerprint) && HintIdentity == other.HintIdentity;

    public override bool Equals(object? obj) => Equals(obj as FoundMethod);

    public override int GetHashCode() => Fingerprint.GetHashCode() * 31 + FirstLine;
}

/// <summary>The lowering stage's input from one method: equal when the fingerprints are (the payload is not compared).</summary>
internal sealed class LoweringRequest : IEquatable<LoweringRequest>
{
    public LoweringRequest(MethodFingerprint fingerprint, RunPayload payload)
    {
        Fingerprint = fingerprint;
        Payload = payload;
    }

    public MethodFingerprint Fingerprint { get; }

    public RunPayload Payload { get; }

    public bool Equals(LoweringRequest? other) => other is not null && Fingerprint.Equals(other.Fingerprint);

    public override bool Equals(object? obj) => Equals(obj as LoweringRequest);

    public override int GetHashCode() => Fingerprint.GetHashCode();
}
