using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team): user-defined operators around suspensions: checked operator variants chosen by the
// context, compound assignments and ++ through user-defined operators, user-defined conversions, events,
// named arguments to suspension points, goto case out of a try whose finally suspends.
public static partial class Cases
{
    [Goroutine]
    public static string OpsCheckedUserDefined(Log log, int n)
    {
        var a = new OpsMoney(log, 10);
        var b = a + Tw(new OpsMoney(log, n));
        checked
        {
            var c = b + Tw(new OpsMoney(log, 1));
            c -= Tw(new OpsMoney(log, 2));
            b = unchecked(c + Tw(new OpsMoney(log, 3)));
        }
        return b.Amount.ToString();
    }

    [Goroutine]
    public static string OpsCompoundAndIncrement(Log log, int n)
    {
        var m = new OpsMoney(log, n);
        m += Tw(new OpsMoney(log, 5)) + new OpsMoney(log, 1);
        m++;
        var arr = new[] { new OpsMoney(log, 1), new OpsMoney(log, 2) };
        arr[Tw(1)] += new OpsMoney(log, 7);
        arr[Tw(0)]++;
        var box = new OpsBox { M = new OpsMoney(log, 3) };
        box.M *= Tw(2);
        return $"{m.Amount},{arr[0].Amount},{arr[1].Amount},{box.M.Amount}";
    }

    [Goroutine]
    public static string OpsConversions(Log log, int n)
    {
        OpsMoney m = Tw(n + 4);
        int back = (int)Tw(m);
        long wide = Tw(m);
        var viaArg = OpsTake(log, Tw(7), m);
        return $"{m.Amount},{back},{wide},{viaArg}";
    }

    [Goroutine]
    public static string OpsEventsAndNamedSuspensionArgs(Log log, int n)
    {
        var src = new OpsSource();
        var got = new List<string>();
        src.Fired += Tw<Action<string>>(s => got.Add("a" + s));
        src.Fired += s => got.Add("b" + s);
        src.Fire(Tw(value: "1"));
        src.Fired -= Tw<Action<string>?>(null);
        var v = Tw(value: n) + Sp.Val(value: 2);
        src.Fire(v.ToString());
        return string.Join(",", got);
    }

    [Goroutine]
    public static string OpsGotoCaseThroughSuspendingFinally(Log log, int n)
    {
        var s = "";
        switch (n)
        {
            case 0:
            case 1:
                try
                {
                    s += "first" + Tw(n) + ";";
                    if (n == 1) goto case 3;
                    goto default;
                }
                finally
                {
                    Go.Yield();
                    s += "fin;";
                }
            case 3:
                s += "three;";
                break;
            default:
                s += "default;";
                break;
        }
        return s;
    }

    private static int OpsTake(Log log, OpsMoney a, OpsMoney b)
    {
        log.Add("take " + a.Amount + " " + b.Amount);
        return a.Amount + b.Amount;
    }
}

public readonly struct OpsMoney(Log log, int amount)
{
    public int Amount { get; } = amount;
    public Log Log { get; } = log;

    public static OpsMoney operator +(OpsMoney a, OpsMoney b) { a.Log.Add($"add {a.Amount}+{b.Amount}"); return new(a.Log, unchecked(a.Amount + b.Amount)); }
    public static OpsMoney operator checked +(OpsMoney a, OpsMoney b) { a.Log.Add($"checked add {a.Amount}+{b.Amount}"); return new(a.Log, checked(a.Amount + b.Amount)); }
    public static OpsMoney operator -(OpsMoney a, OpsMoney b) { a.Log.Add("sub"); return new(a.Log, a.Amount - b.Amount); }
    public static OpsMoney operator checked -(OpsMoney a, OpsMoney b) { a.Log.Add("checked sub"); return new(a.Log, checked(a.Amount - b.Amount)); }
    public static OpsMoney operator *(OpsMoney a, int k) { a.Log?.Add("mul " + k); return new(a.Log!, a.Amount * k); }
    public static OpsMoney operator ++(OpsMoney a) { a.Log?.Add("inc " + a.Amount); return new(a.Log!, a.Amount + 1); }
    public static implicit operator OpsMoney(int v) => new(null!, v);
    public static explicit operator int(OpsMoney m) => m.Amount;
    public static implicit operator long(OpsMoney m) => m.Amount * 1000L;
}

public sealed class OpsBox { public OpsMoney M { get; set; } }

public sealed class OpsSource
{
    public event Action<string>? Fired;
    public void Fire(string s) => Fired?.Invoke(s);
}
