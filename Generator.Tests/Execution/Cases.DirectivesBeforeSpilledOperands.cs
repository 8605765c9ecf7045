namespace GoSharp.Generator.Tests.Execution;

// A directive of the user's on the line before an operand that a suspension point makes into a temporary: the
// temporary's text takes the operand's place without it (a directive there, out of its line's start, is CS1040).
public static partial class Cases
{
    [Goroutine]
    public static string DirectiveBeforeSpilledOperand(Log log, int n)
    {
        var s = LdWhere(Tw(n)) + LdWhere(
#pragma warning disable CS0219
            Tw(n + 1));
#pragma warning restore CS0219
        s += "|" + LdWhere(Tw(n + 2)) + LdWhere(
#line 40 "Templates/Mid.razor"
            Tw(n + 3));
#line default
        log.Add(s);
        return s;
    }
}
