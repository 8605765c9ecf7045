namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team round 5, was CS0165 in generated code): variables that a switch arm's guard or value declares
// (x is int y in a when clause, o is int q or out var u in an arm's value) and uses after a suspension point in
// that guard or value are frame fields, in switch expressions (one C# switch or arm by arm) and statements.
public static partial class Cases
{
    [Goroutine]
    public static string SwitchArmVariables(Log log, int n)
    {
        object o = n switch { 0 => "s", 1 => 2, _ => n + 1 };
        string text = n.ToString();
        // A suspending guard declaring a variable the arm uses (arm by arm), and a later arm with its own y.
        var a = o switch { var x when x is int y && Tw(y) > 2 => "big" + y, int y => "int" + y, _ => "?" };
        // Arms' values declaring variables before their suspension (one C# switch picks the arm).
        var b = o switch { string => "s", _ => (o is int q && Tw(q) > 1) ? "q" + q : "no" };
        var c = text switch { "x" => "x", _ => int.TryParse(text, out var u) ? Tw(u) + "/" + u : "no" };
        // A guard that does not suspend declares what a suspending value uses.
        var d = o switch { var x when x is int w && w > 1 => Tw("w") + w, _ => "none" };
        string e;
        switch (o)
        {
            case var x when x is int y && Tw(y) > 2:
                e = "case" + y;
                break;
            case int y:
                e = "int" + y;
                break;
            default:
                e = "other";
                break;
        }
        log.Add(a + b + c + d + e);
        return string.Join("|", a, b, c, d, e);
    }
}

// Issue 8 (red team round 5, wrong value): a guard copied into the one-switch dispatch keeps the checked context
// of its statement (it overflowed in the plain call and wrapped silently in the goroutine).
public static partial class Cases
{
    [Goroutine]
    public static string SwitchGuardsKeepTheCheckedContext(Log log, int n)
    {
        var r = "";
        try
        {
            checked
            {
                r += n switch { var k when k + int.MaxValue - 1 > 0 => Tw(1), _ => 2 };
            }
        }
        catch (System.OverflowException)
        {
            r += "ovf";
        }
        try
        {
            checked
            {
                switch (n)
                {
                    case var k when k + int.MaxValue - 1 > 0:
                        r += Tw(3);
                        break;
                    default:
                        r += "d";
                        break;
                }
            }
        }
        catch (System.OverflowException)
        {
            r += "ovf2";
        }
        log.Add(r);
        return r;
    }
}
