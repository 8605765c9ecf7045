namespace GoSharp.Generator;

/// <summary>Names of the pipeline steps, for the incremental cache tests (docs/generator.md, Pipeline).</summary>
internal static class TrackingNames
{
    /// <summary>ForAttributeWithMetadataName: each method's fingerprint and first line.</summary>
    public const string Find = "GoSharp.Find";

    /// <summary>The fingerprint alone: what the lowering depends on from the method.</summary>
    public const string Request = "GoSharp.Request";

    /// <summary>The compilation's surface digest.</summary>
    public const string Surface = "GoSharp.Surface";

    /// <summary>The lowering: checks, lowered text, value model.</summary>
    public const string Model = "GoSharp.Model";

    /// <summary>Every method's first line.</summary>
    public const string LineBases = "GoSharp.LineBases";

    /// <summary>A lowered method and its first line: what the emitter writes.</summary>
    public const string Methods = "GoSharp.Methods";
}
