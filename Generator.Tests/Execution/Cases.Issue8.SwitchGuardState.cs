namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team round 5): a guard that changes state the patterns test. C#'s decision DAG tests the value it read
// before the guard ran (a later arm testing it again: Cases.Issue8.SwitchGuardDag.cs, DagGuardChangesState), and
// reads what it had not read yet after the guard: arm by arm, those first reads come after the guard too, and the
// guard's changes are seen exactly where the plain call sees them.
public static partial class Cases
{
    private sealed class GuardState
    {
        public int F, G;
        public int Auto { get; set; }
        public int[] Arr = { 1, 2, 3 };
    }

    private static bool MutateGuardState(Log log, GuardState s, int[] local)
    {
        log.Add("mutate");
        s.G = 2;
        s.Auto = 7;
        s.Arr = new[] { 9, 9 };
        local[1] = 5;
        return true;
    }

    [Goroutine]
    public static string SwitchGuardChangesStateReadLater(Log log, int n)
    {
        var s = new GuardState { F = n, G = n, Auto = n };
        var local = new[] { n, n, n };
        // G, Auto and Arr are first read after the guard, by C# and arm by arm alike.
        var a = s switch
        {
            { F: 1 } when MutateGuardState(log, s, local) && Tw(false) => "a",
            { G: 2, Auto: 7 } => "g2",
            { Arr: [9, 9] } => "arr99",
            _ => "other",
        };
        // The guard changes element 1, which only a later arm reads; element 0 is read before it and not again.
        var b = local switch
        {
            [1, ..] when MutateGuardState(log, s, local) && Tw(false) => "b",
            [_, 5, ..] => "five",
            [_, var m, ..] => "m" + m,
            _ => "short",
        };
        string c;
        switch (s)
        {
            case { F: 1 } when Tw(s.F) > 5:
                c = "c";
                break;
            case { G: var g }:
                c = "g" + g;
                break;
            default:
                c = "null";
                break;
        }
        log.Add(a + b + c);
        return a + "|" + b + "|" + c;
    }
}
