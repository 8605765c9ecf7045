using System;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 leftovers: a user-defined && whose right operand suspends was refused (GOSH0010) where async accepts it.
// C# means `x && y` as `false(x) ? x : x & y`, x once; the frame calls operator false alone through an
// [UnsafeAccessor] (FalseOperators.cs). The logs record which operators ran, on what, and in what order.
public static partial class Cases
{
    /// <summary>Tri's operators on a generic class: its operator false is reached from a generic accessor class.</summary>
    public sealed class GTri<T>
    {
        public int V;
        public T? Tag;
        public Log? L;
        public static bool operator true(GTri<T> x) { x.L?.Add("GT" + x.V + x.Tag); return x.V > 0; }
        public static bool operator false(GTri<T> x) { x.L?.Add("GF" + x.V + x.Tag); return x.V < 0; }
        public static GTri<T> operator &(GTri<T> a, GTri<T> b) { a.L?.Add("G&" + a.Tag + b.Tag); return new GTri<T> { V = Math.Min(a.V, b.V), Tag = b.Tag, L = a.L }; }
        public static GTri<T> operator |(GTri<T> a, GTri<T> b) { a.L?.Add("G|" + a.Tag + b.Tag); return new GTri<T> { V = Math.Max(a.V, b.V), Tag = b.Tag, L = a.L }; }
        public override string ToString() => "G" + V + Tag;
    }

    /// <summary>
    /// Operators over <c>NTri?</c>: the nullable form C# takes for && (it lifts no user-defined &&, CS0218); null
    /// is false.
    /// </summary>
    public struct NTri
    {
        public int V;
        public Log? L;
        public static bool operator true(NTri? x) { x?.L?.Add("NT" + x?.V); return x?.V > 0; }
        public static bool operator false(NTri? x) { x?.L?.Add("NF" + x?.V); return x is null || x.Value.V < 0; }
        public static NTri? operator &(NTri? a, NTri? b) { a?.L?.Add("N&" + b?.V); return a is null || b is null ? null : new NTri { V = Math.Min(a.Value.V, b.Value.V), L = a.Value.L }; }
        public static NTri? operator |(NTri? a, NTri? b) { a?.L?.Add("N|" + b?.V); return a is null ? b : b is null ? a : new NTri { V = Math.Max(a.Value.V, b.Value.V), L = a.Value.L }; }
        public override string ToString() => "N" + V;
    }

    [Goroutine]
    public static Tri TwTriThrow(Tri x)
    {
        Go.Yield();
        throw new InvalidOperationException("right " + x.V);
    }

    [Goroutine]
    public static GTri<T> GenericAnd<T>(GTri<T> a, GTri<T> b) => a && Tw(b);

    [Goroutine]
    public static string UserDefinedAndSuspendingRight(Log log, int n)
    {
        var a = new Tri { V = n - 1, L = log }; // false, neither, true for n = 0, 1, 3
        var b = new Tri { V = 2 - n, L = log };
        var r = "";
        r += (a && TwTri(b)) + ";";
        Tri y = b && Tw(a);
        r += y + ";";
        r += (a && TwTri(b) && TwTri(new Tri { V = 5, L = log })) + ";";
        r += (a && TwTri(b) || TwTri(new Tri { V = n, L = log })) + ";";
        r += (b || a && TwTri(b)) + ";";
        r += (TwTri(a) && TwTri(b)) + ";";
        if (a && TwTri(b)) r += "if;";
        var k = 0;
        while (new Tri { V = 3 - k, L = log } && TwTri(new Tri { V = n - k, L = log }))
            k++;
        r += k + ";";
        for (var i = 0; new Tri { V = n - i, L = log } && TwTri(new Tri { V = 2 - i, L = log }); i++)
            r += i;
        r += ((a && TwTri(b)) ? "t" : "f") + ";";
        switch (n)
        {
            case int m when new Tri { V = m - 2, L = log } && TwTri(new Tri { V = m, L = log }):
                r += "w" + m;
                break;
            default:
                r += "d";
                break;
        }
        r += n switch { var q when new Tri { V = q, L = log } && TwTri(new Tri { V = 1 - q, L = log }) => "x", _ => "y" };
        return r;
    }

    [Goroutine]
    public static string UserDefinedAndThrowingRight(Log log, int n)
    {
        var a = new Tri { V = n - 1, L = log };
        try
        {
            log.Add("got " + (a && TwTriThrow(a)));
        }
        catch (InvalidOperationException e)
        {
            log.Add(e.Message);
        }
        return "after " + (new Tri { V = 1 - n, L = log } && TwTriThrow(new Tri { V = 9 }));
    }

    [Goroutine]
    public static string UserDefinedAndGeneric(Log log, int n)
    {
        var a = new GTri<string> { V = n - 1, Tag = "a", L = log };
        var r = (a && Tw(new GTri<string> { V = 2, Tag = "b", L = log })) + ";";
        r += GenericAnd(new GTri<int> { V = 2 - n, Tag = n, L = log }, new GTri<int> { V = 1, Tag = 7, L = log }) + ";";
        if (a && Tw(a)) r += "if;";
        return r;
    }

    [Goroutine]
    public static string UserDefinedAndNullable(Log log, int n)
    {
        NTri? a = n == 0 ? null : new NTri { V = n - 2, L = log };
        NTri? b = new NTri { V = 2 - n, L = log };
        var r = (a && Tw(b)) + ";";
        if (b && Tw(a)) r += "if;";
        r += (b && Tw((NTri?)null)).HasValue + ";";
        return r;
    }
}
