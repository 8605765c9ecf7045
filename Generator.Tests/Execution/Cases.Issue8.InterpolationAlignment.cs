namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team round 4, was CS0103 in generated code): a named constant as the alignment of an interpolation
// hole, in a statement with a suspension point. The constant is written out qualified (global::...), whose ':'
// would start the hole's format: the alignment is parenthesized as the hole is.
public static partial class Cases
{
    private const int AlignWidth = 6;

    [Goroutine]
    public static string InterpolationAlignmentConstant(Log log, int n)
    {
        var a = $"[{Tw(n),AlignWidth}|{n,-AlignWidth}|{Tw(n + 1),AlignWidth:D3}]";
        log.Add(a);
        return a + $"{Tw(n),Cases.AlignWidth}";
    }
}
