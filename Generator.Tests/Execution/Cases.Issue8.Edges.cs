using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team): smaller shapes: goroutines returning tuples that are deconstructed, void goroutines
// returning from nested loops through finallies, launchers joined in expressions, members of a created
// object, filter pattern variables read by a moved handler, multi-dimensional index initializers.
public static partial class Cases
{
    [Goroutine]
    public static string EdgTupleReturningGoroutines(Log log, int n)
    {
        var (a, b) = EdgPair(log, n);
        (a, var c) = (EdgPair(log, a).Item2, Tw(3));
        var t = EdgPair(log, b);
        var arr = new int[2];
        (arr[log.L("i", 0)], arr[1]) = EdgPair(log, c);
        return $"{a},{b},{c},{t.First},{t.Second},{arr[0]},{arr[1]}";
    }

    [Goroutine]
    private static (int First, int Second) EdgPair(Log log, int v)
    {
        Sp.Pause();
        log.Add("pair " + v);
        return (v + 1, v * 2);
    }

    [Goroutine]
    public static string EdgVoidReturnsThroughFinallies(Log log, int n)
    {
        EdgVoid(log, n);
        EdgVoid(log, n + 2);
        return "done";
    }

    [Goroutine]
    private static void EdgVoid(Log log, int n)
    {
        try
        {
            for (var i = 0; i < 3; i++)
            {
                foreach (var j in Seqs.Count(log, 3))
                {
                    try
                    {
                        if (i * 3 + j == n) { log.Add("return at " + i + j); return; }
                    }
                    finally
                    {
                        if (j == 1) Sp.Pause();
                    }
                }
            }
            log.Add("no return");
        }
        finally
        {
            log.Add("void finally " + Tw(n));
        }
    }

    [Goroutine]
    public static string EdgLaunchersJoinedInExpressions(Log log, int n)
    {
        var h1 = GoEdgPair(log, n);
        var h2 = GoEdgSquare(n + 1);
        var total = h1.Join().First + h2.Join() * Tw(2);
        var again = GoEdgSquare(Tw(3)).Join() + (n > 1 ? GoEdgSquare(n).Join() : 0);
        return total + "," + again;
    }

    [Goroutine]
    private static int EdgSquare(int v)
    {
        Go.Yield();
        return v * v;
    }

    [Goroutine]
    public static string EdgMembersOfCreatedObjects(Log log, int n)
    {
        var v = new Box { Value = Tw(n) + 1 }.Value;
        var count = new List<int> { Tw(1), 2, n }.Count;
        var name = new Box { Name = Tw("nm") }.Name!.ToUpperInvariant() + new string('x', Tw(n));
        var grid = new EdgGrid { [Tw(0), log.L("j", 1)] = Tw(5), [1, 1] = log.L("v", 6) };
        return $"{v},{count},{name},{grid[0, 1]},{grid[1, 1]}";
    }

    [Goroutine]
    public static string EdgFilterPatternVariablesInMovedHandler(Log log, int n)
    {
        var s = "";
        for (var i = 0; i < 3; i++)
        {
            try
            {
                Tw(0);
                if ((i + n) % 3 == 0) throw new ArgumentException("bad", "p" + i);
                if ((i + n) % 3 == 1) throw new InvalidOperationException("ioe" + i);
            }
            catch (Exception e) when (e is ArgumentException { ParamName: { } p } && p.Length > 1)
            {
                Go.Yield();
                s += "arg " + p + ";";
            }
            catch (Exception e) when (e.Message is { Length: > 2 } m && m.StartsWith("ioe"))
            {
                s += "ioe " + Tw(m) + ";";
            }
        }
        return s;
    }
}

public sealed class EdgGrid
{
    private readonly Dictionary<(int, int), int> _cells = new();
    public int this[int i, int j] { get => _cells.TryGetValue((i, j), out var v) ? v : -1; set => _cells[(i, j)] = value; }
}
