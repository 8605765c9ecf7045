using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Values of an anonymous type that wait in object temporaries (AnonymousTypes.cs: ValueTemp): the array of a
// foreach, the array of an element assignment, a switch statement's governing value, the value of ??=.
public static partial class Cases
{
    [Goroutine]
    private static T AnonPass<T>(Log log, T value)
    {
        log.Add("pass " + value);
        Go.Yield();
        return value;
    }

    [Goroutine]
    public static string AnonForEachOverArrays(Log log, int n)
    {
        var pairs = new[] { (new { A = n }, "x"), (new { A = 2 }, "yy") };
        Go.Yield();
        var acc = 0;
        foreach (var pq in pairs) acc += pq.Item1.A;
        foreach (var (p, q) in pairs) acc += p.A * 10 + q.Length;
        log.Add("no suspension " + acc);
        foreach (var pq in pairs)
        {
            acc += Tw(pq.Item1.A) * 100;
            log.Add("item " + pq.Item2);
        }
        foreach (var (p, q) in pairs)
        {
            Go.Yield();
            acc += p.A * 1000 + Tw(q).Length;
        }
        var rows = new[] { new { Id = 1, Name = "a" }, new { Id = n + 2, Name = "b" } };
        foreach (var row in rows)
        {
            if (Tw(row.Id) > 2) break;
            log.Add("row " + row.Name);
        }
        return acc.ToString();
    }

    [Goroutine]
    public static string AnonElementAssignment(Log log, int n)
    {
        var arr = new[] { new { X = 1 }, new { X = 2 } };
        arr[0] = new { X = Tw(n) };
        var old = arr;
        // C# reads the array and the index before the right side, which here replaces the local.
        arr[n % 2] = (arr = new[] { new { X = 7 }, new { X = 8 } })[1] with { } == null ? null! : new { X = Tw(n + 40) };
        log.Add("old " + old[0].X + "," + old[1].X + " new " + arr[0].X + "," + arr[1].X);
        var grid = new[] { new[] { new { X = 0 } } };
        grid[0][0] = new { X = Tw(5) };
        return arr[0].X + "," + old[n % 2].X + "," + grid[0][0].X;
    }

    [Goroutine]
    public static string AnonSwitchStatementWithSuspendingGuard(Log log, int n)
    {
        var results = new List<string>();
        for (var i = 0; i <= n + 1; i++)
        {
            var a = new { X = i, S = "s" + i };
            switch (a)
            {
                case { X: > 0 } when Tw(a.X) > 1:
                    results.Add("big " + a.S);
                    break;
                case { X: 0, S: var s } when Tw(s).Length > 0:
                    results.Add("zero " + s);
                    break;
                case { X: var x }:
                    results.Add("other " + x);
                    break;
            }
        }
        log.Add(string.Join("|", results));
        return results.Count.ToString();
    }

    [Goroutine]
    public static string AnonCoalesceAssignment(Log log, int n)
    {
        var a = n > 0 ? new { X = n } : null;
        var first = a ??= new { X = AnonPass(log, n + 10) };
        log.Add("first " + first.X + " " + ReferenceEquals(first, a));
        a = null;
        var second = (a ??= new { X = AnonPass(log, 20) }).X;
        a ??= new { X = AnonPass(log, 30) };
        return a.X + "," + second;
    }
}
