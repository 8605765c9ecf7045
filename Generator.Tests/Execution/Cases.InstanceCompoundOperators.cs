using System;

namespace GoSharp.Generator.Tests.Execution;

// C# 14 user-defined instance compound assignment and increment operators (`public void operator +=(int x)`):
// C# calls the instance operator on the variable itself (a struct is mutated in place, a class's object is shared),
// never `x = x + y`, and evaluates the location, then the right side, then the call.
public static partial class Cases
{
    /// <summary>A struct with an instance += and ++ and no binary +: `s = s + r` would not even compile.</summary>
    public struct CoSAcc
    {
        public int V;
        public void operator +=(int x) { V += x * 10 + 1; }
        public void operator ++() { V += 100; }
    }

    /// <summary>A class with both forms: the plain call mutates the shared object through +=, never allocates through +.</summary>
    public sealed class CoAcc
    {
        public int V;
        public int Made;
        public void operator +=(int x) { V += x; }
        public void operator --() { V -= 1000; }
        public static CoAcc operator +(CoAcc a, int x) => new() { V = a.V + x, Made = a.Made + 1 };
    }

    private static int CoMark(Log log, string what, int v) { log.Add(what); return v; }

    [Goroutine]
    public static int InstanceCompoundOperatorOnAStructLocal(Log log, int n)
    {
        var s = new CoSAcc { V = n };
        s += Tw(7);
        s += CoMark(log, "second", n) + Tw(2);
        s++;
        ++s;
        return s.V;
    }

    [Goroutine]
    public static string InstanceCompoundOperatorOnAClassSharedObject(Log log, int n)
    {
        var a = new CoAcc { V = n };
        var alias = a;
        a += Tw(5);
        a += Tw(n + 1);
        a--;
        return a.V + "/" + alias.V + "/" + a.Made + "/" + ReferenceEquals(a, alias);
    }

    [Goroutine]
    public static string InstanceCompoundOperatorOnArrayElements(Log log, int n)
    {
        var sarr = new CoSAcc[3];
        sarr[Tw(1)] += Tw(3);
        sarr[CoMark(log, "index", 2)] += CoMark(log, "value", n) + Tw(4);
        sarr[Tw(0)]++;
        var carr = new[] { new CoAcc { V = n } };
        var before = carr[0];
        carr[Tw(0)] += Tw(9);
        return sarr[0].V + "," + sarr[1].V + "," + sarr[2].V + "," + carr[0].V + "," + ReferenceEquals(before, carr[0]);
    }

    public sealed class CoHolder { public CoSAcc S; public CoAcc C = new(); }

    [Goroutine]
    public static string InstanceCompoundOperatorOnFieldsAndAsAValue(Log log, int n)
    {
        var h = new CoHolder();
        h.S += Tw(n + 2);
        h.C += Tw(6);
        var t = new CoSAcc { V = 1 };
        // The value of the expression is the variable's value after the call.
        var seen = (t += Tw(3)).V;
        return h.S.V + "," + h.C.V + "," + h.C.Made + "," + seen + "," + t.V;
    }
}

public static partial class Cases
{
    public interface ICoAdd { int Total { get; } void operator +=(int x); }

    public struct CoSAdd : ICoAdd { public int V; public readonly int Total => V; public void operator +=(int x) { V += x * 3; } }

    public sealed class CoCAdd : ICoAdd { public int V; public int Total => V; public void operator +=(int x) { V += x * 5; } }

    /// <summary>A type parameter's instance operator: on the variable itself for a struct, on the object read first for a class.</summary>
    [Goroutine]
    private static string CoGenericAdd<T>(T t, int n) where T : ICoAdd
    {
        var arr = new[] { t };
        t += Tw(n + 1);
        arr[Tw(0)] += Tw(2);
        return t.Total + "," + arr[0].Total;
    }

    [Goroutine]
    public static string InstanceCompoundOperatorOnATypeParameter(Log log, int n) =>
        CoGenericAdd(new CoSAdd { V = n }, n) + "/" + CoGenericAdd(new CoCAdd { V = n }, n);
}
