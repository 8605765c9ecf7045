namespace GoSharp.Generator.Tests.Execution;

// Red team round 10: operand conversions that C# runs as each operand is evaluated, before a later operand's
// suspension point.
public static partial class Cases
{
    /// <summary>A struct whose ToString logs and changes the value it runs on (C# concatenates a copy's text).</summary>
    public struct Rt10Text
    {
        public int V;
        public Log L;
        public override string ToString() { L.Add("text" + V); V++; return "T" + V; }
    }

    /// <summary>A money value with logged user-defined conversions from int and to string.</summary>
    public readonly struct Rt10Money
    {
        public readonly int A;
        public readonly Log L;
        public Rt10Money(int a, Log l) { A = a; L = l; }
        public static Log? Lg;
        public static implicit operator Rt10Money(int a) { Lg?.Add("from" + a); return new Rt10Money(a, Lg!); }
        public static implicit operator string(Rt10Money m) { Lg?.Add("str" + m.A); return "M" + m.A; }
        public static Rt10Money operator +(Rt10Money x, Rt10Money y) { Lg?.Add("add"); return new Rt10Money(x.A + y.A, Lg!); }
        public override string ToString() => "M" + A;
    }

    // Bug 1: a string concatenation's operand that is no string (an object, a struct) was spilled as its value and
    // turned into text after the later operand's suspension: its ToString ran late (after log.L("y")) and saw
    // what that operand changed. C# makes the text as the operand is evaluated, on a copy; async keeps that order.
    [Goroutine]
    public static string Rt10ConcatenatedOperandText(Log log, int n)
    {
        var s = new Rt10Text { V = n, L = log };
        object o = s;
        var r = o + Tw(log.L("y", 1)).ToString() + o;
        var t = s + Tw(log.L("z", "!"));
        var b = new System.Text.StringBuilder("b");
        var u = b + Tw(b.Append(n)).ToString();
        return r + t + u + s.V + ((Rt10Text)o).V;
    }

    // Bug 2: an operand converted by a user-defined implicit operator (int to Rt10Money, Rt10Money to string;
    // lifted, int? to Rt10Money?) was converted in the residual, after the later operand's suspension point. C#
    // converts it as it is evaluated, before the next operand runs, as it does an argument's.
    [Goroutine]
    public static string Rt10OperandConversions(Log log, int n)
    {
        Rt10Money.Lg = log;
        Rt10Money a = log.L("x", n) + Tw(new Rt10Money(log.L("y", 2), log));
        var m = new Rt10Money(n, log);
        string s = m + Tw(log.L("z", "q"));
        int? k = n == 1 ? null : n;
        Rt10Money? c = k + Tw((Rt10Money?)new Rt10Money(log.L("w", 3), log));
        return a + "," + s + "," + c;
    }
}
