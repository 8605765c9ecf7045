using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8: values whose type holds an anonymous type, produced by a suspending ?. or switch expression (object
// temporaries read back by example, AnonymousTypes.cs), nested, in loops and under ??.
public static partial class Cases
{
    /// <summary>Makes values of whatever type it is given (so a call's result can be an anonymous type), logging each call.</summary>
    public sealed class AnonMaker
    {
        private readonly Log _log;
        private readonly string _name;

        public AnonMaker(Log log, string name, AnonMaker? next = null)
        {
            _log = log;
            _name = name;
            Next = next;
        }

        public AnonMaker? Next { get; }

        public T Make<T>(T value)
        {
            _log.Add(_name + ".Make(" + value + ")");
            return value;
        }

        public List<T> Many<T>(T value, int count)
        {
            _log.Add(_name + ".Many(" + count + ")");
            var list = new List<T>();
            for (var i = 0; i < count; i++) list.Add(value);
            return list;
        }
    }

    [Goroutine]
    public static string AnonConditionalAccessShapes(Log log, int n)
    {
        var o = n > 0 ? new AnonMaker(log, "o", n > 1 ? new AnonMaker(log, "next") : null) : null;
        var a = o?.Make(new { X = Tw(n), S = "a" + n });
        var list = o?.Many(new { X = Tw(2), S = log.L("many", "l") }, n);
        log.Add("a=" + a + " list=" + list?.Count);
        Go.Yield();
        var b = o?.Next?.Make(new { X = Tw(3), S = "nested" });
        var pair = o?.Make((new { X = Tw(4) }, n));
        var holder = n > 2 ? new { Inner = o, K = n } : null;
        var viaAnonReceiver = holder?.Inner?.Make(new { X = Tw(5), K = holder.K });
        var k = holder?.K.CompareTo(Tw(3));
        return $"{a?.X},{a?.S},{list?.Count},{list?[0].S},{b?.S},{pair?.Item1.X}/{pair?.Item2},{viaAnonReceiver?.X}{viaAnonReceiver?.K},{k}";
    }

    [Goroutine]
    public static string AnonConditionalAccessInLoopsAndCoalesce(Log log, int n)
    {
        var o = new AnonMaker(log, "o");
        var total = 0;
        var seen = new List<string>();
        for (var i = 0; i < n + 2; i++)
        {
            var e = (i % 2 == 0 ? o : null)?.Make(new { I = Tw(i), Sq = i * i });
            total += e?.Sq ?? Tw(100);
            var f = (i > n ? null : o)?.Make(new { I = i, Name = Tw("f" + i) }) ?? new { I = -1, Name = log.L("fallback", "fb" + i) };
            seen.Add(f.Name + ":" + f.I);
        }
        var rows = (n > 1 ? o : null)?.Many(new { Id = Tw(7) }, 2) ?? new List<int>().ConvertAll(x => new { Id = x });
        var first = (n > 0 ? o : null)?.Make(new { Id = Tw(8) }) ?? (n > 2 ? null : o?.Make(new { Id = Tw(9) })) ?? new { Id = 10 };
        return total + "|" + string.Join(",", seen) + "|" + rows.Count + "|" + first.Id;
    }

    [Goroutine]
    public static string AnonSwitchExpressionShapes(Log log, int n)
    {
        var a = n switch
        {
            0 => new { X = Tw(0), S = "zero" },
            1 => new { X = 1, S = Tw("one") },
            _ => new { X = Tw(n), S = "many" },
        };
        log.Add("a=" + a);
        // The governing value is anonymous too: patterns read it back by example.
        var b = a switch
        {
            { X: 0 } => new { Y = Tw("z") },
            { S: "one" } when Tw(true) => new { Y = "o" },
            _ => new { Y = Tw(a.S + a.X) },
        };
        var arr = n switch
        {
            > 1 => new[] { new { V = Tw(n) }, new { V = 2 } },
            _ => new[] { new { V = Tw(-1) } },
        };
        var nested = n switch
        {
            0 => Tw(n) switch { 0 => new { Z = 1, From = "inner" }, _ => new { Z = 2, From = "inner" } },
            _ => new { Z = Tw(3), From = "outer" },
        };
        var pair = n switch { 3 => (new { P = Tw(1) }, "three"), _ => (new { P = 0 }, Tw("other")) };
        return $"{a.X}{a.S}|{b.Y}|{arr.Length}:{arr[0].V}|{nested.Z}{nested.From}|{pair.Item1.P}{pair.Item2}";
    }

    [Goroutine]
    public static string AnonSwitchExpressionInLoopsAndCoalesce(Log log, int n)
    {
        var list = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var r = (i + n) switch
            {
                0 => null,
                var k when k % 2 == 0 => new { K = Tw(k) },
                var k => new { K = -k },
            } ?? new { K = Tw(99) };
            list.Add(r.K.ToString());
            var s = ((i % 3) switch { 0 => new { T = log.L("t", i) }, _ => null })?.T ?? Tw(-i);
            list.Add(s.ToString());
        }
        var o = n > 1 ? new AnonMaker(log, "o") : null;
        var mixed = o?.Make(n switch { 2 => new { M = Tw("two") }, _ => new { M = "other" } }) ?? new { M = Tw("none") };
        return string.Join(",", list) + "|" + mixed.M;
    }
}
