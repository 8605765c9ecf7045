using System.Collections.Generic;
using System.Linq;

namespace GoSharp.Generator.Tests.Execution;

// Locals of an anonymous type that live across suspensions used as variables, not values: out, ref, in
// arguments, deconstruction targets, ref locals (AnonymousTypes.cs: __GoVar, a typed cell in the object field).
public static partial class Cases
{
    private static List<T> WrapRef<T>(Log log, ref T a)
    {
        log.Add("WrapRef T is object: " + (typeof(T) == typeof(object)));
        return new List<T> { a };
    }

    private static void Replace<T>(ref T target, T value) => target = value;

    private static int ReadIn<T>(in T value, System.Func<T, int> read) => read(value);

    [Goroutine]
    public static string AnonOutVarTryGetValue(Log log, int n)
    {
        var d = new[] { new { K = 1, V = "one" }, new { K = 3, V = "three" } }.ToDictionary(x => x.K);
        if (d.TryGetValue(Tw(n), out var v))
        {
            Go.Yield();
            log.Add("found " + v.V);
            return v.V;
        }
        Go.Yield();
        log.Add("missing " + (v is null));
        return "none";
    }

    [Goroutine]
    public static string AnonDeconstructionSwap(Log log, int n)
    {
        var a = new { X = n };
        var b = new { X = Tw(n + 1) };
        (a, b) = (b, a);
        log.Add("after swap " + a.X + "," + b.X);
        Go.Yield();
        var c = new { X = 10 };
        (a, (b, c)) = (c, (a, b));
        Go.Yield();
        return a.X + "," + b.X + "," + c.X;
    }

    [Goroutine]
    public static string AnonRefToGenericMethod(Log log, int n)
    {
        var a = new { X = n };
        Go.Yield();
        var w = WrapRef(log, ref a);
        Go.Yield();
        Replace(ref a, new { X = n + 7 });
        var viaIn = ReadIn(in a, v => v.X * 2);
        {
            ref var r = ref a;
            a = new { X = n + 20 };
            log.Add("ref sees " + r.X);
            r = new { X = n + 30 };
        }
        Go.Yield();
        return w[0].X + "," + a.X + "," + viaIn;
    }

    [Goroutine]
    public static string AnonOutVarInLoopAndTuple(Log log, int n)
    {
        var pairs = new[] { (new { A = 1 }, "x"), (new { A = 2 }, "y") }.ToDictionary(p => p.Item2);
        var acc = "";
        for (var i = 0; i < n + 1; i++)
        {
            var key = i % 2 == 0 ? "x" : "z";
            if (pairs.TryGetValue(Tw(key), out var pair))
                acc += pair.Item1.A + pair.Item2;
            else
                acc += "-";
            Go.Yield();
        }
        var (first, name) = pairs["y"];
        Go.Yield();
        return acc + first.A + name;
    }

    [Goroutine]
    public static string AnonVariablesInSuspendingStatements(Log log, int n)
    {
        var a = new { X = n };
        var b = new { X = n + 1 };
        Replace(ref a, new { X = Tw(n + 5) });
        log.Add("replaced " + a.X);
        (a, b) = (b, new { X = Tw(a.X + 1) });
        log.Add("swapped " + a.X + "," + b.X);
        var d = new[] { new { K = 1, V = "one" } }.ToDictionary(x => x.K);
        var v = d[1];
        var found = d.TryGetValue(Tw(n), out v);
        log.Add("found " + found + " " + v?.V);
        var w = WrapRef(log, ref b)[Tw(0)];
        Go.Yield();
        return a.X + "," + b.X + "," + w.X + "," + v?.V;
    }
}
