using System.Collections.Generic;
using GoSharp.Generator.Tests.Execution;

namespace GoSharp.Generator.Tests.Execution;

// Deconstructions of values a launcher's handle gives, whose types the generator's model cannot see: a record's, a
// record struct's and a KeyValuePair's Deconstruct (no tuple), an extension Deconstruct (a generic one too), and a
// foreach that deconstructs the elements of a local of such a value. Each was GOSH0010 (a variable whose type the
// generator could not infer) or a frame that only threw, the body taken as not compiling.
public sealed record LvdRec(int A, string B);

public record struct LvdPair(int A, int B);

public sealed class LvdBag { public int P; public string Q = ""; }

public sealed class LvdBox<T> { public T V = default!; }

public static class LvdDeconstructions
{
    public static void Deconstruct(this LvdBag b, out int p, out string q) { p = b.P; q = b.Q; }
    public static void Deconstruct<T>(this LvdBox<T> b, out T v, out int h) { v = b.V; h = 7; }
}

public static partial class Cases
{
    [Goroutine] static T LvdLaunched<T>(T value) { Tw(0); return value; }

    /// <summary>`var (a, b) = r` of a record, a record struct and a tuple holding a record: the variables take the Deconstruct's out parameters' types.</summary>
    [Goroutine]
    public static string LvdRecordDeconstruction(Log log, int n)
    {
        var r = GoLvdLaunched(new LvdRec(n, "b" + n)).Join();
        var p = GoLvdLaunched(new LvdPair(n, 2)).Join();
        var (ra, rb) = r;
        var (pa, pb) = p;
        var (qa, qb) = GoLvdLaunched(new LvdPair(n + 1, 5)).Join();
        (var ua, var ub) = GoLvdLaunched(r with { A = Tw(7) }).Join();
        var (na, (nb, nc)) = GoLvdLaunched((1, r)).Join();
        log.Add("parts " + ra + rb + pa + pb);
        return ra + rb + Tw(1) + pa + pb + qa + qb + ua + ub + na + nb + nc;
    }

    /// <summary>A foreach deconstructing the elements of a local of a launcher's result: the model binds the local to nothing there.</summary>
    [Goroutine]
    public static string LvdForEachOverLocal(Log log, int n)
    {
        var d = GoLvdLaunched(new Dictionary<string, int> { ["k"] = n, ["j"] = n + 1 }).Join();
        var pairs = GoLvdLaunched(new[] { ("a", n), ("b", 2) }).Join();
        var acc = "";
        foreach (var (k, v) in d) acc += k + Tw(v);
        foreach (var (k, v) in pairs) { log.Add("el " + k); acc += k + Tw(v * 2); }
        foreach (var (k, (x, y)) in GoLvdLaunched(new[] { ("c", new LvdPair(n, 3)) }).Join()) acc += k + Tw(x) + y;
        return acc + d.Count;
    }

    /// <summary>An extension Deconstruct in scope, a generic one whose type argument the receiver gives: the variables take its out parameters' types.</summary>
    [Goroutine]
    public static string LvdExtensionDeconstruction(Log log, int n)
    {
        var b = GoLvdLaunched(new LvdBag { P = n, Q = "q" }).Join();
        var (p, q) = b;
        var (v, h) = GoLvdLaunched(new LvdBox<string> { V = "v" + n }).Join();
        foreach (var (p2, q2) in GoLvdLaunched(new[] { b }).Join()) q += q2 + Tw(p2);
        return p + q + Tw(1) + v + h;
    }
}
