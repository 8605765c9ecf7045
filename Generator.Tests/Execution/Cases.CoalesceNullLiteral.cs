namespace GoSharp.Generator.Tests.Execution;

// `null ?? e` with a suspension point in e: the literal has no type (and nothing to evaluate), the value is e's; it
// was refused (GOSH0010, "an expression without a type") where async accepts `null ?? await ...`.
public static partial class Cases
{
    [Goroutine]
    public static string CoalesceNullLiteralLeft(Log log, int n)
    {
        var s = null ?? Tw("x" + n);
        string? t = n > 1 ? null ?? Tw("big") : null;
        object o = null ?? (object)Tw(n);
        log.Add(s + t + o);
        return s + "|" + (t ?? "none") + "|" + o;
    }
}
