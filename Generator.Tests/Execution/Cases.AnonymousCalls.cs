using System.Collections.Generic;
using System.Linq;

namespace GoSharp.Generator.Tests.Execution;

// Nested goroutine calls whose type arguments are anonymous types: the callee's frame is made by a generic helper
// that infers them from examples and held as the runtime's Frame (CallLowering.cs: AnonymousFrameFactory).
public static partial class Cases
{
    [Goroutine]
    private static List<T> AnonRepeat<T>(Log log, T value, int count)
    {
        var list = new List<T>();
        for (var i = 0; i < count; i++)
        {
            Go.Yield();
            list.Add(value);
        }
        log.Add("repeat " + typeof(T).IsGenericType + " " + count);
        return list;
    }

    [Goroutine]
    private static int AnonCount<T>(Log log, IEnumerable<T> items)
    {
        Go.Yield();
        log.Add("count T is object: " + (typeof(T) == typeof(object)));
        return items.Count();
    }

    [Goroutine]
    public static string AnonTypeArgumentsOfNestedCalls(Log log, int n)
    {
        var a = AnonPass(log, new { A = n, S = "s" });
        log.Add("a " + a.A + a.S);
        var b = AnonPass(log, new { A = n + 1 }).A + AnonPass(log, (new { B = 2 }, "t")).Item1.B;
        var many = AnonRepeat(log, new { K = n, Inner = new { V = "v" } }, n + 1);
        var c = AnonCount(log, many);
        var pairs = AnonPass(log, new[] { new { A = 1 }, new { A = n } });
        return a.A + "," + b + "," + many.Count + many[0].Inner.V + "," + c + "," + pairs.Sum(p => p.A);
    }

    [Goroutine]
    public static string AnonResultsOfSuspensionPoints(Log log, int n)
    {
        var a = Tw(new { A = n, S = "s" + n });
        var b = Tw(new { A = n + 1 }).A + Sp.Fast(new { B = 3 }).B;
        var list = Tw(new[] { new { K = 1 }, new { K = n } }.ToList());
        log.Add("list " + list.Count + " " + list[1].K);
        var pair = Tw((new { P = "p" }, n));
        Go.Yield();
        return a.A + a.S + "," + b + "," + list.Sum(x => x.K) + "," + pair.Item1.P + pair.Item2;
    }
}
