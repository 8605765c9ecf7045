namespace GoSharp.Generator.CodeFixes;

/// <summary>The ids of the generator's diagnostics that have a code fix (Generator/Diagnostics/DiagnosticDescriptors.cs).</summary>
internal static class DiagnosticIds
{
    public const string NotPartial = "GOSH0002";
    public const string SuspensionInLock = "GOSH0005";
    public const string BlockingCall = "GOSH0009";
}
