using System.Runtime.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// [CallerLineNumber] in what the line oracle (ExpressionPropertyTests.Lines.cs) found off by a line: an assignment's
// or compound assignment's right side on a later line than its left, written after the lowered left
// (`_l0_x = (int)(_t0 +`) on the assignment's line, and an if's, while's or do's condition on a later line than its
// keyword, where the span directive starts, written after `if (!(`. The lowering puts each on its own line again
// (ArgumentLines.Lead), and so does an operand on a later line than its `(`, a params array's element
// (JoinElements) and a switch's governing value, which was in hidden text. The for loop's condition, whose directive
// starts at the condition, guards what worked.
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

    [Goroutine]
    public static int CLOCount(Log log, params int[] items) { Sp.Pause(); log.Add("count" + items.Length); return items.Length; }

    // A params array built for a nested goroutine's frame: its elements were joined on the first one's line.
    [Goroutine]
    public static string CallerLineOracleParams(Log log, int n)
    {
        string? nm = n == 1 ? null : "nm";
        var x = CLOCount(
            log, Tw(1),
            CLO(log, 5), (nm?.Length ?? CLO(log
            , 6)));
        return x + "";
    }

    // A switch's governing value that suspends, held in a temporary: its assignment was in hidden text (a line of
    // the generated file), and a value on a later line than the switch now keeps its line.
    [Goroutine]
    public static string CallerLineOracleSwitch(Log log, int n)
    {
        var x = 0;
        switch
        (
            CLO(log, Tw(4)) - n)
        {
            case 4: x = 1; break;
            default: x = 2; break;
        }
        switch (CLO(log, Tw(n))) { case 1: x += 10; break; }
        return x + "";
    }
}
