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
