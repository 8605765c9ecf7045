using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using GoSharp.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// Values a launcher's handle gives (`var t = GoLvTwice(n).Join();`) passed to a suspension point or a nested
// goroutine call: the generator cannot see its own launchers, so the model binds such a call over an unknown type
// (`Tw<?>`, or the definition `L<T>` when type inference fails, or no method at all). The call is bound again at the
// same place with each such value replaced by an example of its inferred type (LauncherTypeInference.OperationOf),
// so overloads, type arguments, named arguments and caller information are C#'s. Each was GOSH0010, or ran a
// [Goroutine] method as a plain call (blocking, and its [CallerArgumentExpression] named the frame's fields).
public sealed partial class LvWorker
{
    public int Base;

    [Goroutine]
    public string Run(Log log, int k)
    {
        log.Add("run " + k);
        return Base + "+" + Sp.Val(k);
    }
}

public static partial class LvExtensions
{
    [Goroutine]
    public static string LvExt(this int v, int k) => v + ":" + Sp.Val(k);
}

public static partial class Cases
{
    [Goroutine] static int LvTwice(int a) => Tw(a) * 2;
    [Goroutine] static string LvName(string s) => s + Tw("!");
    [Goroutine] static LvWorker LvMake(int b) { Tw(0); return new LvWorker { Base = b }; }
    [Goroutine] static string LvOver(Log log, int v) { Tw(0); return "int" + v; }
    [Goroutine] static string LvOver(Log log, long v) { Tw(0); return "long" + v; }
    [Goroutine] static string LvOver(Log log, string v) { Tw(0); return "str" + v; }
    [Goroutine] static T LvId<T>(T v) { Tw(0); return v; }
    [Goroutine] static string LvPair((int A, string B) p, Func<int, int> f) { Tw(0); return p.A + p.B + f(p.A); }
    [Goroutine] static string LvMany(Log log, params int[] xs) { Tw(0); return string.Join("/", xs); }

    [Goroutine]
    static string LvNamed(Log log, int a, string b, int c = 3, [CallerArgumentExpression(nameof(a))] string? e = null)
    {
        Tw(0);
        return $"{a}{b}{c}[{e}]";
    }

    /// <summary>A suspension point with caller information: its awaiter's factory gets the text written.</summary>
    [SuspensionPoint(nameof(GetLvTextAwaiter))]
    public static string LvText<T>(T value, [CallerArgumentExpression(nameof(value))] string? e = null) => value + "@" + e;
    public static Sp.ValAwaiter<string> GetLvTextAwaiter<T>(T value, [CallerArgumentExpression(nameof(value))] string? e = null) =>
        new(value + "@" + e, completed: false);

    [Goroutine]
    public static string LvSuspensionPointOverJoinedValue(Log log, int n)
    {
        var h = GoLvTwice(n);
        var t = h.Join();
        var u = Tw(t);
        return (Tw(t) + 1) + "," + u + "," + Tw((t, "s")) + LvText(t) + LvText(t  +  1) + LvText(n);
    }

    [Goroutine]
    public static string LvOverloadsAndTypeArgumentsFromJoinedValues(Log log, int n)
    {
        var t = GoLvTwice(n).Join();
        var s = GoLvName("x").Join();
        return LvOver(log, t) + LvOver(log, s) + LvOver(log, (long)t) + LvId(t) + LvId(s) + LvId((t, s)) + LvOver(log, v: Tw(t));
    }

    [Goroutine]
    public static string LvNamedArgumentsInSourceOrder(Log log, int n)
    {
        var t = GoLvTwice(n).Join();
        var s = LvNamed(log, c: log.L("c", Tw(t)), b: log.L("b", "x" + t), a: log.L("a", t));
        return s + "|" + LvNamed(log, t, "y") + "|" + LvMany(log, t, Tw(t), 1) + LvMany(log);
    }

    [Goroutine]
    public static string LvHandlesInArgumentsAndReceivers(Log log, int n)
    {
        var h = GoLvTwice(n);
        var ch = new Chan<int>(2);
        ch.Send(h.Join());
        ch.Send(h.Join() + 1);
        var total = Tw(ch.Recv()) + ch.Recv();
        var w = GoLvMake(h.Join()).Join();
        var t = h.Join();
        return LvPair((h.Join(), "p"), x => x + total) + LvPair(p: (Tw(h.Join()), "q"), f: x => x * 2)
            + t.LvExt(Tw(2)) + w.Run(log, Tw(t)) + GoLvMake(5).Join().Run(log, 1) + Tw(w).Run(log, 2);
    }

    [Goroutine]
    public static string LvHandlesInCollections(Log log, int n)
    {
        var hs = new List<Goroutine<int>>();
        for (var i = 0; i < 3; i++) hs.Add(GoLvTwice(i + n));
        var sum = 0;
        foreach (var g in hs) sum += Tw(g.Join());
        var first = GoLvTwice(1);
        var arr = new[] { first.Join(), 2 };
        return sum + "," + LvId(first).Join() + "," + LvId(first.Join() > 0 ? Tw("y") : "n") + (Tw(arr)[0] + LvId(arr).Length);
    }

    [Goroutine]
    static string LvWhere(Log log, int a, [CallerLineNumber] int line = 0, [CallerFilePath] string file = "", [CallerMemberName] string member = "")
    {
        Tw(0);
        return a + "@" + line + ":" + System.IO.Path.GetFileName(file) + ":" + member;
    }

    /// <summary>
    /// Caller information of a call bound again over examples is the written call's: its line (that of its `(`) and
    /// file, not the speculated copy's (it was line 1 of no file).
    /// </summary>
    [Goroutine]
    public static string LvCallerLineAndFileOverJoinedValue(Log log, int n)
    {
        var t = GoLvTwice(n).Join();
        return LvWhere(log, t) + "|" + LvWhere
            (log,
            t) + "|" + LvWhere(log, n);
    }
}
