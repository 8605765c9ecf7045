using System;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team round 6, wrong value): a struct reached through `?.` and then called or assigned around a
// suspension point. C# calls the method on the variable (a field of the object `?.` tested, an element of the
// array it tested, a type parameter's variable when T is a struct), so what the method changes stays there; the
// goroutine called it on a temporary copy (the mutation was lost), and refused the assignments (GOSH0010).
public static partial class Cases
{
    public interface ICsrMut
    {
        int Val { get; set; }

        int Add(int v);
    }

    public struct CsrCounter : ICsrMut
    {
        public int S;
        public int? N;

        public int Val { get => S; set => S = value; }

        public int Add(int v) => S += v;

        public override string ToString() => "C" + S + "/" + N;
    }

    public sealed class CsrBox : ICsrMut
    {
        public int S;

        public int Val { get => S; set => S = value; }

        public int Add(int v) => S += v;

        public override string ToString() => "B" + S;
    }

    public sealed class CsrHolder
    {
        public CsrCounter A;
        public CsrCounter[] Arr = new CsrCounter[2];
        public CsrHolder? Next;

        public override string ToString() => $"{A},{Arr[0]},{Arr[1]}";
    }

    [Goroutine]
    public static string ConditionalStructMemberReceivers(Log log, int n)
    {
        var h = new CsrHolder { Next = new CsrHolder() };
        var a = h?.A.Add(Tw(n + 1));
        h?.Arr?[Tw(1)].Add(Tw(3));
        h?.Arr[0].Add(Tw(2));
        var arr = n > 100 ? null : new CsrCounter[1];
        arr?[0].Add(Tw(4));
        h?.Next?.A.Add(Tw(5));
        CsrHolder? none = n > 100 ? h : null;
        var b = none?.A.Add(Tw(6));
        log.Add("a=" + a + " b=" + b);
        return $"{h}|{arr![0]}|{h!.Next!.A}";
    }

    [Goroutine]
    public static string ConditionalStructMemberAssignments(Log log, int n)
    {
        var h = new CsrHolder();
        h?.A.S += Tw(n + 1);
        h?.A.N ??= Tw(2);
        h?.A.N ??= Tw(3);
        h?.A.Val = Tw(h.A.S + 10);
        h?.Arr[Tw(1)].S = Tw(7);
        h?.Arr?[1].S += Tw(8);
        CsrHolder? none = n > 100 ? h : null;
        none?.A.S += Tw(9);
        return h + "";
    }

    [Goroutine]
    public static string ConditionalTypeParameterReceivers(Log log, int n) =>
        ConditionalGeneric(new CsrCounter(), n) + "|" + ConditionalGeneric(new CsrBox(), n)
        + "|" + ConditionalGeneric<ICsrMut?>(null, n);

    [Goroutine]
    private static string ConditionalGeneric<T>(T t, int n) where T : ICsrMut?
    {
        var a = t?.Add(Tw(1));
        var b = t?.Add(Tw(n));
        t?.Val += Tw(5);
        var ts = new[] { t, t };
        ts?[0]?.Add(Tw(3));
        ts![1]?.Add(Tw(4));
        return a + "," + b + "," + t + "," + ts[0] + "," + ts[1];
    }
}
