using System.Runtime.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// [CallerLineNumber] in what the line oracle (ExpressionPropertyTests.Lines.cs) found off by a line: an assignment's
// or compound assignment's right side on a later line than its left, written after the lowered left
// (`_l0_x = (int)(_t0 +`) on the assignment's line, and an if's, while's or do's condition on a later line than its
// keyword, where the span directive starts, written after `if (!(`. The lowering puts each on its own line again
// (ArgumentLines.Lead), and so does an operand on a later line than its `(`. The for loop's condition, whose directive starts at the condition, guards what worked.
public static partial class Cases
{
    static int CLO(Log log, int v, [CallerLineNumber] int line = 0) { log.Add("ln" + v + "@" + line); return v; }

    [Goroutine]
    public static string CallerLineOracleCompound(Log log, int n)
    {
        var x = n;
        x +=
            CLO(log, Tw(0));
        return x + "";
    }

    [Goroutine]
    public static string CallerLineOracleCompoundInTry(Log log, int n)
    {
        var x = n;
        try { x +=
            CLO(log, Tw(0))
            ; } catch (System.InvalidOperationException) { }
        return x + "";
    }

    [Goroutine]
    public static string CallerLineOracleDoWhile(Log log, int n)
    {
        var dw = 0; var x = n;
        do { x += Tw(1); } while (
            ++dw < CLO(log, 2));
        return x + "";
    }

    [Goroutine]
    public static string CallerLineOracleDoWhileBlock(Log log, int n)
    {
        var x = n;
        { var dw = 0; do
            { x += (log.L("l5", 5), Tw(2)).Item1; } while (
            ++dw < CLO(log, 2) && --x > 0); }
        return x + "";
    }

    [Goroutine]
    public static string CallerLineOracleAssign(Log log, int n)
    {
        var x = n;
        x =
            CLO(log, Tw(0));
        return x + "";
    }

    [Goroutine]
    public static string CallerLineOracleIfHead(Log log, int n)
    {
        var x = n;
        if (
            CLO(log, Tw(0)) == n) x++;
        return x + "";
    }

    [Goroutine]
    public static string CallerLineOracleWhileHead(Log log, int n)
    {
        var x = n;
        while (
            CLO(log, Tw(x)) < 2) x++;
        return x + "";
    }

    [Goroutine]
    public static string CallerLineOracleForHead(Log log, int n)
    {
        var x = n;
        for (var i = 0;
            i < CLO(log, Tw(2)); i++) x++;
        return x + "";
    }

    [Goroutine]
    public static int CLOCallee(Log log, int v) { log.Add("callee" + v); Sp.Pause(); return v * 2; }

    // The right operand of && in parentheses, `(` on the line before it: the lowered operand followed the `(` on
    // its line.
    [Goroutine]
    public static string CallerLineOracleParenthesized(Log log, int n)
    {
        var dw = 0; var x = n;
        do { x++; } while (++dw <
            CLO(log, 2) && (
            CLOCallee(
            log, Tw(6)
            ) / (
            $"{CLO(log, 5)}:{n}".Length + n * 0)
            ) > 0);
        return x + "";
    }
}
