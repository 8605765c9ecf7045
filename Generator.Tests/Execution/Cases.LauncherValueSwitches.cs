using GoSharp.Generator.Tests.Execution;

namespace GoSharp.Generator.Tests.Execution;

// Switches with a suspending `when` over values a launcher's handle gives (`var arr = GoLvsLaunched(...).Join();`):
// the generator's model cannot see the launcher, so the arms' patterns bind over unknown types there; they are bound
// again over an example of the inferred type (LauncherTypeInference.PatternOverExample) and matched arm by arm over
// C#'s DAG values as for any other switch. Each was GOSH0010 at the switch's value.
public sealed class LvsBox
{
    private readonly Log _log;
    private int _value;
    public LvsBox(Log log, int value) { _log = log; _value = value; }
    public int Value { get { _log.Add("value" + _value); return _value; } set => _value = value; }
    public string? Name;
    public int[] Items = { 1, 2 };
}

public readonly struct LvsMoney
{
    public readonly int V;
    public LvsMoney(int v) => V = v;
    public static implicit operator LvsMoney(int v) => new(v * 10);
}

public static partial class Cases
{
    [Goroutine] static T LvsLaunched<T>(T value) { Tw(0); return value; }

    /// <summary>List patterns over an inferred array: their length, elements and variables (used after the guard) as C# binds them.</summary>
    [Goroutine]
    public static string LvsListPatterns(Log log, int n)
    {
        var arr = GoLvsLaunched(new[] { n, 2, 3 }).Join();
        var r = "";
        for (var i = 0; i < 3; i++)
        {
            switch (arr)
            {
                case [1, var l, ..] when Tw(l) > i: r += "a" + l; break;
                case [var f, .., var z] when Tw(f + z) > 3: r += "b" + f + z; break;
                case { Length: var len }: r += "d" + len; break;
            }
            arr[0]++;
        }
        return r;
    }

    /// <summary>A switch expression over an inferred int: `var`, constant, relational and `and` patterns, a discard.</summary>
    [Goroutine]
    public static string LvsExpressionArms(Log log, int n)
    {
        var x = GoLvsLaunched(n).Join();
        var r = "";
        for (var i = -1; i < 4; i++)
            r += (x + i) switch { var w when w > Tw(2) => "big" + w, 0 => "zero", > 0 and var p => "p" + p, _ => "neg" } + ",";
        return r;
    }

    /// <summary>Property patterns over an inferred class with a logging getter: each member read once per switch, in C#'s order.</summary>
    [Goroutine]
    public static string LvsPropertyPatterns(Log log, int n)
    {
        var b = GoLvsLaunched(new LvsBox(log, n) { Name = n > 1 ? "nm" : null }).Join();
        var r = "";
        for (var i = 0; i < 3; i++)
        {
            r += b switch
            {
                { Value: > 1, Name: { Length: var len } } when Tw(len) > i => "long" + len,
                { Value: var v, Items: [_, var second] } when Tw(v + second) > 2 => "items" + v + second,
                { Name: null } => "null",
                _ => "other",
            } + ";";
            b.Value += i;
        }
        return r;
    }

    /// <summary>Case labels over an inferred long: a constant label, a guarded constant, a declaration pattern whose variable outlives the guard.</summary>
    [Goroutine]
    public static string LvsCaseLabels(Log log, int n)
    {
        var y = GoLvsLaunched((long)n).Join();
        var r = "";
        for (var i = 0; i < 4; i++, y++)
        {
            switch (y % 3)
            {
                case 0 when Tw(1) > 0: r += "zero" + y; break;
                case 1: r += "one"; break;
                case long q when Tw(q) > 0: Tw(0); r += "q" + q; break;
                default: r += "def"; break;
            }
        }
        return r;
    }

    /// <summary>A variable a nested pattern declares over an inferred value, read after a suspension point (its type from the pattern bound over an example).</summary>
    [Goroutine]
    public static string LvsNestedPatternVariable(Log log, int n)
    {
        var arr = GoLvsLaunched(new[] { n, 5 }).Join();
        if (arr is [var first, var second] && Tw(first) >= 0)
        {
            Tw(0);
            return "m" + (first + second);
        }
        return "none";
    }

    /// <summary>
    /// A local of a written type initialized by a call over an inferred value (`LvsMoney m = Tw(arr[0]);`, an int
    /// converted by a user-defined conversion) has the written type; it took the call's (CS1061 at `m.V` in generated code).
    /// </summary>
    [Goroutine]
    public static string LvsWrittenTypeOverInferredCall(Log log, int n)
    {
        var arr = GoLvsLaunched(new[] { n, 8 }).Join();
        LvsMoney m = Tw(arr[0] + 1);
        Tw(0);
        return "m" + m.V + (m.V + arr[1]);
    }
}
