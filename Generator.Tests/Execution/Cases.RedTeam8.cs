using System;

namespace GoSharp.Generator.Tests.Execution;

// Red team round 8: variables behind parentheses, `!` and checked(...) given to `in` parameters without the keyword
// (the variable itself is passed, so a later suspending argument that changes it shows), and struct members of
// parenthesized class receivers under `!` (`((c).P)!.Add(Tw(n))`: the spilled receiver's name must not be left in
// parentheses that read as a cast).
public static partial class Cases
{
    private struct Rt8S { public int V; public int Add(int k) { V += k; return V; } }

    private sealed class Rt8C
    {
        public Rt8S P;
        public Rt8S[] Arr = new Rt8S[3];
        public int F;
        public Rt8C Next = null!;
    }

    private static int Rt8Rd(in Rt8S s, int k) => s.V * 100 + k;

    private static int Rt8RdI(in int s, int k) => s * 100 + k;

    private static int Rt8Bump(Log log, Rt8C c, int k)
    {
        log.Add("bump " + k);
        c.P.V += k;
        c.F += k;
        return k;
    }

    private static int Rt8Mut(Rt8S[] arr, int k) { arr[0].V += k; return k; }

    [Goroutine]
    public static string Rt8WrappedInArguments(Log log, int n)
    {
        var c = new Rt8C { F = n };
        var r = "" + Rt8Rd(c.P, Rt8Bump(log, c, Tw(1))) + "," + Rt8Rd((c.P), Rt8Bump(log, c, Tw(2))) + "," + Rt8Rd(c.P!, Rt8Bump(log, c, Tw(3)));
        r += ";" + Rt8RdI((c.F), Rt8Bump(log, c, Tw(2))) + "," + Rt8RdI(checked(c.F), Rt8Bump(log, c, Tw(1))) + "," + Rt8RdI(unchecked((c.F)), Rt8Bump(log, c, Tw(4)));
        r += ";" + Rt8Rd((c.Arr[Tw(0)]), Rt8Mut(c.Arr, Tw(6 + n)));
        return r;
    }

    [Goroutine]
    public static string Rt8ParenthesizedReceiverMembers(Log log, int n)
    {
        var c = new Rt8C();
        c.Next = new Rt8C { Next = c };
        ((c).P)!.Add(Tw(n));
        ((c.Next).P)!.V += Tw(10);
        ((c.Next.Next).P).Add(Tw(5));
        (((c).Arr[Tw(1)]))!.Add(Tw(3));
        return c.P.V + "," + c.Next.P.V + "," + c.Arr[1].V;
    }
}
