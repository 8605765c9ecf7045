namespace GoSharp.Generator;

/// <summary>Names of the pipeline steps, for the incremental cache test.</summary>
internal static class TrackingNames
{
    public const string Find = "GoSharp.Find";
    public const string Model = "GoSharp.Model";
    public const string Methods = "GoSharp.Methods";
}
