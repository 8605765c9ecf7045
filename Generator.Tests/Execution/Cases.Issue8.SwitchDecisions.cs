using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8: a switch reads what its patterns test through one decision DAG (each property, Deconstruct, Length and
// indexer at most once on the path taken), also when an arm, a section or a guard that does not suspend sits
// beside a suspension point. The getters below log every read and answer differently each time, so a second read
// changes the arm taken as well as the log.
public static partial class Cases
{
    private sealed class Reads
    {
        private readonly Log _log;
        private int _x, _y, _len;
        public Reads(Log log, int start) { _log = log; _x = start; _y = start; _len = start; }
        public int X { get { _log.Add("X"); return ++_x; } }
        public int Y { get { _log.Add("Y"); return ++_y; } }
        public int Length { get { _log.Add("Length"); return 2 + (++_len % 2); } }
        public int this[int i] { get { _log.Add("this[" + i + "]"); return i + _x; } }
        public void Deconstruct(out int a, out int b) { _log.Add("Deconstruct"); a = ++_x; b = ++_y; }
    }

    [Goroutine]
    public static string SwitchExpressionArmSuspendsReadsOnce(Log log, int n)
    {
        var p = new Reads(log, n);
        var first = p switch { { X: 2 } => Tw("two"), { X: 1 } => "one", { X: > 3, Y: var y } => "big" + Tw(y), _ => "other" };
        var q = new Reads(log, n);
        var second = q switch { (2, var b) => Tw("d" + b), (1, _) => "d1", { Y: var y } when y > 2 => "y" + y, _ => Tw("none") };
        return first + "|" + second;
    }

    [Goroutine]
    public static string SwitchExpressionListPatternArmSuspends(Log log, int n)
    {
        var p = new Reads(log, n);
        return p switch
        {
            [var a, 4] => Tw("a" + a),
            [_, var b] when b > 2 => "b" + Tw(b),
            [_, _, var c] => "c" + c,
            _ => Tw("none"),
        };
    }

    [Goroutine]
    public static string SwitchStatementSectionSuspendsReadsOnce(Log log, int n)
    {
        var p = new Reads(log, n);
        switch (p)
        {
            case { X: 2 }:
                return Tw("two");
            case { X: 1 } when log.L("guard", n) > 0:
                return "one";
            case { X: var x, Y: var y } when x > 3:
                return "x" + Tw(x) + y;
            default:
                return "other";
        }
    }

    private sealed record PointRecord(int X, int Y);

    // A guard that suspends: arm by arm over C#'s DAG values, each read once into a frame field; what reads nothing
    // with a side effect (auto-properties, records' positional members and Deconstruct, tuples, strings) is C#'s own
    // 'is' on the cached value (shared getters: Cases.Issue8.SwitchGuardDag.cs).
    [Goroutine]
    public static string SwitchSuspendingGuardOverPureMembers(Log log, int n)
    {
        var r = new PointRecord(n, n + 1);
        var s1 = r switch { { X: var a } when Tw(a) > 1 => "big" + a, { X: 1 } => "one", (0, var y) when Tw(y) == 1 => "zero", _ => "other" };
        var arr = new[] { n, n * 2, 3 };
        var s2 = arr switch { [var h, ..] when Tw(h) > 2 => "h" + h, [_, var m, _] when log.L("m", m) > 1 => "m", [.. var rest] => "rest" + rest.Length };
        var t = (n, "s" + n);
        string s3;
        switch (t)
        {
            case (0, var s) when Tw(s) == "s0": s3 = "zero"; break;
            case (var k, _) when Tw(k) > 2: s3 = "k" + k; break;
            case (_, { Length: var len }): s3 = "len" + len; break;
            default: s3 = "null"; break;
        }
        var reads = new Reads(log, n);
        var s4 = reads switch { { X: var x } when Tw(x) > 2 => "x" + x, { Y: var y } => "y" + y };
        return s1 + "|" + s2 + "|" + s3 + "|" + s4;
    }
}
