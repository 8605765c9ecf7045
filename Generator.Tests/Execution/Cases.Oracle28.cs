namespace GoSharp.Generator.Tests.Execution;

// What the random draw families of ExpressionPropertyTests (Handlers, Loops, Switches, Places, Calls, Values) and the
// probes written beside them found, written out.
public static partial class Cases
{
    // A list pattern with no slice fixes the list's length on the path that passed its length test; there C#'s DAG
    // takes an element read from the start and the same element from the end (at that length) in a later arm as one
    // read. A switch whose guard suspends read [1] for the first arm and [^1] again for the second (DagList's indexer
    // logs and counts its reads: the second read also gave another value).
    [Goroutine]
    public static string Or28ListElementFromBothEnds(Log log, int n)
    {
        var a = new DagList(log, 1, n) switch
        {
            [1, var b] when Tw(b) == 3 => "b" + b,
            [.., var last] => "last" + last,
            _ => "none",
        };
        var c = new DagList(log, n + 2) switch
        {
            [var only] when Tw(only) > 100 => "only",
            [.., var end] => "end" + end,
            _ => "none",
        };
        var r = "";
        switch (new DagList(log, n, n + 1))
        {
            case [_, var second] when Tw(second) > 10:
                r = "s" + second;
                break;
            case [var first, ..] when Tw(first) > 10:
                r = "f" + first;
                break;
            case [.., var z]:
                r = "z" + z;
                break;
        }
        return a + "," + c + "," + r;
    }
}
