using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8: values of launcher handles the generator's semantic model cannot see (its own GoX(...) output):
// var locals, generic launchers without explicit type arguments, and expressions over Join() results that
// live across a suspension point; types built from a Join() result (an anonymous type, a tuple, a collection, a
// lambda: red team round 3, they were written into the frame with error types, CS1031/CS0246/CS7003).
public static partial class Cases
{
    [Goroutine]
    private static T EchoAfterYield<T>(T value)
    {
        Go.Yield();
        return value;
    }

    [Goroutine]
    private static int TripleAfterPause(int n)
    {
        Sp.Pause();
        return n * 3;
    }

    [Goroutine]
    public static string LauncherHandlesInVarLocals(Log log, int n)
    {
        var h = GoTripleAfterPause(n + 1);
        var s = GoEchoAfterYield("s" + n);
        var list = GoEchoAfterYield(new List<int> { n, 2 });
        var arr = GoEchoAfterYield(new[] { 1.5, n });
        Go.Yield();
        var total = h.Join() + 1;
        var text = s.Join() + "!";
        Sp.Pause();
        var both = n > 1 ? total * 2 : total;
        var count = list.Join().Count + arr.Join().Length;
        Go.Yield();
        log.Add(text + both);
        return $"{total},{text},{both},{count}";
    }

    [Goroutine]
    public static string LauncherResultsInBuiltTypes(Log log, int n)
    {
        var r = GoEchoAfterYield(new { A = n }).Join();
        var b = new { B = r.A + 1, r };
        var v = GoEchoAfterYield(n + 2).Join();
        var t = (v, 1);
        var named = (First: v, r.A);
        var list = new List<int> { v };
        var arr = new[] { v, 2 };
        var anons = new[] { r, new { A = 7 } };
        var f = () => v + 1;
        var g = () => r.A * 10;
        var h = (int k) => new { K = k + v };
        Func<int, int> typed = k => k * v;
        // A constant 0 would pick the byte overload; v, an int variable, picks long.
        var widened = LrOverload(v);
        Go.Yield();
        log.Add($"{b.B},{b.r.A},{t.v},{t.Item2},{named.First},{named.A}");
        v += 100;
        Sp.Pause();
        return $"{list[0]},{arr[0]},{anons[0].A},{anons[1].A},{f()},{g()},{h(1).K},{typed(2)},{widened.GetType().Name}";
    }

    private static byte LrOverload(byte b) => b;

    private static long LrOverload(long l) => l;

    [Goroutine]
    public static string LauncherResultsDeconstructed(Log log, int n)
    {
        var (a, b) = GoEchoAfterYield((n, "s" + n)).Join();
        var (c, (d, e)) = GoEchoAfterYield((n + 1, (new { X = n }, 2.5))).Join();
        (var f, var g) = GoEchoAfterYield((n * 3, 'g')).Join();
        var pairs = GoEchoAfterYield(new List<(int K, string V)> { (1, "one"), (n, "n") }).Join();
        var total = "";
        foreach (var (k, v) in GoEchoAfterYield(pairs).Join())
        {
            Sp.Pause();
            total += k + v + ";";
        }
        foreach (var x in GoEchoAfterYield(new[] { new { Y = n }, new { Y = 5 } }).Join())
        {
            Go.Yield();
            total += x.Y;
        }
        var r = GoEchoAfterYield((K: n, A: new { X = n })).Join();
        var arr = new[] { (r.A, 1) };
        Sp.Pause();
        foreach (var (h, i) in arr)
        {
            Sp.Pause();
            total += "|" + (h.X + i);
        }
        foreach (var z in GoEchoAfterYield(new List<int> { n, 7 }).Join())
        {
            Sp.Pause();
            total += "," + z;
        }
        Go.Yield();
        log.Add(total);
        return $"{a},{b},{c},{d.X},{e},{f},{g},{total}";
    }
}
