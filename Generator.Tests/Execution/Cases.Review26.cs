namespace GoSharp.Generator.Tests.Execution;

// Review of round 26: the operand fixes of round 10 (an operand converted by a user-defined operator, a
// concatenation's operand made text before a later operand's suspension point) missed the left side of a compound
// assignment, which C# reads, converts or makes text of before the right side runs.
public static partial class Cases
{
    public readonly struct Rv26Money
    {
        public static Log? Lg;
        public readonly int A;
        public Rv26Money(int a) { A = a; }
        public static implicit operator Rv26Money(int a) { Lg?.Add("from" + a); return new Rv26Money(a); }
        public static implicit operator int(Rv26Money m) { Lg?.Add("toint" + m.A); return m.A; }
        public static Rv26Money operator +(Rv26Money x, Rv26Money y) { Lg?.Add("add"); return new Rv26Money(x.A + y.A); }
        public override string ToString() => "M" + A;
    }

    public sealed class Rv26Box
    {
        public Log? Lg;
        public int V;
        public override string ToString() { Lg?.Add("text" + V); return "B" + V; }
    }

    private static string Rv26Set(Rv26Box b, int v) { b.V = v; return "s"; }

    // x += Tw(m) of an int x and a Money m is x = (int)((Money)x + m): x is converted before Tw runs.
    [Goroutine]
    public static string Rv26CompoundLeftConverted(Log log, int n)
    {
        Rv26Money.Lg = log;
        int x = log.L("x", n);
        x += Tw(new Rv26Money(log.L("y", 2)));
        int? k = n == 1 ? null : log.L("k", n);
        k += Tw(new Rv26Money(log.L("w", 3)));
        return x + "," + k;
    }

    // o += Tw(s) of an object o is o = o + Tw(s): o's text is made before Tw runs (here before Tw's argument changes it).
    [Goroutine]
    public static string Rv26CompoundConcatenatedText(Log log, int n)
    {
        var box = new Rv26Box { Lg = log, V = n };
        object o = box;
        o += Tw(Rv26Set(box, 7));
        var a = new object[] { box };
        a[0] += Tw(Rv26Set(box, 8));
        return (string)o + "," + a[0];
    }
}

public static partial class Cases
{
    public readonly struct Rv26Amount
    {
        public static Log? Lg;
        public readonly long A;
        public Rv26Amount(long a) { A = a; }
        public static implicit operator Rv26Amount(long v) { Lg?.Add("implicit" + v); return new Rv26Amount(v); }
        public static explicit operator Rv26Amount(int v) { Lg?.Add("explicit" + v); return new Rv26Amount(v * 100); }
        public static Rv26Amount operator +(Rv26Amount a, Rv26Amount b) => new Rv26Amount(a.A + b.A);
        public override string ToString() => "A" + A;
    }

    private static string Rv26Take(Rv26Amount a, Rv26Amount b) => a + "/" + b;

    // An int converted to Rv26Amount is converted implicitly, through the implicit operator from long. The spill
    // converted it with a cast, an explicit conversion, which binds the explicit operator from int: another
    // operator, another value (an operand, an argument, an array element alike).
    [Goroutine]
    public static string Rv26ImplicitConversionNotACast(Log log, int n)
    {
        Rv26Amount.Lg = log;
        Rv26Amount r = log.L("x", n) + Tw(new Rv26Amount(2));
        var t = Rv26Take(log.L("y", n + 1), Tw(new Rv26Amount(3)));
        var a = new Rv26Amount[] { log.L("z", n + 2), Tw(new Rv26Amount(4)) };
        return r + "," + t + "," + a[0];
    }
}
