using System.Runtime.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8: nested goroutine calls evaluate named arguments in source order, and caller-info parameters get
// what the compiler passes at the call site.
public static partial class Cases
{
    [Goroutine]
    public static int NamedArgumentsSourceOrder(Log log, int n)
    {
        var r = Three(c: log.L("c", 3), a: log.L("a", 1), b: log.L("b", n));
        r += Three(b: log.L("b2", 2), c: Tw(log.L("c2", 3)), a: log.L("a2", 4));
        r += Three(log.L("a3", 1), c: log.L("c3", n), b: Tw(log.L("b3", 2)));
        r += WithDefaults(b: log.L("s", "xyz"), a: log.L("n", n));
        return r;
    }

    [Goroutine]
    private static int Three(int a, int b, int c)
    {
        Sp.Pause();
        return a * 100 + b * 10 + c;
    }

    [Goroutine]
    public static string CallerInfo(Log log, int n)
    {
        var s = Who(n);
        s += "|" + Who(n + Tw(1));
        s += "|" + Who(n, "explicit");
        return s;
    }

    [Goroutine]
    private static string Who(int value, [CallerMemberName] string member = "", [CallerLineNumber] int line = 0,
        [CallerFilePath] string path = "", [CallerArgumentExpression(nameof(value))] string expr = "")
    {
        Sp.Pause();
        return member + ":" + line + ":" + System.IO.Path.GetFileName(path) + ":" + expr + ":" + value;
    }
}
