namespace GoSharp.Generator.Tests.Execution;

// A directive the copy drops (#pragma, #region, #nullable, #if and the text it disabled) inside a statement written
// over several lines leaves its line ends (Renamer.LineEndsOf): before, it became a space, and each one pulled the code
// below it in the statement a line up, so a [CallerLineNumber] there gave a line above the plain method's.
public static partial class Cases
{
    [Goroutine]
    public static string PragmaBetweenOperandsKeepsLinesBelow(Log log, int n)
    {
        var s = LnWhere(Tw(n))
#pragma warning disable CS0219
            + LnWhere(Tw(1))
#pragma warning restore CS0219
            + LnLine();
        log.Add(s); return s;
    }

    [Goroutine]
    public static string PragmaAndLineBetweenOperands(Log log, int n)
    {
        var s = LnWhere(Tw(n))
#pragma warning disable CS0219
#line 5200 "pl.cshtml"
            + LnWhere(Tw(1))
#pragma warning restore CS0219
            + LnLine();
#line default
        log.Add(s); return s;
    }

    [Goroutine]
    public static string RegionAndNullableBetweenOperands(Log log, int n)
    {
        var s = LnWhere(n)
#region r
            + LnLine()
#endregion
#nullable disable
            + LnWhere(Tw(1))
#nullable restore
            + LnLine();
        log.Add(s); return s;
    }

    [Goroutine]
    public static string DisabledTextBetweenOperands(Log log, int n)
    {
        var s = LnWhere(Tw(n))
#if NEVER_DEFINED
            + "a"
            + "b"
#else
            + "c"
#endif
            + LnLine() + Tw("") + LnLine(
            );
        log.Add(s); return s;
    }
}
