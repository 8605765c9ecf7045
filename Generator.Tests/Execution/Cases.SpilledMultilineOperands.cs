using System.Collections.Generic;
using System.Linq;

namespace GoSharp.Generator.Tests.Execution;

// An operand written over several lines and spilled into a temporary (it runs before a later suspension point) leaves
// its line ends in the statement's copy (Renamer.Visit): before, the one-line temporary pulled the text below it up, and a
// [CallerLineNumber] there gave a line above the plain method's.
public static partial class Cases
{
    [Goroutine]
    public static string SpilledCallChainKeepsLinesBelow(Log log, int n)
    {
        var s = LnWhere(Tw(n))
            .Replace(":", ";")
            .ToUpper() + LnWhere(Tw(n)
                .ToString()
                .Length);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string SpilledArgumentsKeepLinesBelow(Log log, int n)
    {
        var s = string.Concat(
            Tw(n).ToString()
                .PadLeft(3),
            LnLine(),
            Tw("x")
                .ToUpper(),
            LnLine());
        log.Add(s); return s;
    }

    [Goroutine]
    public static string SpilledIndexKeepsLinesBelow(Log log, int n)
    {
        var arr = new[] { "a", "b", "c" };
        var s = arr[
            Tw(n % 3)
        ] + LnLine() + arr[Tw(0)
            ] + LnLine();
        log.Add(s); return s;
    }

    [Goroutine]
    public static string SpilledReceiverChainKeepsLinesBelow(Log log, int n)
    {
        var s = Tw(new List<int> { n, 2 })
            .Select(x => x + 1)
            .Aggregate("", (a, x) => a + x) + LnWhere(
                Tw(n));
        log.Add(s); return s;
    }
}
