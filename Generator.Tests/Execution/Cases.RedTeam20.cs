namespace GoSharp.Generator.Tests.Execution;

// Red team round 20: evaluation order through user-defined members that log every call, suspension points in every
// operand position.
public static partial class Cases
{
    public sealed record Rec20
    {
        public Log Log { get; init; } = null!;
        private readonly int _a, _b;
        public int A { get => _a; init { Log.Add("A=" + value); _a = value; } }
        public int B { get => _b; init { Log.Add("B=" + value); _b = value; } }
    }

    public sealed record PositionalRec20(Log Log, int X)
    {
        private readonly int _c;
        public int C { get => _c; init { Log.Add("C=" + value); _c = value; } }
        public int D { get; init; }
    }

    public readonly record struct RecordStruct20(Log Log, int X)
    {
        private readonly int _y;
        public int Y { get => _y; init { Log.Add("Y=" + value); _y = value; } }
    }

    public sealed class Mixed20
    {
        public Log Log { get; init; } = null!;
        private int _s;
        public int S { get => _s; set { Log.Add("S=" + value); _s = value; } }
        public int I { get; init; }
    }

    // Bug: an initializer that sets init-only members was one expression over values spilled first whenever the
    // constructor runs no user code, so an init accessor with a body ran after the later values: `A=0` logged after
    // `b=2` where C# (and async) run it between the two values. A member whose accessor runs code before a
    // suspending value now takes the path that creates the object first and sets each member after its value.
    [Goroutine]
    public static string Rt20InitAccessorBeforeSuspendingValue(Log log, int n)
    {
        var r = new Rec20 { Log = log, A = log.L("a", n), B = Tw(log.L("b", 2)) };
        return r.A + "," + r.B;
    }

    // The same with a settable property whose setter has a body next to an auto-implemented init-only one.
    [Goroutine]
    public static string Rt20SetterBeforeSuspendingValue(Log log, int n)
    {
        var m = new Mixed20 { Log = log, S = log.L("s", n), I = Tw(log.L("i", 1)) };
        return m.S + "," + m.I;
    }

    // A positional record: its own init accessor with a body before a suspending value, an auto one after it.
    [Goroutine]
    public static string Rt20PositionalRecordInitAccessor(Log log, int n)
    {
        var r = new PositionalRec20(log, log.L("x", n)) { C = log.L("c", 3), D = Tw(log.L("d", 4)) };
        return r.X + "," + r.C + "," + r.D;
    }

    // In a loop, the suspending value first and the accessor with a body last: the one expression still keeps the
    // order (the values after the last suspending one stay in place).
    [Goroutine]
    public static string Rt20InitAccessorAfterSuspendingValue(Log log, int n)
    {
        var s = "";
        for (var i = 0; i < n + 1; i++)
        {
            var r = new Rec20 { Log = log, B = Tw(log.L("b", i)), A = log.L("a", i * 2) };
            s += r.A + r.B + ";";
        }
        return s;
    }

    // Bug: in the one expression an init-only initializer becomes (values spilled first, then
    // `new T(args) { ... }`), arguments without a suspension point stayed in place and ran after the member values:
    // `x` logged after `d`. They are now spilled first when a member value suspends.
    [Goroutine]
    public static string Rt20ArgumentsBeforeSuspendingInitValue(Log log, int n)
    {
        var r = new PositionalRec20(log, log.L("x", n)) { D = Tw(log.L("d", 4)) };
        return r.X + "," + r.D;
    }

    // Bug: a record struct's primary constructor was taken for one that runs code (the walk over its base types
    // did not stop at ValueType, which has no source), so this was refused (GOSH0010) where async accepts it.
    [Goroutine]
    public static string Rt20RecordStructInitializer(Log log, int n)
    {
        var s = new RecordStruct20(log, log.L("x", n)) { Y = Tw(log.L("y", 2)) };
        // The accessor with a body after the suspending value: the copy's one expression keeps C#'s order.
        var t = s with { X = Tw(log.L("z", 6)), Y = log.L("w", 5) };
        return s.X + "," + s.Y + ";" + t.X + "," + t.Y;
    }
}
