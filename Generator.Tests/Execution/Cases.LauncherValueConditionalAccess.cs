using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// A call over a launcher's value inside a nested conditional access (`a?.Next?.M(t + Tw(5))`): the inner access
// (`.Next?.M(...)`) cannot be bound alone, and the generator's model gives it an error type where `t` is a launcher's
// value; its type is its access's, lifted as C# lifts it (LauncherTypeInference.LiftedByConditionalAccess). Each was
// GOSH0010 before, while the same method with `t` written as a value was accepted.
public sealed class LvcNode
{
    public Log L = null!;
    public LvcNode? Next;
    public int[]? Arr;
    public LvcNode Self(string tag) { L.Add("self " + tag); return this; }
    public int M(int v) { L.Add("m " + v); return v * 3; }
    public void Do(int v) => L.Add("do " + v);
    public string Str(int v) => "s" + v;
    public int? Opt(int v) => v > 3 ? v : null;
    public T Id<T>(T v) { L.Add("id " + v); return v; }
}

public static partial class Cases
{
    [Goroutine] static T LvcLaunched<T>(T value) { Tw(0); return value; }

    static LvcNode? LvcChain(Log log, int n) => n > 0
        ? new LvcNode { L = log, Arr = new[] { 4, 5, 6 }, Next = new LvcNode { L = log, Arr = new[] { 7, 8, 9 }, Next = n > 1 ? new LvcNode { L = log } : null } }
        : null;

    [Goroutine]
    public static string LauncherValueInNestedConditionalAccess(Log log, int n)
    {
        var nl = LvcChain(log, n);
        var s = GoLvcLaunched("s" + n).Join();
        var t = GoLvcLaunched(n).Join();
        int x = nl?.Self("c").Next?.M((s.Length + Tw(5)).ToString().Length) ?? 2;
        int y = nl?.Next?.M(t + Tw(5)) ?? 2;
        return x + " " + y;
    }

    [Goroutine]
    public static string LauncherValueInNestedConditionalAccessKinds(Log log, int n)
    {
        var nl = LvcChain(log, n);
        var t = GoLvcLaunched(n).Join();
        var arr = GoLvcLaunched(new[] { 1, 2 }).Join();
        var x = GoLvcLaunched(n + 1).Join();
        nl?.Next?.Do(t + Tw(1));
        var a = nl?.Next?.Str(t + Tw(1)) ?? "d";
        var b = nl?.Next?.Opt(t + Tw(3));
        var c = nl?.Next?.Next?.Str(t + Tw(2));
        var d = nl?.Next?.Arr?[t % 2 + Tw(0)];
        var e = nl?.Next?.Id(t + Tw(2));
        x += nl?.Next?.Id(((int[])[Tw(x), .. arr])[1]) ?? 2;
        return a + "|" + b + "|" + c + "|" + d + "|" + e + "|" + x;
    }
}
