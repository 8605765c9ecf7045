using System;

namespace GoSharp.Generator.Tests.Execution;

// A span pattern variable that an if's condition makes first and its branch reads before its own first suspension
// point (never after): async accepts it (dead at the await), and the frame keeps it as a local of Resume
// (StackOnlyPatternVariables.cs), made from the tested expression before the condition.
public static partial class Cases
{
    [Goroutine]
    public static string SlpReadInSuspendingStatement(Log log, int n)
    {
        var s = "abc" + n;
        var x = 0;
        if (s.AsSpan() is var sp && sp.Length > 1) x += sp[0] + Tw(1);
        var a = new[] { n, 7 };
        if (a.AsSpan() is var q && q.Length > 0) a[1] = Tw(q[0]);
        return s + x + "|" + a[1];
    }

    [Goroutine]
    public static string SlpBlockWithElse(Log log, int n)
    {
        var s = "hello" + n;
        var x = 0;
        if ((s.AsSpan(n % 2 + 1) is { Length: > 2 } sp))
        {
            log.Add(sp.Slice(1).ToString());
            x = sp.Length;
            x += Tw(2);
            log.Add("after" + x);
        }
        else
        {
            x = -1;
        }
        return s + x;
    }

    [Goroutine]
    public static string SlpStackAllocated(Log log, int n)
    {
        var x = 0;
        if (((Span<int>)stackalloc int[3]) is var sp && sp.Length == 3)
        {
            sp[0] = n;
            sp[1] = 2;
            x = sp[0] + sp[1] + Tw(3);
        }
        return "x" + x;
    }

    [Goroutine]
    public static string SlpInLoopAndTry(Log log, int n)
    {
        var s = "a,b,c" + n;
        var t = 0;
        for (var i = 0; i < 3; i++)
        {
            if (s.AsSpan(i) is ReadOnlySpan<char> sp) t += sp.Length * 10 + Tw(i);
        }
        var r = "";
        try
        {
            if (s.AsSpan() is var w && !w.IsEmpty && w[0] == 'a')
            {
                r = w.ToString() + Tw("!");
                log.Add(r);
            }
        }
        finally
        {
            log.Add("fin" + Tw(n));
        }
        return "t" + t + r;
    }

    [Goroutine]
    public static string SlpNested(Log log, int n)
    {
        var s = "nested" + n;
        var r = 0;
        if (s.AsSpan() is var a && a.Length > 2)
        {
            if (a.Slice(1) is var b && b[0] == 'e') r = b.Length + Tw(5);
            else r = a.Length + Tw(6);
        }
        return "r" + r;
    }

    [Goroutine]
    public static string SlpNotMatched(Log log, int n)
    {
        var s = n > 1 ? "" : "x";
        var r = 0;
        if (s.AsSpan() is { IsEmpty: false } sp && SlpLog(log, "tested", sp.Length) > 0) r = sp.Length + Tw(1);
        else r = -Tw(1);
        return "r" + r;
    }

    [Goroutine]
    public static string SlpListPattern(Log log, int n)
    {
        var a = new[] { n, 5, 9 };
        var r = 0;
        if (a.AsSpan(n % 2) is [var first, ..] sp && sp.Length > 1) r = first * 100 + sp[^1] + Tw(sp.Length);
        return "r" + r;
    }

    private static int SlpLog(Log log, string tag, int v) { log.Add(tag + v); return v; }
}
