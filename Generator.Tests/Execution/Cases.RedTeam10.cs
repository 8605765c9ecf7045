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

    /// <summary>An index with logged user-defined conversions to and from int.</summary>
    public readonly struct Rt10Index
    {
        public readonly int I;
        public Rt10Index(int i) { I = i; }
        public static Log? Lg;
        public static implicit operator int(Rt10Index x) { Lg?.Add("index" + x.I); return x.I; }
        public static implicit operator Rt10Index(int i) { Lg?.Add("to" + i); return new Rt10Index(i); }
    }

    public sealed class Rt10Indexed
    {
        public readonly int[] A = new int[4];
        public int this[Rt10Index i] { get => A[i.I]; set => A[i.I] = value; }
    }

    // Bug 3: an index of an assignment's target converted by a user-defined operator (an array's index to int, an
    // indexer's argument to its parameter type) was spilled unconverted: converted after the right side's
    // suspension, and in a compound assignment twice (read and write); so was an array creation's size. C#
    // converts it once, as it is evaluated, before the right side runs (async too).
    [Goroutine]
    public static string Rt10IndexConversions(Log log, int n)
    {
        Rt10Index.Lg = log;
        var x = new Rt10Index(n);
        int[] a = new int[4];
        a[x] = Tw(log.L("v", 5));
        a[x] += Tw(log.L("w", 1));
        var h = new Rt10Indexed();
        h[log.L("i", n)] = Tw(log.L("u", 2));
        h[n] += Tw(log.L("t", 1));
        h[2] = Tw(log.L("s", 3));
        var l = new System.Collections.Generic.List<int> { 1, 2, 3, 4 };
        l[x] = Tw(log.L("r", 7));
        var m = new int[new Rt10Index(2), Tw(log.L("d", 2))];
        return a[n] + "," + h.A[n] + h.A[2] + "," + l[n] + "," + m.Length;
    }

    public sealed record Rt10Pair(Rt10Money A, Rt10Money B);

    // Bug 4: a with expression's member value converted by a user-defined operator was converted after a later
    // member's suspension point (the clone is made with every value at the end). C# converts and assigns each
    // member before the next value runs.
    [Goroutine]
    public static string Rt10WithMemberConversions(Log log, int n)
    {
        Rt10Money.Lg = log;
        var r = new Rt10Pair(new Rt10Money(1, log), new Rt10Money(2, log));
        r = r with { A = log.L("a", n), B = Tw(log.L("b", 2)) };
        return r.A + "," + r.B;
    }
}
